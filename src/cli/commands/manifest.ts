// `staffelstab manifest build [--out <file>]`: the Teams app package. The builder lives in manifest/ (it needs no
// database) and runs as a separate process, `node --import tsx manifest/cli.ts`, with the app id and public URL of
// this configuration as arguments: src/ never imports manifest/ (manifest/build.ts imports src/errors, and
// test/architecture.test.ts keeps that direction). The builder answers with one JSON line; its error becomes this
// command's error, so the output is the same as if it had run in-process.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Command } from 'commander';
import { AppError, ERRORS, type ErrorCode } from '../../errors/catalogue.ts';
import type { CommandContext } from '../context.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/** CONTRACT.md: `manifest build` writes manifest/build/staffelstab.zip (in the repository, wherever it is run from). */
export const MANIFEST_PACKAGE = path.join(root, 'manifest', 'build', 'staffelstab.zip');

/** The builder's entry point, a path (not an import). */
const BUILDER = path.join(root, 'manifest', 'cli.ts');

export function registerManifest(program: Command, ctx: CommandContext): void {
  const manifest = program.command('manifest').description('das Teams-App-Paket');
  manifest
    .command('build')
    .description('schreibt das Teams-App-Paket (App-Id aus MICROSOFT_APP_ID, Adressen aus PUBLIC_URL)')
    .option('--out <datei>', 'Zieldatei', MANIFEST_PACKAGE)
    .action(async (opts: { out: string }) => {
      const config = ctx.config();
      const written = await runBuilder({ appId: config.credentials?.appId, publicUrl: config.publicUrl, outFile: path.resolve(opts.out) });
      ctx.out.line(`Teams-App-Paket geschrieben: ${written}`);
      ctx.out.line('In Teams hochladen: Apps → Apps verwalten → App hochladen.');
    });
}

interface BuilderOptions {
  appId: string | undefined;
  publicUrl: string | undefined;
  outFile: string;
}

interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Runs manifest/cli.ts with tsx's loader and returns the written path; throws the builder's AppError otherwise. */
async function runBuilder(options: BuilderOptions): Promise<string> {
  // An absolute URL, so the loader resolves wherever the CLI is run from.
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
  const args = ['--import', tsx, BUILDER, '--json', `--out=${options.outFile}`];
  if (options.appId !== undefined) args.push(`--app-id=${options.appId}`);
  if (options.publicUrl !== undefined) args.push(`--public-url=${options.publicUrl}`);
  const exit = await run(process.execPath, args);
  const result = parseResult(exit.stdout);
  if (exit.code === 0 && typeof result?.written === 'string') return result.written;
  const error = result?.error;
  if (error && error.code !== 'INTERNAL' && Object.hasOwn(ERRORS, error.code)) {
    const code = error.code as ErrorCode;
    const en = ERRORS[code].en;
    const detail = error.message === en ? undefined : error.message.startsWith(`${en}: `) ? error.message.slice(en.length + 2) : error.message;
    throw new AppError(code, { ...(detail === undefined ? {} : { detail }), userMessage: error.userMessage });
  }
  // Unexpected: reported as INTERNAL (and logged), as an exception of the in-process builder was.
  throw new Error(error?.message ?? `manifest builder failed (${exit.signal ?? `exit code ${exit.code}`}): ${exit.stderr.trim().slice(0, 2000)}`);
}

interface BuilderResult {
  written?: unknown;
  error?: { code: string; message: string; userMessage: string };
}

function parseResult(stdout: string): BuilderResult | undefined {
  const last = stdout.trim().split('\n').pop();
  if (!last) return undefined;
  try {
    const value: unknown = JSON.parse(last);
    if (!value || typeof value !== 'object') return undefined;
    const result = value as { written?: unknown; error?: unknown };
    const e = result.error;
    if (e && typeof e === 'object' && 'code' in e && 'message' in e && 'userMessage' in e) {
      const { code, message, userMessage } = e;
      if (typeof code === 'string' && typeof message === 'string' && typeof userMessage === 'string') return { error: { code, message, userMessage } };
    }
    return { written: result.written };
  } catch {
    return undefined;
  }
}

function run(command: string, args: string[]): Promise<Exit> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], env: process.env });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => (stdout += s));
    child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}
