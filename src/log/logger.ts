// Structured logs with pino. Never log secrets or message bodies: the redact list is the safety net,
// the rule is to pass ids and codes only.
import { pino, type Logger } from 'pino';

export type { Logger };

const REDACT = ['password', 'token', 'authorization', '*.authorization', '*.password', '*.token', 'headers.authorization', 'text', '*.text', 'body', '*.body'];

export interface LoggerOptions {
  /** A component name added to every line (e.g. `cli`). */
  component?: string;
  /** File descriptor to write to: 1 (stdout, the server) or 2 (stderr, the CLI, whose stdout is its report). */
  fd?: 1 | 2;
}

export function createLogger(level: string = process.env.LOG_LEVEL || 'info', options: LoggerOptions = {}): Logger {
  return pino(
    {
      level,
      base: { app: 'staffelstab', ...(options.component ? { component: options.component } : {}) },
      redact: { paths: REDACT, censor: '[redacted]' },
    },
    pino.destination({ dest: options.fd ?? 1, sync: options.fd === 2 }),
  );
}

export const silentLogger: Logger = pino({ level: 'silent' });
