// Assembles config -> adapter -> bot -> restify routes, and nothing else (STYLE.md: thin adapters).
// `createServer(deps)` lets tests build the whole app in-process.
import { fileURLToPath } from 'node:url';
import restify, { type Request, type Response, type Server } from 'restify';
import type { CloudAdapter } from 'botbuilder';
import type { Config } from '../src/config/config.ts';
import type { Database } from '../src/db/client.ts';
import { pendingMigrations } from '../src/db/migrate.ts';
import type { Logger } from '../src/log/logger.ts';
import type { Clock } from '../src/time/clock.ts';
import { createAdapter } from './adapter.ts';
import { actionTable, type ActionDefinition } from './actions/registry.ts';
import { StaffelstabBot } from './bot.ts';
import { ACTIONS, COMMANDS } from './routes.ts';

const TAB_DIR = fileURLToPath(new URL('../tab/', import.meta.url));

export interface OutboxWorker {
  start(): void;
  stop(): Promise<void>;
  /** Drain now rather than at the next poll (best effort). */
  kick(): void;
}

export interface ServerDeps {
  config: Config;
  db: Database;
  logger: Logger;
  clock: Clock;
  /** The outbox sender; absent in tests that drain it themselves. */
  outbox?: OutboxWorker;
  adapter?: CloudAdapter;
  /** Stopped before the outbox on shutdown (e.g. the tick scheduler). */
  beforeClose?: () => Promise<void>;
  /** Extra verbs (tests). */
  extraActions?: readonly ActionDefinition[];
}

export interface App {
  server: Server;
  adapter: CloudAdapter;
  listen(port: number, host?: string): Promise<{ port: number; url: string }>;
  /** Graceful stop: refuse new requests, finish the turns in flight, stop the outbox, close the database. */
  stop(): Promise<void>;
}

export function createServer(deps: ServerDeps): App {
  const { config, db, logger } = deps;
  const adapter = deps.adapter ?? createAdapter(config, logger);
  const bot = new StaffelstabBot({
    db,
    config,
    clock: deps.clock,
    logger,
    kickOutbox: () => deps.outbox?.kick(),
    actions: actionTable([...ACTIONS, ...(deps.extraActions ?? [])]),
    commands: COMMANDS,
  });

  const server = restify.createServer({ name: 'staffelstab', handleUncaughtExceptions: false });
  let inFlight = 0;
  let stopping = false;
  let idle: (() => void) | undefined;

  server.pre((_req: Request, res: Response, next) => {
    if (stopping) {
      res.header('Connection', 'close');
      res.send(503, { status: 'stopping' });
      return next(false);
    }
    inFlight += 1;
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      inFlight -= 1;
      if (inFlight === 0) idle?.();
    };
    res.once('finish', finish);
    res.once('close', finish);
    return next();
  });
  server.use(restify.plugins.bodyParser({ mapParams: false, maxBodySize: 1024 * 1024 }));

  server.post('/api/messages', async (req: Request, res: Response) => {
    await adapter.process(req, res, (context) => bot.run(context));
  });

  // The Teams tab and the pages the manifest links to (overview, privacy, terms).
  server.get('/tab/*', restify.plugins.serveStaticFiles(TAB_DIR, { maxAge: 300 }));

  server.get('/healthz', async (_req: Request, res: Response) => {
    res.send(200, { status: 'ok' });
  });

  server.get('/readyz', async (_req: Request, res: Response) => {
    try {
      const pending = await pendingMigrations(db.prisma, db.provider);
      if (pending.length > 0) {
        res.send(503, { status: 'not_ready', reason: `migrations not applied: ${pending.join(', ')}` });
        return;
      }
      res.send(200, { status: 'ready' });
    } catch (error) {
      logger.warn({ code: 'DB_NOT_READY', err: { message: error instanceof Error ? error.message : String(error) } }, 'readiness check failed');
      res.send(503, { status: 'not_ready', reason: 'database does not answer' });
    }
  });

  server.on('restifyError', (req: Request, _res: Response, err: Error & { statusCode?: number }, callback: () => void) => {
    if ((err.statusCode ?? 500) >= 500) logger.error({ code: 'INTERNAL', path: req.path(), err: { message: err.message } }, 'request failed');
    return callback();
  });

  return {
    server,
    adapter,
    listen(port, host = '0.0.0.0') {
      return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          const address = server.address();
          const actual = typeof address === 'object' && address ? address.port : port;
          resolve({ port: actual, url: `http://localhost:${actual}` });
        });
      });
    },
    async stop() {
      stopping = true;
      await new Promise<void>((resolve) => server.close(() => resolve()));
      if (inFlight > 0) {
        await new Promise<void>((resolve) => {
          idle = resolve;
          setTimeout(resolve, 15_000).unref();
        });
      }
      await deps.beforeClose?.();
      await deps.outbox?.stop();
      await db.close();
    },
  };
}
