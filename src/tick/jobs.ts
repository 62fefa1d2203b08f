// The due-work jobs `staffelstab tick` runs (and a scheduler in the server may run): inactivity steps,
// Conny messages, shift pings, escalations, reminders. Registering a job is one entry in TICK_JOBS.
import type { Config } from '../config/config.ts';
import type { Db } from '../db/client.ts';
import type { Logger } from '../log/logger.ts';
import { handoverReminderJobs } from '../handover/index.ts';

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
 * earlier one, or two instances at once) must do nothing the second time. Record what was done in the
 * same transaction as the effect, e.g. a `...RemindedAt` column or an outbox idempotency key derived from
 * the cause and the due step (`inactivity:<clientId>:week8`), and return no line for work already done.
 */
export interface TickJob {
  name: string;
  run(ctx: TickContext): Promise<string[]>;
}

/** Every registered job, run in this order. Later issues add theirs here. */
export const TICK_JOBS: readonly TickJob[] = [...handoverReminderJobs];
