// Defect 12: SIGTERM must end the process within STOP_DEADLINE_MS, whatever hangs: closed stdout/stderr
// pipes (a log shipper that died), a Bot Connector that never answers (outbox sends and turn replies in
// flight), open keep-alive connections. The real entry point runs as a child in its own process group, so
// the test can signal and reap everything `npm start` spawned (npm, sh, tsx, node).
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { createServer, type OutboxWorker } from '../../bot/server.ts';
import { loadConfig } from '../../src/config/config.ts';
import { openDatabase, type Database } from '../../src/db/client.ts';
import { migrate } from '../../src/db/migrate.ts';
import { silentLogger } from '../../src/log/logger.ts';
import { systemClock } from '../../src/time/clock.ts';
import { addConversation, queueText } from '../outbox/helpers.ts';
import { testDatabase, type TestDatabase } from '../support/db.ts';
import { startFakeConnector, type FakeConnector } from '../support/fake-connector.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

interface Started {
  child: ChildProcess;
  /** Exit code, or the signal's name. */
  exited: Promise<number | string>;
  /** Resolves with the URL the server logged; rejects if it exits or stays silent for 30 s. */
  url(): Promise<string>;
  /** stdout and stderr so far. */
  output(): string;
}

const cleanups: (() => Promise<void> | void)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'staffelstab-shutdown-'));
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Starts the server in its own process group with piped stdout/stderr; afterEach kills the group. */
function startInGroup(command: 'npm start' | 'node', env: Record<string, string>): Started {
  const [file, args] = command === 'npm start' ? ['npm', ['start']] : [process.execPath, ['--import', 'tsx', 'bot/main.ts']];
  const child = spawn(file, args, {
    cwd: root,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', NODE_ENV: 'test', PORT: '0', LOG_LEVEL: 'info', ...env },
  });
  cleanups.push(() => {
    if (child.pid !== undefined && groupAlive(child.pid)) process.kill(-child.pid, 'SIGKILL');
  });
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | string>((resolve) => child.on('exit', (code, signal) => resolve(code ?? signal ?? 'unknown')));
  const url = () =>
    new Promise<string>((resolve, reject) => {
      const started = Date.now();
      const timer = setInterval(() => {
        const m = /"url":"(http:\/\/[^"]+)"/.exec(out);
        if (m?.[1]) {
          clearInterval(timer);
          resolve(m[1]);
        } else if (child.exitCode !== null || Date.now() - started > 30_000) {
          clearInterval(timer);
          reject(new Error(`server did not start: exit ${child.exitCode}; output: ${out.slice(0, 2000)}`));
        }
      }, 50);
    });
  return { child, exited, url, output: () => out };
}

/** Signals the whole group and resolves with the ms until no process of it is left (or rejects after `limitMs`). */
async function terminateGroup(pgid: number, limitMs: number): Promise<number> {
  const sent = Date.now();
  process.kill(-pgid, 'SIGTERM');
  while (groupAlive(pgid)) {
    if (Date.now() - sent > limitMs) throw new Error(`process group ${pgid} still running ${limitMs} ms after SIGTERM`);
    await new Promise((r) => setTimeout(r, 25));
  }
  return Date.now() - sent;
}

async function until(what: string, predicate: () => boolean | Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await predicate())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** An idle keep-alive connection to the bot: one answered request, then the socket stays open. */
async function keepAliveConnection(url: string): Promise<net.Socket> {
  const { hostname, port } = new URL(url);
  const socket = net.connect(Number(port), hostname === 'localhost' ? '127.0.0.1' : hostname);
  cleanups.push(() => void socket.destroy());
  socket.on('error', () => undefined);
  let answer = '';
  socket.on('data', (d: Buffer) => (answer += d.toString()));
  socket.write(`GET /healthz HTTP/1.1\r\nHost: ${hostname}\r\nConnection: keep-alive\r\n\r\n`);
  await until('the keep-alive request to be answered', () => answer.includes('"status":"ok"'), 5000);
  return socket;
}

describe('SIGTERM with stdout and stderr closed (a log shipper that died)', () => {
  // Whether the old code hung depended on a race (was the EPIPE of the first write seen before exit?),
  // so each case runs a few servers at once: the old code hung in most of them.
  const RUNS = 3;

  async function stopWithClosedPipes(command: 'npm start' | 'node'): Promise<{ ms: number; exit: number | string }> {
    const dir = tempDir();
    const s = startInGroup(command, { DATABASE_URL: `file:${path.join(dir, 'x.db')}`, STOP_DEADLINE_MS: '3000' });
    const url = await s.url();
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    s.child.stdout?.destroy();
    s.child.stderr?.destroy();
    const ms = await terminateGroup(s.child.pid!, 8000);
    return { ms, exit: await s.exited };
  }

  it.each(['npm start', 'node'] as const)('%s: the whole process group exits within STOP_DEADLINE_MS', { timeout: 45_000 }, async (command) => {
    const runs = await Promise.all(Array.from({ length: RUNS }, () => stopWithClosedPipes(command)));
    for (const { ms, exit } of runs) {
      expect(ms).toBeLessThan(3000 + 2000);
      // Nothing was stuck, so the stop was clean although no log line could be written (npm itself dies of the signal).
      if (command === 'node') expect(exit).toBe(0);
    }
  });
});

