// Shared set-up of the platform HTTP tests: a database with a VPA, the Conny account and a client, the configuration
// with a platform, a sender that delivers platform rows, and nock interceptors that record each request and check
// both sides against the contract (src/platform/openapi.yaml): the request's body with the operation's request
// schema, and the canned answer with the operation's response schema (a test cannot answer outside the contract).
import nock from 'nock';
import { expect } from 'vitest';
import { loadConfig, type Config } from '../../src/config/config.ts';
import { silentLogger } from '../../src/log/logger.ts';
import { platformContract, platformDeliveryFor } from '../../src/platform/index.ts';
import type { FixedClock } from '../../src/time/clock.ts';
import { createConnectorTransport } from '../../bot/outbox/connector-transport.ts';
import { createOutboxSender, type OutboxSender } from '../../bot/outbox/sender.ts';
import type { TestDatabase } from '../support/db.ts';
import { createClient, createPerson, type TestPerson } from '../support/people.ts';

export const ORIGIN = 'https://platform.test';
export const BASE_PATH = '/api/v1';
export const TOKEN = 'secret-platform-token';

export function platformConfig(db: TestDatabase, extra: Record<string, string> = {}): Config {
  return loadConfig({ LOG_LEVEL: 'silent', DATABASE_URL: db.url, PLATFORM_BASE_URL: `${ORIGIN}${BASE_PATH}/`, PLATFORM_API_TOKEN: TOKEN, PLATFORM_TIMEOUT_MS: '300', ...extra });
}

export interface World {
  anna: TestPerson;
  conny: TestPerson;
  client: { id: string; number: string; name: string };
}

export async function seedWorld(db: TestDatabase): Promise<World> {
  const anna = await createPerson(db.prisma, { name: 'Anna Schneider', roles: ['vpa'], email: 'anna.schneider@vpa.example' });
  const conny = await createPerson(db.prisma, { name: 'Conny Meindl', roles: ['conny'], email: 'conny@vpa.example' });
  const client = await createClient(db.prisma, { number: 'K-1001', name: 'Muster GmbH' });
  return { anna, conny, client };
}

export function platformSender(db: TestDatabase, clock: FixedClock, config: Config, fetchImpl?: typeof fetch): OutboxSender {
  return createOutboxSender({
    prisma: db.prisma,
    provider: db.provider,
    transport: createConnectorTransport(),
    clock,
    logger: silentLogger,
    instanceId: 'platform-test',
    pollMs: 10,
    random: () => 0.5,
    platform: platformDeliveryFor(config, { fetch: fetchImpl }),
  });
}

export interface Captured {
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
}

/**
 * Expects one request of the operation (method and path from the contract, path parameters filled in) and answers
 * it. The answer must be one the contract allows for the operation.
 */
function pathOf(operationId: string, params: Record<string, string>): { method: string; path: string } {
  const op = platformContract().operation(operationId);
  return { method: op.method, path: BASE_PATH + op.path.replace(/\{([^}]+)\}/g, (_, name: string) => encodeURIComponent(params[name] ?? '')) };
}

/**
 * Expects one request of the operation (method and path from the contract, path parameters filled in) and answers
 * it, after `delayMs` when given. The answer must be one the contract allows for the operation.
 */
export function intercept(
  operationId: string,
  params: Record<string, string>,
  answer: { status: number; body?: unknown; headers?: Record<string, string>; delayMs?: number },
  captured: Captured[],
): nock.Scope {
  const valid = platformContract().validateResponse(operationId, answer.status, answer.body);
  expect(valid, `canned answer ${answer.status} of ${operationId}`).toEqual({ ok: true });
  const { method, path } = pathOf(operationId, params);
  const scope = nock(ORIGIN);
  let interceptor = scope.intercept((uri) => uri.split('?')[0] === path, method);
  if (answer.delayMs !== undefined) interceptor = interceptor.delay(answer.delayMs);
  return interceptor.reply(function (uri, body) {
    captured.push({ method, path: uri, headers: { ...this.req.headers }, body: body === '' ? undefined : body });
    const text = answer.body === undefined ? '' : JSON.stringify(answer.body);
    return [answer.status, text, { ...(text ? { 'content-type': 'application/json' } : {}), ...answer.headers }];
  });
}

/** The next request of the operation fails without an answer (connection refused or reset). */
export function interceptNetworkError(operationId: string, params: Record<string, string>, code = 'ECONNREFUSED'): nock.Scope {
  const { method, path } = pathOf(operationId, params);
  return nock(ORIGIN)
    .intercept((uri) => uri.split('?')[0] === path, method)
    .replyWithError({ code, message: 'connect failed' });
}

/** The request matched the contract: bearer token, JSON content type, Idempotency-Key, body valid for the operation. */
export function expectContractRequest(c: Captured, operationId: string, idempotencyKey: string | undefined): void {
  const contract = platformContract();
  expect(c.headers.authorization).toBe(`Bearer ${TOKEN}`);
  expect(c.headers['idempotency-key']).toBe(idempotencyKey);
  const op = contract.operation(operationId);
  if (op.requestSchema) {
    expect(c.headers['content-type']).toBe('application/json');
    expect(contract.validateRequestBody(operationId, c.body)).toEqual({ ok: true });
  } else {
    expect(c.body).toBeUndefined();
  }
}
