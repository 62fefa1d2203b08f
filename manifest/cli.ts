// The Teams app package builder as a program of its own:
//   node --import tsx manifest/cli.ts [--out <file>] [--app-id=<guid>] [--public-url=<https url>] [--json]
// `staffelstab manifest build` (src/cli/commands/manifest.ts) runs it as a separate process, so that nothing in
// src/ imports manifest/ (manifest/build.ts imports src/errors; test/architecture.test.ts keeps the direction).
// The settings come only from the arguments, never from the environment: the CLI passes what its configuration
// read. Prints the written path; with --json one JSON object on stdout instead: `{ "written": "<path>" }` or
// `{ "error": { "code", "message", "userMessage" } }` (exit code 1), which the CLI turns back into its error.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { isAppError } from '../src/errors/catalogue.ts';
import { buildManifestPackage } from './build.ts';

/** The default target: manifest/build/staffelstab.zip in the repository, wherever the builder is run from. */
const DEFAULT_OUT = path.join(path.dirname(fileURLToPath(import.meta.url)), 'build', 'staffelstab.zip');

interface BuilderResult {
  written?: string;
  error?: { code: string; message: string; userMessage: string };
}

async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      out: { type: 'string' },
      'app-id': { type: 'string' },
      'public-url': { type: 'string' },
      json: { type: 'boolean', default: false },
    },
    strict: true,
    allowPositionals: false,
  });
  const report = (result: BuilderResult): void => {
    if (values.json) process.stdout.write(`${JSON.stringify(result)}\n`);
    else if (result.written) process.stdout.write(`${result.written}\n`);
    else if (result.error) process.stderr.write(`Fehler: ${result.error.userMessage}\n  [${result.error.code}] ${result.error.message}\n`);
  };
  try {
    const written = await buildManifestPackage({ appId: values['app-id'], publicUrl: values['public-url'], outFile: values.out ?? DEFAULT_OUT });
    report({ written });
    return 0;
  } catch (e) {
    if (isAppError(e)) {
      report({ error: { code: e.code, message: e.message, userMessage: e.userMessage } });
      return 1;
    }
    const message = e instanceof Error ? e.message : String(e);
    report({ error: { code: 'INTERNAL', message, userMessage: 'Das Teams-App-Paket konnte nicht geschrieben werden.' } });
    if (!values.json && e instanceof Error && e.stack) process.stderr.write(`${e.stack}\n`);
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
