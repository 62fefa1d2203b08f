// The Bot Connector transport over HTTP, with nock for the connector and the Azure AD token endpoint:
// local mode without a token, bearer tokens from botbuilder's credential factory (MultiTenant and
// SingleTenant), status and Retry-After handed to the retry policy, and no retries of its own.
import nock from 'nock';
import type { ConversationReference } from 'botbuilder';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DeliveryError } from '../../src/outbox/delivery-error.ts';
import { tokenSourceFor } from '../../bot/outbox/bot-token.ts';
import { createConnectorTransport } from '../../bot/outbox/connector-transport.ts';

const SERVICE = 'https://smba.trafficmanager.net/emea/';
const CONVERSATION = 'a:1Xy_z;messageid=17';
const ref: ConversationReference = {
  channelId: 'msteams',
  serviceUrl: SERVICE,
  conversation: { id: CONVERSATION, isGroup: false, conversationType: 'personal', name: '' },
  bot: { id: '28:bot', name: 'staffelstab' },
};
const activity = { type: 'message', text: 'Hallo' };
const path = `/emea/v3/conversations/${encodeURIComponent(CONVERSATION)}/activities`;

beforeAll(() => {
  nock.disableNetConnect();
});
afterEach(() => {
  nock.cleanAll();
});
afterAll(() => {
  nock.enableNetConnect();
});

async function failure(p: Promise<unknown>): Promise<DeliveryError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof DeliveryError) return e;
    throw e;
  }
  throw new Error('expected a DeliveryError');
}

describe('local mode (no app id)', () => {
  it('posts the activity without an Authorization header and returns the activity id', async () => {
    let headers: Record<string, unknown> = {};
    const scope = nock('https://smba.trafficmanager.net')
      .post(path, (body) => body.text === 'Hallo')
      .reply(function () {
        headers = this.req.headers;
        return [201, { id: '1:abc' }];
      });

    const result = await createConnectorTransport().send(ref, activity);

    expect(result).toEqual({ activityId: '1:abc' });
    expect(scope.isDone()).toBe(true);
    expect(headers.authorization).toBeUndefined();
    expect(headers['content-type']).toContain('application/json');
  });

  it('updates with PUT to the activity, the id in the body', async () => {
    const scope = nock('https://smba.trafficmanager.net')
      .put(`${path}/${encodeURIComponent('1:abc')}`, (body) => body.id === '1:abc' && body.text === 'Neu')
      .reply(200, { id: '1:abc' });

    await createConnectorTransport().update(ref, '1:abc', { type: 'message', text: 'Neu' });

    expect(scope.isDone()).toBe(true);
  });

  it('answers without an id give an empty activity id', async () => {
    nock('https://smba.trafficmanager.net').post(path).reply(200, '');
    expect(await createConnectorTransport().send(ref, activity)).toEqual({ activityId: '' });
  });
});

describe('errors for the retry policy', () => {
  it('hands over status and Retry-After of a 429, retryable', async () => {
    nock('https://smba.trafficmanager.net').post(path).reply(429, { error: { code: 'TooManyRequests', message: 'slow down' } }, { 'Retry-After': '3' });

    const e = await failure(createConnectorTransport().send(ref, activity));

    expect(e).toMatchObject({ httpStatus: 429, retryAfter: '3', retryable: true, code: 'OUTBOX_DELIVERY_FAILED' });
    expect(e.reason).toBe('Bot Connector answered HTTP 429 (TooManyRequests), Retry-After 3');
  });

  it('marks a 403 permanent and keeps only the error code, not the message text', async () => {
    nock('https://smba.trafficmanager.net').post(path).reply(403, { error: { code: 'ConversationBlockedByUser', message: 'User blocked the conversation with the bot.' } });

    const e = await failure(createConnectorTransport().send(ref, activity));

    expect(e).toMatchObject({ httpStatus: 403, retryable: false });
    expect(e.reason).toBe('Bot Connector answered HTTP 403 (ConversationBlockedByUser)');
  });

  it('does not retry by itself: one request per call, also on 503', async () => {
    const first = nock('https://smba.trafficmanager.net').post(path).reply(503, {});
    const second = nock('https://smba.trafficmanager.net').post(path).reply(201, { id: 'x' });

    const e = await failure(createConnectorTransport().send(ref, activity));

    expect(e).toMatchObject({ httpStatus: 503, retryable: true });
    expect(first.isDone()).toBe(true);
    expect(second.isDone()).toBe(false);
  });

  it('reports a connection failure as a retryable network error', async () => {
    nock('https://smba.trafficmanager.net').post(path).replyWithError({ code: 'ECONNRESET', message: 'socket hang up' });

    const e = await failure(createConnectorTransport().send(ref, activity));

    expect(e.retryable).toBe(true);
    expect(e.httpStatus).toBeUndefined();
    expect(e.reason).toMatch(/^network error: /);
  });

  it('refuses a reference without a usable serviceUrl as permanent', async () => {
    const e = await failure(createConnectorTransport().send({ ...ref, serviceUrl: 'ftp://x' }, activity));
    expect(e).toMatchObject({ retryable: false, reason: 'conversation reference has no valid serviceUrl' });
  });
});

