// A platform outage of an hour of simulated time, against the fake platform (an in-process server speaking the
// contract): writes queued while the platform answers 503 with Retry-After and then resets every connection wait in
// the outbox, none goes dead, none is done while the platform is down; when it is back, every write is done exactly
// once (the fake counts effective writes per Idempotency-Key), also when the platform did a write but its answer was
// lost on the way back (the retry is replayed by the platform, not done twice).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig, type Config } from '../../src/config/config.ts';
import { minimumRetrySpanMs, DEFAULT_RETRY_POLICY, PLATFORM_RETRY_POLICY } from '../../src/outbox/retry-policy.ts';
import { gatewayFor, type PlatformGateway } from '../../src/platform/index.ts';
import { FixedClock } from '../../src/time/clock.ts';
import type { OutboxSender } from '../../bot/outbox/sender.ts';
import { testDatabase, type TestDatabase } from '../support/db.ts';
import { startFakePlatform, type FakePlatform } from '../support/fake-platform.ts';
import { createClient, createPerson } from '../support/people.ts';
import { platformSender } from './http-support.ts';

const T0 = new Date('2026-11-30T09:00:00.000Z');
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

let db: TestDatabase;
let platform: FakePlatform;
let clock: FixedClock;
let config: Config;
let gateway: PlatformGateway;
let sender: OutboxSender;

beforeEach(async () => {
  db = await testDatabase('sqlite');
  clock = new FixedClock(T0);
  platform = await startFakePlatform({ now: () => clock.now() });
  config = loadConfig({ LOG_LEVEL: 'silent', DATABASE_URL: db.url, PLATFORM_BASE_URL: platform.url, PLATFORM_API_TOKEN: platform.token, PLATFORM_TIMEOUT_MS: '500' });
  gateway = gatewayFor(config);
  sender = platformSender(db, clock, config);
});

afterEach(async () => {
  await sender.stop();
  await platform.close();
  await db.destroy();
});

/** Drains whatever is due; when nothing is, moves the clock to the next retry (never past `until`). */
async function runUntil(until: Date): Promise<{ rounds: number; dead: number }> {
  let rounds = 0;
  let dead = 0;
  for (;;) {
    const r = await sender.drainOnce();
    dead += r.dead;
    rounds++;
    if (rounds > 2_000) throw new Error('the simulation does not settle');
    if (r.sent + r.retried + r.dead > 0) continue;
    const next = await db.prisma.outboxMessage.findFirst({ where: { status: 'pending', nextAttemptAt: { gt: clock.now() } }, orderBy: { nextAttemptAt: 'asc' } });
    if (!next || next.nextAttemptAt > until) {
      clock.set(until);
      return { rounds, dead };
    }
    clock.set(next.nextAttemptAt);
  }
}

async function seedWrites(): Promise<string[]> {
  const anna = await createPerson(db.prisma, { name: 'Anna Schneider', roles: ['vpa'], email: 'anna@vpa.example' });
  const conny = await createPerson(db.prisma, { name: 'Conny Meindl', roles: ['conny'], email: 'conny@vpa.example' });
  const keys: string[] = [];
  for (const n of [1, 2, 3]) {
    const c = await createClient(db.prisma, { number: `K-${n}`, name: `Kunde ${n}` });
    platform.addClient({ number: c.number, name: c.name, class: 'A', workType: 'continuous', vpaEmail: 'anna@vpa.example' });
    await db.prisma.$transaction(async (tx) => {
      await gateway.markInactive(tx, { clientId: c.id, vpaId: anna.id, idempotencyKey: `mark-${n}` }, T0);
      await gateway.sendChat(tx, { clientId: c.id, senderId: anna.id, text: `Hallo Kunde ${n}`, idempotencyKey: `vpa-${n}` }, T0);
      await gateway.reassignClient(tx, { clientId: c.id, fromVpaId: anna.id, toVpaId: conny.id, idempotencyKey: `reassign-${n}` }, T0);
      await gateway.sendChat(tx, { clientId: c.id, senderId: conny.id, text: `Conny grüßt Kunde ${n}`, idempotencyKey: `conny-${n}` }, T0);
      await gateway.sendEmail(tx, { clientId: c.id, senderId: conny.id, subject: 'Ein Jahr', text: `Liebe Grüße an Kunde ${n}`, idempotencyKey: `mail-${n}` }, T0);
    });
    keys.push(`mark-${n}`, `vpa-${n}`, `reassign-${n}`, `conny-${n}`, `mail-${n}`);
  }
  return keys;
}

