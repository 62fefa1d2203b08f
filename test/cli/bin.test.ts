// Smoke test of the real entry points as a user starts them: `npx staffelstab` (bin/staffelstab.mjs) and
// `npm run cli` (src/cli/main.ts), as child processes on a fresh database file.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { fixture } from './harness.ts';

const run = promisify(execFile);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'staffelstab-bin-'));
const env = { ...process.env, DATABASE_URL: `file:${path.join(dir, 'fresh', 'cli.db')}`, LOG_LEVEL: '' };

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function exec(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const r = await run(process.execPath, args, { cwd: root, env, timeout: 60_000 });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (e) {
    const err = e as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof err.code === 'number' ? err.code : -1, stdout: err.stdout ?? '', stderr: err.stderr ?? '' };
  }
}

describe('bin/staffelstab.mjs', () => {
  it('migrates a fresh database, imports, and exits 0; a bad file exits 1 with the row report', async () => {
    const ok = await exec(['bin/staffelstab.mjs', 'import', 'people', fixture('people.csv')]);
    expect(ok.stderr).toBe('');
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('Personen importiert (4 Zeilen): 4 neu');
    expect(fs.existsSync(path.join(dir, 'fresh', 'cli.db'))).toBe(true);

    const bad = await exec(['bin/staffelstab.mjs', 'import', 'people', fixture('people-one-bad-row.csv')]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('Zeile 4, Spalte email: keine gültige E-Mail-Adresse / row 4, column email: not a valid e-mail address');

    const usage = await exec(['bin/staffelstab.mjs', 'nix']);
    expect(usage.code).toBe(2);
  });

  it('src/cli/main.ts (npm run cli) behaves the same', async () => {
    const r = await exec(['--import', 'tsx', 'src/cli/main.ts', 'tick', '--now', '2026-11-23T09:00:00Z']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Tick für 23.11.2026 10:00:00 (Europe/Berlin):');
  });
});
