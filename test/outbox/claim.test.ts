// Claiming: rate limits counted from the database, several senders on one database, crashed senders'
// leases. Runs on SQLite, and on PostgreSQL (FOR UPDATE SKIP LOCKED) when TEST_DATABASE_URL is set.
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../src/db/client.ts';
import { claimDue } from '../../src/outbox/claim.ts';
import { TEAMS_RATE_LIMITS } from '../../src/outbox/limits.ts';
import { processClaimed } from '../../src/outbox/process-message.ts';
import { DEFAULT_RETRY_POLICY } from '../../src/outbox/retry-policy.ts';
import { FixedClock, systemClock } from '../../src/time/clock.ts';
import { createConnectorTransport } from '../../bot/outbox/connector-transport.ts';
import { createDeliveryPort } from '../../bot/outbox/delivery-port.ts';
import { renderNotice } from '../../bot/render/render-notice.ts';
import { TEST_DATABASE_URL, testDatabase, type TestDatabase } from '../support/db.ts';
import { startFakeConnector, type FakeConnector } from '../support/fake-connector.ts';
import { addConversation, makeSender, NO_LIMITS, queueText, row, T0, texts } from './helpers.ts';

function suite(kind: 'sqlite' | 'postgres') {
  let db: TestDatabase;
  let connector: FakeConnector;
  let clock: FixedClock;

  beforeEach(async () => {
    db = await testDatabase(kind);
    connector = await startFakeConnector();
    clock = new FixedClock(T0);
  });

  afterEach(async () => {
    await connector.close();
    await db.destroy();
  });

  /** n conversations with m messages each, queued just after `base`; the fixed clock is set 1 s later. */
  /**
   * A second instance's database handle. PostgreSQL: its own client (connection pool). SQLite: the same
   * client, because two better-sqlite3 connections in one process deadlock on each other's write lock
   * (the driver waits synchronously); separate processes on one file are exercised by the e2e crash test.
   */
  function secondInstance(): Database {
    if (kind === 'postgres') return openDatabase(db.url);
    return { ...db, close: async () => undefined };
  }

  async function conversations(n: number, perConversation: number, base: Date = T0): Promise<string[]> {
    const all: string[] = [];
    for (let c = 1; c <= n; c++) {
      await addConversation(db.prisma, connector, { conversationId: `conv-${c}` });
      for (let m = 1; m <= perConversation; m++) {
        const text = `c${c}-m${m}`;
        await queueText(db.prisma, text, { type: 'conversation', conversationId: `conv-${c}` }, text, new Date(base.getTime() + m));
        all.push(text);
      }
    }
    clock.set(new Date(base.getTime() + 1_000));
    return all;
  }

  it('sends a queued message and records it', async () => {
    await conversations(1, 1);
    expect(await makeSender(db, clock).drainOnce()).toEqual({ sent: 1, retried: 0, dead: 0 });
    expect((await row(db.prisma, 'c1-m1')).status).toBe('sent');
  });

  it('retries with backoff and gives up after maxAttempts', async () => {
    await conversations(1, 1);
    connector.failNext(5, { status: 502 });
    const sender = makeSender(db, clock, { retry: { maxAttempts: 2 }, random: () => 0.5 });
    expect(await sender.drainOnce()).toEqual({ sent: 0, retried: 1, dead: 0 });
    expect((await row(db.prisma, 'c1-m1')).nextAttemptAt.getTime() - clock.now().getTime()).toBe(500);
    clock.advance(500);
    expect(await sender.drainOnce()).toEqual({ sent: 0, retried: 0, dead: 1 });
  });

  it('keeps to the per-conversation limits, counted from the database', async () => {
    await conversations(1, 8);
    const limits = { perConversation: [{ count: 3, windowMs: 1_000 }, { count: 5, windowMs: 10_000 }], global: [] };
    const claimedPerWindow: number[] = [];
    for (let w = 0; w < 4; w++) {
      // A new sender each window: the counts come from the database, not from memory.
      const sender = makeSender(db, clock, { limits });
      let claimed = 0;
      for (let i = 0; i < 6; i++) claimed += (await sender.drainOnce()).sent;
      claimedPerWindow.push(claimed);
      clock.advance(1_000);
    }
    // 3 in the first second, 2 more until the 10 s window is full, nothing more until it moves on.
    expect(claimedPerWindow).toEqual([3, 2, 0, 0]);
    clock.advance(6_001);
    const sender = makeSender(db, clock, { limits });
    let claimed = 0;
    for (let i = 0; i < 6; i++) claimed += (await sender.drainOnce()).sent;
    expect(claimed).toBe(3);
    expect(texts(connector)).toEqual(['c1-m1', 'c1-m2', 'c1-m3', 'c1-m4', 'c1-m5', 'c1-m6', 'c1-m7', 'c1-m8']);
  });

  it('keeps to the overall limit across conversations, counting sends in flight', async () => {
    await conversations(7, 1);
    const limits = { perConversation: [], global: [{ count: 4, windowMs: 1_000 }] };
    // A sender of another instance has one message in flight right now.
    const [inFlight] = await claimDue(db, { now: clock.now(), instanceId: 'other', leaseMs: 60_000, limits: NO_LIMITS, max: 1 });
    expect(inFlight).toBeDefined();
    const sender = makeSender(db, clock, { limits });

    expect((await sender.drainOnce()).sent).toBe(3);
    expect((await sender.drainOnce()).sent).toBe(0);
    clock.advance(1_000);
    expect((await sender.drainOnce()).sent).toBe(3);
    expect(connector.requests).toHaveLength(6);
  });

  it('two senders on one database send each message exactly once', async () => {
    const all = await conversations(12, 4);
    const second = secondInstance();
    try {
      const a = makeSender(db, clock, { instanceId: 'a', concurrency: 5 });
      const b = makeSender({ prisma: second.prisma, provider: second.provider }, clock, { instanceId: 'b', concurrency: 5 });
      for (let round = 0; round < 40; round++) {
        const [ra, rb] = await Promise.all([a.drainOnce(), b.drainOnce()]);
        if (ra.sent + rb.sent === 0 && (await db.prisma.outboxMessage.count({ where: { status: { not: 'sent' } } })) === 0) break;
      }
    } finally {
      await second.close();
    }
    expect([...texts(connector)].sort()).toEqual([...all].sort());
    const rows = await db.prisma.outboxMessage.findMany();
    expect(rows.every((r) => r.status === 'sent' && r.attempts === 1)).toBe(true);
    expect(new Set(rows.map((r) => r.leaseOwner))).toEqual(new Set(['a', 'b']));
    // Per conversation, in queue order.
    for (let c = 1; c <= 12; c++) expect(texts(connector).filter((t) => t.startsWith(`c${c}-`))).toEqual([1, 2, 3, 4].map((m) => `c${c}-m${m}`));
  });

  it('two running senders (real clock, Teams limits) deliver everything once', async () => {
    const all = await conversations(10, 3, new Date(Date.now() - 10_000));
    const second = secondInstance();
    const a = makeSender(db, systemClock, { instanceId: 'a', pollMs: 5, concurrency: 4, limits: TEAMS_RATE_LIMITS });
    const b = makeSender({ prisma: second.prisma, provider: second.provider }, systemClock, { instanceId: 'b', pollMs: 5, concurrency: 4, limits: TEAMS_RATE_LIMITS });
    a.start();
    b.start();
    try {
      await connector.waitFor(() => connector.deliveries().length >= all.length, 20_000, 'all deliveries');
    } finally {
      await Promise.all([a.stop(), b.stop()]);
      await second.close();
    }
    expect([...texts(connector)].sort()).toEqual([...all].sort());
    expect(await db.prisma.outboxMessage.count({ where: { status: 'sent', attempts: 1 } })).toBe(all.length);
  });

  it('takes over a row whose sender crashed once its lease has run out', async () => {
    await conversations(1, 1);
    const [claimed] = await claimDue(db, { now: clock.now(), instanceId: 'crashed', leaseMs: 30_000, limits: NO_LIMITS, max: 5 });
    expect(claimed?.status).toBe('sending');
    const sender = makeSender(db, clock, { instanceId: 'b', leaseMs: 30_000 });

    clock.advance(29_999);
    expect(await sender.drainOnce()).toEqual({ sent: 0, retried: 0, dead: 0 });
    clock.advance(2);
    expect(await sender.drainOnce()).toEqual({ sent: 1, retried: 0, dead: 0 });

    const r = await row(db.prisma, 'c1-m1');
    expect(r).toMatchObject({ status: 'sent', attempts: 2, leaseOwner: 'b' });
  });

  it('a restarted instance takes back its own interrupted rows at once', async () => {
    await conversations(2, 1, new Date(Date.now() - 10_000));
    await claimDue(db, { now: clock.now(), instanceId: 'host:3978', leaseMs: 60_000, limits: NO_LIMITS, max: 1 });
    const sender = makeSender(db, systemClock, { instanceId: 'host:3978' });
    sender.start();
    try {
      await connector.waitFor(() => connector.deliveries().length === 2, 10_000, 'both deliveries');
    } finally {
      await sender.stop();
    }
    expect(await db.prisma.outboxMessage.count({ where: { status: 'sent' } })).toBe(2);
  });

  it('a sender whose lease was taken over records nothing', async () => {
    await conversations(1, 1);
    const [stale] = await claimDue(db, { now: clock.now(), instanceId: 'slow', leaseMs: 1_000, limits: NO_LIMITS, max: 1 });
    clock.advance(1_001);
    expect(await makeSender(db, clock, { instanceId: 'fast' }).drainOnce()).toEqual({ sent: 1, retried: 0, dead: 0 });

    const port = createDeliveryPort(createConnectorTransport(), renderNotice);
    const late = await processClaimed({ prisma: db.prisma, port, clock, instanceId: 'slow', retry: DEFAULT_RETRY_POLICY, random: () => 0 }, stale!);

    expect(late).toEqual({ outcome: 'lost' });
    expect(await row(db.prisma, 'c1-m1')).toMatchObject({ status: 'sent', leaseOwner: 'fast', attempts: 2 });
  });
}

