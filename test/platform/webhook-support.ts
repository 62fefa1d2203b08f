// Shared by the webhook, event-processing and reconciliation tests: the app in-process with the webhook route and the
// event processor, signed posts, event builders, a client in a running inactivity cycle, and an in-memory reader.
import crypto from 'node:crypto';
import { expect } from 'vitest';
import { createServer, type App } from '../../bot/server.ts';
import { loadConfig, type Config } from '../../src/config/config.ts';
import type { Db } from '../../src/db/client.ts';
import { silentLogger } from '../../src/log/logger.ts';
import { createPlatformEventWorker, signWebhook, type PlatformEventWorker, type WebhookEvent } from '../../src/platform/index.ts';
import type { PlatformClient, PlatformInboxItem, PlatformReader, PlatformTask } from '../../src/platform/reader.ts';
import { TICK_JOBS } from '../../src/tick/jobs.ts';
import { runTick } from '../../src/tick/run-tick.ts';
import { FixedClock } from '../../src/time/clock.ts';
import { testDatabase, type TestDatabase } from '../support/db.ts';
import { assign, createClient, createPerson, type TestPerson } from '../support/people.ts';

export const SECRET = 'whsec_test_0123456789abcdef';
export const NOW = new Date('2026-11-30T09:00:00Z'); // Monday 10:00 Berlin, inside the send window
export const WEEK = 7 * 86_400_000;
export const HOUR = 3_600_000;

export interface WebhookApp {
  url: string;
  db: TestDatabase;
  clock: FixedClock;
  config: Config;
  app: App;
  worker: PlatformEventWorker;
  close(): Promise<void>;
}

export async function startWebhookApp(options: { kind?: 'sqlite' | 'postgres'; env?: Record<string, string>; worker?: boolean } = {}): Promise<WebhookApp> {
  const db = await testDatabase(options.kind ?? 'sqlite');
  const config = loadConfig({ LOG_LEVEL: 'silent', DATABASE_URL: db.url, PLATFORM_WEBHOOK_SECRET: SECRET, ...options.env });
  const clock = new FixedClock(NOW);
  const worker = createPlatformEventWorker({ prisma: db.prisma, logger: silentLogger, clock, timeZone: config.businessTimeZone, pollMs: 60_000 });
  const app = createServer({ config, db, logger: silentLogger, clock, platformEvents: worker });
  const { port } = await app.listen(0, '127.0.0.1');
  if (options.worker !== false) worker.start();
  return {
    url: `http://127.0.0.1:${port}`,
    db,
    clock,
    config,
    app,
    worker,
    async close() {
      await worker.stop();
      await app.stop();
      await db.destroy();
    },
  };
}

export interface Posted {
  status: number;
  body: Record<string, unknown>;
}

/** POSTs raw bytes to the webhook route with the given headers. */
export async function postRaw(url: string, body: Buffer | string, headers: Record<string, string>): Promise<Posted> {
  const res = await fetch(`${url}/api/platform/webhooks`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: typeof body === 'string' ? body : new Uint8Array(body) });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

/** POSTs an event (or any body) signed with SECRET at `at` (default: the app's clock). */
export async function postSigned(w: Pick<WebhookApp, 'url' | 'clock'>, body: unknown, at: Date = w.clock.now()): Promise<Posted> {
  const raw = Buffer.from(typeof body === 'string' ? body : JSON.stringify(body), 'utf8');
  return postRaw(w.url, raw, signWebhook(SECRET, raw, at));
}

let seq = 0;
export const eventId = () => `evt_${++seq}_${crypto.randomBytes(4).toString('hex')}`;

export function taskCreated(clientNumber: string, createdAt: Date, taskId = `T-${++seq}`, extra: Partial<{ title: string; competence: string }> = {}): WebhookEvent {
  return { id: eventId(), type: 'task.created', occurredAt: createdAt.toISOString(), data: { taskId, clientNumber, createdAt: createdAt.toISOString(), ...extra } };
}

export function chatReceived(clientNumber: string, receivedAt: Date, account: 'conny' | 'vpa', messageId = `C-${++seq}`): WebhookEvent {
  return { id: eventId(), type: 'chat.received', occurredAt: receivedAt.toISOString(), data: { messageId, clientNumber, receivedAt: receivedAt.toISOString(), account } };
}

