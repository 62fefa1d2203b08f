// Shared write steps of the handover use cases: guarded state transitions (optimistic concurrency on
// `version` plus the allowed source states, so two simultaneous clicks give exactly one winner), the
// coded errors a loser or a stale card gets, and the cards that show a request and are updated in place.
import type { DbOrTx } from '../db/client.ts';
import type { Prisma } from '../db/generated/sqlite/client.ts';
import { AppError } from '../errors/catalogue.ts';
import type { TrackedHandoverKind } from '../notices/handover.ts';
import type { Notice, Recipient } from '../notices/types.ts';
import { enqueue } from '../outbox/enqueue.ts';
import type { HandoverContext, HandoverRow } from './context.ts';
import { cardContext, loadRequest } from './context.ts';
import { formatAt } from '../time/format.ts';
import { ALLOWED_FROM, allows, type HandoverAction } from './states.ts';
import { statusLabel } from './view/shared.ts';
import { trackedNotice } from './view/tracked.ts';
import { parseKeyedCards } from '../notices/tracked-cards.ts';

export interface TrackedCard {
  /** Outbox idempotency key of the original send (`updatesKey` of its updates). */
  key: string;
  kind: TrackedHandoverKind;
  step?: 'given' | 'received';
}

export function parseCards(json: string): TrackedCard[] {
  return parseKeyedCards<TrackedCard>(json);
}

/** The error for an action the request's current state does not allow: who decided, withdrawn, or generic. */
export async function stateError(db: DbOrTx, row: HandoverRow, action: HandoverAction, timeZone: string): Promise<AppError> {
  if (action === 'decide' && row.decision && row.decidedAt) {
    const decider = row.decidedById ? await db.person.findUnique({ where: { id: row.decidedById }, select: { name: true } }) : null;
    const verb = row.decision === 'approved' ? 'freigegeben' : 'abgelehnt';
    return new AppError('HANDOVER_ALREADY_DECIDED', {
      userMessage: `Diese Anfrage wurde bereits von ${decider?.name ?? 'einer anderen Person'} ${formatAt(row.decidedAt, timeZone)} ${verb}.`,
      details: { decision: row.decision, decidedById: row.decidedById, decidedAt: row.decidedAt.toISOString() },
    });
  }
  if (row.status === 'withdrawn') return new AppError('HANDOVER_WITHDRAWN');
  return new AppError('HANDOVER_WRONG_STATE', {
    userMessage: `Diese Anfrage steht inzwischen auf „${statusLabel(row.status)}“; das geht jetzt nicht mehr.`,
    detail: `${action} not allowed in status ${row.status}`,
  });
}

/** Refuses early (before any write) when the state does not allow the action or the card is stale. */
export async function assertActionAllowed(db: DbOrTx, row: HandoverRow, action: HandoverAction, expectedVersion: number | undefined, timeZone: string): Promise<void> {
  if (!allows(row.status, action)) throw await stateError(db, row, action, timeZone);
  if (expectedVersion !== undefined && expectedVersion !== row.version) throw new AppError('HANDOVER_STALE', { detail: `card v${expectedVersion}, request v${row.version}` });
}

/**
 * Applies `data` only if the row is still at the version we read and in a state that allows `action`.
 * Whoever loses a race gets the coded error for the state the winner left behind.
 */
export async function transition(db: DbOrTx, row: HandoverRow, action: HandoverAction, data: Prisma.HandoverRequestUncheckedUpdateManyInput, timeZone: string): Promise<HandoverRow> {
  const { count } = await db.handoverRequest.updateMany({
    where: { id: row.id, version: row.version, status: { in: [...ALLOWED_FROM[action]] } },
    data: { ...data, version: { increment: 1 } },
  });
  const fresh = await loadRequest(db, row.id);
  if (count === 0) {
    if (!allows(fresh.status, action)) throw await stateError(db, fresh, action, timeZone);
    throw new AppError('HANDOVER_STALE', { detail: `request ${row.id} changed concurrently` });
  }
  return fresh;
}

/** Enqueues an update of every tracked card with its current model. Keys are unique per request version. */
export async function refreshCards(db: DbOrTx, cards: readonly TrackedCard[], ctx: HandoverContext, now: Date): Promise<void> {
  for (const card of cards) {
    await enqueue(db, {
      idempotencyKey: `${card.key}:v${ctx.request.version}`,
      message: { mode: 'update', updatesKey: card.key, notice: trackedNotice(card.kind, await cardContext(db, ctx, card.kind), card.step) },
      now,
    });
  }
}

/** Sends a notice once per key. */
export async function send(db: DbOrTx, key: string, recipient: Recipient, notice: Notice, now: Date): Promise<void> {
  await enqueue(db, { idempotencyKey: key, message: { mode: 'send', recipient, notice }, now });
}

/** Sends a card that shows the request and returns its tracking entry. */
export async function sendTracked(db: DbOrTx, key: string, recipient: Recipient, kind: TrackedHandoverKind, ctx: HandoverContext, now: Date, step?: 'given' | 'received'): Promise<TrackedCard> {
  await send(db, key, recipient, trackedNotice(kind, await cardContext(db, ctx, kind), step), now);
  return step ? { key, kind, step } : { key, kind };
}

/** Appends newly sent cards to the request's tracking list (no version change). */
export async function trackCards(db: DbOrTx, row: HandoverRow, added: readonly TrackedCard[]): Promise<void> {
  if (added.length === 0) return;
  const existing = parseCards(row.cards);
  const known = new Set(existing.map((c) => c.key));
  const merged = [...existing, ...added.filter((c) => !known.has(c.key))];
  await db.handoverRequest.update({ where: { id: row.id }, data: { cards: JSON.stringify(merged) } });
}

/** Key prefix of everything a request sends. */
export function keyOf(requestId: string, ...parts: (string | number)[]): string {
  return ['handover', requestId, ...parts].join(':');
}
