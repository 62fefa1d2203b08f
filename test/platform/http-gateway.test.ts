// The HTTP platform gateway with nock: every write is queued in the outbox in the caller's transaction and sent by
// the outbox sender as exactly one request per attempt, as the contract (src/platform/openapi.yaml) describes it:
// method and path, bearer token, Idempotency-Key = the outbox key, a JSON body the contract's request schema accepts.
// Failures end as the contract says: 429 with Retry-After and 503 are retried (never before Retry-After), a timeout
// and a refused connection are retried, other 4xx are dead letters with the platform's code.
import nock from 'nock';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.ts';
import { enqueuePlatformCall, PLATFORM_CHANNEL } from '../../src/outbox/platform-call.ts';
import { NO_PLATFORM_PORT, processClaimed } from '../../src/outbox/process-message.ts';
import { DEFAULT_RETRY_POLICY } from '../../src/outbox/retry-policy.ts';
import { claimDue } from '../../src/outbox/claim.ts';
import { createStandaloneGateway, gatewayFor, platformDeliveryFor, platformReaderFor, type PlatformGateway } from '../../src/platform/index.ts';
import { FixedClock } from '../../src/time/clock.ts';
import { testDatabase, type TestDatabase } from '../support/db.ts';
import { expectContractRequest, intercept, interceptNetworkError, platformConfig, platformSender, seedWorld, type Captured, type World } from './http-support.ts';

const T0 = new Date('2026-11-30T09:00:00.000Z');

let db: TestDatabase;
let clock: FixedClock;
let w: World;
let gateway: PlatformGateway;
let captured: Captured[];

beforeAll(() => nock.disableNetConnect());
afterAll(() => nock.enableNetConnect());

beforeEach(async () => {
  db = await testDatabase('sqlite');
  clock = new FixedClock(T0);
  w = await seedWorld(db);
  gateway = gatewayFor(platformConfig(db));
  captured = [];
});

afterEach(async () => {
  const pending = nock.pendingMocks();
  nock.cleanAll();
  await db.destroy();
  expect(pending, 'every expected platform request was made').toEqual([]);
});

const row = (key: string) => db.prisma.outboxMessage.findUniqueOrThrow({ where: { idempotencyKey: key } });
const drain = (config = platformConfig(db)) => platformSender(db, clock, config).drainOnce();

