// Shared by the two training confirmations: record one side, and complete the handover (move the
// assignment) once both sides confirmed — in one transaction with the audit events.
import { recordAudit } from '../audit/record.ts';
import { AppError } from '../errors/catalogue.ts';
import type { IdGenerator } from '../ids.ts';
import type { Actor } from '../identity/find-actor.ts';
import type { Tx } from '../db/client.ts';
import { completedData, moveAssignment } from './assignment.ts';
import { loadContext, loadRequest } from './context.ts';
import { assertRequester, assertSuccessor } from './permissions.ts';
import { assertActionAllowed, keyOf, parseCards, refreshCards, send, sendTracked, trackCards, transition } from './store.ts';
import type { HandoverChange } from './use-case.ts';
import { completedModel } from './view.ts';

export interface TrainingChange extends HandoverChange {
  /** False when this side had confirmed before (a repeated click changes nothing). */
  changed: boolean;
  completed: boolean;
}

export async function confirmTraining(tx: Tx, actor: Actor, requestId: string, side: 'given' | 'received', now: Date, timeZone: string, newId: IdGenerator): Promise<TrainingChange> {
  const row = await loadRequest(tx, requestId);
  if (side === 'given') assertRequester(actor, row);
  else assertSuccessor(actor, row);
  const already = side === 'given' ? row.trainingGivenAt : row.trainingReceivedAt;
  if (already) return { requestId: row.id, status: row.status, version: row.version, changed: false, completed: row.status === 'completed' };
  await assertActionAllowed(tx, row, 'confirmTraining', undefined, timeZone);
  if (!row.clientWantsTraining) throw new AppError('HANDOVER_WRONG_STATE', { userMessage: 'Für diesen Wechsel ist keine Einarbeitung vorgesehen.', detail: 'training not wanted' });

  const both = side === 'given' ? !!row.trainingReceivedAt : !!row.trainingGivenAt;
  const fresh = await transition(
    tx,
    row,
    'confirmTraining',
    { ...(side === 'given' ? { trainingGivenAt: now } : { trainingReceivedAt: now }), ...(both ? completedData(now) : {}) },
    timeZone,
  );
  await recordAudit(tx, { at: now, actorId: actor.id, action: side === 'given' ? 'handover.training_given' : 'handover.training_received', subjectType: 'handover', subjectId: row.id });
  if (both) {
    const moved = await moveAssignment(tx, fresh, now, newId);
    await recordAudit(tx, { at: now, actorId: actor.id, action: 'handover.completed', subjectType: 'handover', subjectId: row.id, data: { ...moved, trainingWanted: true } });
  }
  const ctx = await loadContext(tx, fresh, now, timeZone);
  await refreshCards(tx, parseCards(fresh.cards), ctx, now);
  if (both && fresh.successorId) {
    await send(tx, keyOf(row.id, 'completed', 'vpa'), { type: 'person', personId: row.vpaId }, { kind: 'handoverCompleted', model: completedModel(ctx, 'vpa') }, now);
    await send(tx, keyOf(row.id, 'completed', 'successor'), { type: 'person', personId: fresh.successorId }, { kind: 'handoverCompleted', model: completedModel(ctx, 'successor') }, now);
  } else if (side === 'given' && fresh.successorId) {
    // The successor is asked to confirm receipt now that the VPA says the training took place.
    const card = await sendTracked(tx, keyOf(row.id, 'training', 'given', 'successor'), { type: 'person', personId: fresh.successorId }, 'handoverTrainingReminder', ctx, now, 'received');
    await trackCards(tx, fresh, [card]);
  }
  return { requestId: row.id, status: fresh.status, version: fresh.version, changed: true, completed: both };
}
