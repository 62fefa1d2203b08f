// The server runs the due-work jobs itself, once a minute, so reminders go out without anybody running
// `tick`. Several instances may do so at once: every job is idempotent (see TickJob), so the second run of
// an instant does nothing.
import type { Config } from '../config/config.ts';
import type { Db } from '../db/client.ts';
import type { Logger } from '../log/logger.ts';
import type { Clock } from '../time/clock.ts';
import { runTick } from './run-tick.ts';

export interface TickScheduler {
  start(): void;
  stop(): Promise<void>;
}

export function createTickScheduler(deps: { prisma: Db; config: Config; logger: Logger; clock: Clock; intervalMs?: number; afterRun?: () => void }): TickScheduler {
  const intervalMs = deps.intervalMs ?? 60_000;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  const runOnce = async () => {
    const results = await runTick({ prisma: deps.prisma, now: deps.clock.now(), logger: deps.logger, config: deps.config });
    if (results.some((r) => r.lines.length > 0)) deps.afterRun?.();
  };
  const tick = () => {
    if (running) return;
    running = runOnce()
      .catch((error: unknown) => deps.logger.error({ code: 'INTERNAL', err: { message: error instanceof Error ? error.message : String(error) } }, 'scheduled tick failed'))
      .finally(() => {
        running = undefined;
      });
  };
  return {
    start() {
      if (timer) return;
      timer = setInterval(tick, intervalMs);
      timer.unref();
      tick();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
      await running;
    },
  };
}