describe('every write as the contract describes it', () => {
  const cases: { name: string; operationId: string; call: (g: PlatformGateway) => Promise<void>; key: string; answer: { status: number; body?: unknown }; body: unknown }[] = [
    {
      name: 'sendChat in the VPA\'s name',
      operationId: 'sendChat',
      key: 'inactivity:c1:vpa_message',
      call: (g) => db.prisma.$transaction((tx) => g.sendChat(tx, { clientId: w.client.id, senderId: w.anna.id, text: 'Hallo Muster GmbH,\nwie geht es?', idempotencyKey: 'inactivity:c1:vpa_message' }, T0)),
      answer: { status: 201, body: { messageId: 'm-1' } },
      body: { senderEmail: 'anna.schneider@vpa.example', text: 'Hallo Muster GmbH,\nwie geht es?' },
    },
    {
      name: 'sendEmail from Conny',
      operationId: 'sendEmail',
      key: 'inactivity:c1:conny_email',
      call: (g) => db.prisma.$transaction((tx) => g.sendEmail(tx, { clientId: w.client.id, senderId: w.conny.id, subject: 'Wir sind da', text: 'Liebe Grüße', idempotencyKey: 'inactivity:c1:conny_email' }, T0)),
      answer: { status: 202, body: { mailId: 'mail-1' } },
      body: { senderEmail: 'conny@vpa.example', subject: 'Wir sind da', text: 'Liebe Grüße' },
    },
    {
      name: 'markInactive (the red question mark)',
      operationId: 'markInactive',
      key: 'mark-1',
      call: (g) => db.prisma.$transaction((tx) => g.markInactive(tx, { clientId: w.client.id, vpaId: w.anna.id, idempotencyKey: 'mark-1' }, T0)),
      answer: { status: 200, body: { clientNumber: 'K-1001', vpaEmail: 'anna.schneider@vpa.example', markedAt: T0.toISOString() } },
      body: { vpaEmail: 'anna.schneider@vpa.example' },
    },
    {
      name: 'clearInactiveMark (no body)',
      operationId: 'clearInactiveMark',
      key: 'inactivity:cycle-1:unmark',
      call: (g) => db.prisma.$transaction((tx) => g.clearInactiveMark(tx, w.client.id, T0, 'inactivity:cycle-1:unmark')),
      answer: { status: 204 },
      body: undefined,
    },
    {
      name: 'reassignClient to Conny',
      operationId: 'reassignClient',
      key: 'inactivity:c1:conny:reassign',
      call: (g) => db.prisma.$transaction((tx) => g.reassignClient(tx, { clientId: w.client.id, fromVpaId: w.anna.id, toVpaId: w.conny.id, idempotencyKey: 'inactivity:c1:conny:reassign' }, T0)),
      answer: { status: 200, body: { number: 'K-1001', name: 'Muster GmbH', class: 'A', workType: 'continuous', vpaEmail: 'conny@vpa.example' } },
      body: { vpaEmail: 'conny@vpa.example', previousVpaEmail: 'anna.schneider@vpa.example' },
    },
  ];

  for (const c of cases) {
    it(`${c.name}: queued in the transaction, one request with bearer token, Idempotency-Key and a valid body`, async () => {
      await c.call(gateway);
      const key = c.key.replace('CLIENT', w.client.id);
      const queued = await row(key);
      expect(queued).toMatchObject({ channel: PLATFORM_CHANNEL, conversationKey: 'platform:K-1001', status: 'pending' });
      // The caller's audit trail: ids only, never the text.
      const audit = await db.prisma.auditEvent.findFirstOrThrow({ where: { action: 'platform.call_queued', subjectId: w.client.id } });
      expect(JSON.parse(audit.data)).toEqual({ operation: c.operationId, idempotencyKey: key });
      expect(audit.data).not.toContain('Hallo');

      intercept(c.operationId, { number: 'K-1001' }, c.answer, captured);
      expect(await drain()).toEqual({ sent: 1, retried: 0, dead: 0 });
      expect(captured).toHaveLength(1);
      expectContractRequest(captured[0]!, c.operationId, key);
      expect(captured[0]!.body).toEqual(c.body);
      const sent = await row(key);
      expect(sent).toMatchObject({ status: 'sent', attempts: 1, lastError: null });
      expect(JSON.parse(sent.result ?? '')).toEqual({ operation: c.operationId, status: c.answer.status });
      // Sent is sent: nothing goes out again.
      expect(await drain()).toEqual({ sent: 0, retried: 0, dead: 0 });
    });
  }

  it('the red question mark is also the bot\'s own ClientMark (for `kunden`), set and cleared with the platform call', async () => {
    await db.prisma.$transaction((tx) => gateway.markInactive(tx, { clientId: w.client.id, vpaId: w.anna.id, idempotencyKey: 'inactivity:cycle-1:mark' }, T0));
    expect(await db.prisma.clientMark.findUnique({ where: { clientId: w.client.id } })).toMatchObject({ vpaId: w.anna.id, markedAt: T0 });
    expect(await row('inactivity:cycle-1:mark')).toMatchObject({ channel: PLATFORM_CHANNEL });
    const later = new Date(T0.getTime() + 60_000);
    await db.prisma.$transaction((tx) => gateway.clearInactiveMark(tx, w.client.id, later, 'inactivity:cycle-1:unmark'));
    expect(await db.prisma.clientMark.count()).toBe(0);
    expect(await row('inactivity:cycle-1:unmark')).toMatchObject({ channel: PLATFORM_CHANNEL });
  });

  it('nothing is queued when the caller\'s transaction rolls back, and a repeated key queues nothing new', async () => {
    await expect(
      db.prisma.$transaction(async (tx) => {
        await gateway.sendChat(tx, { clientId: w.client.id, senderId: w.anna.id, text: 'Hallo', idempotencyKey: 'k-rollback' }, T0);
        throw new Error('the state change failed');
      }),
    ).rejects.toThrow('the state change failed');
    expect(await db.prisma.outboxMessage.count()).toBe(0);
    const send = () => db.prisma.$transaction((tx) => gateway.sendChat(tx, { clientId: w.client.id, senderId: w.anna.id, text: 'Hallo', idempotencyKey: 'k-once' }, T0));
    await send();
    await send();
    expect(await db.prisma.outboxMessage.count()).toBe(1);
  });

  it('an unknown client or sender is refused with a clear code and queues nothing', async () => {
    await expect(db.prisma.$transaction((tx) => gateway.sendChat(tx, { clientId: 'nope', senderId: w.anna.id, text: 'x', idempotencyKey: 'k1' }, T0))).rejects.toMatchObject({ code: 'CLIENT_NOT_FOUND' });
    await expect(db.prisma.$transaction((tx) => gateway.sendChat(tx, { clientId: w.client.id, senderId: 'nobody', text: 'x', idempotencyKey: 'k2' }, T0))).rejects.toMatchObject({ code: 'PERSON_NOT_FOUND' });
    expect(await db.prisma.outboxMessage.count()).toBe(0);
  });

  it('one client\'s calls reach the platform in the order they were queued', async () => {
    await db.prisma.$transaction(async (tx) => {
      await gateway.markInactive(tx, { clientId: w.client.id, vpaId: w.anna.id, idempotencyKey: 'first' }, T0);
      await gateway.sendChat(tx, { clientId: w.client.id, senderId: w.anna.id, text: 'Hallo', idempotencyKey: 'second' }, T0);
    });
    intercept('markInactive', { number: 'K-1001' }, { status: 200, body: { clientNumber: 'K-1001', vpaEmail: null, markedAt: T0.toISOString() } }, captured);
    intercept('sendChat', { number: 'K-1001' }, { status: 201, body: { messageId: 'm' } }, captured);
    // One conversation never has two requests in flight: one per round, oldest first.
    expect(await drain()).toMatchObject({ sent: 1 });
    expect(await drain()).toMatchObject({ sent: 1 });
    expect(captured.map((c) => c.headers['idempotency-key'])).toEqual(['first', 'second']);
  });
});

