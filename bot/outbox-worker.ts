// Wires the outbox sender for the running server: connector transport with the app's tokens (none in
// local mode), the configured poll interval, and a `kick` that drains at once after a turn queued work.
import type { Config } from '../src/config/config.ts';
import type { Database } from '../src/db/client.ts';
import type { Logger } from '../src/log/logger.ts';
import type { Clock } from '../src/time/clock.ts';
import { tokenSourceFor } from './outbox/bot-token.ts';
import { createConnectorTransport } from './outbox/connector-transport.ts';
import { createOutboxSender, defaultInstanceId } from './outbox/sender.ts';
import type { OutboxWorker } from './server.ts';

export function createOutboxWorker(deps: { config: Config; db: Database; logger: Logger; clock: Clock; instanceId?: string }): OutboxWorker {
  const { config, db, logger } = deps;
  const sender = createOutboxSender({
    prisma: db.prisma,
    provider: db.provider,
    transport: createConnectorTransport({ tokens: tokenSourceFor(config.credentials) }),
    clock: deps.clock,
    logger,
    instanceId: deps.instanceId ?? defaultInstanceId(config.port),
    pollMs: config.outboxPollMs,
  });
  let started = false;
  return {
    start() {
      started = true;
      sender.start();
    },
    stop: () => sender.stop(),
    kick() {
      if (started) sender.kick();
    },
  };
}
