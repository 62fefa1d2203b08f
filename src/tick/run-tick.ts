// Runs every due-work job once for one instant. A failing job is reported and logged with its code and
// does not stop the others; each job commits its own work, so what succeeded stays done.
import type { Config } from '../config/config.ts';
import type { Db } from '../db/client.ts';
import { toAppError, type AppError } from '../errors/catalogue.ts';
import type { Logger } from '../log/logger.ts';
import { TICK_JOBS, type TickJob } from './jobs.ts';

export interface TickJobResult {
  job: string;
  /** What the job did (German, one line per thing). */
  lines: string[];
  error?: AppError;
}

export interface RunTickInput {
  prisma: Db;
  now: Date;
  logger: Logger;
  config: Config;
  /** Defaults to the registered jobs (TICK_JOBS). */
  jobs?: readonly TickJob[];
}

export async function runTick(input: RunTickInput): Promise<TickJobResult[]> {
  const results: TickJobResult[] = [];
  for (const job of input.jobs ?? TICK_JOBS) {
    const logger = input.logger.child({ job: job.name });
    try {
      const lines = await job.run({ prisma: input.prisma, now: input.now, logger, config: input.config });
      if (lines.length > 0) logger.info({ now: input.now.toISOString(), actions: lines.length }, 'tick job did work');
      results.push({ job: job.name, lines });
    } catch (e) {
      const error = toAppError(e);
      logger.error({ err: e, code: error.code, now: input.now.toISOString() }, 'tick job failed');
      results.push({ job: job.name, lines: [], error });
    }
  }
  return results;
}
