// The shape of due work that `staffelstab tick` and the in-process scheduler run. Kept apart from the
// registry (jobs.ts) so the processes that define jobs do not import each other through it.
import type { Config } from '../config/config.ts';
import type { Db } from '../db/client.ts';
import type { Logger } from '../log/logger.ts';

export interface TickContext {
  prisma: Db;
  /** The instant the tick stands for (`tick --now`); a job never reads the system clock. */
  now: Date;
  logger: Logger;
  config: Config;
}

/**
 * One kind of due work. `run` does everything due at `ctx.now` and returns one German line per thing it
 * did (e.g. "Erinnerung an Anna Schneider: Kundenabgabe K-1001 wartet auf Prüfung"), or nothing.
 *
 * Idempotency is the job's duty: running it twice at the same instant (or a later tick overlapping an
 * earlier one, or two instances at once) must do nothing the second time. Once-only work uses
 * `onceOnlyJob` (src/reminders/once-job.ts), which claims a key in the same transaction as the effect.
 */
export interface TickJob {
  name: string;
  run(ctx: TickContext): Promise<string[]>;
}
