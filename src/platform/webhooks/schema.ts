// Validates a parsed webhook body against src/platform/webhook-events.yaml (OpenAPI 3.1, whose schemas are JSON
// Schema 2020-12), with ajv and its formats. The YAML is read once, on first use. An unknown `type` and data that
// does not match its type's schema are told apart, because they are answered differently (both 422, different codes).
import fs from 'node:fs';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';
import { isWebhookEventType, type WebhookEvent } from './events.ts';

export const WEBHOOK_EVENTS_FILE = new URL('../webhook-events.yaml', import.meta.url);
const DOCUMENT_ID = 'webhook-events.yaml';

export type ValidationResult =
  | { ok: true; event: WebhookEvent }
  | { ok: false; code: 'WEBHOOK_UNKNOWN_TYPE' | 'WEBHOOK_INVALID_EVENT'; problems: string[] };

/** The YAML document as data (also for the test that compares it with the TypeScript types). */
export function loadWebhookDocument(): Record<string, unknown> {
  return parse(fs.readFileSync(WEBHOOK_EVENTS_FILE, 'utf8')) as Record<string, unknown>;
}

let validator: ValidateFunction | undefined;

function envelopeValidator(): ValidateFunction {
  if (validator) return validator;
  // strict: false, because the document's root is OpenAPI (openapi, info, paths), not a schema; the schemas in it
  // use only JSON Schema keywords.
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats(ajv);
  ajv.addSchema({ ...loadWebhookDocument(), $id: DOCUMENT_ID });
  const fn = ajv.getSchema(`${DOCUMENT_ID}#/components/schemas/WebhookEnvelope`);
  if (!fn) throw new Error(`${DOCUMENT_ID} has no components.schemas.WebhookEnvelope`);
  validator = fn;
  return fn;
}

/** "/data/clientNumber must NOT have fewer than 1 characters": paths and rules only, never the values sent. */
function describe(errors: readonly ErrorObject[]): string[] {
  const useful = errors.filter((e) => e.keyword !== 'if');
  return [...new Set(useful.map((e) => `${e.instancePath || '/'} ${e.message ?? e.keyword}`))].slice(0, 20);
}

export function validateWebhookEvent(body: unknown): ValidationResult {
  const validate = envelopeValidator();
  if (validate(body)) return { ok: true, event: body as WebhookEvent };
  const type = body && typeof body === 'object' ? (body as { type?: unknown }).type : undefined;
  const problems = describe(validate.errors ?? []);
  if (typeof type === 'string' && !isWebhookEventType(type)) return { ok: false, code: 'WEBHOOK_UNKNOWN_TYPE', problems: [`unknown event type ${JSON.stringify(type.slice(0, 100))}`] };
  return { ok: false, code: 'WEBHOOK_INVALID_EVENT', problems };
}
