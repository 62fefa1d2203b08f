// "Kunde informiert" (wiki step 4): after approval the VPA tells the client about the change and records
// whether the client wants a training by the VPA (the form's answer was only a default, given before the client
// knew anything). Without a training the handover completes now; with one it completes when the training is
// given and received. Repeated clicks change nothing.
import { recordAudit } from '../audit/record.ts';
import { randomId } from '../ids.ts';
import { requireActor } from '../people/access.ts';
import { completeIfReady } from './completion.ts';
import { loadContext, loadRequest } from './context.ts';
import { assertRequester } from './permissions.ts';
import { keyOf, parseCards, refreshCards, sendTracked, stateError, trackCards } from './store.ts';
import { allows } from './states.ts';
import type { HandoverChange, RequestActionOptions, WithIds } from './use-case.ts';

export interface ConfirmClientInformedOptions extends RequestActionOptions, WithIds {
  /** Whether the client wants a full training of the successor by the VPA. */
  trainingWanted: boolean;
}

export async function confirmClientInformed(options: ConfirmClientInformedOptions): Promise<HandoverChange & { changed: boolean }> {
  const { db, now, requestId, timeZone, trainingWanted } = options;
  const actor = requireActor(options.actor);
  return db.$transaction(async (tx) => {
    const row = await loadRequest(tx, requestId);
    assertRequester(actor, row);
    if (row.clientInformedAt) return { requestId: row.id, status: row.status, version: row.version, changed: false };
    if (!allows(row.status, 'confirmClientInformed')) throw await stateError(tx, row, 'confirmClientInformed', timeZone);
    const { count } = await tx.handoverRequest.updateMany({
      where: { id: row.id, status: 'approved', clientInformedAt: null },
      data: { clientInformedAt: now, trainingWanted, version: { increment: 1 } },
    });
    if (count === 0) {
      const again = await loadRequest(tx, requestId);
      if (again.clientInformedAt) return { requestId: again.id, status: again.status, version: again.version, changed: false };
      throw await stateError(tx, again, 'confirmClientInformed', timeZone);
    }
    await recordAudit(tx, { at: now, actorId: actor.id, action: 'handover.client_informed', subjectType: 'handover', subjectId: row.id, data: { trainingWanted, formDefault: row.clientWantsTraining } });
    const fresh = await completeIfReady(tx, await loadRequest(tx, requestId), actor.id, now, timeZone, options.newId ?? randomId);
    const ctx = await loadContext(tx, fresh, now, timeZone);
    await refreshCards(tx, parseCards(fresh.cards), ctx, now);
    if (fresh.status !== 'completed' && trainingWanted && fresh.successorId) {
      // The successor learns that a training by the VPA follows.
      const card = await sendTracked(tx, keyOf(row.id, 'informed', 'successor'), { type: 'person', personId: fresh.successorId }, 'handoverTrainingReminder', ctx, now, 'received');
      await trackCards(tx, fresh, [card]);
    }
    return { requestId: row.id, status: fresh.status, version: fresh.version, changed: true };
  });
}
