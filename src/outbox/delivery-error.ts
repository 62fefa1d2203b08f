// What a delivery attempt can fail with, as the sender's retry policy needs it: the HTTP status and
// Retry-After of the Bot Connector's answer, or a network failure, or a permanent reason (card too
// large, unknown notice). The transport in bot/ throws these; src/ decides what happens next.
import { AppError } from '../errors/catalogue.ts';

/**
 * Statuses worth another attempt. 429/412/502/504 are the ones Microsoft names for Teams bots. We also
 * retry 408 (request timeout), 500 and 503 (transient server trouble in practice) and 401 (an expired
 * token: the transport fetches a fresh one for the next attempt). Every other 4xx/5xx is permanent:
 * 400 bad activity, 403 bot blocked or removed, 404 conversation gone, 413 too large, 501/505 ...
 * All retries stay bounded by the policy's maxAttempts.
 */
export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([401, 408, 412, 429, 500, 502, 503, 504]);

export interface DeliveryErrorInit {
  /** English, without message bodies; becomes the row's lastError. */
  reason: string;
  retryable: boolean;
  /** HTTP status of the answer, when there was one. */
  status?: number;
  /** The raw Retry-After header, when the answer had one. */
  retryAfter?: string;
  cause?: unknown;
}

export class DeliveryError extends AppError {
  readonly reason: string;
  readonly retryable: boolean;
  readonly httpStatus: number | undefined;
  readonly retryAfter: string | undefined;

  constructor(init: DeliveryErrorInit) {
    super('OUTBOX_DELIVERY_FAILED', {
      detail: init.reason,
      cause: init.cause,
      details: { httpStatus: init.status, retryAfter: init.retryAfter, retryable: init.retryable },
    });
    this.name = 'DeliveryError';
    this.reason = init.reason;
    this.retryable = init.retryable;
    this.httpStatus = init.status;
    this.retryAfter = init.retryAfter;
  }

  /** A non-2xx answer. `errorCode` is the connector's error code (e.g. ConversationBlockedByUser), never a body text. */
  static http(status: number, retryAfter: string | undefined, errorCode?: string): DeliveryError {
    const code = errorCode ? ` (${errorCode})` : '';
    const after = retryAfter ? `, Retry-After ${retryAfter}` : '';
    return new DeliveryError({ reason: `Bot Connector answered HTTP ${status}${code}${after}`, retryable: RETRYABLE_STATUSES.has(status), status, retryAfter });
  }

  /** No answer: connection refused or reset, DNS failure, timeout. Always retryable. */
  static network(detail: string, cause?: unknown): DeliveryError {
    return new DeliveryError({ reason: `network error: ${detail}`, retryable: true, cause });
  }

  /** Will never succeed as it is (activity too large, unknown notice kind, invalid reference). */
  static permanent(reason: string, cause?: unknown): DeliveryError {
    return new DeliveryError({ reason, retryable: false, cause });
  }

  /** Could succeed later without anyone changing the message (e.g. the recipient installs the bot). */
  static transient(reason: string, cause?: unknown): DeliveryError {
    return new DeliveryError({ reason, retryable: true, cause });
  }
}

export function isDeliveryError(e: unknown): e is DeliveryError {
  return e instanceof DeliveryError;
}

/** Any failure as a DeliveryError. Unknown errors are retried (bounded by maxAttempts); only their name is kept. */
export function toDeliveryError(e: unknown): DeliveryError {
  if (isDeliveryError(e)) return e;
  const name = e instanceof Error ? e.name : typeof e;
  return new DeliveryError({ reason: `unexpected error (${name})`, retryable: true, cause: e });
}