describe('the platform is down for an hour', () => {
  it('loses nothing and sends nothing twice', async () => {
    const keys = await seedWrites();
    expect(await db.prisma.outboxMessage.count({ where: { channel: 'platform.call' } })).toBe(keys.length);

    // 30 minutes of 503 with Retry-After, then 30 minutes of connections reset.
    platform.down({ status: 503, retryAfter: '30' });
    const first = await runUntil(new Date(T0.getTime() + 30 * MINUTE));
    platform.down('reset');
    const second = await runUntil(new Date(T0.getTime() + HOUR));

    expect(first.dead + second.dead).toBe(0);
    expect(platform.calls.length).toBeGreaterThan(6);
    expect(platform.effectiveWritesByKey().size).toBe(0);
    const waiting = await db.prisma.outboxMessage.findMany({ where: { channel: 'platform.call' } });
    expect(waiting.every((r) => r.status === 'pending')).toBe(true);
    // Only the head of each client's queue was tried, in order; the rest waits behind it.
    expect(new Set(platform.calls.map((c) => c.idempotencyKey))).toEqual(new Set(['mark-1', 'mark-2', 'mark-3']));
    const heads = waiting.filter((r) => r.attempts > 0);
    expect(heads.map((r) => r.idempotencyKey).sort()).toEqual(['mark-1', 'mark-2', 'mark-3']);
    expect(Math.max(...heads.map((r) => r.attempts))).toBeLessThan(PLATFORM_RETRY_POLICY.maxAttempts);

    // Back up: within the longest backoff (30 min) everything is done, each exactly once, in order per client.
    platform.up();
    const after = await runUntil(new Date(T0.getTime() + 2 * HOUR));
    expect(after.dead).toBe(0);
    const rows = await db.prisma.outboxMessage.findMany({ where: { channel: 'platform.call' } });
    expect(rows.map((r) => [r.idempotencyKey, r.status]).sort()).toEqual(keys.map((k) => [k, 'sent']).sort());
    const effective = platform.effectiveWritesByKey();
    expect([...effective.keys()].sort()).toEqual([...keys].sort());
    expect([...effective.values()].every((n) => n === 1)).toBe(true);
    expect(platform.chats.map((c) => c.text).sort()).toEqual(['Conny grüßt Kunde 1', 'Conny grüßt Kunde 2', 'Conny grüßt Kunde 3', 'Hallo Kunde 1', 'Hallo Kunde 2', 'Hallo Kunde 3']);
    for (const n of [1, 2, 3]) {
      const order = platform.calls.filter((c) => c.effective && c.path.startsWith(`/clients/K-${n}/`)).map((c) => c.idempotencyKey);
      expect(order).toEqual([`mark-${n}`, `vpa-${n}`, `reassign-${n}`, `conny-${n}`, `mail-${n}`]);
    }
    expect(platform.emails.map((e) => e.text).sort()).toEqual(['Liebe Grüße an Kunde 1', 'Liebe Grüße an Kunde 2', 'Liebe Grüße an Kunde 3']);
    expect(platform.marks.size).toBe(3);
    expect(platform.clients.get('K-1')?.vpaEmail).toBe('conny@vpa.example');
    expect(platform.violations).toEqual([]);
  });

  it('a write whose answer was lost is retried and replayed by the platform, not done twice', async () => {
    const anna = await createPerson(db.prisma, { name: 'Anna Schneider', roles: ['vpa'], email: 'anna@vpa.example' });
    const c = await createClient(db.prisma, { number: 'K-7', name: 'Kunde 7' });
    platform.addClient({ number: 'K-7', name: 'Kunde 7', class: 'A', workType: 'continuous', vpaEmail: 'anna@vpa.example' });
    await db.prisma.$transaction((tx) => gateway.sendChat(tx, { clientId: c.id, senderId: anna.id, text: 'Hallo', idempotencyKey: 'lost-answer' }, T0));
    platform.failNext('answer-lost');
    expect(await sender.drainOnce()).toEqual({ sent: 0, retried: 1, dead: 0 });
    expect(platform.chats).toHaveLength(1);
    await runUntil(new Date(T0.getTime() + HOUR));
    const row = await db.prisma.outboxMessage.findUniqueOrThrow({ where: { idempotencyKey: 'lost-answer' } });
    expect(row).toMatchObject({ status: 'sent', attempts: 2 });
    expect(platform.calls.map((x) => x.idempotencyKey)).toEqual(['lost-answer', 'lost-answer']);
    expect(platform.chats).toHaveLength(1);
    expect(platform.effectiveWritesByKey()).toEqual(new Map([['lost-answer', 1]]));
  });
});

describe('the platform retry policy', () => {
  it('keeps a platform row for at least 12 hours of failures (the Teams policy would give up within an hour)', () => {
    expect(minimumRetrySpanMs(PLATFORM_RETRY_POLICY)).toBeGreaterThan(12 * HOUR);
    expect(minimumRetrySpanMs({ ...DEFAULT_RETRY_POLICY, jitter: 'equal' })).toBeLessThan(HOUR);
  });
});
