// Benchmarks: `npm run bench`. Prints figures; asserts nothing (targets are read by people, not tests).
//  - card action latency through /api/messages (Teams re-sends an invoke not answered within ~2 s), side by side
//    with a bare botbuilder + restify bot answering the same invoke (bench/baseline-bot.ts): the ratio is the target
//  - outbox throughput to a local fake connector under the real Teams rate limits
//  - one inactivity scheduler pass over 100,000 clients and 1,000,000 tasks (bench/inactivity-pass.ts)
//  - a burst of 1,000 signed platform webhooks, beside a bare restify route (bench/webhook-burst.ts)
//  - memory after the runs
import { performance } from 'node:perf_hooks';
import { enqueue } from '../src/outbox/enqueue.ts';
import { startHarness } from '../test/support/harness.ts';
import { assign, createClient } from '../test/support/people.ts';
import { createOutboxSender } from '../bot/outbox/sender.ts';
import { createConnectorTransport } from '../bot/outbox/connector-transport.ts';
import { silentLogger } from '../src/log/logger.ts';
import { systemClock } from '../src/time/clock.ts';
import { startBaselineBot } from './baseline-bot.ts';
import { inactivityPass } from './inactivity-pass.ts';
import { webhookBurst } from './webhook-burst.ts';

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

/** A benchmark that measures refusals measures nothing: every step must be answered with its real card. */
function expectCard(what: string, r: { body?: { type?: string; value?: unknown } }): void {
  const value = JSON.stringify(r.body?.value ?? '');
  if (r.body?.type !== 'application/vnd.microsoft.card.adaptive' || value.includes('Fehlercode')) {
    throw new Error(`bench step ${what} was not answered with its card: ${value.slice(0, 300)}`);
  }
}

function report(name: string, ms: number[], target: string): void {
  process.stdout.write(`${name.padEnd(44)} n=${String(ms.length).padStart(4)}  p50=${percentile(ms, 50).toFixed(1)} ms  p95=${percentile(ms, 95).toFixed(1)} ms  max=${Math.max(...ms).toFixed(1)} ms   (target: ${target})\n`);
}

