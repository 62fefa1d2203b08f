// The webhook events are defined once, in src/platform/webhook-events.yaml. The TypeScript view of them
// (src/platform/webhooks/events.ts) must say the same: the event types, each schema's fields and which are required,
// the account values. The compiler ties EVENT_FIELDS to the TypeScript types; this test ties it to the YAML.
import { describe, expect, it } from 'vitest';
import { ACCOUNTS, DATA_SCHEMA, ENVELOPE_FIELDS, EVENT_FIELDS, WEBHOOK_EVENT_TYPES } from '../../src/platform/webhooks/events.ts';
import { loadWebhookDocument, validateWebhookEvent } from '../../src/platform/webhooks/schema.ts';

interface ObjectSchema {
  type?: string;
  required?: string[];
  properties?: Record<string, { $ref?: string; enum?: string[] }>;
  allOf?: { if: { properties: { type: { const: string } } }; then: { properties: { data: { $ref: string } } } }[];
}

const doc = loadWebhookDocument() as { openapi: string; components: { schemas: Record<string, ObjectSchema & { enum?: string[] }> } };
const schemas = doc.components.schemas;

function fieldsOf(schema: ObjectSchema): Record<string, 'required' | 'optional'> {
  const required = new Set(schema.required ?? []);
  return Object.fromEntries(Object.keys(schema.properties ?? {}).map((k) => [k, required.has(k) ? 'required' : 'optional']));
}

describe('webhook-events.yaml and the TypeScript types', () => {
  it('is OpenAPI 3.1 with the schemas the contract names', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(schemas)).toEqual(expect.arrayContaining(['WebhookEnvelope', 'TaskCreated', 'ChatReceived', 'ChatAnswered', 'MailReceived', 'MailAnswered', 'ClientReassigned']));
  });

  it('lists the same event types, each mapped to the same data schema', () => {
    const envelope = schemas.WebhookEnvelope!;
    expect(envelope.properties?.type?.enum).toEqual([...WEBHOOK_EVENT_TYPES]);
    const mapping = Object.fromEntries((envelope.allOf ?? []).map((c) => [c.if.properties.type.const, c.then.properties.data.$ref.replace('#/components/schemas/', '')]));
    expect(mapping).toEqual(DATA_SCHEMA);
    expect(fieldsOf(envelope)).toEqual(ENVELOPE_FIELDS);
  });

  for (const type of WEBHOOK_EVENT_TYPES) {
    it(`${type}: the same fields, required and optional alike`, () => {
      const schema = schemas[DATA_SCHEMA[type]]!;
      expect(schema.type).toBe('object');
      expect(fieldsOf(schema)).toEqual(EVENT_FIELDS[type]);
    });
  }

  it('the account values', () => {
    expect(schemas.Account?.enum).toEqual([...ACCOUNTS]);
  });
});

describe('runtime validation against the YAML', () => {
  const at = '2026-11-30T09:00:00Z';
  it('accepts one valid example of every type, and extra fields', () => {
    const examples = {
      'task.created': { taskId: 'T-1', clientNumber: 'K-1', createdAt: at, title: 'x', competence: 'y', priority: 'high' },
      'chat.received': { messageId: 'C-1', clientNumber: 'K-1', receivedAt: at, account: 'conny' },
      'chat.answered': { messageId: 'C-1', clientNumber: 'K-1', answeredAt: at },
      'mail.received': { mailId: 'M-1', clientNumber: 'K-1', receivedAt: at, account: 'vpa' },
      'mail.answered': { mailId: 'M-1', clientNumber: 'K-1', answeredAt: at },
      'client.reassigned': { clientNumber: 'K-1', vpaEmail: 'anna@example.de', at },
    };
    for (const type of WEBHOOK_EVENT_TYPES) {
      expect(validateWebhookEvent({ id: `e-${type}`, type, occurredAt: at, data: examples[type] }), type).toMatchObject({ ok: true });
    }
  });

  it('checks the data against the schema of the event\'s own type', () => {
    // Valid chat.received data, declared as task.created.
    const r = validateWebhookEvent({ id: 'e', type: 'task.created', occurredAt: at, data: { messageId: 'C-1', clientNumber: 'K-1', receivedAt: at, account: 'conny' } });
    expect(r).toMatchObject({ ok: false, code: 'WEBHOOK_INVALID_EVENT' });
    expect(validateWebhookEvent({ id: 'e', type: 'client.reassigned', occurredAt: at, data: { clientNumber: 'K-1', vpaEmail: 'not an address', at } })).toMatchObject({ ok: false, code: 'WEBHOOK_INVALID_EVENT' });
    expect(validateWebhookEvent({ id: 'e', type: 'task.updated', occurredAt: at, data: {} })).toMatchObject({ ok: false, code: 'WEBHOOK_UNKNOWN_TYPE' });
  });
});
