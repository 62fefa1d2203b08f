// How a failed command reads at the terminal: the German message for the person, the code and the
// English message for a colleague or a log search. No stack trace for errors we expect (AppError,
// configuration); an unexpected error is logged with its stack to stderr via the logger.
import { ConfigError } from '../config/config.ts';
import { isAppError, toAppError } from '../errors/catalogue.ts';
import { importErrorsOf } from '../import/run-import.ts';
import { formatRowError } from '../import/row-error.ts';
import type { Logger } from '../log/logger.ts';
import type { Output } from './context.ts';

export function reportError(e: unknown, out: Output, logger: () => Logger): number {
  if (e instanceof ConfigError) {
    out.error(`Fehler in der Konfiguration: Bitte die Umgebungsvariable ${e.variable} prüfen.`);
    out.error(`  [CONFIG] ${e.message}`);
    return 1;
  }
  if (isAppError(e)) {
    out.error(`Fehler: ${e.userMessage}`);
    out.error(`  [${e.code}] ${e.message}`);
    const rows = e.code === 'IMPORT_INVALID' ? importErrorsOf(e) : [];
    for (const row of rows) out.error(`  ${formatRowError(row)}`);
    if (rows.length > 0) out.error(`${rows.length} ${rows.length === 1 ? 'Problem' : 'Probleme'} / ${rows.length} ${rows.length === 1 ? 'problem' : 'problems'}`);
    return 1;
  }
  const app = toAppError(e);
  logger().error({ err: e, code: app.code }, 'cli command failed');
  out.error(`Fehler: ${app.userMessage}`);
  out.error(`  [${app.code}] ${app.message}`);
  return 1;
}
