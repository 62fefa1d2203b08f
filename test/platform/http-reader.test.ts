// The platform reader (what the reconciliation reads) with nock: each list follows the contract's paging, sends the
// bearer token and no Idempotency-Key, and gets answers checked against the contract. A read retries inside the
// call on 429 (never before Retry-After), 5xx, timeouts and refused connections, a bounded number of times; it ends
// with a coded error (PLATFORM_UNAVAILABLE, PLATFORM_TIMEOUT, PLATFORM_REJECTED, PLATFORM_BAD_RESPONSE).
import nock from 'nock';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.ts';
import { platformReaderFor, type HttpPlatformReader } from '../../src/platform/index.ts';
import { BASE_PATH, intercept, interceptNetworkError, ORIGIN, TOKEN, type Captured } from './http-support.ts';

const config = loadConfig({ DATABASE_URL: 'file:unused', PLATFORM_BASE_URL: `${ORIGIN}${BASE_PATH}`, PLATFORM_API_TOKEN: TOKEN, PLATFORM_TIMEOUT_MS: '300' });

let sleeps: number[];
let reader: HttpPlatformReader;
let captured: Captured[];

beforeAll(() => nock.disableNetConnect());
afterAll(() => nock.enableNetConnect());
beforeEach(() => {
  sleeps = [];
  captured = [];
  reader = platformReaderFor(config, { sleep: async (ms) => void sleeps.push(ms), random: () => 0.5 })!;
});
afterEach(() => {
  const pending = nock.pendingMocks();
  nock.cleanAll();
  expect(pending, 'every expected platform request was made').toEqual([]);
});

const client = (n: number, vpaEmail: string | null = `vpa${n}@vpa.example`) => ({ number: `K-${n}`, name: `Kunde ${n}`, class: 'B', workType: 'continuous' as const, vpaEmail });
const error = (code: string) => ({ code, message: 'x' });

describe('reads', () => {
  it('listClients follows the pages and maps the contract\'s clients', async () => {
    intercept('listClients', {}, { status: 200, body: { items: [client(1), client(2, null)], nextCursor: 'c2' } }, captured);
    intercept('listClients', {}, { status: 200, body: { items: [client(3)], nextCursor: null } }, captured);
    expect(await reader.listClients()).toEqual([client(1), client(2, null), client(3)]);
    expect(captured.map((c) => c.path)).toEqual([`${BASE_PATH}/clients?limit=500`, `${BASE_PATH}/clients?limit=500&cursor=c2`]);
    for (const c of captured) {
      expect(c.method).toBe('GET');
      expect(c.headers.authorization).toBe(`Bearer ${TOKEN}`);
      expect(c.headers['idempotency-key']).toBeUndefined();
      expect(c.body).toBeUndefined();
    }
  });

  it('listTasksSince asks for tasks since the instant and returns Dates', async () => {
    const since = new Date('2026-11-01T00:00:00.000Z');
    intercept('listTasks', {}, { status: 200, body: { items: [{ id: 't1', clientNumber: 'K-1', createdAt: '2026-11-02T08:00:00Z', title: 'Reise buchen', competence: '' }], nextCursor: null } }, captured);
    expect(await reader.listTasksSince(since)).toEqual([{ id: 't1', clientNumber: 'K-1', createdAt: new Date('2026-11-02T08:00:00Z'), title: 'Reise buchen', competence: '' }]);
    expect(captured[0]!.path).toBe(`${BASE_PATH}/tasks?since=${encodeURIComponent(since.toISOString())}&limit=500`);
  });

  it('listConnyInbox returns the open chats, mails and tasks with their received-at times', async () => {
    const items = [
      { id: 'm1', kind: 'chat', clientNumber: 'K-1', receivedAt: '2026-11-30T07:00:00Z', subject: '' },
      { id: 'm2', kind: 'mail', clientNumber: 'K-2', receivedAt: '2026-11-30T07:30:00Z', subject: 'Frage' },
    ];
    intercept('listConnyInbox', {}, { status: 200, body: { items, nextCursor: null } }, captured);
    expect(await reader.listConnyInbox()).toEqual(items.map((i) => ({ ...i, receivedAt: new Date(i.receivedAt) })));
  });

  it('getClient: one client, or null when the platform does not know it', async () => {
    intercept('getClient', { number: 'K-1' }, { status: 200, body: client(1) }, captured);
    expect(await reader.getClient('K-1')).toEqual(client(1));
    intercept('getClient', { number: 'K-9' }, { status: 404, body: error('CLIENT_NOT_FOUND') }, captured);
    expect(await reader.getClient('K-9')).toBeNull();
  });
});