async function cardActions(): Promise<void> {
  const h = await startHarness();
  try {
    const manager = await h.person('Maria Weber', ['vpa_manager']);
    const community = await h.person('Kim Hoffmann', ['community']);
    const successor = await h.person('Ben Wagner', ['vpa']);
    // Side by side with a bare botbuilder + restify bot answering the same invoke, alternating request by request,
    // so both see the same machine load.
    const baseline = await startBaselineBot();
    const help: number[] = [];
    const bare: number[] = [];
    try {
      for (let i = 0; i < 200; i++) {
        let t = performance.now();
        expectCard('help', await h.invoke('help.show', {}, { from: manager }));
        help.push(performance.now() - t);
        t = performance.now();
        if ((await baseline.invoke('help.show')) !== 200) throw new Error('bench: the baseline bot did not answer 200');
        bare.push(performance.now() - t);
      }
    } finally {
      await baseline.close();
    }
    report('invoke help.show', help, 'p95 < 2000 ms');
    report('  the same invoke, bare botbuilder + restify', bare, 'the yardstick');
    const ratios = { p50: percentile(help, 50) / percentile(bare, 50), p95: percentile(help, 95) / percentile(bare, 95) };
    process.stdout.write(`${'  help.show / bare bot'.padEnd(44)} p50 ×${ratios.p50.toFixed(1)}  p95 ×${ratios.p95.toFixed(1)}   (aim: p95 within ×10 of the bare bot)\n`);

    const submit: number[] = [];
    const approve: number[] = [];
    const informed: number[] = [];
    for (let i = 0; i < 40; i++) {
      const vpa = await h.person(`VPA ${i}`, ['vpa'], { email: `vpa${i}@example.de` });
      const client = await createClient(h.db.prisma, { number: `K-${i}`, name: `Kunde ${i} GmbH` });
      await assign(h.db.prisma, { clientId: client.id, vpaId: vpa.id, from: new Date('2024-01-01T00:00:00Z') });
      let t = performance.now();
      expectCard('submit', await h.invoke('handover.submit', { clientId: client.id, reasonCategory: 'needs_changed', reason: 'Der Kunde braucht jetzt Buchhaltung, die ich nicht abdecken kann.', measures: 'Gespräch geführt.', clientWantsTraining: 'false', successorNotes: '' }, { from: vpa }));
      submit.push(performance.now() - t);
      const request = await h.db.prisma.handoverRequest.findFirstOrThrow({ where: { clientId: client.id } });
      const caseSummary = 'Der Kunde braucht Buchhaltung nach DATEV; das deckt der VPA fachlich nicht ab.';
      expectCard('propose', await h.invoke('handover.propose', { requestId: request.id, version: request.version, successorId: successor.id, onboardingEffort: 'gering', caseSummary }, { from: community }));
      const proposed = await h.db.prisma.handoverRequest.findFirstOrThrow({ where: { id: request.id } });
      t = performance.now();
      expectCard('approve', await h.invoke('handover.approve', { requestId: request.id, version: proposed.version }, { from: manager }));
      approve.push(performance.now() - t);
      const approved = await h.db.prisma.handoverRequest.findFirstOrThrow({ where: { id: request.id } });
      t = performance.now();
      expectCard('informed', await h.invoke('handover.client.informed', { requestId: request.id, version: approved.version, trainingWanted: 'false' }, { from: vpa }));
      informed.push(performance.now() - t);
      if ((await h.db.prisma.handoverRequest.findFirstOrThrow({ where: { id: request.id } })).status !== 'completed') throw new Error('bench: the handover did not complete');
    }
    report('invoke handover.submit (SQLite)', submit, 'p95 < 2000 ms');
    report('invoke handover.approve', approve, 'p95 < 2000 ms');
    report('invoke handover.client.informed incl. reassignment', informed, 'p95 < 2000 ms');
  } finally {
    await h.close();
  }
}

async function outboxThroughput(): Promise<void> {
  const h = await startHarness();
  try {
    const conversations = 100;
    const perConversation = 5;
    const now = new Date();
    for (let c = 0; c < conversations; c++) {
      const p = await h.person(`Empfänger ${c}`, ['vpa'], { email: `empfaenger${c}@example.de` });
      await h.install({ from: p });
      await h.db.prisma.$transaction(async (tx) => {
        for (let i = 0; i < perConversation; i++) {
          await enqueue(tx, { idempotencyKey: `bench:${c}:${i}`, now, message: { mode: 'send', recipient: { type: 'person', personId: p.id }, notice: { kind: 'text', model: { text: `Nachricht ${i}` } } } });
        }
      });
    }
    const before = h.connector.deliveries().length;
    const sender = createOutboxSender({ prisma: h.db.prisma, provider: h.db.provider, transport: createConnectorTransport(), clock: systemClock, logger: silentLogger, instanceId: 'bench', pollMs: 5 });
    const t = performance.now();
    sender.start();
    const total = conversations * perConversation;
    await h.connector.waitFor(() => h.connector.deliveries().length - before >= total, 120_000, 'all bench messages');
    const seconds = (performance.now() - t) / 1000;
    await sender.stop();
    process.stdout.write(`${'outbox: 500 messages to 100 conversations'.padEnd(44)} ${seconds.toFixed(2)} s = ${(total / seconds).toFixed(1)} msg/s   (Teams allows 50/s per app and tenant: the limit, not the code, should bound this)\n`);
  } finally {
    await h.close();
  }
}

await cardActions();
await outboxThroughput();
await inactivityPass();
await webhookBurst();
const mem = process.memoryUsage();
process.stdout.write(`${'memory after the runs'.padEnd(44)} rss=${(mem.rss / 1048576).toFixed(0)} MiB heapUsed=${(mem.heapUsed / 1048576).toFixed(0)} MiB\n`);
