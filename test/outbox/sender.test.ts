// The outbox sender against a fake Bot Connector and a real (SQLite) database: delivery, retries with
// backoff and Retry-After, dead letters, recipients, updates, size limit. Time is a FixedClock; the
// jitter is pinned through the injected random source.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FixedClock } from '../../src/time/clock.ts';
import { enqueue } from '../../src/outbox/enqueue.ts';
import { randomId } from '../../src/ids.ts';
import { testDatabase, type TestDatabase } from '../support/db.ts';
import { startFakeConnector, type FakeConnector } from '../support/fake-connector.ts';
import { addConversation, makeSender, queueText, row, T0, texts } from './helpers.ts';

let db: TestDatabase;
let connector: FakeConnector;
let clock: FixedClock;

beforeEach(async () => {
  db = await testDatabase('sqlite');
  connector = await startFakeConnector();
  clock = new FixedClock(T0);
});

afterEach(async () => {
  await connector.close();
  await db.destroy();
});

describe('delivery', () => {
  it('sends a queued notice to a person and marks the row sent with the activity id', async () => {
    await addConversation(db.prisma, connector, { conversationId: 'a:1;conv', personId: 'p1' });
    await queueText(db.prisma, 'k1', { type: 'person', personId: 'p1' }, 'Hallo Anna', T0);
    const sender = makeSender(db, clock);

    expect(await sender.drainOnce()).toEqual({ sent: 1, retried: 0, dead: 0 });

    expect(connector.requests).toHaveLength(1);
    const req = connector.requests[0]!;
    expect(req.method).toBe('POST');
    expect(req.path).toBe(`/v3/conversations/${encodeURIComponent('a:1;conv')}/activities`);
    expect(req.conversationId).toBe('a:1;conv');
    expect(req.headers.authorization).toBeUndefined();
    expect(req.body).toMatchObject({
      type: 'message',
      text: 'Hallo Anna',
      channelId: 'msteams',
      conversation: { id: 'a:1;conv' },
      from: { id: '28:bot' },
      recipient: { id: '29:p1' },
    });
    expect((req.body as Record<string, unknown>).replyToId).toBeUndefined();
    const r = await row(db.prisma, 'k1');
    expect(r.status).toBe('sent');
    expect(r.sentAt?.toISOString()).toBe(T0.toISOString());
    expect(r.attempts).toBe(1);
    expect(r.lastError).toBeNull();
    expect(JSON.parse(r.result ?? '')).toEqual({ activityId: 'activity-1', conversationId: 'a:1;conv' });
  });

  it('resolves a channel purpose through its binding and a conversation by id', async () => {
    await addConversation(db.prisma, connector, { conversationId: '19:approvals@thread.tacv2', purpose: 'freigabe' });
    await addConversation(db.prisma, connector, { conversationId: 'group-7' });
    await queueText(db.prisma, 'k-channel', { type: 'channel', purpose: 'freigabe' }, 'An den Kanal', T0);
    await queueText(db.prisma, 'k-conv', { type: 'conversation', conversationId: 'group-7' }, 'An die Gruppe', T0);

    expect(await makeSender(db, clock).drainOnce()).toEqual({ sent: 2, retried: 0, dead: 0 });

    const byText = new Map(connector.deliveries().map((d) => [(d.body as { text: string }).text, d.conversationId]));
    expect(byText.get('An den Kanal')).toBe('19:approvals@thread.tacv2');
    expect(byText.get('An die Gruppe')).toBe('group-7');
  });

  it('sends the messages of one conversation in the order they were queued, one at a time', async () => {
    await addConversation(db.prisma, connector, { conversationId: 'c1', personId: 'p1' });
    for (let i = 1; i <= 3; i++) await queueText(db.prisma, `k${i}`, { type: 'person', personId: 'p1' }, `Nachricht ${i}`, new Date(T0.getTime() + i));
    clock.set(new Date(T0.getTime() + 10));
    const sender = makeSender(db, clock);

    const rounds = [];
    for (let i = 0; i < 4; i++) rounds.push((await sender.drainOnce()).sent);

    expect(rounds).toEqual([1, 1, 1, 0]);
    expect(texts(connector)).toEqual(['Nachricht 1', 'Nachricht 2', 'Nachricht 3']);
  });

  it('never sends a message twice for one idempotency key (enqueue is idempotent)', async () => {
    await addConversation(db.prisma, connector, { conversationId: 'c1', personId: 'p1' });
    const message = { mode: 'send' as const, recipient: { type: 'person' as const, personId: 'p1' }, notice: { kind: 'text' as const, model: { text: 'Einmal' } } };
    const first = await db.prisma.$transaction((tx) => enqueue(tx, { idempotencyKey: 'once', message, now: T0 }));
    const second = await db.prisma.$transaction((tx) => enqueue(tx, { idempotencyKey: 'once', message, now: T0 }));
    const sender = makeSender(db, clock);
    await sender.drainOnce();
    await sender.drainOnce();

    expect([first, second]).toEqual([true, false]);
    expect(await db.prisma.outboxMessage.count()).toBe(1);
    expect(texts(connector)).toEqual(['Einmal']);
  });
});

