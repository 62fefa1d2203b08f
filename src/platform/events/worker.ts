// The server's loop over stored platform events: runs at start, every `pollMs`, and at once when a webhook stored
// an event (`kick`), one run at a time. A second instance, or `staffelstab tick`, may process the same table at
// the same time: the per-event compare-and-set (process.ts) lets exactly one of them apply each event.
import type { Db } from '../../db/client.ts';
import type { Logger } from '../../log/logger.ts';
import type { Clock } from '../../time/clock.ts';
import { DEFAULT_EVENT_LIMIT, processPendingEvents, type ProcessedEvent } from './process.ts';

export interface PlatformEventWorker {
  start(): void;
  /** Stops polling and waits for the run in flight. */
  stop(): Promise<void>;
  /** Process now rather than at the next poll (best effort). */
  kick(): void;
}

export interface PlatformEventWorkerDeps {
  prisma: Db;
  logger: Logger;
  clock: Clock;
  timeZone: string;
  /** Default 5000 ms (webhooks kick it at once; the poll retries what failed and catches other instances' events). */
  pollMs?: number;
  maxAttempts?: number;
  /** After a run that applied events (e.g. kick the outbox: a paused cycle queued a card). */
  afterRun?: (events: ProcessedEvent[]) => void;
}

export function createPlatformEventWorker(deps: PlatformEventWorkerDeps): PlatformEventWorker {
  const pollMs = deps.pollMs ?? 5000;
  const logger = deps.logger.child({ component: 'platform-events' });
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let again = false;
  let started = false;

  const runOnce = async () => {
    // A full batch means more may wait: go on at once rather than after the poll interval.
    for (;;) {
      again = false;
      const events = await processPendingEvents({ prisma: deps.prisma, now: deps.clock.now(), logger, timeZone: deps.timeZone, ...(deps.maxAttempts ? { maxAttempts: deps.maxAttempts } : {}) });
      if (events.some((e) => e.outcome === 'processed')) deps.afterRun?.(events);
      if (!started || (!again && events.length < DEFAULT_EVENT_LIMIT)) return;
    }
  };

  const run = () => {
    if (running) {
      again = true;
      return;
    }
    running = runOnce()
      .catch((error: unknown) => logger.error({ code: 'INTERNAL', err: { message: error instanceof Error ? error.message : String(error) } }, 'platform event run failed'))
      .finally(() => {
        running = undefined;
      });
  };

  return {
    start() {
      if (started) return;
      started = true;
      timer = setInterval(run, pollMs);
      timer.unref();
      run();
    },
    async stop() {
      started = false;
      if (timer) clearInterval(timer);
      timer = undefined;
      await running;
    },
    kick() {
      if (started) run();
    },
  };
}
