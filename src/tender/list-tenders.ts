// `umfragen` (admin team): the tenders still in review or open, oldest first, with their state. It shows clients,
// so it answers only where the admin team's review cards go anyway: the admin's 1:1 chat or the bound `admin`
// channel; in any other channel or a group chat it is refused without data.
import type { ConversationScope } from '../conversations/save-reference.ts';
import type { Db } from '../db/client.ts';
import { AppError } from '../errors/catalogue.ts';
import type { Actor } from '../identity/find-actor.ts';
import type { TenderListModel } from '../notices/tender.ts';
import { hasRole, requireActor } from '../people/access.ts';
import { loadTender } from './context.ts';
import { listItem } from './view.ts';

export interface ListTendersOptions {
  db: Db;
  actor: Actor | null;
  now: Date;
  timeZone: string;
  /** Where the command was typed: its scope and stored conversation (ConversationRef.id). */
  conversation: { scope: ConversationScope; conversationRefId: string };
}

async function assertPlace(db: Db, conversation: ListTendersOptions['conversation']): Promise<void> {
  if (conversation.scope === 'personal') return;
  if (conversation.scope === 'channel') {
    const binding = await db.channelBinding.findUnique({ where: { purpose: 'admin' }, select: { conversationRefId: true } });
    if (binding?.conversationRefId === conversation.conversationRefId) return;
  }
  throw new AppError('TENDER_LIST_WRONG_PLACE', { detail: `umfragen in ${conversation.scope} ${conversation.conversationRefId}` });
}

export async function listTenders(options: ListTendersOptions): Promise<TenderListModel> {
  const { db, now, timeZone } = options;
  const actor = requireActor(options.actor);
  if (!hasRole(actor, ['admin'])) throw new AppError('TENDER_ADMIN_ONLY');
  await assertPlace(db, options.conversation);
  const rows = await db.tender.findMany({ where: { status: { in: ['review', 'open'] } }, select: { id: true }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });
  const items = [];
  for (const r of rows) items.push(listItem(await loadTender(db, r.id), { now, timeZone }));
  return { items, empty: items.length === 0 };
}
