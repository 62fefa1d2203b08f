// Queue an outbound message inside the caller's transaction, so the message exists if and only if
// the state change that causes it commits. The idempotency key makes a repeated cause (a re-sent
// invoke, a second `tick` at the same instant) queue nothing new.
import type { DbOrTx } from '../db/client.ts';
import { randomId } from '../ids.ts';
import type { OutboundMessage, Recipient } from '../notices/types.ts';

export function conversationKeyOf(recipient: Recipient): string {
  switch (recipient.type) {
    case 'person':
      return `person:${recipient.personId}`;
    case 'channel':
      return `channel:${recipient.purpose}`;
    case 'conversation':
      return `conversation:${recipient.conversationId}`;
  }
}

export interface EnqueueInput {
  idempotencyKey: string;
  message: OutboundMessage;
  now: Date;
  /** For an update: the rate-limit bucket of the conversation that holds the original message. */
  conversationKey?: string;
}

/** Returns false when a message with this key was queued before (nothing is written then). */
export async function enqueue(tx: DbOrTx, input: EnqueueInput): Promise<boolean> {
  const existing = await tx.outboxMessage.findUnique({ where: { idempotencyKey: input.idempotencyKey }, select: { id: true } });
  if (existing) return false;
  const m = input.message;
  const conversationKey = input.conversationKey ?? (m.mode === 'send' ? conversationKeyOf(m.recipient) : await updateKeyOf(tx, m.updatesKey));
  const createdAt = await queueTimeOf(tx, conversationKey, input.now);
  await tx.outboxMessage.create({
    data: {
      id: randomId(),
      idempotencyKey: input.idempotencyKey,
      channel: m.mode === 'send' ? 'teams.send' : 'teams.update',
      conversationKey,
      notice: JSON.stringify(m),
      status: 'pending',
      nextAttemptAt: input.now,
      createdAt,
    },
  });
  return true;
}

/**
 * The sender keeps queue order per conversation by createdAt. Several messages queued for one conversation at the
 * same instant (one transaction, or a clock standing still) get strictly increasing times, so an update can never
 * be ordered before the message it edits (and one client's platform calls keep their order).
 */
export async function queueTimeOf(tx: DbOrTx, conversationKey: string, now: Date): Promise<Date> {
  const last = await tx.outboxMessage.findFirst({ where: { conversationKey }, orderBy: { createdAt: 'desc' }, select: { createdAt: true } });
  return last && last.createdAt.getTime() >= now.getTime() ? new Date(last.createdAt.getTime() + 1) : now;
}

/**
 * An update joins the rate-limit bucket of the message it edits (same conversation), which also keeps
 * it behind that message in the sender's per-conversation order. Unknown original: its own bucket.
 */
async function updateKeyOf(tx: DbOrTx, updatesKey: string): Promise<string> {
  const original = await tx.outboxMessage.findUnique({ where: { idempotencyKey: updatesKey }, select: { conversationKey: true } });
  return original?.conversationKey ?? `update:${updatesKey}`;
}