describe('with app credentials', () => {
  function tokenEndpoint(tenant: string, appId: string, token: string) {
    return nock('https://login.microsoftonline.com')
      .post(`/${tenant}/oauth2/v2.0/token`, (body) => body.client_id === appId && body.grant_type === 'client_credentials' && body.scope === 'https://api.botframework.com/.default')
      .query(true)
      .reply(200, { token_type: 'Bearer', expires_in: 3600, ext_expires_in: 3600, access_token: token });
  }

  it('MultiTenant: gets a token from the botframework.com tenant, sends it as bearer, and reuses it', async () => {
    const token = tokenEndpoint('botframework.com', 'app-multi', 'token-multi');
    const auth: unknown[] = [];
    nock('https://smba.trafficmanager.net')
      .post(path)
      .times(2)
      .reply(function () {
        auth.push(this.req.headers.authorization);
        return [201, { id: 'a1' }];
      });
    const transport = createConnectorTransport({ tokens: tokenSourceFor({ appId: 'app-multi', appPassword: 'secret', tenantId: undefined, appType: 'MultiTenant' }) });

    await transport.send(ref, activity);
    await transport.send(ref, activity);

    expect(token.isDone()).toBe(true);
    expect(auth).toEqual(['Bearer token-multi', 'Bearer token-multi']);
  });

  it('SingleTenant: gets the token from its own tenant', async () => {
    const token = tokenEndpoint('tenant-42', 'app-single', 'token-single');
    const send = nock('https://smba.trafficmanager.net').post(path).matchHeader('authorization', 'Bearer token-single').reply(201, { id: 'a1' });
    const transport = createConnectorTransport({ tokens: tokenSourceFor({ appId: 'app-single', appPassword: 'secret', tenantId: 'tenant-42', appType: 'SingleTenant' }) });

    await transport.send(ref, activity);

    expect(token.isDone()).toBe(true);
    expect(send.isDone()).toBe(true);
  });

  it('after a 401 the next attempt fetches a fresh token', async () => {
    tokenEndpoint('botframework.com', 'app-refresh', 'old-token');
    const fresh = tokenEndpoint('botframework.com', 'app-refresh', 'new-token');
    nock('https://smba.trafficmanager.net').post(path).matchHeader('authorization', 'Bearer old-token').reply(401, {});
    const retried = nock('https://smba.trafficmanager.net').post(path).matchHeader('authorization', 'Bearer new-token').reply(201, { id: 'a2' });
    const transport = createConnectorTransport({ tokens: tokenSourceFor({ appId: 'app-refresh', appPassword: 'secret', tenantId: undefined, appType: 'MultiTenant' }) });

    const e = await failure(transport.send(ref, activity));
    expect(e).toMatchObject({ httpStatus: 401, retryable: true });
    expect(await transport.send(ref, activity)).toEqual({ activityId: 'a2' });

    expect(fresh.isDone()).toBe(true);
    expect(retried.isDone()).toBe(true);
  });

  it('a failing token endpoint is a retryable error and nothing is sent', async () => {
    nock('https://login.microsoftonline.com')
      .post('/botframework.com/oauth2/v2.0/token')
      .query(true)
      .reply(400, { error: 'invalid_client', error_description: 'AADSTS7000215: Invalid client secret provided.' });
    const send = nock('https://smba.trafficmanager.net').post(path).reply(201, { id: 'x' });
    const transport = createConnectorTransport({ tokens: tokenSourceFor({ appId: 'app-bad', appPassword: 'wrong', tenantId: undefined, appType: 'MultiTenant' }) });

    const e = await failure(transport.send(ref, activity));

    expect(e.retryable).toBe(true);
    expect(e.reason).toMatch(/^could not get a bot token/);
    expect(e.reason).not.toContain('wrong');
    expect(send.isDone()).toBe(false);
  });

  it('never sends a token to a plain-http serviceUrl outside this machine', async () => {
    const transport = createConnectorTransport({ tokens: { getToken: async () => 'tok' } });
    const e = await failure(transport.send({ ...ref, serviceUrl: 'http://connector.example.com/' }, activity));
    expect(e).toMatchObject({ retryable: false, reason: 'refusing to send a bot token to a non-https serviceUrl' });
  });
});
