// Shared set-up for the outbox tests: conversation references pointing at a fake connector, queued
// notices, and a sender wired to both.
import type { Db } from '../../src/db/client.ts';
import { enqueue } from '../../src/outbox/enqueue.ts';
import type { RateLimits } from '../../src/outbox/limits.ts';
import type { RetryPolicy } from '../../src/outbox/retry-policy.ts';
import type { ChannelPurpose, OutboundMessage, Recipient } from '../../src/notices/types.ts';
import { silentLogger } from '../../src/log/logger.ts';
import type { Clock } from '../../src/time/clock.ts';
import { createConnectorTransport } from '../../bot/outbox/connector-transport.ts';
import { createOutboxSender, type OutboxSender, type OutboxSenderOptions } from '../../bot/outbox/sender.ts';
import type { FakeConnector } from '../support/fake-connector.ts';

export const T0 = new Date('2026-11-23T09:00:00.000Z');

/** Limits so high they never matter, for tests about something else. */
export const NO_LIMITS: RateLimits = { perConversation: [], global: [] };

let seq = 0;

/** A stored conversation reference in the fake connector, optionally a person's 1:1 chat or a bound channel. */
export async function addConversation(
  prisma: Db,
  connector: { url: string },
  o: { conversationId: string; personId?: string; purpose?: ChannelPurpose },
): Promise<void> {
  const n = ++seq;
  if (o.personId) {
    await prisma.person.create({ data: { id: o.personId, name: `Person ${n}`, email: `p${n}-${o.personId}@example.test`, aadObjectId: `aad-${o.personId}` } });
  }
  const reference = {
    channelId: 'msteams',
    serviceUrl: connector.url,
    conversation: { id: o.conversationId, conversationType: o.purpose ? 'channel' : 'personal', isGroup: Boolean(o.purpose), tenantId: 'tenant-1' },
    bot: { id: '28:bot', name: 'staffelstab' },
    user: o.personId ? { id: `29:${o.personId}`, name: `Person ${n}`, aadObjectId: `aad-${o.personId}` } : undefined,
    locale: 'de-DE',
  };
  const ref = await prisma.conversationRef.create({
    data: {
      id: `ref-${n}`,
      conversationId: o.conversationId,
      scope: o.purpose ? 'channel' : 'personal',
      personId: o.personId ?? null,
      tenantId: 'tenant-1',
      serviceUrl: connector.url,
      reference: JSON.stringify(reference),
    },
  });
  if (o.purpose) await prisma.channelBinding.create({ data: { purpose: o.purpose, conversationRefId: ref.id, boundById: 'admin-1' } });
}

export function textTo(recipient: Recipient, text: string): OutboundMessage {
  return { mode: 'send', recipient, notice: { kind: 'text', model: { text } } };
}

export async function queueText(prisma: Db, key: string, recipient: Recipient, text: string, now: Date): Promise<void> {
  const queued = await prisma.$transaction((tx) => enqueue(tx, { idempotencyKey: key, message: textTo(recipient, text), now }));
  if (!queued) throw new Error(`test set-up: ${key} was queued before`);
}

export function makeSender(
  db: { prisma: Db; provider: 'sqlite' | 'postgresql' },
  clock: Clock,
  o: Partial<Omit<OutboxSenderOptions, 'retry'>> & { retry?: Partial<RetryPolicy>; timeoutMs?: number } = {},
): OutboxSender {
  return createOutboxSender({
    prisma: db.prisma,
    provider: db.provider,
    transport: o.transport ?? createConnectorTransport({ timeoutMs: o.timeoutMs ?? 5_000 }),
    clock,
    logger: silentLogger,
    instanceId: o.instanceId ?? 'test-instance',
    pollMs: o.pollMs ?? 10,
    limits: o.limits ?? NO_LIMITS,
    retry: o.retry,
    random: o.random ?? (() => 0.5),
    leaseMs: o.leaseMs,
    concurrency: o.concurrency,
    render: o.render,
  });
}

export async function row(prisma: Db, idempotencyKey: string) {
  return prisma.outboxMessage.findUniqueOrThrow({ where: { idempotencyKey } });
}

export function texts(connector: FakeConnector): string[] {
  return connector.deliveries().map((r) => String((r.body as { text?: unknown }).text));
}