describe('retries', () => {
  beforeEach(async () => {
    await addConversation(db.prisma, connector, { conversationId: 'c1', personId: 'p1' });
    await queueText(db.prisma, 'k1', { type: 'person', personId: 'p1' }, 'Hallo', T0);
  });

  it('honours Retry-After (seconds) on 429 when it is longer than the backoff', async () => {
    connector.failNext(1, { status: 429, retryAfter: '7' });
    const sender = makeSender(db, clock, { random: () => 0.5 });

    expect(await sender.drainOnce()).toEqual({ sent: 0, retried: 1, dead: 0 });
    let r = await row(db.prisma, 'k1');
    expect(r.status).toBe('pending');
    expect(r.nextAttemptAt.getTime() - T0.getTime()).toBe(7_000);
    expect(r.lastError).toBe('Bot Connector answered HTTP 429 (Http429), Retry-After 7');
    expect(r.leaseOwner).toBeNull();

    clock.advance(6_999);
    expect(await sender.drainOnce()).toEqual({ sent: 0, retried: 0, dead: 0 });
    expect(connector.requests).toHaveLength(1);

    clock.advance(1);
    expect(await sender.drainOnce()).toEqual({ sent: 1, retried: 0, dead: 0 });
    r = await row(db.prisma, 'k1');
    expect(r.status).toBe('sent');
    expect(r.attempts).toBe(2);
    expect(texts(connector)).toEqual(['Hallo']);
  });

  it('honours Retry-After given as an HTTP date', async () => {
    connector.failNext(1, { status: 429, retryAfter: new Date(T0.getTime() + 30_000).toUTCString() });
    await makeSender(db, clock).drainOnce();

    expect((await row(db.prisma, 'k1')).nextAttemptAt.getTime() - T0.getTime()).toBe(30_000);
  });

  it('uses the backoff when it is longer than Retry-After', async () => {
    connector.failNext(1, { status: 429, retryAfter: '0' });
    await makeSender(db, clock, { random: () => 0.9, retry: { baseDelayMs: 10_000 } }).drainOnce();

    expect((await row(db.prisma, 'k1')).nextAttemptAt.getTime() - T0.getTime()).toBe(9_000);
  });

  it('retries 412, 502 and 504 with a growing backoff (full jitter) and then sends', async () => {
    connector.failNext(1, { status: 412 });
    connector.failNext(1, { status: 502 });
    connector.failNext(1, { status: 504 });
    const sender = makeSender(db, clock, { random: () => 0.5, retry: { baseDelayMs: 1_000 } });

    const delays: number[] = [];
    const errors: (string | null)[] = [];
    for (let i = 0; i < 3; i++) {
      expect(await sender.drainOnce()).toEqual({ sent: 0, retried: 1, dead: 0 });
      const r = await row(db.prisma, 'k1');
      delays.push(r.nextAttemptAt.getTime() - clock.now().getTime());
      errors.push(r.lastError);
      clock.set(r.nextAttemptAt);
    }
    expect(await sender.drainOnce()).toEqual({ sent: 1, retried: 0, dead: 0 });

    expect(delays).toEqual([500, 1_000, 2_000]);
    expect(errors).toEqual(['Bot Connector answered HTTP 412 (Http412)', 'Bot Connector answered HTTP 502 (Http502)', 'Bot Connector answered HTTP 504 (Http504)']);
    expect((await row(db.prisma, 'k1')).attempts).toBe(4);
    expect(connector.requests.map((q) => q.status)).toEqual([412, 502, 504, 200]);
  });

  it('spreads retries by the random source within the exponential ceiling', async () => {
    connector.failNext(1, { status: 502 });
    await makeSender(db, clock, { random: () => 0.25, retry: { baseDelayMs: 4_000 } }).drainOnce();

    expect((await row(db.prisma, 'k1')).nextAttemptAt.getTime() - T0.getTime()).toBe(1_000);
  });

  it('retries 500 and 503 too, and network errors', async () => {
    connector.failNext(1, { status: 500 });
    connector.failNext(1, { status: 503 });
    connector.failNext(1, { status: 0 });
    const sender = makeSender(db, clock);
    const errors: (string | null)[] = [];
    for (let i = 0; i < 3; i++) {
      expect((await sender.drainOnce()).retried).toBe(1);
      const r = await row(db.prisma, 'k1');
      errors.push(r.lastError);
      clock.set(r.nextAttemptAt);
    }
    expect((await sender.drainOnce()).sent).toBe(1);
    expect(errors[0]).toContain('HTTP 500');
    expect(errors[1]).toContain('HTTP 503');
    expect(errors[2]).toMatch(/^network error: /);
  });

  it('retries a request that timed out', async () => {
    connector.setDelay(2_000);
    await makeSender(db, clock, { timeoutMs: 100 }).drainOnce();

    const r = await row(db.prisma, 'k1');
    expect(r.status).toBe('pending');
    expect(r.lastError).toBe('network error: request timed out after 100 ms');
  });

  it.each([400, 403, 404, 413])('moves the message to dead on a permanent HTTP %i, with an audit event', async (status) => {
    connector.failNext(1, { status, body: { error: { code: 'ConversationBlockedByUser', message: 'Persönlicher Text, der nicht ins Log gehört' } } });

    expect(await makeSender(db, clock).drainOnce()).toEqual({ sent: 0, retried: 0, dead: 1 });

    const r = await row(db.prisma, 'k1');
    expect(r.status).toBe('dead');
    expect(r.lastError).toBe(`Bot Connector answered HTTP ${status} (ConversationBlockedByUser)`);
    const audit = await db.prisma.auditEvent.findMany({ where: { action: 'outbox.dead', subjectId: r.id } });
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.data)).toMatchObject({ idempotencyKey: 'k1', httpStatus: status, attempts: 1 });
    expect(audit[0]!.data).not.toContain('Persönlicher');
    clock.advance(3_600_000);
    expect(await makeSender(db, clock).drainOnce()).toEqual({ sent: 0, retried: 0, dead: 0 });
    expect(connector.requests).toHaveLength(1);
  });

  it('gives up after maxAttempts', async () => {
    connector.failNext(10, { status: 502 });
    const sender = makeSender(db, clock, { retry: { maxAttempts: 3 } });
    const outcomes = [];
    for (let i = 0; i < 3; i++) {
      outcomes.push(await sender.drainOnce());
      clock.set((await row(db.prisma, 'k1')).nextAttemptAt);
    }
    clock.advance(3_600_000);
    outcomes.push(await sender.drainOnce());

    expect(outcomes).toEqual([
      { sent: 0, retried: 1, dead: 0 },
      { sent: 0, retried: 1, dead: 0 },
      { sent: 0, retried: 0, dead: 1 },
      { sent: 0, retried: 0, dead: 0 },
    ]);
    const r = await row(db.prisma, 'k1');
    expect(r.status).toBe('dead');
    expect(r.attempts).toBe(3);
    expect(r.lastError).toBe('Bot Connector answered HTTP 502 (Http502); gave up after 3 attempts');
    expect(connector.requests).toHaveLength(3);
  });

  it('keeps newer messages of the conversation waiting while the oldest waits for its retry', async () => {
    await queueText(db.prisma, 'k2', { type: 'person', personId: 'p1' }, 'Danach', new Date(T0.getTime() + 1));
    clock.advance(1);
    connector.failNext(1, { status: 429, retryAfter: '5' });
    const sender = makeSender(db, clock);

    await sender.drainOnce();
    expect(await sender.drainOnce()).toEqual({ sent: 0, retried: 0, dead: 0 });
    expect((await row(db.prisma, 'k2')).status).toBe('pending');

    clock.advance(5_000);
    await sender.drainOnce();
    await sender.drainOnce();
    expect(texts(connector)).toEqual(['Hallo', 'Danach']);
  });
});