describe('SIGTERM while the Bot Connector never answers', () => {
  let db: Database | undefined;
  let connector: FakeConnector | undefined;
  afterEach(async () => {
    await db?.close();
    await connector?.close();
    db = undefined;
    connector = undefined;
  });

  it('exits within STOP_DEADLINE_MS with code 1, the outbox send cancelled and due again', { timeout: 45_000 }, async () => {
    const dir = tempDir();
    const databaseUrl = `file:${path.join(dir, 'x.db')}`;
    await migrate(databaseUrl);
    db = openDatabase(databaseUrl);
    connector = await startFakeConnector();
    connector.holdFrom(1); // accepts every request and never answers
    await addConversation(db.prisma, connector, { conversationId: 'stuck-conv' });
    await queueText(db.prisma, 'stuck-1', { type: 'conversation', conversationId: 'stuck-conv' }, 'Hallo', new Date(Date.now() - 1000));

    const s = startInGroup('node', { DATABASE_URL: databaseUrl, STOP_DEADLINE_MS: '2000', OUTBOX_POLL_MS: '50' });
    const url = await s.url();
    const c = connector;
    await until('the outbox send to hang at the connector', () => c.heldCount() >= 1);

    // A turn whose reply hangs at the connector keeps its request to the bot open...
    const activity = {
      type: 'message', text: 'was geht', id: 'act-1', channelId: 'msteams', serviceUrl: c.url, locale: 'de-DE',
      from: { id: '29:someone', name: 'Someone', aadObjectId: 'aad-someone' }, recipient: { id: '28:bot', name: 'Staffelstab' },
      conversation: { id: 'a:someone', conversationType: 'personal', tenantId: 'tenant-1' }, channelData: { tenant: { id: 'tenant-1' } },
    };
    const turn = fetch(`${url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) }).then(
      (r) => r.status,
      () => 'connection closed',
    );
    await until('the turn reply to hang at the connector', () => c.heldCount() >= 2);
    // ...and an idle keep-alive connection stays open too.
    await keepAliveConnection(url);

    const ms = await terminateGroup(s.child.pid!, 10_000);

    expect(ms).toBeLessThan(2000 + 1500);
    expect(await s.exited).toBe(1);
    expect(await turn).toBe('connection closed');
    // The cancelled send was recorded as a failed attempt: due again, not stuck in "sending" until its lease runs out.
    const row = await db.prisma.outboxMessage.findFirstOrThrow({ where: { idempotencyKey: 'stuck-1' }, select: { status: true, attempts: true } });
    expect(row).toEqual({ status: 'pending', attempts: 1 });
  });
});

describe('SIGTERM during a start-up that hangs', () => {
  it('a database that never answers the migration: exits at the deadline with code 1 and says why', { timeout: 45_000 }, async () => {
    // Accepts PostgreSQL connections and never answers, so the migration waits for ever.
    const sockets: net.Socket[] = [];
    const silent = net.createServer((socket) => void sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    cleanups.push(async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    });
    const { port } = silent.address() as net.AddressInfo;
    const s = startInGroup('node', { DATABASE_URL: `postgresql://u:p@127.0.0.1:${port}/staffelstab`, STOP_DEADLINE_MS: '1500' });
    await until('the migration to connect', () => sockets.length > 0, 30_000);

    const ms = await terminateGroup(s.child.pid!, 8000);

    expect(ms).toBeLessThan(1500 + 1000);
    expect(await s.exited).toBe(1);
    expect(s.output()).toContain('"code":"STOP_DEADLINE"');
  });
});

describe('app.stop() in-process', () => {
  let db: TestDatabase | undefined;
  afterEach(async () => {
    await db?.destroy().catch(() => undefined);
    db = undefined;
  });

  it('resolves within the deadline although a request never finishes and the outbox never stops', { timeout: 20_000 }, async () => {
    db = await testDatabase();
    const config = loadConfig({ LOG_LEVEL: 'silent', DATABASE_URL: db.url, STOP_DEADLINE_MS: '1000' });
    let outboxSignal: AbortSignal | undefined;
    const outbox: OutboxWorker = {
      start: () => undefined,
      kick: () => undefined,
      stop: (cancel) => {
        outboxSignal = cancel;
        return new Promise<void>(() => undefined);
      },
    };
    const app = createServer({ config, db, logger: silentLogger, clock: systemClock, outbox });
    const { url } = await app.listen(0, '127.0.0.1');
    // A request whose body never comes: the server cannot finish it on its own.
    const { port } = new URL(url);
    const slow = net.connect(Number(port), '127.0.0.1');
    cleanups.push(() => void slow.destroy());
    slow.on('error', () => undefined);
    const slowClosed = new Promise<void>((resolve) => slow.on('close', () => resolve()));
    slow.write('POST /api/messages HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{');
    await new Promise((r) => setTimeout(r, 100));

    const started = Date.now();
    const result = await app.stop();
    const ms = Date.now() - started;

    expect(ms).toBeLessThan(1000 + 300);
    expect(result).toEqual({ forced: true });
    expect(outboxSignal?.aborted).toBe(true);
    await slowClosed;
    await expect(fetch(`${url}/healthz`)).rejects.toThrow();
  });

  it('a stop with nothing in flight is clean and closes idle keep-alive connections at once', { timeout: 20_000 }, async () => {
    db = await testDatabase();
    const config = loadConfig({ LOG_LEVEL: 'silent', DATABASE_URL: db.url, STOP_DEADLINE_MS: '5000' });
    const app = createServer({ config, db, logger: silentLogger, clock: systemClock });
    const { url } = await app.listen(0, '127.0.0.1');
    const socket = await keepAliveConnection(url);
    const socketClosed = new Promise<void>((resolve) => socket.on('close', () => resolve()));

    const started = Date.now();
    expect(await app.stop()).toEqual({ forced: false });
    expect(Date.now() - started).toBeLessThan(1000);
    await socketClosed;
  });
});
