import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { afterEach, describe, expect, it } from 'vitest';
import { buildEnglishLocalization, buildManifest, buildManifestPackage } from '../../manifest/build.ts';
import { AppError } from '../../src/errors/catalogue.ts';
import { COMMAND_TABLE } from '../../bot/commands/table.ts';

const APP_ID = '6f1c2a3b-4d5e-4f60-8a9b-0c1d2e3f4a5b';
const PUBLIC_URL = 'https://staffelstab.example.com';

const schema: unknown = JSON.parse(fs.readFileSync(new URL('../fixtures/teams-manifest-v1.29.schema.json', import.meta.url), 'utf8'));
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const validateManifest = ajv.compile(schema as object);

function errorOf(fn: () => unknown): AppError {
  try {
    fn();
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected an AppError');
}

/** Reads a ZIP the standard way: end record -> central directory -> local headers -> inflate, checking each CRC. */
function readZip(zip: Buffer): Map<string, Buffer> {
  const endAt = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  expect(endAt).toBeGreaterThan(0);
  const count = zip.readUInt16LE(endAt + 10);
  const directorySize = zip.readUInt32LE(endAt + 12);
  let at = zip.readUInt32LE(endAt + 16);
  expect(at + directorySize).toBe(endAt);
  const files = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    expect(zip.readUInt32LE(at)).toBe(0x02014b50);
    const method = zip.readUInt16LE(at + 10);
    const crc = zip.readUInt32LE(at + 16);
    const compressedSize = zip.readUInt32LE(at + 20);
    const size = zip.readUInt32LE(at + 24);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    const localAt = zip.readUInt32LE(at + 42);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);

    expect(zip.readUInt32LE(localAt)).toBe(0x04034b50);
    expect(zip.toString('utf8', localAt + 30, localAt + 30 + zip.readUInt16LE(localAt + 26))).toBe(name);
    const dataAt = localAt + 30 + zip.readUInt16LE(localAt + 26) + zip.readUInt16LE(localAt + 28);
    const stored = zip.subarray(dataAt, dataAt + compressedSize);
    const data = method === 8 ? zlib.inflateRawSync(stored) : stored;
    expect(data.length, name).toBe(size);
    expect(zlib.crc32(data), name).toBe(crc);
    files.set(name, data);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return files;
}

