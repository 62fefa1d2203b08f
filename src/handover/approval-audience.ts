// Where the approval card of a request was actually posted: the conversations its outbox rows
// (`handover:<requestId>:approval:<suffix>`, see propose-successor.ts) were sent to. The card's refresh is
// answered only there, so a copy of the card (or a forged invoke) elsewhere shows nothing about the request.
// Read from what was sent, not from the current `freigabe` binding: a channel rebound later keeps its posts.
import type { DbOrTx } from '../db/client.ts';
import { sentConversationIds } from '../outbox/sent-conversations.ts';
import { keyOf } from './store.ts';

/** Conversation ids (bare, as stored by the outbox) the request's approval card was delivered to. */
export async function approvalConversationIds(db: DbOrTx, requestId: string): Promise<string[]> {
  return sentConversationIds(db, { idempotencyKey: { startsWith: `${keyOf(requestId, 'approval')}:` } });
}
