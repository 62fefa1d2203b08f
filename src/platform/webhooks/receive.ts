// One webhook delivery, from the raw bytes to the answer (the HTTP route in bot/ reads the body and sends what
// this returns). In this order, so nothing unauthenticated is parsed and nothing invalid is stored:
//   no secret configured -> 503 PLATFORM_WEBHOOKS_DISABLED (standalone bots do not take webhooks; logged);
//   body over 1 MiB      -> 413 WEBHOOK_TOO_LARGE (the route stops reading at the limit);
//   signature            -> 401 WEBHOOK_SIGNATURE_INVALID (missing, malformed, wrong, truncated, or stale timestamp);
//   JSON                 -> 400 WEBHOOK_MALFORMED_JSON;
//   schema               -> 422 WEBHOOK_UNKNOWN_TYPE or WEBHOOK_INVALID_EVENT (src/platform/webhook-events.yaml);
//   stored               -> 200 { status: 'accepted' }, or 200 { status: 'duplicate' } for an id seen before.
// The event is committed before the 200; the processor (src/platform/events) applies it afterwards.
import type { Db } from '../../db/client.ts';
import { ERRORS, type ErrorCode } from '../../errors/catalogue.ts';
import type { Logger } from '../../log/logger.ts';
import { storeEvent } from '../events/store.ts';
import { validateWebhookEvent } from './schema.ts';
import { verifyWebhookSignature } from './signature.ts';

/** The largest body accepted: 1 MiB. */
export const WEBHOOK_MAX_BYTES = 1024 * 1024;

export interface WebhookRequest {
  /** X-Staffelstab-Timestamp */
  timestamp: string | undefined;
  /** X-Staffelstab-Signature */
  signature: string | undefined;
  rawBody: Buffer;
  /** The route stopped reading because the body exceeded WEBHOOK_MAX_BYTES. */
  tooLarge?: boolean;
}

export interface WebhookAnswer {
  status: number;
  body: { status: 'accepted' | 'duplicate'; id: string } | { code: ErrorCode; message: string; problems?: string[] };
  /** True when this delivery stored a new event (the processor should look). */
  stored: boolean;
}

export interface ReceiveDeps {
  prisma: Db;
  /** PLATFORM_WEBHOOK_SECRET; undefined = webhooks are not configured. */
  secret: string | undefined;
  now: Date;
  logger: Logger;
}

function refuse(code: ErrorCode, problems?: string[]): WebhookAnswer {
  return { status: ERRORS[code].status, body: { code, message: ERRORS[code].en, ...(problems ? { problems } : {}) }, stored: false };
}

export async function receiveWebhook(deps: ReceiveDeps, request: WebhookRequest): Promise<WebhookAnswer> {
  const { logger, now } = deps;
  if (!deps.secret) {
    logger.warn({ code: 'PLATFORM_WEBHOOKS_DISABLED' }, 'platform webhook refused: PLATFORM_WEBHOOK_SECRET is not set (standalone mode takes no webhooks)');
    return refuse('PLATFORM_WEBHOOKS_DISABLED');
  }
  if (request.tooLarge || request.rawBody.length > WEBHOOK_MAX_BYTES) {
    logger.warn({ code: 'WEBHOOK_TOO_LARGE', limit: WEBHOOK_MAX_BYTES }, 'platform webhook refused: body too large');
    return refuse('WEBHOOK_TOO_LARGE');
  }
  const check = verifyWebhookSignature(deps.secret, request, now);
  if (!check.ok) {
    logger.warn({ code: 'WEBHOOK_SIGNATURE_INVALID', reason: check.reason }, 'platform webhook refused: signature');
    return refuse('WEBHOOK_SIGNATURE_INVALID');
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(request.rawBody.toString('utf8'));
  } catch {
    logger.warn({ code: 'WEBHOOK_MALFORMED_JSON', bytes: request.rawBody.length }, 'platform webhook refused: malformed JSON');
    return refuse('WEBHOOK_MALFORMED_JSON');
  }
  const valid = validateWebhookEvent(parsed);
  if (!valid.ok) {
    logger.warn({ code: valid.code, problems: valid.problems }, 'platform webhook refused: not a valid event');
    return refuse(valid.code, valid.problems);
  }
  const { event } = valid;
  const outcome = await storeEvent(deps.prisma, event, 'webhook', now);
  if (outcome === 'duplicate') {
    logger.info({ eventId: event.id, type: event.type }, 'platform webhook: event id seen before, ignored');
    return { status: 200, body: { status: 'duplicate', id: event.id }, stored: false };
  }
  logger.debug({ eventId: event.id, type: event.type }, 'platform webhook: event stored');
  return { status: 200, body: { status: 'accepted', id: event.id }, stored: true };
}
