// The outbox sender: claims due rows (src/outbox/claim.ts), sends each through the delivery port and
// records the outcome. Conversations are sent to in parallel, up to `concurrency` at once and within
// the rate limits; one conversation never has two messages in flight. Logs carry ids, codes and
// statuses only, never message texts.
import os from 'node:os';
import type { Db, Provider } from '../../src/db/client.ts';
import { randomId } from '../../src/ids.ts';
import type { Logger } from '../../src/log/logger.ts';
import { claimDue, type OutboxMessage } from '../../src/outbox/claim.ts';
import { PLATFORM_RATE_LIMITS, TEAMS_RATE_LIMITS, type RateLimits } from '../../src/outbox/limits.ts';
import { PLATFORM_CHANNEL } from '../../src/outbox/platform-call.ts';
import { processClaimed, type DeliveryPort, type PlatformDeliveryPort, type ProcessResult } from '../../src/outbox/process-message.ts';
import { recoverOwnLeases } from '../../src/outbox/recover-leases.ts';
import { DEFAULT_RETRY_POLICY, PLATFORM_RETRY_POLICY, type RandomSource, type RetryPolicy } from '../../src/outbox/retry-policy.ts';
import type { Clock } from '../../src/time/clock.ts';
import { renderNotice } from '../render/render-notice.ts';
import type { ConnectorTransport } from './connector-transport.ts';
import { createDeliveryPort, type RenderNotice } from './delivery-port.ts';

export interface OutboxSenderOptions {
  prisma: Db;
  provider: Provider;
  transport: ConnectorTransport;
  clock: Clock;
  logger: Logger;
  /** Unique among instances running at the same time, stable across restarts (see defaultInstanceId). */
  instanceId: string;
  /** Idle poll interval when nothing is due. */
  pollMs: number;
  limits?: RateLimits;
  retry?: Partial<RetryPolicy>;
  random?: RandomSource;
  /** How long a claim is exclusive; must exceed the transport timeout (default 60 s). */
  leaseMs?: number;
  /** Sends in flight at most (different conversations). Default 16. */
  concurrency?: number;
  /** Defaults to bot/render's renderNotice. */
  render?: RenderNotice;
  /**
   * Sends the rows of channel `platform.call` (the platform's HTTP API, src/platform). Without it such rows are
   * claimed and put back to wait with a reason (never dropped, no attempt used up).
   */
  platform?: PlatformDeliveryPort;
  /** Retry policy of platform rows; defaults to PLATFORM_RETRY_POLICY (keeps trying for at least ~12.5 hours). */
  platformRetry?: Partial<RetryPolicy>;
  /** Limits of platform rows, counted apart from Teams'; default PLATFORM_RATE_LIMITS. */
  platformLimits?: RateLimits;
}

export interface DrainResult {
  sent: number;
  /** Back to pending: a retryable failure, or an update waiting for its original. */
  retried: number;
  dead: number;
}

export interface OutboxSender {
  /** Starts the loop (after making this instance's interrupted claims due again). */
  start(): void;
  /** Stops claiming; the sends in flight finish and their outcomes are recorded. */
  stop(): Promise<void>;
  /** Something was just queued: let the running loop look at once instead of after pollMs. */
  kick(): void;
  /** One round: claim what is due now, send it, record the outcomes. For tests and `tick`. */
  drainOnce(): Promise<DrainResult>;
}

export const DEFAULT_LEASE_MS = 60_000;
export const DEFAULT_CONCURRENCY = 16;

/**
 * host:port - unique among running instances (two processes cannot listen on one port) and stable across
 * restarts, so a restarted instance takes back its interrupted claims at once. Port 0 (a random port) is
 * not stable: then a random id, and interrupted claims wait for their leases to run out.
 */
export function defaultInstanceId(port: number): string {
  return port > 0 ? `${os.hostname()}:${port}` : `${os.hostname()}:pid${process.pid}:${randomId().slice(0, 8)}`;
}

