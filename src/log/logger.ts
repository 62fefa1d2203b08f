// Structured logs with pino. Never log secrets or message bodies: the redact list is the safety net,
// the rule is to pass ids and codes only.
import { pino, type DestinationStream, type Logger } from 'pino';

export type { Logger };

const REDACT = ['password', 'token', 'authorization', '*.authorization', '*.password', '*.token', 'headers.authorization', 'text', '*.text', 'body', '*.body'];

/** Bytes a slow log reader may have queued; beyond that lines are dropped rather than held in memory. */
const MAX_QUEUED_BYTES = 8 * 1024 * 1024;

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
    options.fd === 2 ? cliDestination() : stdoutDestination(),
  );
}

let stdout: DestinationStream | undefined;

/** One destination (and one 'error' listener) on process.stdout, however many loggers write to it. */
function stdoutDestination(): DestinationStream {
  stdout ??= serverDestination(process.stdout);
  return stdout;
}

/**
 * The server logs through process.stdout: for a pipe or socket it writes what the pipe takes at once and
 * queues the rest in memory, so neither a dead nor a stalled log reader blocks the event loop (and with it
 * the SIGTERM handler), and nothing is flushed synchronously at exit. pino.destination's async mode was
 * the defect: its exit hook retried EPIPE in a synchronous loop for ever, so a stop with a dead log
 * shipper never ended. A write error (EPIPE once the reader is gone) ends logging, never the process.
 */
function serverDestination(stream: NodeJS.WriteStream): DestinationStream {
  let broken = false;
  stream.on('error', () => {
    broken = true;
  });
  return {
    write(line: string) {
      if (broken || stream.destroyed || stream.writableLength > MAX_QUEUED_BYTES) return;
      try {
        stream.write(line);
      } catch {
        broken = true;
      }
    },
  };
}

/** The CLI writes synchronously, so its log lines and its report keep their order; EPIPE is handled by pino. */
function cliDestination(): DestinationStream {
  const destination = pino.destination({ dest: 2, sync: true });
  // pino swallows EPIPE itself and re-emits anything else, which unhandled would crash the command.
  destination.on('error', () => undefined);
  return destination;
}

/**
 * Waits (at most `timeoutMs`) until the lines queued for stdout and stderr are written, so a process about
 * to exit does not lose its last lines to a slow reader. Returns at once when nothing is queued or the
 * stream is broken.
 */
export async function flushLogs(timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  const queued = () => [process.stdout, process.stderr].some((s) => !s.destroyed && s.writableLength > 0);
  while (queued() && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 10));
}

export const silentLogger: Logger = pino({ level: 'silent' });
