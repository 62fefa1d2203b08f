// Wires the outbox sender for the running server: connector transport with the app's tokens (none in
// local mode), the platform's HTTP API for queued platform calls when PLATFORM_BASE_URL is set, the configured
// poll interval, and a `kick` that drains at once after a turn queued work.
import type { Config } from '../src/config/config.ts';
import type { Database } from '../src/db/client.ts';
import type { Logger } from '../src/log/logger.ts';
import { platformDeliveryFor } from '../src/platform/index.ts';
import type { Clock } from '../src/time/clock.ts';
import { tokenSourceFor } from './outbox/bot-token.ts';
import { createConnectorTransport } from './outbox/connector-transport.ts';
import { createOutboxSender, defaultInstanceId } from './outbox/sender.ts';
import type { OutboxWorker } from './server.ts';

/** Why a send was cancelled; its name becomes the attempt's logged reason ("network error: ServerStopping"). */
class ServerStopping extends Error {
  override name = 'ServerStopping';
}

/** fetch whose requests also end when `cancel()` returns an aborted signal (a stop running out of time). */
function cancellableFetch(cancel: () => AbortSignal): typeof fetch {
  return (input, init) => {
    const own = init?.signal;
    return fetch(input, { ...init, signal: own ? AbortSignal.any([own, cancel()]) : cancel() });
  };
}

export function createOutboxWorker(deps: { config: Config; db: Database; logger: Logger; clock: Clock; instanceId?: string }): OutboxWorker {
  const { config, db, logger } = deps;
  // A Bot Connector that never answers would hold a stop for the whole transport timeout: stop() can cancel.
  let cancelSends = new AbortController();
  const sendFetch = cancellableFetch(() => cancelSends.signal);
  const sender = createOutboxSender({
    prisma: db.prisma,
    provider: db.provider,
    transport: createConnectorTransport({ tokens: tokenSourceFor(config.credentials), fetch: sendFetch }),
    platform: platformDeliveryFor(config, { fetch: sendFetch }),
    clock: deps.clock,
    logger,
    instanceId: deps.instanceId ?? defaultInstanceId(config.port),
    pollMs: config.outboxPollMs,
  });
  let started = false;
  return {
    start() {
      started = true;
      if (cancelSends.signal.aborted) cancelSends = new AbortController();
      sender.start();
    },
    async stop(cancel) {
      const cancelNow = () => cancelSends.abort(new ServerStopping('the stop deadline is near'));
      if (cancel?.aborted) cancelNow();
      else cancel?.addEventListener('abort', cancelNow, { once: true });
      try {
        await sender.stop();
      } finally {
        cancel?.removeEventListener('abort', cancelNow);
      }
    },
    kick() {
      if (started) sender.kick();
    },
  };
}