describe('retries inside one read', () => {
  const ok = { status: 200, body: { items: [client(1)], nextCursor: null } };

  it('429 with Retry-After: the next attempt not before it', async () => {
    intercept('listClients', {}, { status: 429, body: error('RATE_LIMITED'), headers: { 'retry-after': '7' } }, captured);
    intercept('listClients', {}, ok, captured);
    expect(await reader.listClients()).toHaveLength(1);
    expect(sleeps).toHaveLength(1);
    expect(sleeps[0]).toBeGreaterThanOrEqual(7_000);
  });

  it('503 and a refused connection are retried with growing backoff', async () => {
    intercept('listClients', {}, { status: 503, body: error('UNAVAILABLE') }, captured);
    interceptNetworkError('listClients', {});
    intercept('listClients', {}, ok, captured);
    expect(await reader.listClients()).toHaveLength(1);
    // Full jitter with random 0.5: half of 500 ms, then half of 1 s.
    expect(sleeps).toEqual([250, 500]);
  });

  it('a timeout is retried; when every attempt times out the read ends with PLATFORM_TIMEOUT', async () => {
    for (let i = 0; i < 4; i++) intercept('listClients', {}, { ...ok, delayMs: 1_000 }, captured);
    await expect(reader.listClients()).rejects.toMatchObject({ code: 'PLATFORM_TIMEOUT', retryable: true, operation: 'listClients' });
    expect(sleeps).toHaveLength(3);
  });

  it('ends with PLATFORM_UNAVAILABLE after the last attempt, with the status', async () => {
    for (let i = 0; i < 4; i++) intercept('listClients', {}, { status: 500, body: error('BOOM') }, captured);
    await expect(reader.listClients()).rejects.toMatchObject({ code: 'PLATFORM_UNAVAILABLE', httpStatus: 500, platformCode: 'BOOM' });
  });

  it('a Retry-After longer than a read may wait ends the read at once (the next reconciliation reads again)', async () => {
    intercept('listClients', {}, { status: 503, body: error('MAINTENANCE'), headers: { 'retry-after': '3600' } }, captured);
    await expect(reader.listClients()).rejects.toMatchObject({ code: 'PLATFORM_UNAVAILABLE', httpStatus: 503, retryAfter: '3600' });
    expect(sleeps).toEqual([]);
  });

  it('401 is not retried: PLATFORM_REJECTED', async () => {
    intercept('listClients', {}, { status: 401, body: error('UNAUTHORIZED') }, captured);
    await expect(reader.listClients()).rejects.toMatchObject({ code: 'PLATFORM_REJECTED', httpStatus: 401, retryable: false });
    expect(sleeps).toEqual([]);
  });

  it('an answer outside the contract is PLATFORM_BAD_RESPONSE (and says where, never the values)', async () => {
    nock(ORIGIN).get(`${BASE_PATH}/clients`).query(true).reply(200, { items: [{ ...client(1), workType: 'sometimes', vpaEmail: 'secret-not-an-email' }], nextCursor: null });
    const e = await reader.listClients().catch((x: unknown) => x);
    expect(e).toMatchObject({ code: 'PLATFORM_BAD_RESPONSE', retryable: false });
    expect(String((e as Error).message)).toContain('/items/0/workType');
    expect(String((e as Error).message)).not.toContain('secret-not-an-email');
  });
});
