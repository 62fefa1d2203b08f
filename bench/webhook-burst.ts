// A burst of 1,000 signed platform webhooks (issue 9, acceptance 4) against the whole app on SQLite, 20 at a time:
// how fast they are accepted (stored, 200), and how long until the event processor has applied all of them (how many
// it processed). Side by side, in the same run, the same 1,000 requests to a bare restify route that reads the body
// and answers 200 (the floor any webhook endpoint on this stack stands on); the ratio says what signature check,
// validation and the database cost on top of it.
import { performance } from 'node:perf_hooks';
import restify, { type Request, type Response } from 'restify';
import { createServer } from '../bot/server.ts';
import { loadConfig } from '../src/config/config.ts';
import { silentLogger } from '../src/log/logger.ts';
import { createPlatformEventWorker, signWebhook, type WebhookEvent } from '../src/platform/index.ts';
import { systemClock } from '../src/time/clock.ts';
import { sqliteTestDatabase } from '../test/support/db.ts';
import { assign, createClient, createPerson } from '../test/support/people.ts';

const EVENTS = Number(process.env.BENCH_WEBHOOKS ?? 1000);
const CONCURRENCY = 20;
const SECRET = 'bench-webhook-secret';
const CLIENTS = 50;

function burst(now: Date): WebhookEvent[] {
  const at = now.toISOString();
  const events: WebhookEvent[] = [];
  for (let i = 0; i < EVENTS; i++) {
    const clientNumber = `W-${i % CLIENTS}`;
    const id = `bench-${i}`;
    switch (i % 5) {
      case 0:
      case 1:
      case 2:
        events.push({ id, type: 'task.created', occurredAt: at, data: { taskId: `T-${i}`, clientNumber, createdAt: at, title: `Aufgabe ${i}` } });
        break;
      case 3:
        events.push({ id, type: 'chat.received', occurredAt: at, data: { messageId: `C-${i}`, clientNumber, receivedAt: at, account: 'conny' } });
        break;
      default:
        events.push({ id, type: 'chat.answered', occurredAt: at, data: { messageId: `C-${i - 1}`, clientNumber, answeredAt: at } });
    }
  }
  return events;
}

/** Posts every body, `CONCURRENCY` at a time; returns the seconds it took and the statuses seen. */
async function post(url: string, bodies: string[]): Promise<{ seconds: number; statuses: Map<number, number> }> {
  const statuses = new Map<number, number>();
  let next = 0;
  const t = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < bodies.length) {
        const body = bodies[next++]!;
        const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...signWebhook(SECRET, body, new Date()) }, body });
        await res.arrayBuffer();
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      }
    }),
  );
  return { seconds: (performance.now() - t) / 1000, statuses };
}

async function bareRestify(bodies: string[]): Promise<number> {
  const server = restify.createServer({ name: 'bare', handleUncaughtExceptions: false });
  server.post('/hook', (req: Request, res: Response, next) => {
    req.on('data', () => undefined);
    req.on('end', () => {
      res.send(200, { status: 'accepted' });
      next();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const address = server.address();
  try {
    return (await post(`http://127.0.0.1:${address.port}/hook`, bodies)).seconds;
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

export async function webhookBurst(): Promise<void> {
  const db = await sqliteTestDatabase();
  const line = (name: string, value: string) => process.stdout.write(`${name.padEnd(44)} ${value}\n`);
  try {
    const conny = await createPerson(db.prisma, { name: 'Conny Meindl', roles: ['conny'] });
    const vpa = await createPerson(db.prisma, { name: 'Vera Bench', roles: ['vpa'] });
    for (let c = 0; c < CLIENTS; c++) {
      const client = await createClient(db.prisma, { number: `W-${c}`, name: `Kunde ${c}` });
      await assign(db.prisma, { clientId: client.id, vpaId: c % 2 === 0 ? conny.id : vpa.id, from: new Date('2026-01-01T00:00:00Z') });
    }
    const config = loadConfig({ LOG_LEVEL: 'silent', DATABASE_URL: db.url, PLATFORM_WEBHOOK_SECRET: SECRET });
    const worker = createPlatformEventWorker({ prisma: db.prisma, logger: silentLogger, clock: systemClock, timeZone: config.businessTimeZone, pollMs: 50 });
    const app = createServer({ config, db, logger: silentLogger, clock: systemClock, platformEvents: worker });
    const { port } = await app.listen(0, '127.0.0.1');
    worker.start();
    const bodies = burst(new Date()).map((e) => JSON.stringify(e));
    try {
      // Same requests, same client, side by side: the bare route first, then the app.
      const bare = await bareRestify(bodies);
      const t0 = performance.now();
      const accepted = await post(`http://127.0.0.1:${port}/api/platform/webhooks`, bodies);
      let processed = 0;
      const deadline = Date.now() + 120_000;
      while (Date.now() < deadline) {
        processed = await db.prisma.platformEvent.count({ where: { status: 'processed' } });
        if (processed + (await db.prisma.platformEvent.count({ where: { status: 'failed' } })) >= EVENTS) break;
        await new Promise((r) => setTimeout(r, 20));
      }
      const allDone = (performance.now() - t0) / 1000;
      const failed = await db.prisma.platformEvent.count({ where: { status: 'failed' } });
      const ok = accepted.statuses.get(200) ?? 0;
      const others = [...accepted.statuses].filter(([s]) => s !== 200).map(([s, n]) => `${n}×${s}`).join(', ');
      line(`webhooks: ${EVENTS} signed events, ${CONCURRENCY} at a time`, `${accepted.seconds.toFixed(2)} s = ${(EVENTS / accepted.seconds).toFixed(0)} events/s accepted (${ok} × 200${others ? `, ${others}` : ''})`);
      line('webhooks: processed', `${processed} of ${EVENTS}${failed ? `, ${failed} FAILED` : ''}, all done ${allDone.toFixed(2)} s after the first post = ${(processed / allDone).toFixed(0)} events/s`);
      line('webhooks: bare restify route answering 200', `${bare.toFixed(2)} s = ${(EVENTS / bare).toFixed(0)} requests/s; the app takes ${(accepted.seconds / bare).toFixed(1)}× as long to accept`);
    } finally {
      await worker.stop();
      await app.stop();
    }
  } finally {
    await db.destroy();
  }
}