describe('recipients without a conversation reference', () => {
  beforeEach(async () => {
    await db.prisma.person.create({ data: { id: 'p2', name: 'Ben', email: 'ben@example.test' } });
    await queueText(db.prisma, 'k1', { type: 'person', personId: 'p2' }, 'Hallo Ben', T0);
  });

  it('retries until the person installs the bot, then sends', async () => {
    const sender = makeSender(db, clock);
    expect(await sender.drainOnce()).toEqual({ sent: 0, retried: 1, dead: 0 });
    const r = await row(db.prisma, 'k1');
    expect(r.lastError).toBe('recipient has no conversation reference');
    expect(connector.requests).toHaveLength(0);

    await db.prisma.conversationRef.create({
      data: {
        id: 'ref-ben',
        conversationId: 'ben-chat',
        scope: 'personal',
        personId: 'p2',
        serviceUrl: connector.url,
        reference: JSON.stringify({ channelId: 'msteams', bot: { id: '28:bot' }, conversation: { id: 'ben-chat' }, serviceUrl: connector.url }),
      },
    });
    clock.set(r.nextAttemptAt);
    expect(await sender.drainOnce()).toEqual({ sent: 1, retried: 0, dead: 0 });
    expect(connector.deliveries()[0]?.conversationId).toBe('ben-chat');
  });

  it('goes dead after maxAttempts', async () => {
    await queueText(db.prisma, 'k-channel', { type: 'channel', purpose: 'schicht' }, 'Schicht', T0);
    const sender = makeSender(db, clock, { retry: { maxAttempts: 2 } });
    await sender.drainOnce();
    clock.advance(3_600_000);
    expect(await sender.drainOnce()).toEqual({ sent: 0, retried: 0, dead: 2 });

    for (const key of ['k1', 'k-channel']) {
      const r = await row(db.prisma, key);
      expect(r.status).toBe('dead');
      expect(r.lastError).toBe('recipient has no conversation reference; gave up after 2 attempts');
    }
    expect(connector.requests).toHaveLength(0);
  });
});

