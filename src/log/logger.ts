// Structured logs with pino. Never log secrets or message bodies: the redact list is the safety net,
// the rule is to pass ids and codes only.
import { pino, type Logger } from 'pino';

export type { Logger };

export function createLogger(level: string = process.env.LOG_LEVEL || 'info'): Logger {
  return pino({
    level,
    base: { app: 'staffelstab' },
    redact: {
      paths: ['password', 'token', 'authorization', '*.authorization', '*.password', '*.token', 'headers.authorization', 'text', '*.text', 'body', '*.body'],
      censor: '[redacted]',
    },
  });
}

export const silentLogger: Logger = pino({ level: 'silent' });
