// The contract document itself (src/platform/openapi.yaml): the generated types are current, every operation says
// what the gateway relies on (bearer auth; Idempotency-Key required on every write; 429 and 503 with Retry-After;
// errors as { code, message }), and the webhooks section names the six events with the schemas of
// webhook-events.yaml.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { generatePlatformTypes, GENERATED_PATH } from '../../scripts/platform-types.ts';
import { platformContract } from '../../src/platform/index.ts';

const contract = platformContract();
const doc = contract.document as {
  openapi: string;
  security: unknown;
  paths: Record<string, Record<string, { responses: Record<string, { $ref?: string }> }>>;
  components: { responses: Record<string, { headers?: Record<string, unknown>; content?: Record<string, { schema: { $ref: string } }> }> };
  webhooks: Record<string, { post: { requestBody: { content: { 'application/json': { schema: { allOf: [{ $ref: string }, { properties: { type: { const: string }; data: { $ref: string } } }] } } } } } }>;
};

const WRITES = ['sendChat', 'sendEmail', 'markInactive', 'clearInactiveMark', 'reassignClient'];
const READS = ['listClients', 'getClient', 'listTasks', 'listConnyInbox'];

describe('the platform contract', () => {
  it('is OpenAPI 3.1 with bearer auth on every operation', () => {
    expect(doc.openapi).toMatch(/^3\.1\./);
    expect(doc.security).toEqual([{ bearerAuth: [] }]);
    expect(contract.operations().map((o) => o.operationId).sort()).toEqual([...READS, ...WRITES].sort());
  });

  it('every write requires an Idempotency-Key; no read has one', () => {
    for (const op of contract.operations()) expect([op.operationId, op.requiresIdempotencyKey]).toEqual([op.operationId, WRITES.includes(op.operationId)]);
    for (const id of WRITES) {
      const op = contract.operation(id);
      expect(op.method).not.toBe('GET');
      expect([...op.responses.keys()].filter((s) => s >= 200 && s < 300)).toHaveLength(1);
      // Key in use (temporary) and key reused with another request (final) are answers of every write.
      expect(op.responses.has(409) && op.responses.has(422)).toBe(true);
    }
  });

  it('every operation documents 401, 429, 500 and 503; 429 and 503 carry Retry-After; errors are { code, message }', () => {
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(item)) {
        for (const status of ['401', '429', '500', '503']) expect(op.responses[status], `${method} ${path} ${status}`).toBeDefined();
        expect(op.responses['429']?.$ref).toBe('#/components/responses/TooManyRequests');
        expect(op.responses['503']?.$ref).toBe('#/components/responses/Unavailable');
      }
    }
    for (const name of ['TooManyRequests', 'Unavailable']) expect(Object.keys(doc.components.responses[name]?.headers ?? {})).toEqual(['Retry-After']);
    for (const [name, r] of Object.entries(doc.components.responses)) expect(r.content?.['application/json']?.schema.$ref, name).toBe('#/components/schemas/Error');
    expect(contract.validateSchema('Error', { code: 'RATE_LIMITED', message: 'slow down' })).toEqual({ ok: true });
    expect(contract.validateSchema('Error', { message: 'no code' }).ok).toBe(false);
  });

  it('the webhooks are the six events, with the schemas of webhook-events.yaml', () => {
    const names: Record<string, string> = {
      'task.created': 'TaskCreated',
      'chat.received': 'ChatReceived',
      'chat.answered': 'ChatAnswered',
      'mail.received': 'MailReceived',
      'mail.answered': 'MailAnswered',
      'client.reassigned': 'ClientReassigned',
    };
    expect(Object.keys(doc.webhooks).sort()).toEqual(Object.keys(names).sort());
    const file = new URL('../../src/platform/webhook-events.yaml', import.meta.url);
    const events = fs.existsSync(file) ? (parse(fs.readFileSync(file, 'utf8')) as { components: { schemas: Record<string, unknown> } }) : undefined;
    for (const [type, schema] of Object.entries(names)) {
      const [envelope, specific] = doc.webhooks[type]!.post.requestBody.content['application/json'].schema.allOf;
      expect(envelope.$ref).toBe('./webhook-events.yaml#/components/schemas/WebhookEnvelope');
      expect(specific.properties.type.const).toBe(type);
      expect(specific.properties.data.$ref).toBe(`./webhook-events.yaml#/components/schemas/${schema}`);
      // Each reference resolves in the other file (once it exists).
      if (events) expect(Object.keys(events.components.schemas)).toEqual(expect.arrayContaining(['WebhookEnvelope', schema]));
    }
  });

  it('src/platform/generated/openapi.ts is what `npm run platform:types` generates from the document now', async () => {
    expect(fs.readFileSync(GENERATED_PATH, 'utf8')).toBe(await generatePlatformTypes());
  });
});