describe('failures end as the contract says', () => {
  const chat = (key = 'chat-1') => db.prisma.$transaction((tx) => gateway.sendChat(tx, { clientId: w.client.id, senderId: w.anna.id, text: 'Hallo', idempotencyKey: key }, T0));

  it('429 with Retry-After (seconds): not sent again before it, then sent with the same key', async () => {
    await chat();
    intercept('sendChat', { number: 'K-1001' }, { status: 429, body: { code: 'RATE_LIMITED', message: 'slow down' }, headers: { 'retry-after': '120' } }, captured);
    expect(await drain()).toEqual({ sent: 0, retried: 1, dead: 0 });
    const waiting = await row('chat-1');
    expect(waiting.status).toBe('pending');
    expect(waiting.nextAttemptAt.getTime()).toBeGreaterThanOrEqual(T0.getTime() + 120_000);
    expect(waiting.lastError).toContain('HTTP 429 (RATE_LIMITED), Retry-After 120');
    expect(waiting.lastError).toContain('PLATFORM_UNAVAILABLE');

    clock.set(new Date(T0.getTime() + 119_000));
    expect(await drain()).toEqual({ sent: 0, retried: 0, dead: 0 });
    clock.set(new Date(T0.getTime() + 120_000));
    intercept('sendChat', { number: 'K-1001' }, { status: 201, body: { messageId: 'm-1' } }, captured);
    expect(await drain()).toEqual({ sent: 1, retried: 0, dead: 0 });
    expect(captured.map((c) => c.headers['idempotency-key'])).toEqual(['chat-1', 'chat-1']);
  });

  it('429 with Retry-After as an HTTP date is honoured too', async () => {
    await chat();
    const until = new Date(T0.getTime() + 10 * 60_000);
    intercept('sendChat', { number: 'K-1001' }, { status: 429, body: { code: 'RATE_LIMITED', message: 'slow down' }, headers: { 'retry-after': until.toUTCString() } }, captured);
    await drain();
    expect((await row('chat-1')).nextAttemptAt.getTime()).toBeGreaterThanOrEqual(until.getTime());
  });

  it('503 is retried with backoff (Retry-After honoured), the second attempt goes through', async () => {
    await chat();
    intercept('sendChat', { number: 'K-1001' }, { status: 503, body: { code: 'MAINTENANCE', message: 'down' }, headers: { 'retry-after': '30' } }, captured);
    expect(await drain()).toEqual({ sent: 0, retried: 1, dead: 0 });
    const r = await row('chat-1');
    expect(r.nextAttemptAt.getTime()).toBeGreaterThanOrEqual(T0.getTime() + 30_000);
    expect(r.lastError).toContain('HTTP 503 (MAINTENANCE)');
    clock.set(r.nextAttemptAt);
    intercept('sendChat', { number: 'K-1001' }, { status: 201, body: { messageId: 'm-1' } }, captured);
    expect(await drain()).toEqual({ sent: 1, retried: 0, dead: 0 });
    expect((await row('chat-1')).attempts).toBe(2);
  });

  it('a timeout is a temporary failure (PLATFORM_TIMEOUT) and retried with the same key', async () => {
    await chat();
    intercept('sendChat', { number: 'K-1001' }, { status: 201, body: { messageId: 'late' }, delayMs: 2_000 }, captured);
    expect(await drain()).toEqual({ sent: 0, retried: 1, dead: 0 });
    const r = await row('chat-1');
    expect(r.status).toBe('pending');
    expect(r.lastError).toContain('PLATFORM_TIMEOUT');
    expect(r.lastError).toContain('no answer within 300 ms');
    clock.set(r.nextAttemptAt);
    intercept('sendChat', { number: 'K-1001' }, { status: 201, body: { messageId: 'm-1' } }, captured);
    expect(await drain()).toEqual({ sent: 1, retried: 0, dead: 0 });
    expect(captured.map((c) => c.headers['idempotency-key'])).toEqual(['chat-1', 'chat-1']);
  });

  it('a refused connection is retried', async () => {
    await chat();
    interceptNetworkError('sendChat', { number: 'K-1001' });
    expect(await drain()).toEqual({ sent: 0, retried: 1, dead: 0 });
    expect((await row('chat-1')).lastError).toContain('network error: ECONNREFUSED');
  });

  for (const [status, code] of [[400, 'INVALID_REQUEST'], [401, 'UNAUTHORIZED'], [404, 'CLIENT_NOT_FOUND'], [422, 'IDEMPOTENCY_KEY_REUSED']] as const) {
    it(`${status} ${code} is final: the row is dead with the platform's code and never sent again`, async () => {
      await chat();
      intercept('sendChat', { number: 'K-1001' }, { status, body: { code, message: 'no' } }, captured);
      expect(await drain()).toEqual({ sent: 0, retried: 0, dead: 1 });
      const r = await row('chat-1');
      expect(r.status).toBe('dead');
      expect(r.lastError).toContain(`PLATFORM_REJECTED: sendChat: platform answered HTTP ${status} (${code})`);
      clock.set(new Date(T0.getTime() + 86_400_000));
      expect(await drain()).toEqual({ sent: 0, retried: 0, dead: 0 });
    });
  }

  it('409 IDEMPOTENCY_KEY_IN_USE (the first request is still being processed) is temporary', async () => {
    await chat();
    intercept('sendChat', { number: 'K-1001' }, { status: 409, body: { code: 'IDEMPOTENCY_KEY_IN_USE', message: 'busy' } }, captured);
    expect(await drain()).toEqual({ sent: 0, retried: 1, dead: 0 });
  });

  it('a 2xx outside the contract counts as done (the platform acted) and is noted, never sent twice', async () => {
    await chat();
    // Raw nock: the helper refuses answers outside the contract.
    nock('https://platform.test').post('/api/v1/clients/K-1001/chats').reply(201, { unexpected: true });
    expect(await drain()).toEqual({ sent: 1, retried: 0, dead: 0 });
    const result = JSON.parse((await row('chat-1')).result ?? '') as { note?: string };
    expect(result.note).toContain('does not match the contract');
  });

  it('a body the contract forbids is never sent: dead at once with the reason', async () => {
    await db.prisma.$transaction((tx) => enqueuePlatformCall(tx, { idempotencyKey: 'bad', clientNumber: 'K-1001', request: { operation: 'sendChat', params: { number: 'K-1001' }, body: { senderEmail: 'not-an-email', text: '' } }, now: T0 }));
    expect(await drain()).toEqual({ sent: 0, retried: 0, dead: 1 });
    expect((await row('bad')).lastError).toContain('does not match the contract');
  });
});

