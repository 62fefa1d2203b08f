// Acceptance 4 of issue 3: the server is killed (SIGKILL) while the outbox holds 100 messages and some
// are being delivered; started again, it delivers each of them exactly once to the Bot Connector.
//
// The real server runs as a child process (`node --import tsx bot/main.ts`) on a temporary SQLite file,
// sending to a fake connector. The connector answers requests 1..29 and holds every request from #30 on
// (sends in flight that never get an answer). Once the database has recorded every answered send, the
// server is killed; the held connections die with it, so those messages did not arrive. After the
// restart (same port, hence the same outbox instance id) the server takes its interrupted claims back at
// once and sends everything that is left.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../src/db/client.ts';
import { migrate } from '../../src/db/migrate.ts';
import { startFakeConnector, type FakeConnector } from '../support/fake-connector.ts';
import { addConversation, queueText, texts } from '../outbox/helpers.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const CONVERSATIONS = 10;
const PER_CONVERSATION = 10;
const TOTAL = CONVERSATIONS * PER_CONVERSATION;
const HOLD_FROM = 30;

let dir: string;
let url: string;
let db: Database;
let connector: FakeConnector;
let port: number;
const children: ChildProcess[] = [];

async function freePort(): Promise<number> {
  const srv = net.createServer();
  await new Promise<void>((resolve) => srv.listen(0, '127.0.0.1', resolve));
  const { port: p } = srv.address() as net.AddressInfo;
  await new Promise<void>((resolve) => srv.close(() => resolve()));
  return p;
}

function startServer(): ChildProcess {
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: url, PORT: String(port), LOG_LEVEL: 'silent', OUTBOX_POLL_MS: '20', NODE_ENV: 'test' };
  for (const k of ['MICROSOFT_APP_ID', 'MICROSOFT_APP_PASSWORD', 'MICROSOFT_APP_TENANT_ID', 'MICROSOFT_APP_TYPE', 'PLATFORM_BASE_URL']) delete env[k];
  const child = spawn(process.execPath, ['--import', 'tsx', 'bot/main.ts'], { cwd: root, env, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (c: Buffer) => {
    stderr += c.toString('utf8');
  });
  child.on('exit', (code, signal) => {
    if (code !== null && code !== 0) process.stderr.write(`server exited with ${code}: ${stderr.slice(-2000)}\n`);
    void signal;
  });
  children.push(child);
  return child;
}

async function until(what: string, predicate: () => boolean | Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await predicate())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function healthy(): Promise<boolean> {
  try {
    return (await fetch(`http://127.0.0.1:${port}/healthz`)).status === 200;
  } catch {
    return false;
  }
}

function exited(child: ChildProcess): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((resolve) => child.once('exit', () => resolve()));
}

const sentCount = () => db.prisma.outboxMessage.count({ where: { status: 'sent' } });

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'staffelstab-crash-'));
  url = `file:${path.join(dir, 'crash.db')}`;
  await migrate(url);
  db = openDatabase(url);
  connector = await startFakeConnector();
  port = await freePort();
  const queuedAt = new Date(Date.now() - 60_000);
  for (let c = 1; c <= CONVERSATIONS; c++) {
    await addConversation(db.prisma, connector, { conversationId: `crash-conv-${c}` });
    for (let m = 1; m <= PER_CONVERSATION; m++) {
      const text = `Nachricht ${c}-${m}`;
      await queueText(db.prisma, `crash-${c}-${m}`, { type: 'conversation', conversationId: `crash-conv-${c}` }, text, new Date(queuedAt.getTime() + m));
    }
  }
});

afterAll(async () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await Promise.all(children.map(exited));
  await connector?.close();
  await db?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

it('delivers each of 100 queued messages exactly once across a SIGKILL during delivery', { timeout: 120_000 }, async () => {
  expect(await db.prisma.outboxMessage.count({ where: { status: 'pending' } })).toBe(TOTAL);
  connector.holdFrom(HOLD_FROM);

  const first = startServer();
  await until('the first server to be healthy', healthy);
  await until('a send to be held in flight', () => connector.heldCount() >= 1);
  // Every answered send is recorded: the kill comes while sends are in flight, not between answer and record.
  await until('the answered sends to be recorded', async () => (await sentCount()) === HOLD_FROM - 1);

  const inFlight = await db.prisma.outboxMessage.findMany({ where: { status: 'sending' }, select: { idempotencyKey: true } });
  expect(inFlight.length).toBeGreaterThanOrEqual(1);
  expect(connector.deliveries()).toHaveLength(HOLD_FROM - 1);
  first.kill('SIGKILL');
  await exited(first);
  expect(first.signalCode).toBe('SIGKILL');

  // The held requests died with the server: none of them was answered, none counts as delivered.
  await until('the connector to see the killed connections', () => connector.requests.every((r) => r.answered || r.clientGone));
  connector.release();
  expect(connector.deliveries()).toHaveLength(HOLD_FROM - 1);

  const second = startServer();
  await until('the second server to be healthy', healthy);
  await until('all messages to be sent', async () => (await sentCount()) === TOTAL);

  const delivered = texts(connector);
  const counts = new Map<string, number>();
  for (const t of delivered) counts.set(t, (counts.get(t) ?? 0) + 1);
  const expected = [];
  for (let c = 1; c <= CONVERSATIONS; c++) for (let m = 1; m <= PER_CONVERSATION; m++) expected.push(`Nachricht ${c}-${m}`);
  expect([...counts.keys()].sort()).toEqual([...expected].sort());
  expect([...counts.values()].every((n) => n === 1)).toBe(true);
  expect(delivered).toHaveLength(TOTAL);

  const rows = await db.prisma.outboxMessage.findMany({ select: { idempotencyKey: true, status: true, attempts: true } });
  expect(rows.every((r) => r.status === 'sent')).toBe(true);
  // The interrupted ones were claimed twice: once by the killed server, once after the restart.
  const interrupted = new Set(inFlight.map((r) => r.idempotencyKey));
  expect(rows.filter((r) => interrupted.has(r.idempotencyKey)).every((r) => r.attempts === 2)).toBe(true);
  // In queue order within each conversation, also across the restart.
  for (let c = 1; c <= CONVERSATIONS; c++) {
    expect(delivered.filter((t) => t.startsWith(`Nachricht ${c}-`))).toEqual(Array.from({ length: PER_CONVERSATION }, (_, i) => `Nachricht ${c}-${i + 1}`));
  }

  second.kill('SIGTERM');
  await exited(second);
  expect(second.exitCode).toBe(0);
});
