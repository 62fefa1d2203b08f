// Entry point: `npm start`. Config -> signal handlers -> migrations -> database -> outbox sender -> server.
// A configuration error stops the process with a message naming the variable (exit code 1).
// SIGTERM/SIGINT stop it within STOP_DEADLINE_MS, whatever hangs: exit code 0 after a clean stop, 1 when
// the deadline had to cut something short.
import { ConfigError, loadConfig, type Config } from '../src/config/config.ts';
import { openDatabase } from '../src/db/client.ts';
import { migrate } from '../src/db/migrate.ts';
import { createLogger, flushLogs, type Logger } from '../src/log/logger.ts';
import { systemClock } from '../src/time/clock.ts';
import { createTickScheduler } from '../src/tick/scheduler.ts';
import { createPlatformEventWorker } from '../src/platform/index.ts';
import { createOutboxWorker } from './outbox-worker.ts';
import { createServer, type App } from './server.ts';

/** Longest wait for queued log lines before exiting; a dead or stalled log reader must not hold the exit. */
const LOG_FLUSH_MS = 200;

/** A closed pipe (a log shipper that died) fails writes with EPIPE: unhandled, that 'error' would crash the stop. */
function ignoreBrokenPipes(): void {
  for (const stream of [process.stdout, process.stderr]) stream.on('error', () => undefined);
}

function configOrExit(): Config {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`Konfigurationsfehler / configuration error: ${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}

interface Shutdown {
  /** SIGTERM/SIGINT: starts the stop (at once, or as soon as the app is up) and arms the hard deadline. */
  request(signal: NodeJS.Signals): void;
  /** The app is listening: a stop requested during start-up begins now. */
  attach(app: App): void;
}

function createShutdown(logger: Logger, deadlineMs: number): Shutdown {
  let app: App | undefined;
  let signal: NodeJS.Signals | undefined;
  let deadline: NodeJS.Timeout | undefined;

  const exit = async (code: 0 | 1) => {
    clearTimeout(deadline);
    await flushLogs(LOG_FLUSH_MS);
    process.exit(code);
  };

  // The last resort, ref'd on purpose: whatever still runs (a step the app's own deadline could not end,
  // a start-up that never finishes), the process goes at the deadline, without waiting for the logs.
  const armDeadline = () => {
    deadline = setTimeout(() => {
      logger.error({ code: 'STOP_DEADLINE', signal, deadlineMs }, 'stop deadline passed; exiting');
      process.exit(1);
    }, deadlineMs);
  };

  const begin = () => {
    if (!app || !signal) return;
    app.stop().then(
      ({ forced }) => {
        if (forced) logger.warn({ code: 'STOP_DEADLINE', signal, deadlineMs }, 'stopped, but the deadline cut work short');
        else logger.info({ signal }, 'stopped');
        return exit(forced ? 1 : 0);
      },
      (error: unknown) => {
        logger.error({ code: 'INTERNAL', err: { message: error instanceof Error ? error.message : String(error) } }, 'shutdown failed');
        return exit(1);
      },
    );
  };

  return {
    request(received) {
      // Repeats are expected (npm and tsx relay the signal the process group already got): one stop only.
      if (signal) return;
      signal = received;
      armDeadline();
      logger.info({ signal, deadlineMs }, 'shutting down');
      begin();
    },
    attach(started) {
      app = started;
      begin();
    },
  };
}

async function main(): Promise<void> {
  ignoreBrokenPipes();
  const config = configOrExit();
  const logger = createLogger(config.logLevel);
  // Before anything that may take long (migrations, a database that does not answer).
  const shutdown = createShutdown(logger, config.stopDeadlineMs);
  process.on('SIGTERM', () => shutdown.request('SIGTERM'));
  process.on('SIGINT', () => shutdown.request('SIGINT'));

  const { applied } = await migrate(config.databaseUrl);
  if (applied.length > 0) logger.info({ applied }, 'migrations applied');
  const db = openDatabase(config.databaseUrl);
  const outbox = createOutboxWorker({ config, db, logger, clock: systemClock });
  const scheduler = createTickScheduler({ prisma: db.prisma, config, logger, clock: systemClock, afterRun: () => outbox.kick() });
  const platformEvents = createPlatformEventWorker({ prisma: db.prisma, logger, clock: systemClock, timeZone: config.businessTimeZone, afterRun: () => outbox.kick() });
  const beforeClose = async () => {
    await scheduler.stop();
    await platformEvents.stop();
  };
  const app = createServer({ config, db, logger, clock: systemClock, outbox, platformEvents, beforeClose });
  const { url } = await app.listen(config.port);
  outbox.start();
  scheduler.start();
  platformEvents.start();
  logger.info({ url, mode: config.mode, database: db.provider }, `staffelstab listening on ${url}`);
  shutdown.attach(app);
}

main().catch((error: unknown) => {
  process.stderr.write(`staffelstab failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
