// POST /api/platform/webhooks: events from the VPA platform (CONTRACT.md). The HMAC is over the raw bytes, so this
// route reads the body itself (the app-wide bodyParser skips it, see `exceptPlatformWebhooks`) and stops at 1 MiB;
// everything else (signature, JSON, schema, storing) is src/platform's receiveWebhook. A stored event kicks the
// event processor, which applies it from the database after the answer.
import type { IncomingMessage } from 'node:http';
import type { Request, RequestHandler, Response, Server } from 'restify';
import type { Config } from '../src/config/config.ts';
import type { Database } from '../src/db/client.ts';
import type { Logger } from '../src/log/logger.ts';
import { receiveWebhook, SIGNATURE_HEADER, TIMESTAMP_HEADER, WEBHOOK_MAX_BYTES } from '../src/platform/index.ts';
import type { Clock } from '../src/time/clock.ts';

export const PLATFORM_WEBHOOK_PATH = '/api/platform/webhooks';

/** The app's body parser for every route but this one, whose raw bytes must reach the signature check untouched. */
export function exceptPlatformWebhooks(handlers: RequestHandler[]): RequestHandler[] {
  return handlers.map((handler) => (req: Request, res: Response, next: Parameters<RequestHandler>[2]) => (req.path() === PLATFORM_WEBHOOK_PATH ? next() : handler(req, res, next)));
}

interface RawBody {
  body: Buffer;
  tooLarge: boolean;
}

/** The body's bytes, at most `limit`: a larger declared length is refused unread; a longer stream is cut off. */
function readRawBody(req: IncomingMessage, limit: number): Promise<RawBody> {
  const declared = Number(req.headers['content-length'] ?? NaN);
  if (Number.isFinite(declared) && declared > limit) {
    req.resume();
    return Promise.resolve({ body: Buffer.alloc(0), tooLarge: true });
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.off('data', onData);
        req.off('end', onEnd);
        // The rest is discarded; the answer closes the connection.
        req.resume();
        resolve({ body: Buffer.alloc(0), tooLarge: true });
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => resolve({ body: Buffer.concat(chunks, size), tooLarge: false });
    req.on('data', onData);
    req.once('end', onEnd);
    req.once('error', reject);
  });
}

function header(req: Request, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

export interface PlatformWebhookDeps {
  config: Config;
  db: Database;
  logger: Logger;
  clock: Clock;
  /** Tell the event processor there is work (best effort; it also polls). */
  kick: () => void;
}

export function mountPlatformWebhooks(server: Server, deps: PlatformWebhookDeps): void {
  const { config, db, clock } = deps;
  const logger = deps.logger.child({ route: PLATFORM_WEBHOOK_PATH });
  if (!config.platformWebhookSecret) logger.info({ code: 'PLATFORM_WEBHOOKS_DISABLED' }, 'platform webhooks disabled: PLATFORM_WEBHOOK_SECRET is not set, so POST /api/platform/webhooks answers 503');

  server.post(PLATFORM_WEBHOOK_PATH, async (req: Request, res: Response) => {
    try {
      const { body, tooLarge } = await readRawBody(req, WEBHOOK_MAX_BYTES);
      const answer = await receiveWebhook(
        { prisma: db.prisma, secret: config.platformWebhookSecret, now: clock.now(), logger },
        { timestamp: header(req, TIMESTAMP_HEADER), signature: header(req, SIGNATURE_HEADER), rawBody: body, tooLarge },
      );
      if (tooLarge) res.header('Connection', 'close');
      res.send(answer.status, answer.body);
      if (answer.stored) deps.kick();
    } catch (error) {
      // Not stored: the platform delivers it again (it retries anything but 2xx).
      logger.error({ code: 'INTERNAL', err: { message: error instanceof Error ? error.message : String(error) } }, 'platform webhook failed');
      if (!res.headersSent) res.send(500, { code: 'INTERNAL', message: 'the event was not stored; deliver it again' });
    }
  });
}
