// The CLI as a whole: help, unknown commands, configuration errors; no database is touched for them.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from './harness.ts';

describe('usage', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'staffelstab-usage-'));
  const url = `file:${path.join(dir, 'never.db')}`;

  it('shows help (German descriptions) with exit code 0 for --help, and 2 without a command', async () => {
    const help = await cli(url, ['--help']);
    expect(help.code).toBe(0);
    for (const command of ['import', 'roles', 'outbox', 'tick', 'manifest', 'demo']) expect(help.stdout).toContain(command);
    expect(help.stdout).toContain('Hilfe anzeigen');
    const none = await cli(url, []);
    expect(none.code).toBe(2);
    expect(none.stdout).toContain('Usage: staffelstab');
    const importHelp = await cli(url, ['import', '--help']);
    expect(importHelp.stdout).toContain('vollständige Rollensatz');
  });

  it('rejects an unknown command with exit code 2 and a suggestion', async () => {
    const r = await cli(url, ['improt', 'people', 'x.csv']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("Aufruf ungültig / invalid usage: unknown command 'improt'");
    expect(r.stderr).toContain('import');
  });

  it('names the variable of a configuration error', async () => {
    const r = await cli('mysql://nope', ['outbox']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Bitte die Umgebungsvariable DATABASE_URL prüfen.');
    expect(r.stderr).not.toMatch(/\bat .*\.ts:\d+/);
  });

  it('opened no database for any of this', () => {
    expect(fs.existsSync(path.join(dir, 'never.db'))).toBe(false);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
