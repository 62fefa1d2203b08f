// "abschließen": a manager completes an approved handover without waiting for the remaining confirmations —
// the escape hatch when the tracking stalls (the successor left) or the assignment could not move (the client
// was reassigned meanwhile). The requesting VPA's current assignment ends (if they still have one) and the
// successor's begins; the reason is required and audited; every card shows the outcome.
import { recordAudit } from '../audit/record.ts';
import { randomId } from '../ids.ts';
import { requireActor } from '../people/access.ts';
import { validCloseReason } from './close-reason.ts';
import { announceCompletion, finishHandover } from './completion.ts';
import { loadContext, loadRequest } from './context.ts';
import { assertMayClose } from './permissions.ts';
import { assertActionAllowed, parseCards, refreshCards } from './store.ts';
import type { HandoverChange, RequestActionOptions, WithIds } from './use-case.ts';

export interface CloseHandoverOptions extends RequestActionOptions, WithIds {
  reason: string;
}

export async function completeHandover(options: CloseHandoverOptions): Promise<HandoverChange> {
  const { db, now, requestId, expectedVersion, timeZone } = options;
  const actor = requireActor(options.actor);
  const reason = validCloseReason(options.reason);
  return db.$transaction(async (tx) => {
    const row = await loadRequest(tx, requestId);
    assertMayClose(actor, row);
    await assertActionAllowed(tx, row, 'complete', expectedVersion, timeZone);
    // Lock the row first (see training.ts), then move.
    const { count } = await tx.handoverRequest.updateMany({ where: { id: row.id, version: row.version, status: 'approved' }, data: { version: { increment: 1 } } });
    if (count === 0) await assertActionAllowed(tx, await loadRequest(tx, requestId), 'complete', row.version, timeZone);
    const { fresh, moved } = await finishHandover(tx, await loadRequest(tx, requestId), now, options.newId ?? randomId, { closedById: actor.id, closeReason: reason });
    await recordAudit(tx, { at: now, actorId: actor.id, action: 'handover.completed', subjectType: 'handover', subjectId: row.id, data: { ...moved, manual: true, previousError: row.completionError } });
    const ctx = await loadContext(tx, fresh, now, timeZone);
    await refreshCards(tx, parseCards(fresh.cards), ctx, now);
    await announceCompletion(tx, fresh, now, timeZone);
    return { requestId: row.id, status: fresh.status, version: fresh.version };
  });
}
