// Reads retry inside one call: a short, bounded series of attempts with exponential backoff and full jitter on the
// temporary failures (timeout, network error, 408/409/429/5xx), never earlier than the platform's Retry-After. A
// Retry-After longer than `maxWaitMs` is not waited out in the caller's time: the error goes back at once (the
// reconciliation job reads again on its next run). Writes never come here: they retry through the outbox.
import { parseRetryAfterMs, retryDelayMs, type RandomSource, type RetryPolicy } from '../../outbox/retry-policy.ts';
import { systemClock, type Clock } from '../../time/clock.ts';
import { isPlatformHttpError } from './client.ts';

export interface ReadRetryOptions {
  policy?: Pick<RetryPolicy, 'maxAttempts' | 'baseDelayMs' | 'maxDelayMs'>;
  /** The longest Retry-After waited out inside one call (default 30 s). */
  maxWaitMs?: number;
  /** Injected for tests (default: a timer). */
  sleep?: (ms: number) => Promise<void>;
  random?: RandomSource;
  /** For HTTP-date Retry-After values. */
  clock?: Clock;
}

export const READ_RETRY_POLICY = { maxAttempts: 4, baseDelayMs: 500, maxDelayMs: 8_000 } as const;
export const READ_MAX_WAIT_MS = 30_000;

const timerSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function readWithRetries<T>(attempt: () => Promise<T>, options: ReadRetryOptions = {}): Promise<T> {
  const policy: RetryPolicy = { ...READ_RETRY_POLICY, ...options.policy, updateWaitMs: 0 };
  const sleep = options.sleep ?? timerSleep;
  const random = options.random ?? Math.random;
  const maxWaitMs = options.maxWaitMs ?? READ_MAX_WAIT_MS;
  for (let n = 1; ; n++) {
    try {
      return await attempt();
    } catch (e) {
      if (!isPlatformHttpError(e) || !e.retryable || n >= policy.maxAttempts) throw e;
      const retryAfterMs = parseRetryAfterMs(e.retryAfter, (options.clock ?? systemClock).now());
      if (retryAfterMs !== undefined && retryAfterMs > maxWaitMs) throw e;
      await sleep(retryDelayMs(n, policy, random, retryAfterMs));
    }
  }
}
