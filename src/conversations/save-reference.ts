// Conversation references live in the database (never in memory) so proactive messages survive
// restarts and work from any instance. One row per conversation; a personal chat is linked to its person.
import type { Db } from '../db/client.ts';
import { randomId } from '../ids.ts';

export type ConversationScope = 'personal' | 'channel' | 'groupChat';

export interface ReferenceInput {
  conversationId: string;
  scope: ConversationScope;
  personId: string | null;
  tenantId: string | undefined;
  serviceUrl: string;
  /** The serialised botbuilder ConversationReference. */
  reference: string;
}

export async function saveConversationReference(db: Db, input: ReferenceInput): Promise<{ id: string; changed: boolean }> {
  const existing = await db.conversationRef.findUnique({
    where: { conversationId: input.conversationId },
    select: { id: true, serviceUrl: true, reference: true, personId: true },
  });
  const personId = input.scope === 'personal' ? input.personId : null;
  if (existing && existing.serviceUrl === input.serviceUrl && existing.reference === input.reference && (personId === null || existing.personId === personId)) {
    return { id: existing.id, changed: false };
  }
  return db.$transaction(async (tx) => {
    // A person has one personal conversation with the bot; a newer one (reinstall) replaces the old link.
    if (personId) await tx.conversationRef.updateMany({ where: { personId, NOT: { conversationId: input.conversationId } }, data: { personId: null } });
    const row = await tx.conversationRef.upsert({
      where: { conversationId: input.conversationId },
      create: { id: randomId(), conversationId: input.conversationId, scope: input.scope, personId, tenantId: input.tenantId ?? '', serviceUrl: input.serviceUrl, reference: input.reference },
      update: { serviceUrl: input.serviceUrl, reference: input.reference, tenantId: input.tenantId ?? '', ...(personId ? { personId } : {}) },
      select: { id: true },
    });
    return { id: row.id, changed: true };
  });
}
