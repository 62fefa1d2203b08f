// `manifest build`: wired to manifest/build.ts with MICROSOFT_APP_ID and PUBLIC_URL from the configuration.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { cli } from './harness.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'staffelstab-manifest-'));
const url = `file:${path.join(dir, 'unused.db')}`;
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('manifest build', () => {
  it('writes the zip with the app id and public URL of the configuration', async () => {
    const out = path.join(dir, 'pkg', 'staffelstab.zip');
    const appId = '3f2b1c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d';
    const r = await cli(url, ['manifest', 'build', '--out', out], { env: { MICROSOFT_APP_ID: appId, MICROSOFT_APP_PASSWORD: 'secret', PUBLIC_URL: 'https://bot.example.de' } });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Teams-App-Paket geschrieben: ${out}`);
    const zip = fs.readFileSync(out);
    expect(zip.subarray(0, 2).toString('latin1')).toBe('PK');
    // The first entry is manifest.json (local file header: sizes at 18, name and extra lengths at 26/28).
    const nameLength = zip.readUInt16LE(26);
    expect(zip.subarray(30, 30 + nameLength).toString('utf8')).toBe('manifest.json');
    const start = 30 + nameLength + zip.readUInt16LE(28);
    const manifest = JSON.parse(zlib.inflateRawSync(zip.subarray(start, start + zip.readUInt32LE(18))).toString('utf8')) as { id: string; validDomains: string[] };
    expect(manifest.id).toBe(appId);
    expect(manifest.validDomains).toContain('bot.example.de');
    expect(fs.existsSync(path.join(dir, 'unused.db'))).toBe(false);
  });

  it('names the missing variables and writes nothing', async () => {
    const out = path.join(dir, 'none', 'staffelstab.zip');
    const r = await cli(url, ['manifest', 'build', '--out', out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('MICROSOFT_APP_ID');
    expect(r.stderr).toContain('PUBLIC_URL');
    expect(fs.existsSync(out)).toBe(false);
  });
});
