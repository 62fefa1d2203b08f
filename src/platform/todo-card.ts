// A platform to-do as its cards show it: loading one with its client, sender and who completed it, the view model,
// and where its cards went (only there may "erledigt" be clicked and answered with the card).
import { clientInfo } from '../clients/client-info.ts';
import type { DbOrTx } from '../db/client.ts';
import { AppError } from '../errors/catalogue.ts';
import type { PlatformTodoKind, PlatformTodoModel } from '../notices/platform.ts';
import { CONNY_ROLE } from '../people/roles.ts';
import { formatDateTime } from '../time/format.ts';
import { sentConversationIds } from '../outbox/sent-conversations.ts';
import { parseKeyedCards } from '../notices/tracked-cards.ts';

/** One card sent for a to-do (PlatformTodo.cards): to a person 1:1, or (personId null) to a channel. */
export interface TodoCard {
  key: string;
  personId: string | null;
}

export const TO_DO_KINDS: readonly PlatformTodoKind[] = ['chat', 'email', 'reassign'];

export function parseTodoCards(json: string): TodoCard[] {
  return parseKeyedCards<{ key: string; personId?: unknown }>(json).map((c) => ({ key: c.key, personId: typeof c.personId === 'string' ? c.personId : null }));
}

function kindOf(value: string): PlatformTodoKind {
  const kind = TO_DO_KINDS.find((k) => k === value);
  if (!kind) throw new AppError('INTERNAL', { detail: `platform to-do of unknown kind ${value}` });
  return kind;
}

export interface TodoContext {
  id: string;
  kind: PlatformTodoKind;
  clientId: string;
  status: 'open' | 'done';
  subject: string;
  text: string;
  client: { id: string; number: string; name: string; class: string; workType: string };
  sender: { id: string; name: string; isConny: boolean } | null;
  done: { by: { id: string; name: string }; at: Date } | null;
  cards: TodoCard[];
}

export async function loadTodo(db: DbOrTx, todoId: string): Promise<TodoContext> {
  const t = await db.platformTodo.findUnique({ where: { id: todoId } });
  if (!t) throw new AppError('PLATFORM_TO_DO_NOT_FOUND', { detail: todoId });
  const client = await db.client.findUnique({ where: { id: t.clientId }, select: { id: true, number: true, name: true, class: true, workType: true } });
  if (!client) throw new AppError('CLIENT_NOT_FOUND', { detail: t.clientId });
  const sender = t.senderId
    ? await db.person.findUnique({ where: { id: t.senderId }, select: { id: true, name: true, roles: { select: { role: true } } } })
    : null;
  const doneBy = t.doneById ? await db.person.findUnique({ where: { id: t.doneById }, select: { id: true, name: true } }) : null;
  return {
    id: t.id,
    kind: kindOf(t.kind),
    clientId: t.clientId,
    status: t.status === 'done' ? 'done' : 'open',
    subject: t.subject,
    text: t.text,
    client,
    sender: sender ? { id: sender.id, name: sender.name, isConny: sender.roles.some((r) => r.role === CONNY_ROLE) } : null,
    done: t.status === 'done' && t.doneAt ? { by: doneBy ?? { id: t.doneById ?? '', name: 'unbekannt' }, at: t.doneAt } : null,
    cards: parseTodoCards(t.cards),
  };
}

/** The same for every recipient: the to-do is done for all once one of them clicked "erledigt". */
export function platformTodoModel(ctx: TodoContext, timeZone: string): PlatformTodoModel {
  return {
    todoId: ctx.id,
    kind: ctx.kind,
    client: clientInfo(ctx.client),
    sender: ctx.sender,
    subject: ctx.subject,
    text: ctx.text,
    done: ctx.done ? { by: ctx.done.by, atText: formatDateTime(ctx.done.at, timeZone) } : null,
    actions: { done: ctx.done === null },
  };
}

/** The to-do card as it is now (the answer to a click on it). */
export async function platformTodoFor(db: DbOrTx, todoId: string, timeZone: string): Promise<PlatformTodoModel> {
  return platformTodoModel(await loadTodo(db, todoId), timeZone);
}

/**
 * The conversations the to-do's cards were delivered to (from the outbox's send results). A click on "erledigt"
 * from anywhere else is forwarded or forged: its answer would show client data where the card never was.
 */
export async function todoConversationIds(db: DbOrTx, todoId: string): Promise<string[]> {
  const t = await db.platformTodo.findUnique({ where: { id: todoId }, select: { cards: true } });
  if (!t) throw new AppError('PLATFORM_TO_DO_NOT_FOUND', { detail: todoId });
  const keys = parseTodoCards(t.cards).map((c) => c.key);
  if (keys.length === 0) return [];
  return sentConversationIds(db, { idempotencyKey: { in: keys } });
}
