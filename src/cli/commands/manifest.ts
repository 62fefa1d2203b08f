// `staffelstab manifest build [--out <file>]`: the Teams app package. The builder lives in manifest/ (it
// needs no database) and is loaded only when this command runs.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import type { CommandContext } from '../context.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/** CONTRACT.md: `manifest build` writes manifest/build/staffelstab.zip (in the repository, wherever it is run from). */
export const MANIFEST_PACKAGE = path.join(root, 'manifest', 'build', 'staffelstab.zip');

export function registerManifest(program: Command, ctx: CommandContext): void {
  const manifest = program.command('manifest').description('das Teams-App-Paket');
  manifest
    .command('build')
    .description('schreibt das Teams-App-Paket (App-Id aus MICROSOFT_APP_ID, Adressen aus PUBLIC_URL)')
    .option('--out <datei>', 'Zieldatei', MANIFEST_PACKAGE)
    .action(async (opts: { out: string }) => {
      const config = ctx.config();
      const { buildManifestPackage } = await import('../../../manifest/build.ts');
      const written = await buildManifestPackage({ appId: config.credentials?.appId, publicUrl: config.publicUrl, outFile: opts.out });
      ctx.out.line(`Teams-App-Paket geschrieben: ${written}`);
      ctx.out.line('In Teams hochladen: Apps → Apps verwalten → App hochladen.');
    });
}
