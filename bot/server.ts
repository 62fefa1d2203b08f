// Assembles config -> adapter -> bot -> restify routes, and nothing else (STYLE.md: thin adapters).
// `createServer(deps)` lets tests build the whole app in-process.
import http from 'node:http';
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
import { exceptPlatformWebhooks, mountPlatformWebhooks } from './platform-webhooks.ts';
import { platformSyncStatus } from '../src/platform/index.ts';

const TAB_DIR = fileURLToPath(new URL('../tab/', import.meta.url));

export interface OutboxWorker {
  start(): void;
  /**
   * Stops claiming and waits for the sends in flight. Once `cancel` aborts (the stop deadline is near),
   * those sends are cancelled instead: recorded as failed attempts, due again after the restart.
   */
  stop(cancel?: AbortSignal): Promise<void>;
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
  /** The platform event processor, kicked when a webhook stored an event (started and stopped by the caller). */
  platformEvents?: { kick(): void };
}

export interface StopResult {
  /** True when the deadline cut something short: open connections closed, sends cancelled, or a step left unfinished. */
  forced: boolean;
}

export interface App {
  server: Server;
  adapter: CloudAdapter;
  listen(port: number, host?: string): Promise<{ port: number; url: string }>;
  /**
   * Graceful stop within `config.stopDeadlineMs`, whatever hangs: refuse new requests, finish the turns in
   * flight, stop the scheduler and the outbox, close the database. Shortly before the deadline the open
   * connections are closed and the outbox sends cancelled; at the deadline it resolves regardless.
   * Calling it again returns the same stop.
   */
  stop(): Promise<StopResult>;
}

/**
 * The stop's timeline within its deadline. The cut (open connections closed, sends cancelled) leaves time to
 * record the cancelled sends and close the database; giving up a moment before the deadline leaves the
 * caller time to log why before it exits.
 */
function stopTimeline(deadlineMs: number): { cutMs: number; giveUpMs: number } {
  return { cutMs: deadlineMs - Math.min(1000, Math.floor(deadlineMs / 4)), giveUpMs: deadlineMs - Math.min(100, Math.floor(deadlineMs / 20)) };
}

function closeConnections(server: Server['server'], which: 'idle' | 'all'): void {
  if (!(server instanceof http.Server)) return;
  if (which === 'all') server.closeAllConnections();
  else server.closeIdleConnections();
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
  let stopped: Promise<StopResult> | undefined;
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
  server.use(exceptPlatformWebhooks(restify.plugins.bodyParser({ mapParams: false, maxBodySize: 1024 * 1024 })));

  server.post('/api/messages', async (req: Request, res: Response) => {
    await adapter.process(req, res, (context) => bot.run(context));
  });

  mountPlatformWebhooks(server, { config, db, logger, clock: deps.clock, kick: () => deps.platformEvents?.kick() });

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
      // With a platform configured, how the reconciliation fares; a stale platform keeps the bot ready (docs/platform.md).
      const platform = config.platform ? await platformSyncStatus(db.prisma, deps.clock.now(), config.platformSync.staleAfterMinutes) : undefined;
      res.send(200, { status: 'ready', ...(platform ? { platform } : {}) });
    } catch (error) {
      logger.warn({ code: 'DB_NOT_READY', err: { message: error instanceof Error ? error.message : String(error) } }, 'readiness check failed');
      res.send(503, { status: 'not_ready', reason: 'database does not answer' });
    }
  });

  server.on('restifyError', (req: Request, _res: Response, err: Error & { statusCode?: number }, callback: () => void) => {
    if ((err.statusCode ?? 500) >= 500) logger.error({ code: 'INTERNAL', path: req.path(), err: { message: err.message } }, 'request failed');
    return callback();
  });

  function untilIdle(cut: AbortSignal): Promise<void> {
    if (inFlight === 0 || cut.aborted) return Promise.resolve();
    return new Promise((resolve) => {
      idle = resolve;
      cut.addEventListener('abort', () => resolve(), { once: true });
    });
  }

  /** Stops listening, lets the requests in flight finish until `cut`, then closes every connection. */
  async function closeHttp(cut: AbortSignal): Promise<void> {
    // server.close() waits for every connection, also one whose request never ends: the cut closes them all.
    const closeAll = () => closeConnections(server.server, 'all');
    cut.addEventListener('abort', closeAll, { once: true });
    try {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      await untilIdle(cut);
      // Keep-alive connections of answered requests would otherwise linger until their idle timeout.
      closeConnections(server.server, 'idle');
      await closed;
    } finally {
      cut.removeEventListener('abort', closeAll);
    }
  }

  async function stopSteps(cut: AbortSignal, step: { name: string }): Promise<void> {
    step.name = 'http';
    await closeHttp(cut);
    step.name = 'beforeClose';
    await deps.beforeClose?.();
    step.name = 'outbox';
    await deps.outbox?.stop(cut);
    step.name = 'database';
    await db.close();
  }

  async function stop(): Promise<StopResult> {
    stopping = true;
    const deadlineMs = config.stopDeadlineMs;
    const { cutMs, giveUpMs } = stopTimeline(deadlineMs);
    const cut = new AbortController();
    const step = { name: 'http' };
    const cutTimer = setTimeout(() => {
      logger.warn({ code: 'STOP_DEADLINE', deadlineMs, step: step.name, inFlight }, 'stop deadline near: closing open connections, cancelling outbox sends');
      cut.abort();
    }, cutMs);
    let deadlineTimer: NodeJS.Timeout | undefined;
    const deadline = new Promise<'deadline'>((resolve) => {
      deadlineTimer = setTimeout(() => resolve('deadline'), giveUpMs);
    });
    try {
      const outcome = await Promise.race([stopSteps(cut.signal, step).then(() => 'done' as const), deadline]);
      if (outcome === 'done') return { forced: cut.signal.aborted };
      logger.error({ code: 'STOP_DEADLINE', deadlineMs, step: step.name }, 'stop deadline reached with a step unfinished');
      cut.abort();
      // Best effort: the stuck step may still hold the database, and the process is about to exit anyway.
      if (step.name !== 'database') db.close().catch(() => undefined);
      return { forced: true };
    } finally {
      clearTimeout(cutTimer);
      clearTimeout(deadlineTimer);
    }
  }

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
    stop() {
      stopped ??= stop();
      return stopped;
    },
  };
}
