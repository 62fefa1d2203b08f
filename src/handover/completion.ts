// The handover completes when the wiki's step 4 is done: the client is informed and, if the client wants a
// training, the VPA gave it and the successor received it. Completing moves the assignment (only the requesting
// VPA's rows; a shared client keeps its other VPA). When the move is impossible — the client was reassigned
// meanwhile — the request stays `approved`, the cause is recorded, and the managers are told, so a manager can
// "abschließen" or "abbrechen" instead of the request blocking the client forever.
import { checkMove, moveAssignment, type MovedAssignment } from '../assignments/move.ts';
import { recordAudit } from '../audit/record.ts';
import type { Tx } from '../db/client.ts';
import type { IdGenerator } from '../ids.ts';
import { managerAudience } from '../notices/audience.ts';
import { loadContext, type HandoverRow } from './context.ts';
import { keyOf, send } from './store.ts';
import { completedModel } from './view/after-approval.ts';
import { reminderModel } from './view/reminder.ts';

export function readyToComplete(row: HandoverRow): boolean {
  if (row.status !== 'approved' || !row.successorId || !row.clientInformedAt) return false;
  return row.trainingWanted === false || (!!row.trainingGivenAt && !!row.trainingReceivedAt);
}

/** Tells the VPA and the successor that the handover is done. */
export async function announceCompletion(tx: Tx, row: HandoverRow, now: Date, timeZone: string): Promise<void> {
  if (!row.successorId) return;
  const ctx = await loadContext(tx, row, now, timeZone);
  await send(tx, keyOf(row.id, 'completed', 'vpa'), { type: 'person', personId: row.vpaId }, { kind: 'handoverCompleted', model: completedModel(ctx, 'vpa') }, now);
  await send(tx, keyOf(row.id, 'completed', 'successor'), { type: 'person', personId: row.successorId }, { kind: 'handoverCompleted', model: completedModel(ctx, 'successor') }, now);
}

/** Moves the assignment and closes the request (the caller checked the state and, unless forced, the move). */
export async function finishHandover(tx: Tx, row: HandoverRow, now: Date, newId: IdGenerator, extra: { closedById?: string; closeReason?: string } = {}): Promise<{ fresh: HandoverRow; moved: MovedAssignment }> {
  const moved = await moveAssignment(tx, { clientId: row.clientId, fromVpaId: row.vpaId, toVpaId: row.successorId ?? row.vpaId }, now, newId);
  const fresh = await tx.handoverRequest.update({
    where: { id: row.id },
    data: { status: 'completed', completedAt: now, openClientId: null, completionError: null, ...extra, version: { increment: 1 } },
  });
  return { fresh, moved };
}

/**
 * Completes the request if step 4 is done. Returns the row as it is afterwards. The caller holds the row lock
 * (it updated the row first in this transaction), so two confirmations at once cannot both miss completion.
 */
export async function completeIfReady(tx: Tx, row: HandoverRow, actorId: string | null, now: Date, timeZone: string, newId: IdGenerator): Promise<HandoverRow> {
  if (!readyToComplete(row)) return row;
  const check = await checkMove(tx, row.clientId, row.vpaId, now);
  if (!check.ok) return recordCompletionFailure(tx, row, actorId, now, timeZone, check.currentVpaIds);
  const { fresh, moved } = await finishHandover(tx, row, now, newId);
  await recordAudit(tx, { at: now, actorId, action: 'handover.completed', subjectType: 'handover', subjectId: row.id, data: { ...moved, trainingWanted: row.trainingWanted } });
  await announceCompletion(tx, fresh, now, timeZone);
  return fresh;
}

async function recordCompletionFailure(tx: Tx, row: HandoverRow, actorId: string | null, now: Date, timeZone: string, currentVpaIds: string[]): Promise<HandoverRow> {
  const names = currentVpaIds.length
    ? (await tx.person.findMany({ where: { id: { in: currentVpaIds } }, select: { name: true }, orderBy: { name: 'asc' } })).map((p) => p.name).join(', ')
    : null;
  const cause = names
    ? `Der Kunde ist inzwischen ${names} zugeordnet, nicht mehr dem abgebenden VPA.`
    : 'Der Kunde ist inzwischen keinem VPA mehr zugeordnet.';
  const fresh = await tx.handoverRequest.update({ where: { id: row.id }, data: { completionError: cause, completionFailedAt: now, version: { increment: 1 } } });
  await recordAudit(tx, { at: now, actorId, action: 'handover.completion_failed', subjectType: 'handover', subjectId: row.id, data: { cause: 'reassigned', currentVpaIds } });
  const ctx = await loadContext(tx, fresh, now, timeZone);
  const exclude = [row.vpaId, ...(row.successorId ? [row.successorId] : [])];
  for (const a of await managerAudience(tx, exclude)) {
    await send(tx, keyOf(row.id, 'completion-failed', `v${fresh.version}`, a.suffix), a.recipient, { kind: 'handoverReminder', model: reminderModel(ctx, 'completionFailed', now, 0) }, now);
  }
  return fresh;
}
