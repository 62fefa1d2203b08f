// Where a message goes: the stored conversation reference of a person's 1:1 chat, of the channel bound
// to a purpose (`kanal ...`), or of a conversation named by id. References are only ever read from the
// database (they are written when the bot is installed or spoken to), never kept in memory.
import type { DbOrTx } from '../db/client.ts';
import type { Recipient } from '../notices/types.ts';

export interface ConversationTarget {
  /** ConversationRef.id */
  refId: string;
  conversationId: string;
  serviceUrl: string;
  tenantId: string;
  /** JSON of the botbuilder ConversationReference, as stored. */
  reference: string;
}

const targetSelect = { id: true, conversationId: true, serviceUrl: true, tenantId: true, reference: true } as const;

type TargetRow = { id: string; conversationId: string; serviceUrl: string; tenantId: string; reference: string };

function toTarget(row: TargetRow | null | undefined): ConversationTarget | null {
  if (!row) return null;
  return { refId: row.id, conversationId: row.conversationId, serviceUrl: row.serviceUrl, tenantId: row.tenantId, reference: row.reference };
}

/** null when the recipient has no conversation reference (yet): the person has not installed the bot, the purpose has no channel. */
export async function resolveTarget(db: DbOrTx, recipient: Recipient): Promise<ConversationTarget | null> {
  switch (recipient.type) {
    case 'person':
      return toTarget(await db.conversationRef.findUnique({ where: { personId: recipient.personId }, select: targetSelect }));
    case 'channel': {
      const binding = await db.channelBinding.findUnique({ where: { purpose: recipient.purpose }, select: { conversation: { select: targetSelect } } });
      return toTarget(binding?.conversation);
    }
    case 'conversation':
      return resolveConversation(db, recipient.conversationId);
  }
}

export async function resolveConversation(db: DbOrTx, conversationId: string): Promise<ConversationTarget | null> {
  return toTarget(await db.conversationRef.findUnique({ where: { conversationId }, select: targetSelect }));
}
