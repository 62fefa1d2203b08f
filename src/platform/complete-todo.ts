// "erledigt" on a platform to-do: the message was sent by hand (or the reassignment entered). Only someone the to-do
// went to may close it: a person it was sent to 1:1 (for a message in a VPA's name: that VPA), or, when it went to a
// channel, anyone with the role shift, admin or conny. The first click closes it for everyone — every copy of the
// card is updated to "Erledigt von X am …" without the button; a later click changes nothing and is answered with
// that card, so it says who did it. Concurrent clicks: the status changes from open exactly once.
import { recordAudit } from '../audit/record.ts';
import { AppError } from '../errors/catalogue.ts';
import type { Actor } from '../identity/find-actor.ts';
import type { PlatformTodoModel } from '../notices/platform.ts';
import { enqueue } from '../outbox/enqueue.ts';
import { hasRole, requireActor } from '../people/access.ts';
import type { Role } from '../people/roles.ts';
import type { UseCaseOptions } from '../use-case/options.ts';
import { loadTodo, platformTodoModel, type TodoContext } from './todo-card.ts';

/** Who may close a to-do that went to a channel (`schicht` or `admin`). */
export const CHANNEL_TO_DO_ROLES: readonly Role[] = ['shift', 'admin', 'conny'];

export interface CompleteTodoOptions extends UseCaseOptions {
  todoId: string;
}

export interface CompleteTodoResult {
  todoId: string;
  /** False when the to-do was done before (by this person or another). */
  changed: boolean;
  /** Who closed it and when (also when that was earlier). */
  doneBy: { id: string; name: string };
  doneAt: Date;
  /** The card as it is now, for the answer to the click. */
  model: PlatformTodoModel;
}

export function mayComplete(todo: Pick<TodoContext, 'cards'>, actor: Pick<Actor, 'id' | 'roles'>): boolean {
  if (todo.cards.some((c) => c.personId === actor.id)) return true;
  return todo.cards.some((c) => c.personId === null) && hasRole(actor, CHANNEL_TO_DO_ROLES);
}

export async function completeTodo(options: CompleteTodoOptions): Promise<CompleteTodoResult> {
  const { db, now, timeZone, todoId } = options;
  const actor = requireActor(options.actor);
  return db.$transaction(async (tx) => {
    const before = await loadTodo(tx, todoId);
    if (!mayComplete(before, actor)) throw new AppError('PLATFORM_TO_DO_NOT_YOURS', { detail: todoId });
    // Compare-and-set on the status: of two clicks at once exactly one closes the to-do.
    const { count } = await tx.platformTodo.updateMany({ where: { id: todoId, status: 'open' }, data: { status: 'done', doneById: actor.id, doneAt: now } });
    const todo = await loadTodo(tx, todoId);
    if (!todo.done) throw new AppError('INTERNAL', { detail: `platform to-do ${todoId} not done after completing it` });
    const model = platformTodoModel(todo, timeZone);
    if (count === 0) return { todoId, changed: false, doneBy: todo.done.by, doneAt: todo.done.at, model };
    await recordAudit(tx, { at: now, actorId: actor.id, action: 'platform.todo_done', subjectType: 'platform_todo', subjectId: todoId, data: { kind: todo.kind, clientId: todo.clientId } });
    for (const card of todo.cards) {
      await enqueue(tx, { idempotencyKey: `${card.key}:done`, message: { mode: 'update', updatesKey: card.key, notice: { kind: 'platformTodo', model } }, now });
    }
    return { todoId, changed: true, doneBy: todo.done.by, doneAt: todo.done.at, model };
  });
}
