// The CLI and the server share one SQLite file (CONTRACT.md). Four `staffelstab tick --now` processes at the same
// instant on the demo's database: before transactions took the write lock at BEGIN (src/db/sqlite-immediate.ts), jobs
// failed at random with SQLITE_BUSY_SNAPSHOT ("Fehler in „inactivity.steps“"); now every process finishes cleanly
// and each thing is done by exactly one of them.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { testDatabase, type TestDatabase } from '../support/db.ts';

const run = promisify(execFile);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
let db: TestDatabase;

beforeEach(async () => {
  db = await testDatabase('sqlite');
});
afterEach(async () => {
  await db.destroy();
});

async function cli(args: string[]): Promise<{ code: number; out: string }> {
  const env = { ...process.env, DATABASE_URL: db.url, LOG_LEVEL: 'silent', TZ_BUSINESS: 'Europe/Berlin' };
  try {
    const r = await run(process.execPath, ['bin/staffelstab.mjs', ...args], { cwd: root, env, timeout: 120_000 });
    return { code: 0, out: r.stdout + r.stderr };
  } catch (e) {
    const err = e as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof err.code === 'number' ? err.code : 1, out: `${err.stdout ?? ''}${err.stderr ?? ''}` };
  }
}

it('four tick --now processes at once on one SQLite file: no job fails, nothing is done twice', { timeout: 300_000 }, async () => {
  expect((await cli(['demo'])).code).toBe(0);
  for (const at of ['2027-01-04T10:00:00+01:00', '2027-02-01T10:00:00+01:00']) {
    const runs = await Promise.all([1, 2, 3, 4].map(() => cli(['tick', '--now', at])));
    for (const r of runs) {
      expect(r.out).not.toContain('Fehler in');
      expect(r.code, r.out).toBe(0);
    }
    // What was done is reported by exactly one process (each line once in all outputs together).
    const lines = runs.flatMap((r) => r.out.split('\n').filter((l) => l.startsWith('- [')));
    expect(lines.length).toBeGreaterThan(0);
    expect(new Set(lines).size).toBe(lines.length);
  }
  const keys = await db.prisma.outboxMessage.findMany({ select: { idempotencyKey: true } });
  expect(new Set(keys.map((k) => k.idempotencyKey)).size).toBe(keys.length);
});
