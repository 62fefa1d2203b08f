// Rate limits for proactive Teams messages (STACK.md, Microsoft's documented values). They are counted
// from the database (sentAt of sent rows, plus rows in flight), so they hold across restarts and
// across several running instances; a row that would exceed a limit is simply not claimed yet.

export interface RateWindow {
  /** At most this many operations ... */
  count: number;
  /** ... within any window of this many milliseconds. */
  windowMs: number;
}

export interface RateLimits {
  /** Per bot per conversation (per outbox conversationKey). */
  perConversation: RateWindow[];
  /** Per app per tenant: all Teams messages of the app together. */
  global: RateWindow[];
}

export const TEAMS_RATE_LIMITS: RateLimits = {
  perConversation: [
    { count: 7, windowMs: 1_000 },
    { count: 8, windowMs: 2_000 },
    { count: 60, windowMs: 30_000 },
    { count: 1_800, windowMs: 3_600_000 },
  ],
  global: [{ count: 50, windowMs: 1_000 }],
};

/**
 * Calls to the VPA platform (channel `platform.call`) are counted apart from Teams messages (claim.ts filters the
 * counts by channel), so neither throttles the other. One client's calls go one at a time anyway (per
 * conversationKey `platform:<number>`); overall at most 20 per second, well below any sane API limit, and the
 * platform's own 429 with Retry-After is honoured by the retry policy.
 */
export const PLATFORM_RATE_LIMITS: RateLimits = {
  perConversation: [],
  global: [{ count: 20, windowMs: 1_000 }],
};
