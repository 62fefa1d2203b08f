// Entry point: `npm start`. Config -> migrations -> database -> outbox sender -> server.
// A configuration error stops the process with a message naming the variable (exit code 1).
import { ConfigError, loadConfig, type Config } from '../src/config/config.ts';
import { openDatabase } from '../src/db/client.ts';
import { migrate } from '../src/db/migrate.ts';
import { createLogger } from '../src/log/logger.ts';
import { systemClock } from '../src/time/clock.ts';
import { createTickScheduler } from '../src/tick/scheduler.ts';
import { createOutboxWorker } from './outbox-worker.ts';
import { createServer } from './server.ts';

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`Konfigurationsfehler / configuration error: ${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const logger = createLogger(config.logLevel);
  const { applied } = await migrate(config.databaseUrl);
  if (applied.length > 0) logger.info({ applied }, 'migrations applied');
  const db = openDatabase(config.databaseUrl);
  const outbox = createOutboxWorker({ config, db, logger, clock: systemClock });
  const scheduler = createTickScheduler({ prisma: db.prisma, config, logger, clock: systemClock, afterRun: () => outbox.kick() });
  const app = createServer({ config, db, logger, clock: systemClock, outbox, beforeClose: () => scheduler.stop() });
  const { url } = await app.listen(config.port);
  outbox.start();
  scheduler.start();
  logger.info({ url, mode: config.mode, database: db.provider }, `staffelstab listening on ${url}`);

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    app.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ code: 'INTERNAL', err: { message: error instanceof Error ? error.message : String(error) } }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  process.stderr.write(`staffelstab failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
