// Runs the CLI in-process against a test database and captures what it prints.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli } from '../../src/cli/run-cli.ts';
import { silentLogger } from '../../src/log/logger.ts';
import { FixedClock, type Clock } from '../../src/time/clock.ts';
import type { TickJob } from '../../src/tick/jobs.ts';

export const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'import');

export function fixture(name: string): string {
  return path.join(FIXTURES, name);
}

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  clock?: Clock;
  tickJobs?: readonly TickJob[];
  env?: Record<string, string>;
}

export const DEFAULT_NOW = new Date('2026-11-23T10:00:00.000Z');

export async function cli(databaseUrl: string, argv: string[], options: CliOptions = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    env: { DATABASE_URL: databaseUrl, TZ_BUSINESS: 'Europe/Berlin', ...options.env },
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    clock: options.clock ?? new FixedClock(DEFAULT_NOW),
    logger: silentLogger,
    ...(options.tickJobs ? { tickJobs: options.tickJobs } : {}),
  });
  return { code, stdout, stderr };
}
