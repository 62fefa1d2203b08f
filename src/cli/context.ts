// What every CLI command gets: where to write, the clock, the configuration (read once, when first
// needed) and the database (migrated and opened when first needed, closed by runCli at the end).
import type { Config } from '../config/config.ts';
import type { Db } from '../db/client.ts';
import type { Logger } from '../log/logger.ts';
import type { Clock } from '../time/clock.ts';
import type { TickJob } from '../tick/jobs.ts';

export interface TextSink {
  write(text: string): unknown;
}

export interface Output {
  /** One line (or several) to stdout. */
  line(text?: string): void;
  /** One line (or several) to stderr. */
  error(text: string): void;
}

export interface CommandContext {
  out: Output;
  clock: Clock;
  config(): Config;
  db(): Promise<Db>;
  logger(): Logger;
  tickJobs: readonly TickJob[] | undefined;
  /** A command that finished but wants a non-zero exit code (e.g. a tick job failed) sets it here. */
  exitCode: number;
}

export function outputTo(stdout: TextSink, stderr: TextSink): Output {
  return {
    line: (text = '') => void stdout.write(`${text}\n`),
    error: (text) => void stderr.write(`${text}\n`),
  };
}
