// The CLI's logger writes JSON lines to stderr, so stdout carries only the German report. Quiet unless
// LOG_LEVEL asks for more: a command's own output is the report for the person at the terminal.
import { pino, type Logger } from 'pino';

export function cliLogger(level: string): Logger {
  return pino(
    {
      level,
      base: { app: 'staffelstab', component: 'cli' },
      redact: { paths: ['password', 'token', 'authorization', '*.password', '*.token', '*.authorization', 'text', '*.text', 'body', '*.body'], censor: '[redacted]' },
    },
    pino.destination({ dest: 2, sync: true }),
  );
}