describe('claiming on SQLite', () => suite('sqlite'));
describe.skipIf(!TEST_DATABASE_URL)('claiming on PostgreSQL', () => {
  suite('postgres');

  it('skips a row locked by another transaction instead of waiting for it (FOR UPDATE SKIP LOCKED)', async () => {
    const db = await testDatabase('postgres');
    const connector = await startFakeConnector();
    const locker = new pg.Client({ connectionString: db.url });
    try {
      for (const c of [1, 2]) {
        await addConversation(db.prisma, connector, { conversationId: `conv-${c}` });
        await queueText(db.prisma, `m${c}`, { type: 'conversation', conversationId: `conv-${c}` }, `m${c}`, T0);
      }
      const locked = await row(db.prisma, 'm1');
      await locker.connect();
      await locker.query('BEGIN');
      await locker.query('SELECT id FROM "OutboxMessage" WHERE id = $1 FOR UPDATE', [locked.id]);

      const first = await claimDue(db, { now: T0, instanceId: 'a', leaseMs: 60_000, limits: NO_LIMITS, max: 5 });
      expect(first.map((r) => r.idempotencyKey)).toEqual(['m2']);

      await locker.query('ROLLBACK');
      const second = await claimDue(db, { now: T0, instanceId: 'a', leaseMs: 60_000, limits: NO_LIMITS, max: 5 });
      expect(second.map((r) => r.idempotencyKey)).toEqual(['m1']);
    } finally {
      await locker.end().catch(() => undefined);
      await connector.close();
      await db.destroy();
    }
  });
});
