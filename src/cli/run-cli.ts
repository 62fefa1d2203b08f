// `npx staffelstab <command>` (CONTRACT.md). runCli is the whole CLI as a function, so tests run it
// in-process with their own environment, output, clock and tick jobs; bin/staffelstab.mjs and main.ts
// call it with the process's. The configuration is read once; the database is migrated (a fresh machine
// works) and opened only by commands that need it, and closed before runCli returns.
import { Command, CommanderError } from 'commander';
import { loadConfig, type Config } from '../config/config.ts';
import { openDatabase, type Database } from '../db/client.ts';
import { migrate } from '../db/migrate.ts';
import type { Logger } from '../log/logger.ts';
import { systemClock, type Clock } from '../time/clock.ts';
import type { TickJob } from '../tick/jobs.ts';
import { registerDemo } from './commands/demo.ts';
import { registerImport } from './commands/import.ts';
import { registerInactive } from './commands/inactive.ts';
import { registerManifest } from './commands/manifest.ts';
import { registerOutbox } from './commands/outbox.ts';
import { registerRoles } from './commands/roles.ts';
import { registerTick } from './commands/tick.ts';
import { registerShifts } from './commands/shifts.ts';
import { outputTo, type CommandContext, type TextSink } from './context.ts';
import { cliLogger } from './logger.ts';
import { reportError } from './report-error.ts';

export interface CliIo {
  env: Record<string, string | undefined>;
  stdout: TextSink;
  stderr: TextSink;
  clock: Clock;
  logger: Logger;
  /** Replaces the registered tick jobs (tests). */
  tickJobs: readonly TickJob[];
}

/** Exit code for a command line that commander rejects (unknown command, missing argument). */
export const EXIT_USAGE = 2;

export async function runCli(argv: readonly string[], io: Partial<CliIo> = {}): Promise<number> {
  const env = io.env ?? process.env;
  const out = outputTo(io.stdout ?? process.stdout, io.stderr ?? process.stderr);
  let config: Config | undefined;
  let database: Database | undefined;
  let logger: Logger | undefined = io.logger;

  const ctx: CommandContext = {
    out,
    clock: io.clock ?? systemClock,
    tickJobs: io.tickJobs,
    exitCode: 0,
    config: () => (config ??= loadConfig(env)),
    logger: () => (logger ??= cliLogger(logLevelOf(env))),
    db: async () => {
      if (!database) {
        const url = ctx.config().databaseUrl;
        await migrate(url);
        database = openDatabase(url);
      }
      return database.prisma;
    },
  };

  const program = new Command('staffelstab')
    .description('Staffelstab: Kundenabgabe, inaktive Kunden (Account Conny) und Schichtdienst in Microsoft Teams')
    .helpOption('-h, --help', 'Hilfe anzeigen')
    .helpCommand('help [befehl]', 'Hilfe zu einem Befehl anzeigen')
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({
      writeOut: (s) => void (io.stdout ?? process.stdout).write(s),
      writeErr: (s) => void (io.stderr ?? process.stderr).write(s),
      outputError: (s, write) => write(`Aufruf ungültig / invalid usage: ${s.replace(/^error: /, '')}Hilfe: staffelstab --help\n`),
    });
  registerImport(program, ctx);
  registerRoles(program, ctx);
  registerOutbox(program, ctx);
  registerTick(program, ctx);
  registerManifest(program, ctx);
  registerDemo(program, ctx);
  registerInactive(program, ctx);
  registerShifts(program, ctx);

  try {
    if (argv.length === 0) {
      program.outputHelp();
      return EXIT_USAGE;
    }
    await program.parseAsync([...argv], { from: 'user' });
    return ctx.exitCode;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : EXIT_USAGE;
    return reportError(e, out, ctx.logger);
  } finally {
    await database?.close();
  }
}

const LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

// Read without loadConfig, so that reporting a configuration error never needs the configuration.
function logLevelOf(env: Record<string, string | undefined>): string {
  const level = env.LOG_LEVEL?.trim() ?? '';
  return LEVELS.includes(level) ? level : 'warn';
}