export function createOutboxSender(options: OutboxSenderOptions): OutboxSender {
  const { prisma, provider, clock, instanceId } = options;
  const log = options.logger.child({ component: 'outbox', instanceId });
  const limits = options.limits ?? TEAMS_RATE_LIMITS;
  const retry: RetryPolicy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
  const random = options.random ?? Math.random;
  const leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
  const concurrency = Math.max(1, options.concurrency ?? DEFAULT_CONCURRENCY);
  const port: DeliveryPort = createDeliveryPort(options.transport, options.render ?? renderNotice);
  const platform = options.platform;
  const platformRetry: RetryPolicy = { ...PLATFORM_RETRY_POLICY, ...options.platformRetry };
  const platformLimits = options.platformLimits ?? PLATFORM_RATE_LIMITS;

  const inFlight = new Map<string, Promise<ProcessResult | undefined>>();
  const drains = new Set<Promise<unknown>>();
  let running = false;
  // After stop(), nothing is claimed any more (also not by drainOnce) until start().
  let stopped = false;
  let loop: Promise<void> | undefined;
  let wake: (() => void) | undefined;
  // A send finished while the loop was not pausing: the next pause returns at once.
  let woken = false;

  function signal(): void {
    if (wake) wake();
    else woken = true;
  }

  // Teams rows and platform rows are claimed apart, each under its own limits. The kind that goes first (alternating
  // every round) gets up to half the free slots, the other the rest, so a backlog of one never starves the other.
  let platformFirst = false;
  const claimTeams = (now: Date, max: number) => claimDue({ prisma, provider }, { now, instanceId, leaseMs, limits, max });
  const claimPlatform = (now: Date, max: number) => claimDue({ prisma, provider }, { now, instanceId, leaseMs, limits: platformLimits, max, channels: [PLATFORM_CHANNEL] });

  async function claim(max: number): Promise<OutboxMessage[]> {
    const now = clock.now();
    platformFirst = !platformFirst;
    const [first, second] = platformFirst ? [claimPlatform, claimTeams] : [claimTeams, claimPlatform];
    const half = Math.ceil(max / 2);
    const a = await first(now, half);
    const b = await second(now, max - a.length);
    // The second kind left slots free: the first may use them (nothing waits behind it then).
    const c = a.length === half && a.length + b.length < max ? await first(now, max - a.length - b.length) : [];
    return [...a, ...b, ...c];
  }

  async function processOne(row: OutboxMessage): Promise<ProcessResult | undefined> {
    const ids = { outboxId: row.id, idempotencyKey: row.idempotencyKey, conversationKey: row.conversationKey, attempt: row.attempts };
    try {
      const r = await processClaimed({ prisma, port, clock, instanceId, retry, random, platform, platformRetry }, row);
      switch (r.outcome) {
        case 'sent':
          if ('activityId' in r.result) log.debug({ ...ids, activityId: r.result.activityId }, 'outbox message sent');
          else log.debug({ ...ids, operation: r.result.operation, httpStatus: r.result.status, note: r.result.note }, 'platform call sent');
          break;
        case 'retried':
          log.warn({ ...ids, httpStatus: r.httpStatus, reason: r.reason, nextAttemptAt: r.nextAttemptAt.toISOString() }, 'outbox message will be retried');
          break;
        case 'deferred':
          log.debug({ ...ids, reason: r.reason }, 'outbox message waits (deferred)');
          break;
        case 'dead':
          log.error({ ...ids, code: 'OUTBOX_DELIVERY_FAILED', httpStatus: r.httpStatus, reason: r.reason }, 'outbox message is dead');
          break;
        case 'lost':
          log.warn(ids, 'outbox lease was lost to another instance; outcome not recorded');
          break;
      }
      return r;
    } catch (e) {
      // The database failed while recording: the row stays claimed and is due again when its lease runs out.
      log.error({ ...ids, code: 'INTERNAL', err: { name: e instanceof Error ? e.name : typeof e } }, 'outbox attempt could not be recorded');
      return undefined;
    }
  }

  function dispatch(row: OutboxMessage): Promise<ProcessResult | undefined> {
    const p = processOne(row).finally(() => {
      inFlight.delete(row.id);
      signal();
    });
    inFlight.set(row.id, p);
    return p;
  }

  function pause(ms: number): Promise<void> {
    if (woken) {
      woken = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        wake = undefined;
        resolve();
      }
      wake = done;
    });
  }

  async function run(): Promise<void> {
    try {
      const recovered = await recoverOwnLeases(prisma, { instanceId, now: clock.now() });
      if (recovered > 0) log.warn({ recovered }, 'outbox messages interrupted by the previous run are due again (delivery was in doubt)');
    } catch (e) {
      log.error({ code: 'INTERNAL', err: { name: e instanceof Error ? e.name : typeof e } }, 'outbox lease recovery failed');
    }
    while (running) {
      let claimed = 0;
      const free = concurrency - inFlight.size;
      if (free > 0) {
        try {
          const rows = await claim(free);
          claimed = rows.length;
          for (const row of rows) void dispatch(row);
        } catch (e) {
          log.error({ code: 'INTERNAL', err: { name: e instanceof Error ? e.name : typeof e, message: e instanceof Error ? e.message.slice(0, 200) : '' } }, 'outbox claim failed');
        }
      }
      if (!running) break;
      // Claimed something and have room: look again at once. Otherwise wait for a send to finish or the poll interval.
      if (claimed > 0 && inFlight.size < concurrency) continue;
      await pause(options.pollMs);
    }
  }

  return {
    start() {
      if (running) return;
      running = true;
      stopped = false;
      woken = false;
      loop = run();
      log.info({ pollMs: options.pollMs, concurrency, leaseMs }, 'outbox sender started');
    },
    async stop() {
      running = false;
      stopped = true;
      signal();
      await loop;
      loop = undefined;
      await Promise.allSettled([...drains]);
      await Promise.allSettled([...inFlight.values()]);
      log.info('outbox sender stopped');
    },
    kick() {
      if (running) signal();
    },
    async drainOnce() {
      if (stopped) return { sent: 0, retried: 0, dead: 0 };
      const round = claim(concurrency).then((rows) => Promise.all(rows.map((row) => dispatch(row))));
      drains.add(round);
      let results: (ProcessResult | undefined)[];
      try {
        results = await round;
      } finally {
        drains.delete(round);
      }
      const out: DrainResult = { sent: 0, retried: 0, dead: 0 };
      for (const r of results) {
        if (r?.outcome === 'sent') out.sent++;
        else if (r?.outcome === 'retried' || r?.outcome === 'deferred') out.retried++;
        else if (r?.outcome === 'dead') out.dead++;
      }
      return out;
    },
  };
}
