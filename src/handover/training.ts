// Shared by the two training confirmations: record one side and complete the handover once step 4 is done
// (client informed, training given and received), in one transaction with the audit events. The VPA and the
// successor may confirm at the same moment: each side's write is conditional only on its own column, and it is
// the first statement on the row, so on PostgreSQL the second transaction waits for the first and then sees
// both confirmations (and completes); on SQLite transactions run one after the other anyway.
import { recordAudit } from '../audit/record.ts';
import { AppError } from '../errors/catalogue.ts';
import type { IdGenerator } from '../ids.ts';
import type { Actor } from '../identity/find-actor.ts';
import type { Tx } from '../db/client.ts';
import { completeIfReady } from './completion.ts';
import { loadContext, loadRequest } from './context.ts';
import { assertRequester, assertSuccessor } from './permissions.ts';
import { keyOf, parseCards, refreshCards, sendTracked, stateError, trackCards } from './store.ts';
import { allows } from './states.ts';
import type { HandoverChange } from './use-case.ts';

export interface TrainingChange extends HandoverChange {
  /** False when this side had confirmed before (a repeated click changes nothing). */
  changed: boolean;
  completed: boolean;
}

export async function confirmTraining(tx: Tx, actor: Actor, requestId: string, side: 'given' | 'received', now: Date, timeZone: string, newId: IdGenerator): Promise<TrainingChange> {
  const row = await loadRequest(tx, requestId);
  if (side === 'given') assertRequester(actor, row);
  else assertSuccessor(actor, row);
  const column = side === 'given' ? 'trainingGivenAt' : 'trainingReceivedAt';
  if (row[column]) return { requestId: row.id, status: row.status, version: row.version, changed: false, completed: row.status === 'completed' };
  if (!allows(row.status, 'confirmTraining')) throw await stateError(tx, row, 'confirmTraining', timeZone);
  if (!row.clientInformedAt) throw new AppError('HANDOVER_WRONG_STATE', { userMessage: 'Bitte bestätige zuerst „Kunde informiert“ – die Einarbeitung folgt danach.', detail: 'client not informed yet' });
  if (row.trainingWanted === false) throw new AppError('HANDOVER_WRONG_STATE', { userMessage: 'Der Kunde wünscht keine Einarbeitung; dafür ist nichts zu bestätigen.', detail: 'training not wanted' });

  const { count } = await tx.handoverRequest.updateMany({ where: { id: row.id, status: 'approved', [column]: null }, data: { [column]: now, version: { increment: 1 } } });
  if (count === 0) {
    const again = await loadRequest(tx, requestId);
    if (again[column]) return { requestId: again.id, status: again.status, version: again.version, changed: false, completed: again.status === 'completed' };
    throw await stateError(tx, again, 'confirmTraining', timeZone);
  }
  await recordAudit(tx, { at: now, actorId: actor.id, action: side === 'given' ? 'handover.training_given' : 'handover.training_received', subjectType: 'handover', subjectId: row.id });
  const fresh = await completeIfReady(tx, await loadRequest(tx, requestId), actor.id, now, timeZone, newId);
  const ctx = await loadContext(tx, fresh, now, timeZone);
  await refreshCards(tx, parseCards(fresh.cards), ctx, now);
  if (fresh.status !== 'completed' && side === 'given' && fresh.successorId && !fresh.trainingReceivedAt) {
    // The successor is asked to confirm receipt now that the VPA says the training took place.
    const card = await sendTracked(tx, keyOf(row.id, 'training', 'given', 'successor'), { type: 'person', personId: fresh.successorId }, 'handoverTrainingReminder', ctx, now, 'received');
    await trackCards(tx, fresh, [card]);
  }
  return { requestId: row.id, status: fresh.status, version: fresh.version, changed: true, completed: fresh.status === 'completed' };
}