describe('messages that can never be sent', () => {
  beforeEach(async () => {
    await addConversation(db.prisma, connector, { conversationId: 'c1', personId: 'p1' });
  });

  it('refuses an activity over 28 KB without sending it', async () => {
    await queueText(db.prisma, 'big', { type: 'person', personId: 'p1' }, 'ä'.repeat(15_000), T0);

    expect(await makeSender(db, clock).drainOnce()).toEqual({ sent: 0, retried: 0, dead: 1 });

    const r = await row(db.prisma, 'big');
    expect(r.lastError).toMatch(/^activity too large: \d+ bytes \(Teams limit 28672\)$/);
    expect(r.lastError).not.toContain('ä');
    expect(connector.requests).toHaveLength(0);
  });

  it('moves a notice of an unknown kind and a malformed row to dead', async () => {
    const base = { channel: 'teams.send', conversationKey: 'person:p1', status: 'pending', nextAttemptAt: T0, createdAt: T0 };
    await db.prisma.outboxMessage.create({
      data: { ...base, id: randomId(), idempotencyKey: 'unknown-kind', notice: JSON.stringify({ mode: 'send', recipient: { type: 'person', personId: 'p1' }, notice: { kind: 'gibtsnicht', model: {} } }) },
    });
    await db.prisma.outboxMessage.create({ data: { ...base, id: randomId(), idempotencyKey: 'broken', conversationKey: 'person:other', notice: '{"mode":' } });
    const sender = makeSender(db, clock);

    expect(await sender.drainOnce()).toEqual({ sent: 0, retried: 0, dead: 2 });

    expect((await row(db.prisma, 'unknown-kind')).lastError).toBe('notice of kind "gibtsnicht" could not be rendered (TypeError)');
    expect((await row(db.prisma, 'broken')).lastError).toBe('stored notice is not valid JSON');
    expect(connector.requests).toHaveLength(0);
  });
});