describe('platform rows in the outbox', () => {
  it('without a platform port they wait with a reason, keep their attempts and are never dropped', async () => {
    await db.prisma.$transaction((tx) => gateway.sendChat(tx, { clientId: w.client.id, senderId: w.anna.id, text: 'Hallo', idempotencyKey: 'k1' }, T0));
    const [claimed] = await claimDue(db, { now: T0, instanceId: 'x', leaseMs: 60_000, limits: { perConversation: [], global: [] }, max: 5, channels: [PLATFORM_CHANNEL] });
    const port = { send: () => Promise.reject(new Error('no Teams here')), update: () => Promise.reject(new Error('no Teams here')) };
    const r = await processClaimed({ prisma: db.prisma, port, clock, instanceId: 'x', retry: DEFAULT_RETRY_POLICY, random: () => 0.5 }, claimed!);
    expect(r).toEqual({ outcome: 'deferred', reason: NO_PLATFORM_PORT });
    expect(await row('k1')).toMatchObject({ status: 'pending', attempts: 0, lastError: NO_PLATFORM_PORT });
  });

  it('the Teams limits do not hold platform rows back (they are counted apart)', async () => {
    // 50 Teams messages sent in the last second: Teams' overall limit is used up.
    for (let i = 0; i < 50; i++) {
      await db.prisma.outboxMessage.create({ data: { id: `t${i}`, idempotencyKey: `t${i}`, channel: 'teams.send', conversationKey: `person:p${i}`, notice: '{}', status: 'sent', nextAttemptAt: T0, createdAt: T0, sentAt: T0 } });
    }
    await db.prisma.$transaction((tx) => gateway.sendChat(tx, { clientId: w.client.id, senderId: w.anna.id, text: 'Hallo', idempotencyKey: 'k1' }, T0));
    intercept('sendChat', { number: 'K-1001' }, { status: 201, body: { messageId: 'm' } }, captured);
    expect(await drain()).toEqual({ sent: 1, retried: 0, dead: 0 });
  });
});

describe('choosing the implementation', () => {
  it('standalone without PLATFORM_BASE_URL; the HTTP gateway, reader and delivery port with it', () => {
    const standalone = loadConfig({ DATABASE_URL: 'file:unused' });
    expect(Object.keys(gatewayFor(standalone)).sort()).toEqual(Object.keys(createStandaloneGateway()).sort());
    expect(platformReaderFor(standalone)).toBeUndefined();
    expect(platformDeliveryFor(standalone)).toBeUndefined();
    const withPlatform = platformConfig(db);
    expect(withPlatform.platform).toEqual({ baseUrl: 'https://platform.test/api/v1', apiToken: 'secret-platform-token', timeoutMs: 300 });
    expect(platformReaderFor(withPlatform)).toBeDefined();
    expect(platformDeliveryFor(withPlatform)).toBeDefined();
    expect(loadConfig({ DATABASE_URL: 'file:unused', PLATFORM_BASE_URL: 'https://p.example', PLATFORM_API_TOKEN: 't' }).platform?.timeoutMs).toBe(10_000);
  });
});
