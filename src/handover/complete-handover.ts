// Completes an approved handover without waiting for the training confirmations — the managers' escape hatch
// when the tracking stalls (e.g. the successor left). Closes the current assignment, starts the successor's,
// clears the open-request marker and writes the audit event, in one transaction.
import { recordAudit } from '../audit/record.ts';
import { randomId } from '../ids.ts';
import { completedData, moveAssignment } from './assignment.ts';
import { loadContext, loadRequest } from './context.ts';
import { DEFAULT_TIME_ZONE } from './format.ts';
import { assertMayComplete, requireActor } from './permissions.ts';
import { assertActionAllowed, keyOf, parseCards, refreshCards, send, transition } from './store.ts';
import type { HandoverChange, RequestActionOptions, WithIds } from './use-case.ts';
import { completedModel } from './view.ts';

export async function completeHandover(options: RequestActionOptions & WithIds): Promise<HandoverChange> {
  const { db, now, requestId, expectedVersion } = options;
  const timeZone = options.timeZone ?? DEFAULT_TIME_ZONE;
  const actor = requireActor(options.actor);
  return db.$transaction(async (tx) => {
    const row = await loadRequest(tx, requestId);
    assertMayComplete(actor);
    await assertActionAllowed(tx, row, 'complete', expectedVersion, timeZone);
    const fresh = await transition(tx, row, 'complete', completedData(now), timeZone);
    const moved = await moveAssignment(tx, fresh, now, options.newId ?? randomId);
    await recordAudit(tx, { at: now, actorId: actor.id, action: 'handover.completed', subjectType: 'handover', subjectId: row.id, data: { ...moved, manual: true } });
    const ctx = await loadContext(tx, fresh, now, timeZone);
    await refreshCards(tx, parseCards(fresh.cards), ctx, now);
    if (fresh.successorId) {
      await send(tx, keyOf(row.id, 'completed', 'vpa'), { type: 'person', personId: row.vpaId }, { kind: 'handoverCompleted', model: completedModel(ctx, 'vpa') }, now);
      await send(tx, keyOf(row.id, 'completed', 'successor'), { type: 'person', personId: fresh.successorId }, { kind: 'handoverCompleted', model: completedModel(ctx, 'successor') }, now);
    }
    return { requestId: row.id, status: fresh.status, version: fresh.version };
  });
}