describe('updates of a message sent earlier', () => {
  beforeEach(async () => {
    await addConversation(db.prisma, connector, { conversationId: '19:chan@thread.tacv2', purpose: 'freigabe' });
    await queueText(db.prisma, 'approval-1', { type: 'channel', purpose: 'freigabe' }, 'Freigabe erbeten', T0);
  });

  async function queueUpdate(key: string, text: string, at: Date, conversationKey?: string): Promise<void> {
    await db.prisma.$transaction((tx) =>
      enqueue(tx, { idempotencyKey: key, message: { mode: 'update', updatesKey: 'approval-1', notice: { kind: 'text', model: { text } } }, now: at, conversationKey }),
    );
  }

  it('queues behind the original in its conversation and replaces the sent activity', async () => {
    await queueUpdate('approval-1-decided', 'Freigegeben von Clara', new Date(T0.getTime() + 1));
    clock.advance(1);
    expect((await row(db.prisma, 'approval-1-decided')).conversationKey).toBe('channel:freigabe');
    const sender = makeSender(db, clock);

    expect(await sender.drainOnce()).toEqual({ sent: 1, retried: 0, dead: 0 });
    expect(await sender.drainOnce()).toEqual({ sent: 1, retried: 0, dead: 0 });

    expect(connector.requests.map((q) => `${q.method} ${q.activityId ?? ''}`)).toEqual(['POST ', 'PUT activity-1']);
    const put = connector.requests[1]!;
    expect(put.conversationId).toBe('19:chan@thread.tacv2');
    expect(put.body).toMatchObject({ type: 'message', id: 'activity-1', text: 'Freigegeben von Clara' });
    const r = await row(db.prisma, 'approval-1-decided');
    expect(r.status).toBe('sent');
    expect(JSON.parse(r.result ?? '')).toEqual({ activityId: 'activity-1', conversationId: '19:chan@thread.tacv2' });
  });

  it('waits for an original that is not sent yet without using up attempts', async () => {
    connector.failNext(1, { status: 429, retryAfter: '60' });
    const sender = makeSender(db, clock, { retry: { updateWaitMs: 2_000, maxAttempts: 2 } });
    await sender.drainOnce(); // the original fails and waits 60 s
    await queueUpdate('approval-1-decided', 'Freigegeben', T0, 'elsewhere');

    for (let i = 0; i < 3; i++) {
      expect(await sender.drainOnce()).toEqual({ sent: 0, retried: 1, dead: 0 });
      const u = await row(db.prisma, 'approval-1-decided');
      expect(u.status).toBe('pending');
      expect(u.attempts).toBe(0);
      expect(u.nextAttemptAt.getTime() - clock.now().getTime()).toBe(2_000);
      expect(u.lastError).toBe('waiting for original message approval-1 to be sent');
      clock.advance(2_000);
    }
    expect(connector.requests.filter((q) => q.method === 'PUT')).toHaveLength(0);

    clock.set(new Date(T0.getTime() + 60_000));
    await sender.drainOnce(); // original
    clock.advance(2_000);
    expect(await sender.drainOnce()).toEqual({ sent: 1, retried: 0, dead: 0 });
    expect(connector.requests.map((q) => q.method)).toEqual(['POST', 'POST', 'PUT']);
  });

  it('goes dead when the original is dead', async () => {
    connector.failNext(1, { status: 403 });
    await queueUpdate('approval-1-decided', 'Freigegeben', new Date(T0.getTime() + 1));
    clock.advance(1);
    const sender = makeSender(db, clock);

    await sender.drainOnce();
    expect(await sender.drainOnce()).toEqual({ sent: 0, retried: 0, dead: 1 });
    expect((await row(db.prisma, 'approval-1-decided')).lastError).toBe('original message approval-1 is dead');
  });
});
