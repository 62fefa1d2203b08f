// The Conny account's open items (chats, mails, new tasks), one row per item, whatever brought it in:
// `import inbox` (standalone), a platform webhook, or the reconciliation. Shared by the platform connection
// (which receives and answers items) and shift duty (which counts them, alerts and reports on them).
// Both functions are idempotent and write inside the caller's transaction with one audit event per change.
import { recordAudit } from '../audit/record.ts';
import type { DbOrTx } from '../db/client.ts';

export const INBOX_KINDS = ['chat', 'mail', 'task'] as const;
export type InboxKind = (typeof INBOX_KINDS)[number];

/** What brought the item in, or what marked it answered. */
export type InboxSource = 'import' | 'webhook' | 'reconcile' | 'todo' | 'teams';

export interface ReceivedItem {
  /** The platform's (or the CSV's) item id. */
  id: string;
  kind: InboxKind;
  clientNumber: string;
  receivedAt: Date;
  subject?: string;
  /** Known answered already (an import row with answeredAt). */
  answeredAt?: Date | null;
  source: InboxSource;
}

export type ReceiveOutcome = 'created' | 'updated' | 'unchanged';

/**
 * Records an item. A known id keeps its receivedAt and kind (the first report wins); only a newly known
 * answer is taken over. The client is linked when its number is known (items of unknown clients still count).
 */
export async function receiveInboxItem(tx: DbOrTx, item: ReceivedItem, now: Date): Promise<ReceiveOutcome> {
  const existing = await tx.inboxItem.findUnique({ where: { id: item.id }, select: { answeredAt: true } });
  if (existing) {
    if (item.answeredAt && !existing.answeredAt) {
      await answerInboxItem(tx, { id: item.id, answeredAt: item.answeredAt, via: item.source }, now);
      return 'updated';
    }
    return 'unchanged';
  }
  const client = await tx.client.findUnique({ where: { number: item.clientNumber }, select: { id: true } });
  await tx.inboxItem.create({
    data: {
      id: item.id,
      kind: item.kind,
      clientId: client?.id ?? null,
      clientNumber: item.clientNumber,
      subject: item.subject ?? '',
      receivedAt: item.receivedAt,
      answeredAt: item.answeredAt ?? null,
      answeredVia: item.answeredAt ? item.source : null,
      source: item.source,
      createdAt: now,
    },
  });
  await recordAudit(tx, { at: now, actorId: null, action: 'inbox.received', subjectType: 'inbox_item', subjectId: item.id, data: { kind: item.kind, clientId: client?.id ?? null, source: item.source, answered: Boolean(item.answeredAt) } });
  return 'created';
}

export interface AnsweredItem {
  id: string;
  answeredAt: Date;
  via: InboxSource;
  /** Who answered, when a person in Teams did ("erledigt"). */
  actorId?: string | null;
}

/**
 * Marks an item answered. Unknown or already answered: nothing changes (returns false). The caller that shows
 * cards for the item (shift duty's alert card) updates them; `version` is bumped so stale cards are refused.
 */
export async function answerInboxItem(tx: DbOrTx, answer: AnsweredItem, now: Date): Promise<boolean> {
  const { count } = await tx.inboxItem.updateMany({
    where: { id: answer.id, answeredAt: null },
    data: { answeredAt: answer.answeredAt, answeredVia: answer.via, version: { increment: 1 } },
  });
  if (count === 0) return false;
  await recordAudit(tx, { at: now, actorId: answer.actorId ?? null, action: 'inbox.answered', subjectType: 'inbox_item', subjectId: answer.id, data: { via: answer.via } });
  return true;
}
