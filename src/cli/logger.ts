// The CLI's logger writes JSON lines to stderr, so stdout carries only the German report. Quiet unless
// LOG_LEVEL asks for more: a command's own output is the report for the person at the terminal.
import { createLogger, type Logger } from '../log/logger.ts';

export function cliLogger(level: string): Logger {
  return createLogger(level, { component: 'cli', fd: 2 });
}