/** Width and height from a PNG's IHDR chunk (after checking the signature). */
function pngSize(png: Buffer): { width: number; height: number; colourType: number } {
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(png.toString('ascii', 12, 16)).toBe('IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20), colourType: png[25] ?? -1 };
}

/** The RGBA pixels of an 8-bit RGBA, non-interlaced PNG whose scanlines use filter 0 (what manifest/png.ts writes). */
function pngPixels(png: Buffer): Uint8Array {
  const { width, height } = pngSize(png);
  const idat: Buffer[] = [];
  for (let at = 8; at < png.length; ) {
    const length = png.readUInt32BE(at);
    if (png.toString('ascii', at + 4, at + 8) === 'IDAT') idat.push(png.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  const raw = zlib.inflateSync(Buffer.concat(idat));
  const out = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) {
    expect(raw[y * (width * 4 + 1)]).toBe(0);
    out.set(raw.subarray(y * (width * 4 + 1) + 1, (y + 1) * (width * 4 + 1)), y * width * 4);
  }
  return out;
}

describe('Teams manifest', () => {
  const manifest = buildManifest({ appId: APP_ID, publicUrl: PUBLIC_URL, version: '1.2.3' });

  it('validates against the Teams manifest schema v1.29', () => {
    const valid = validateManifest(manifest);
    expect(validateManifest.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
    // The validator is live: a wrong colour or a non-GUID bot id is rejected.
    expect(validateManifest({ ...manifest, accentColor: 'teal' })).toBe(false);
    expect(validateManifest({ ...manifest, bots: [{ botId: 'bot', scopes: ['personal'] }] })).toBe(false);
  });

  it('names the bot by the app id in every scope, with the German commands, the tab and SSO', () => {
    expect(manifest).toMatchObject({
      $schema: 'https://developer.microsoft.com/json-schemas/teams/v1.29/MicrosoftTeams.schema.json',
      manifestVersion: '1.29',
      id: APP_ID,
      version: '1.2.3',
      icons: { color: 'color.png', outline: 'outline.png' },
      validDomains: ['staffelstab.example.com'],
      webApplicationInfo: { id: APP_ID, resource: `api://staffelstab.example.com/${APP_ID}` },
      localizationInfo: { defaultLanguageTag: 'de-de', additionalLanguages: [{ languageTag: 'en-us', file: 'en-us.json' }] },
    });
    const bots = manifest.bots as { botId: string; scopes: string[]; commandLists: { scopes: string[]; commands: { title: string; description: string }[] }[] }[];
    expect(bots).toHaveLength(1);
    expect(bots[0]?.botId).toBe(APP_ID);
    expect(bots[0]?.scopes).toEqual(['personal', 'team', 'groupChat']);
    const personal = bots[0]?.commandLists.find((l) => l.scopes.includes('personal'));
    expect(personal?.commands.map((c) => c.title)).toEqual(['hilfe', 'abgeben', 'melden', 'status', 'kunden', 'inaktiv', 'inaktiv bericht', 'umfragen', 'schichtplan', 'schicht bericht']);
    // Teams allows at most 10 commands per list.
    for (const list of bots[0]?.commandLists ?? []) expect(list.commands.length).toBeLessThanOrEqual(10);
    // Teams' command menu offers only commands the bot's command table really has.
    const known = new Set(COMMAND_TABLE.flatMap((c) => (c.help ? [c.help.usage] : [])));
    for (const list of bots[0]?.commandLists ?? []) for (const c of list.commands) expect(known.has(c.title), `manifest command ${c.title}`).toBe(true);
    expect(personal?.commands.every((c) => c.description.length > 0)).toBe(true);
    const team = bots[0]?.commandLists.find((l) => l.scopes.includes('team'));
    expect(team?.commands.map((c) => c.title)).toContain('kanal freigabe');

    const tabs = manifest.staticTabs as { entityId: string; contentUrl?: string }[];
    expect(tabs.find((t) => t.contentUrl)?.contentUrl).toBe('https://staffelstab.example.com/tab/index.html');
    expect(tabs.map((t) => t.entityId)).toContain('conversations');
  });

  it('keeps a path prefix of PUBLIC_URL and drops a trailing slash', () => {
    const m = buildManifest({ appId: APP_ID, publicUrl: 'https://apps.example.com/staffelstab/', version: '1.0.0' });
    const tabs = m.staticTabs as { contentUrl?: string }[];
    expect(tabs.find((t) => t.contentUrl)?.contentUrl).toBe('https://apps.example.com/staffelstab/tab/index.html');
    expect(m.validDomains).toEqual(['apps.example.com']);
    expect(validateManifest(m)).toBe(true);
  });

  it('has English strings for every localizable field, keyed as the localization schema allows', () => {
    const en = buildEnglishLocalization();
    for (const key of ['name.short', 'name.full', 'description.short', 'description.full']) expect(en[key], key).toBeTruthy();
    const allowed = [/^\$schema$/, /^name\.(short|full)$/, /^description\.(short|full)$/, /^staticTabs\[([0-9]|1[0-5])\]\.name$/, /^bots\[0\]\.commandLists\[[0-2]\]\.commands\[[0-9]\]\.description$/];
    for (const key of Object.keys(en)) expect(allowed.some((re) => re.test(key)), key).toBe(true);
    // Every command of the German manifest has its English description, and nothing more.
    const lists = (manifest.bots as { commandLists: { commands: unknown[] }[] }[])[0]?.commandLists ?? [];
    const commandKeys = Object.keys(en).filter((k) => k.startsWith('bots['));
    expect(commandKeys).toHaveLength(lists.reduce((n, l) => n + l.commands.length, 0));
    expect(en['bots[0].commandLists[0].commands[0].description']).toBe('Shows what I can do for you');
    // The tab with a name is the one the English name replaces.
    expect((manifest.staticTabs as { name?: string }[])[1]?.name).toBe('Übersicht');
    expect(en['staticTabs[1].name']).toBe('Overview');
    expect((en['name.short'] ?? '').length).toBeLessThanOrEqual(30);
    expect((en['description.short'] ?? '').length).toBeLessThanOrEqual(80);
  });

  it('refuses a missing MICROSOFT_APP_ID or PUBLIC_URL and names the variable (empty counts as missing)', () => {
    const noId = errorOf(() => buildManifest({ appId: undefined, publicUrl: PUBLIC_URL, version: '1.0.0' }));
    expect(noId.code).toBe('MANIFEST_CONFIG_MISSING');
    expect(noId.message).toMatch(/: MICROSOFT_APP_ID not set$/);
    expect(noId.userMessage).toContain('MICROSOFT_APP_ID');
    expect(noId.userMessage).not.toContain('PUBLIC_URL');

    const noUrl = errorOf(() => buildManifest({ appId: APP_ID, publicUrl: '  ', version: '1.0.0' }));
    expect(noUrl.code).toBe('MANIFEST_CONFIG_MISSING');
    expect(noUrl.message).toMatch(/: PUBLIC_URL not set$/);
    expect(noUrl.userMessage).toContain('PUBLIC_URL');
    expect(noUrl.userMessage).not.toContain('MICROSOFT_APP_ID');

    const neither = errorOf(() => buildManifest({ appId: '', publicUrl: undefined, version: '1.0.0' }));
    expect(neither.message).toMatch(/: MICROSOFT_APP_ID and PUBLIC_URL not set$/);
    expect(neither.userMessage).toContain('MICROSOFT_APP_ID und PUBLIC_URL');
  });

  it('refuses an app id that is not a GUID and a PUBLIC_URL that is not https', () => {
    const badId = errorOf(() => buildManifest({ appId: 'staffelstab', publicUrl: PUBLIC_URL, version: '1.0.0' }));
    expect(badId.code).toBe('MANIFEST_CONFIG_INVALID');
    expect(badId.message).toMatch(/: MICROSOFT_APP_ID is not a GUID$/);
    expect(badId.userMessage).toContain('MICROSOFT_APP_ID');
    const http = errorOf(() => buildManifest({ appId: APP_ID, publicUrl: 'http://localhost:3978', version: '1.0.0' }));
    expect(http.code).toBe('MANIFEST_CONFIG_INVALID');
    expect(http.message).toMatch(/: PUBLIC_URL must use https$/);
    expect(http.userMessage).toContain('https://');
    expect(errorOf(() => buildManifest({ appId: APP_ID, publicUrl: 'not a url', version: '1.0.0' })).message).toMatch(/: PUBLIC_URL is not a URL$/);
  });
});

describe('Teams app package', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
  });
  function tempDir(): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'staffelstab-manifest-'));
    dirs.push(dir);
    return dir;
  }

  it('writes a zip with manifest.json, the English strings and both icons at the root', async () => {
    const outFile = path.join(tempDir(), 'nested', 'staffelstab.zip');
    const written = await buildManifestPackage({ appId: APP_ID, publicUrl: PUBLIC_URL, outFile });
    expect(written).toBe(outFile);

    const zip = fs.readFileSync(outFile);
    const files = readZip(zip);
    expect([...files.keys()].sort()).toEqual(['color.png', 'en-us.json', 'manifest.json', 'outline.png']);

    const manifest: unknown = JSON.parse(files.get('manifest.json')?.toString('utf8') ?? '');
    expect(validateManifest(manifest)).toBe(true);
    const pkg = JSON.parse(fs.readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    expect(manifest).toMatchObject({ id: APP_ID, version: pkg.version });
    expect(JSON.parse(files.get('en-us.json')?.toString('utf8') ?? '')).toEqual(buildEnglishLocalization());

    const color = files.get('color.png') ?? Buffer.alloc(0);
    const outline = files.get('outline.png') ?? Buffer.alloc(0);
    expect(pngSize(color)).toEqual({ width: 192, height: 192, colourType: 6 });
    expect(pngSize(outline)).toEqual({ width: 32, height: 32, colourType: 6 });

    // The outline icon is white on transparent: every pixel is either fully transparent or white.
    const px = pngPixels(outline);
    let opaque = 0;
    for (let i = 0; i < px.length; i += 4) {
      if (px[i + 3] === 0) continue;
      opaque++;
      expect([px[i], px[i + 1], px[i + 2]]).toEqual([255, 255, 255]);
    }
    expect(opaque).toBeGreaterThan(50);
    expect(px[3]).toBe(0); // the corner is transparent

    // Standard tools read it too, where installed (Debian's unzip is on the project's machines).
    if (fs.existsSync('/usr/bin/unzip')) {
      const listing = execFileSync('/usr/bin/unzip', ['-l', outFile], { encoding: 'utf8' });
      for (const name of ['manifest.json', 'en-us.json', 'color.png', 'outline.png']) expect(listing).toContain(name);
      expect(execFileSync('/usr/bin/unzip', ['-t', outFile], { encoding: 'utf8' })).toContain('No errors detected');
    }
  });

  it('builds the same bytes twice (fixed timestamps) and writes nothing when a setting is missing', async () => {
    const dir = tempDir();
    const a = await buildManifestPackage({ appId: APP_ID, publicUrl: PUBLIC_URL, outFile: path.join(dir, 'a.zip'), version: '2.0.0' });
    const b = await buildManifestPackage({ appId: APP_ID, publicUrl: PUBLIC_URL, outFile: path.join(dir, 'b.zip'), version: '2.0.0' });
    expect(fs.readFileSync(a).equals(fs.readFileSync(b))).toBe(true);

    const missing = path.join(dir, 'missing', 'c.zip');
    await expect(buildManifestPackage({ appId: undefined, publicUrl: PUBLIC_URL, outFile: missing })).rejects.toMatchObject({ code: 'MANIFEST_CONFIG_MISSING' });
    expect(fs.existsSync(path.dirname(missing))).toBe(false);
  });
});
