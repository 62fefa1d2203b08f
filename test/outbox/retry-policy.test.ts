// Backoff with full jitter, Retry-After parsing, and which statuses are retried.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DeliveryError, RETRYABLE_STATUSES, toDeliveryError } from '../../src/outbox/delivery-error.ts';
import { backoffDelayMs, DEFAULT_RETRY_POLICY, parseRetryAfterMs, retryDelayMs } from '../../src/outbox/retry-policy.ts';

const now = new Date('2026-11-23T09:00:00.000Z');
const policy = { ...DEFAULT_RETRY_POLICY, baseDelayMs: 1_000, maxDelayMs: 60_000 };

describe('backoffDelayMs', () => {
  it('doubles the ceiling with every attempt up to maxDelayMs', () => {
    const ceiling = (attempt: number) => backoffDelayMs(attempt, policy, () => 0.999_999_9);
    expect([1, 2, 3, 4, 5, 6, 7, 8].map(ceiling)).toEqual([999, 1_999, 3_999, 7_999, 15_999, 31_999, 59_999, 59_999]);
  });

  it('is uniform between 0 and the ceiling (full jitter)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), (attempt, r) => {
        const d = backoffDelayMs(attempt, policy, () => r);
        const cap = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
        return d >= 0 && d <= cap && d === Math.floor(r * cap);
      }),
    );
  });
});

describe('parseRetryAfterMs', () => {
  it('reads delay-seconds and HTTP dates', () => {
    expect(parseRetryAfterMs('3', now)).toBe(3_000);
    expect(parseRetryAfterMs(' 120 ', now)).toBe(120_000);
    expect(parseRetryAfterMs('Mon, 23 Nov 2026 09:00:45 GMT', now)).toBe(45_000);
  });

  it('treats a past date as now and ignores what it cannot read', () => {
    expect(parseRetryAfterMs('Mon, 23 Nov 2026 08:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfterMs('soon', now)).toBeUndefined();
    expect(parseRetryAfterMs('-5', now)).toBeUndefined();
    expect(parseRetryAfterMs('', now)).toBeUndefined();
    expect(parseRetryAfterMs(undefined, now)).toBeUndefined();
  });

  it('caps an absurd Retry-After at one day', () => {
    expect(parseRetryAfterMs('999999999', now)).toBe(86_400_000);
  });
});

describe('retryDelayMs', () => {
  it('takes the larger of backoff and Retry-After', () => {
    expect(retryDelayMs(3, policy, () => 0.5, 10_000)).toBe(10_000);
    expect(retryDelayMs(3, policy, () => 0.5, 1_000)).toBe(2_000);
    expect(retryDelayMs(3, policy, () => 0.5, undefined)).toBe(2_000);
  });
});

describe('which failures are retried', () => {
  it('retries 429, 412, 502, 504 (Microsoft) and 401, 408, 500, 503; other statuses are permanent', () => {
    expect([...RETRYABLE_STATUSES].sort((a, b) => a - b)).toEqual([401, 408, 412, 429, 500, 502, 503, 504]);
    for (const s of [400, 403, 404, 405, 409, 413, 415, 501, 505]) expect(DeliveryError.http(s, undefined).retryable).toBe(false);
    for (const s of RETRYABLE_STATUSES) expect(DeliveryError.http(s, undefined).retryable).toBe(true);
  });

  it('retries network errors and unknown errors, keeping only the error name', () => {
    expect(DeliveryError.network('ECONNREFUSED').retryable).toBe(true);
    const unknown = toDeliveryError(new RangeError('Text mit Inhalt'));
    expect(unknown.retryable).toBe(true);
    expect(unknown.reason).toBe('unexpected error (RangeError)');
  });
});
