// Shared write steps of the tender use cases: the guarded status change (optimistic concurrency on `version` plus the
// allowed source states, so two clicks at once give one winner), the coded errors a loser or a stale card gets, and
// the cards that show a tender and are updated in place. Keys: `tender:<id>:<part>…`; updates `<card key>:v<version>`.
import type { DbOrTx } from '../db/client.ts';
import type { Prisma } from '../db/generated/sqlite/client.ts';
import { AppError } from '../errors/catalogue.ts';
import type { Notice, Recipient } from '../notices/types.ts';
import { enqueue } from '../outbox/enqueue.ts';
import { formatAt } from '../time/format.ts';
import { cancellationEvent, loadTenderRow, parseCards, tenderStatus, type TenderContext, type TenderRow, type TrackedTenderCard } from './context.ts';
import { deadlineModel, inviteModel, reviewModel, type ViewOptions } from './view.ts';
import type { TenderStatus } from '../notices/tender.ts';

export type TenderAction = 'start' | 'apply' | 'award' | 'cancel' | 'extend';

/** Key prefix of everything a tender sends. */
export function keyOf(tenderId: string, ...parts: string[]): string {
  return ['tender', tenderId, ...parts].join(':');
}

/**
 * The error for an action the tender's status does not allow. `forAdmin`: admins are told who awarded; a VPA only
 * that the task is awarded (not to whom).
 */
export async function stateError(db: DbOrTx, row: TenderRow, action: TenderAction, timeZone: string, forAdmin: boolean): Promise<AppError> {
  const status = tenderStatus(row.status);
  if (status === 'awarded') {
    if (!forAdmin || !row.awardedAt) return new AppError('TENDER_ALREADY_AWARDED', { detail: `${action} on awarded tender ${row.id}` });
    const ids = [row.awardedToId, row.awardedById].filter((id): id is string => !!id);
    const names = new Map((await db.person.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } })).map((p) => [p.id, p.name]));
    const winner = (row.awardedToId && names.get(row.awardedToId)) || 'eine andere Person';
    const by = row.awardedById ? `von ${names.get(row.awardedById) ?? 'einer anderen Person'}` : 'automatisch: der letzte VPA hat sich beworben';
    return new AppError('TENDER_ALREADY_AWARDED', {
      detail: `${action} on awarded tender ${row.id}`,
      userMessage: `Die Aufgabe wurde bereits ${formatAt(row.awardedAt, timeZone)} an ${winner} vergeben (${by}).`,
    });
  }
  if (action === 'start' && status === 'open' && row.startedAt) {
    const by = row.startedById ? await db.person.findUnique({ where: { id: row.startedById }, select: { name: true } }) : null;
    return new AppError('TENDER_WRONG_STATE', {
      detail: `start on open tender ${row.id}`,
      userMessage: `Die Umfrage wurde bereits von ${by?.name ?? 'einer anderen Person'} ${formatAt(row.startedAt, timeZone)} gestartet.`,
    });
  }
  if (status === 'review') return new AppError('TENDER_WRONG_STATE', { detail: `${action} on tender ${row.id} in review`, userMessage: 'Die Umfrage ist noch nicht gestartet.' });
  if (status === 'cancelled') {
    const c = forAdmin ? await cancellationEvent(db, row.id) : null;
    const by = c?.actorId ? await db.person.findUnique({ where: { id: c.actorId }, select: { name: true } }) : null;
    return new AppError('TENDER_ALREADY_CANCELLED', {
      detail: `${action} on cancelled tender ${row.id}`,
      ...(c ? { userMessage: `Diese Umfrage wurde bereits ${formatAt(c.at, timeZone)} von ${by?.name ?? 'einer anderen Person'} abgebrochen.` } : {}),
    });
  }
  return new AppError('TENDER_WRONG_STATE', { detail: `${action} not allowed in status ${row.status}` });
}

/**
 * Applies `data` only if the row is still at the version read and in one of `from`; bumps the version. Whoever
 * loses a race gets the coded error for the state the winner left behind.
 */
export async function transition(
  db: DbOrTx,
  row: TenderRow,
  from: readonly TenderStatus[],
  action: TenderAction,
  data: Prisma.TenderUncheckedUpdateManyInput,
  timeZone: string,
  forAdmin: boolean,
): Promise<TenderRow> {
  const { count } = await db.tender.updateMany({ where: { id: row.id, version: row.version, status: { in: [...from] } }, data: { ...data, version: { increment: 1 } } });
  const fresh = await loadTenderRow(db, row.id);
  if (count === 0) {
    if (!from.includes(tenderStatus(fresh.status))) throw await stateError(db, fresh, action, timeZone, forAdmin);
    throw new AppError('TENDER_STALE', { detail: `tender ${row.id} changed concurrently` });
  }
  return fresh;
}

/** The current notice of one tracked card. */
export function trackedNotice(ctx: TenderContext, card: TrackedTenderCard, o: ViewOptions): Notice {
  if (card.kind === 'tenderInvite') return { kind: 'tenderInvite', model: inviteModel(ctx, card.personId ?? '', o) };
  if (card.kind === 'tenderDeadline') return { kind: 'tenderDeadline', model: deadlineModel(ctx, o) };
  return { kind: 'tenderReview', model: reviewModel(ctx, o) };
}

/** Updates the tracked cards (all, or those `which` selects) to the tender's current version. */
export async function refreshCards(db: DbOrTx, ctx: TenderContext, o: ViewOptions, which: (card: TrackedTenderCard) => boolean = () => true): Promise<void> {
  for (const card of ctx.cards.filter(which)) {
    await enqueue(db, { idempotencyKey: `${card.key}:v${ctx.tender.version}`, message: { mode: 'update', updatesKey: card.key, notice: trackedNotice(ctx, card, o) }, now: o.now });
  }
}

export async function send(db: DbOrTx, key: string, recipient: Recipient, notice: Notice, now: Date): Promise<void> {
  await enqueue(db, { idempotencyKey: key, message: { mode: 'send', recipient, notice }, now });
}

/** Appends newly sent cards to the tender's tracking list (no version change). */
export async function trackCards(db: DbOrTx, tenderId: string, added: readonly TrackedTenderCard[]): Promise<void> {
  if (added.length === 0) return;
  const row = await loadTenderRow(db, tenderId);
  const existing = parseCards(row.cards);
  const known = new Set(existing.map((c) => c.key));
  await db.tender.update({ where: { id: tenderId }, data: { cards: JSON.stringify([...existing, ...added.filter((c) => !known.has(c.key))]) } });
}
