// Where the approval card of a request was actually posted: the conversations its outbox rows
// (`handover:<requestId>:approval:<suffix>`, see propose-successor.ts) were sent to. The card's refresh is
// answered only there, so a copy of the card (or a forged invoke) elsewhere shows nothing about the request.
// Read from what was sent, not from the current `freigabe` binding: a channel rebound later keeps its posts.
import type { DbOrTx } from '../db/client.ts';
import { keyOf } from './store.ts';

/** Conversation ids (bare, as stored by the outbox) the request's approval card was delivered to. */
export async function approvalConversationIds(db: DbOrTx, requestId: string): Promise<string[]> {
  const prefix = `${keyOf(requestId, 'approval')}:`;
  const rows = await db.outboxMessage.findMany({ where: { idempotencyKey: { startsWith: prefix }, status: 'sent' }, select: { idempotencyKey: true, result: true } });
  const ids = new Set<string>();
  for (const row of rows) {
    if (!row.idempotencyKey.startsWith(prefix)) continue;
    const conversationId = sentConversationId(row.result);
    if (conversationId) ids.add(conversationId);
  }
  return [...ids];
}

/** The conversation a sent row went to, from its stored send result (`{ activityId, conversationId }`). */
function sentConversationId(result: string | null): string | null {
  if (!result) return null;
  try {
    const parsed: unknown = JSON.parse(result);
    const id = parsed && typeof parsed === 'object' ? (parsed as { conversationId?: unknown }).conversationId : undefined;
    return typeof id === 'string' && id !== '' ? id : null;
  } catch {
    return null;
  }
}