export function mailReceived(clientNumber: string, receivedAt: Date, account: 'conny' | 'vpa', mailId = `M-${++seq}`): WebhookEvent {
  return { id: eventId(), type: 'mail.received', occurredAt: receivedAt.toISOString(), data: { mailId, clientNumber, subject: 'Rückfrage', receivedAt: receivedAt.toISOString(), account } };
}

export function chatAnswered(clientNumber: string, messageId: string, answeredAt: Date): WebhookEvent {
  return { id: eventId(), type: 'chat.answered', occurredAt: answeredAt.toISOString(), data: { messageId, clientNumber, answeredAt: answeredAt.toISOString() } };
}

export function mailAnswered(clientNumber: string, mailId: string, answeredAt: Date): WebhookEvent {
  return { id: eventId(), type: 'mail.answered', occurredAt: answeredAt.toISOString(), data: { mailId, clientNumber, answeredAt: answeredAt.toISOString() } };
}

export function clientReassigned(clientNumber: string, vpaEmail: string, at: Date): WebhookEvent {
  return { id: eventId(), type: 'client.reassigned', occurredAt: at.toISOString(), data: { clientNumber, vpaEmail, at: at.toISOString() } };
}

export interface CycleWorld {
  vpa: TestPerson;
  other: TestPerson;
  conny: TestPerson;
  client: { id: string; number: string; name: string };
}

/**
 * A VPA's client whose last task was nine weeks before NOW, a second VPA, the Conny account, the shift and the admin
 * team; with `tick`, the inactivity jobs have started the client's cycle at NOW (status running).
 */
export async function clientInCycle(prisma: Db, config: Config, options: { tick?: boolean; number?: string } = {}): Promise<CycleWorld> {
  const vpa = await createPerson(prisma, { name: 'Anna Schneider', roles: ['vpa'] });
  const other = await createPerson(prisma, { name: 'Ben Wagner', roles: ['vpa'] });
  const conny = await createPerson(prisma, { name: 'Conny Meindl', roles: ['conny'] });
  await createPerson(prisma, { name: 'Sven Schicht', roles: ['shift'] });
  await createPerson(prisma, { name: 'Sabine Koch', roles: ['admin'] });
  const client = await createClient(prisma, { number: options.number ?? 'K-3001', name: 'Stille Wasser GmbH' });
  await assign(prisma, { clientId: client.id, vpaId: vpa.id, from: new Date('2025-01-01T00:00:00Z') });
  await prisma.task.create({ data: { id: crypto.randomUUID(), clientId: client.id, createdAt: new Date(NOW.getTime() - 9 * WEEK), sourceKey: `seed:${client.number}` } });
  if (options.tick !== false) {
    await tick(prisma, config, NOW);
    const cycle = await prisma.inactivityCycle.findFirstOrThrow({ where: { clientId: client.id } });
    expect(cycle.status).toBe('running');
  }
  return { vpa, other, conny, client };
}

/** One tick of every registered job at `now`; fails the test when a job fails. */
export async function tick(prisma: Db, config: Config, now: Date): Promise<string[]> {
  const results = await runTick({ prisma, now, logger: silentLogger, config, jobs: TICK_JOBS });
  expect(results.filter((r) => r.error).map((r) => `${r.job}: ${r.error?.code} ${r.error?.message}`)).toEqual([]);
  return results.flatMap((r) => r.lines);
}

/** Waits until `check` holds (the processor runs after the answer). */
export async function eventually(check: () => Promise<boolean>, what: string, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** A platform held in memory: what the reader lists, and whether it answers at all. */
export interface FakePlatform extends PlatformReader {
  tasks: PlatformTask[];
  inbox: PlatformInboxItem[];
  clients: PlatformClient[];
  down: boolean;
  /** The `since` of every listTasksSince call. */
  sinceCalls: Date[];
}

export function fakePlatform(): FakePlatform {
  const p: FakePlatform = {
    tasks: [],
    inbox: [],
    clients: [],
    down: false,
    sinceCalls: [],
    async listTasksSince(since) {
      p.sinceCalls.push(since);
      if (p.down) throw new Error('connect ECONNREFUSED platform.example:443');
      return p.tasks.filter((t) => t.createdAt >= since).sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
    },
    async listConnyInbox() {
      if (p.down) throw new Error('connect ECONNREFUSED platform.example:443');
      return [...p.inbox];
    },
    async listClients() {
      return [...p.clients];
    },
  };
  return p;
}
