// The conversations messages were actually delivered to, read from the outbox rows' stored send results
// (`{ activityId, conversationId }`). Cards answer their own actions only there: a copy of a card elsewhere (or a
// forged invoke) shows nothing.
import type { DbOrTx } from '../db/client.ts';
import type { Prisma } from '../db/generated/sqlite/client.ts';

export async function sentConversationIds(db: DbOrTx, where: Prisma.OutboxMessageWhereInput): Promise<string[]> {
  const rows = await db.outboxMessage.findMany({ where: { ...where, status: 'sent' }, select: { result: true } });
  const ids = new Set<string>();
  for (const row of rows) {
    const id = sentConversationId(row.result);
    if (id) ids.add(id);
  }
  return [...ids];
}

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
