// When to try a failed message again: exponential backoff with full jitter, never earlier than the
// server's Retry-After. Pure functions; the random source is injected so tests can pin the jitter.

export interface RetryPolicy {
  /** Attempts (claims) after which a still failing message goes dead. */
  maxAttempts: number;
  /** Backoff ceiling of the first retry; doubles with every attempt. */
  baseDelayMs: number;
  /** Upper bound of the backoff ceiling. */
  maxDelayMs: number;
  /** An update whose original message is not sent yet waits this long (it does not use up an attempt). */
  updateWaitMs: number;
  /**
   * `full` (default): uniform in [0, ceiling). `equal`: uniform in [ceiling/2, ceiling), so the time until a row goes
   * dead has a floor (the platform's rows must outlast an outage of hours, see PLATFORM_RETRY_POLICY).
   */
  jitter?: 'full' | 'equal';
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 10,
  baseDelayMs: 1_000,
  maxDelayMs: 15 * 60_000,
  updateWaitMs: 2_000,
};

/**
 * Calls to the VPA platform (outbox channel `platform.call`): the platform may be down for hours (maintenance) and a
 * message to a client must wait, never be lost. Backoff 2 s doubling up to 30 min, equal jitter, 60 attempts: a row
 * goes dead no earlier than about 12.5 hours (sum of the half ceilings) and typically after about 19 hours of
 * failures. Every attempt carries the row's Idempotency-Key, so retries never act twice.
 */
export const PLATFORM_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 60,
  baseDelayMs: 2_000,
  maxDelayMs: 30 * 60_000,
  updateWaitMs: 2_000,
  jitter: 'equal',
};

/** The least time a row keeps being retried under this policy before it goes dead (every jitter at its floor). */
export function minimumRetrySpanMs(policy: RetryPolicy): number {
  let total = 0;
  for (let attempt = 1; attempt < policy.maxAttempts; attempt++) total += backoffDelayMs(attempt, policy, () => 0);
  return total;
}

/** A random number in [0, 1), like Math.random. */
export type RandomSource = () => number;

/** Retry-After is honoured up to this bound, so a broken header cannot park a message for years. */
const MAX_RETRY_AFTER_MS = 24 * 3_600_000;

/**
 * Full jitter ("Exponential Backoff And Jitter", AWS architecture blog): a uniform delay between 0 and
 * min(maxDelay, base * 2^(attempt-1)). `attempt` is the number of the attempt that just failed (1-based).
 */
export function backoffDelayMs(attempt: number, policy: RetryPolicy, random: RandomSource): number {
  const exponent = Math.max(0, Math.min(attempt - 1, 30));
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** exponent);
  const r = Math.min(Math.max(random(), 0), 1);
  if (policy.jitter === 'equal') return Math.floor(ceiling / 2 + (r * ceiling) / 2);
  return Math.floor(r * ceiling);
}

/** Retry-After as delay-seconds or as an HTTP-date (RFC 9110 10.2.3); undefined when absent or unreadable. */
export function parseRetryAfterMs(value: string | undefined | null, now: Date): number | undefined {
  if (value === undefined || value === null) return undefined;
  const v = value.trim();
  if (v === '') return undefined;
  if (/^\d+$/.test(v)) return Math.min(Number(v) * 1_000, MAX_RETRY_AFTER_MS);
  // An HTTP-date always names its weekday or month ("Sun, 06 Nov 1994 08:49:37 GMT").
  if (!/[A-Za-z]{3}/.test(v)) return undefined;
  const at = Date.parse(v);
  if (Number.isNaN(at)) return undefined;
  return Math.min(Math.max(0, at - now.getTime()), MAX_RETRY_AFTER_MS);
}

/** The delay before the next attempt: the larger of the jittered backoff and the server's Retry-After. */
export function retryDelayMs(attempt: number, policy: RetryPolicy, random: RandomSource, retryAfterMs: number | undefined): number {
  return Math.max(backoffDelayMs(attempt, policy, random), retryAfterMs ?? 0);
}
