// The fake Bot Connector itself: other tests rely on what it records and counts.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { startFakeConnector, type FakeConnector } from '../support/fake-connector.ts';

let connector: FakeConnector;

beforeEach(async () => {
  connector = await startFakeConnector();
});
afterEach(async () => {
  await connector.close();
});

function call(method: string, path: string, body?: unknown, signal?: AbortSignal): Promise<Response> {
  return fetch(new URL(path, connector.url), {
    method,
    headers: { 'content-type': 'application/json', authorization: 'Bearer t' },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal,
  });
}

it('answers the conversation routes and records every request in order', async () => {
  connector.setMembers('19:x@thread.tacv2', [{ id: '29:a', name: 'Anna', aadObjectId: 'aad-a' }]);
  const conv = encodeURIComponent('19:x@thread.tacv2');

  const sent = await (await call('POST', `/v3/conversations/${conv}/activities`, { type: 'message', text: 'Hi' })).json();
  const reply = await (await call('POST', `/v3/conversations/${conv}/activities/act-9`, { type: 'message', text: 'Re' })).json();
  const updated = await (await call('PUT', `/v3/conversations/${conv}/activities/activity-1`, { type: 'message', id: 'activity-1', text: 'Neu' })).json();
  const created = await (await call('POST', '/v3/conversations', { members: [{ id: '29:a' }] })).json();
  const members = await (await call('GET', `/v3/conversations/${conv}/members`)).json();
  const paged = await (await call('GET', `/v3/conversations/${conv}/pagedmembers`)).json();
  const one = await call('GET', `/v3/conversations/${conv}/members/29%3Aa`);
  const missing = await call('GET', `/v3/conversations/${conv}/members/29%3Ab`);
  const unknown = await call('GET', '/v3/teams/abc');

  expect(sent).toEqual({ id: 'activity-1' });
  expect(reply).toEqual({ id: 'activity-2' });
  expect(updated).toEqual({ id: 'activity-1' });
  expect(created).toMatchObject({ id: expect.stringMatching(/^conversation-/) });
  expect(members).toEqual([{ id: '29:a', name: 'Anna', aadObjectId: 'aad-a' }]);
  expect(paged).toEqual({ members: [{ id: '29:a', name: 'Anna', aadObjectId: 'aad-a' }] });
  expect(await one.json()).toMatchObject({ id: '29:a' });
  expect(missing.status).toBe(404);
  expect(unknown.status).toBe(404);

  expect(connector.requests.map((r) => [r.seq, r.method, r.conversationId ?? null, r.activityId ?? null, r.status])).toEqual([
    [1, 'POST', '19:x@thread.tacv2', null, 200],
    [2, 'POST', '19:x@thread.tacv2', 'act-9', 200],
    [3, 'PUT', '19:x@thread.tacv2', 'activity-1', 200],
    [4, 'POST', null, null, 200],
    [5, 'GET', '19:x@thread.tacv2', null, 200],
    [6, 'GET', '19:x@thread.tacv2', null, 200],
    [7, 'GET', '19:x@thread.tacv2', null, 200],
    [8, 'GET', '19:x@thread.tacv2', null, 404],
    [9, 'GET', null, null, 404],
  ]);
  expect(connector.requests[0]?.headers.authorization).toBe('Bearer t');
  expect(connector.requests[0]?.body).toEqual({ type: 'message', text: 'Hi' });
  expect(connector.deliveries().map((d) => d.seq)).toEqual([1, 2, 3]);
});

it('fails the next requests as programmed, then answers normally again', async () => {
  connector.failNext(2, { status: 429, retryAfter: '2' });
  connector.failNext(1, { status: 0 });

  const a = await call('POST', '/v3/conversations/c/activities', { text: '1' });
  const b = await call('POST', '/v3/conversations/c/activities', { text: '2' });
  const c = await call('POST', '/v3/conversations/c/activities', { text: '3' }).then(
    () => 'answered',
    () => 'network error',
  );
  const d = await call('POST', '/v3/conversations/c/activities', { text: '4' });

  expect([a.status, a.headers.get('retry-after'), b.status, c, d.status]).toEqual([429, '2', 429, 'network error', 200]);
  expect(connector.deliveries().map((r) => (r.body as { text: string }).text)).toEqual(['4']);
});

it('holds a request until released, and does not count one whose client went away', async () => {
  connector.hold(2);
  connector.holdFrom(4);
  await call('POST', '/v3/conversations/c/activities', { text: '1' });
  const aborter = new AbortController();
  const second = call('POST', '/v3/conversations/c/activities', { text: '2' }, aborter.signal).catch(() => 'aborted');
  await connector.waitFor(() => connector.heldCount() === 1, 5_000, 'request 2 to be held');
  await call('POST', '/v3/conversations/c/activities', { text: '3' });
  const fourth = call('POST', '/v3/conversations/c/activities', { text: '4' });
  await connector.waitFor(() => connector.heldCount() === 2, 5_000, 'request 4 to be held');

  aborter.abort();
  expect(await second).toBe('aborted');
  await connector.waitFor(() => connector.requests[1]?.clientGone === true, 5_000, 'the server to notice the closed connection');
  connector.release();
  expect((await fourth).status).toBe(200);

  expect(connector.deliveries().map((r) => (r.body as { text: string }).text)).toEqual(['1', '3', '4']);
  expect(connector.requests).toHaveLength(4);
  expect(connector.requests.map((r) => r.clientGone)).toEqual([false, true, false, false]);
});
