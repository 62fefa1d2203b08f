// "abschließen": a manager completes an approved handover without waiting for the remaining confirmations —
// the escape hatch when the tracking stalls (the successor left) or the assignment could not move (the client
// was reassigned meanwhile). The requesting VPA's current assignment ends (if they still have one) and the
// successor's begins; the reason is required and audited; every card shows the outcome.
import { recordAudit } from '../audit/record.ts';
import { randomId } from '../ids.ts';
import { closeHandover, type CloseHandoverOptions } from './close-handover.ts';
import { announceCompletion, finishHandover } from './completion.ts';
import { loadContext, loadRequest } from './context.ts';
import { assertActionAllowed, parseCards, refreshCards } from './store.ts';
import type { HandoverChange } from './use-case.ts';

export type { CloseHandoverOptions } from './close-handover.ts';

export async function completeHandover(options: CloseHandoverOptions): Promise<HandoverChange> {
  const { now, requestId, timeZone } = options;
  return closeHandover(options, 'complete', async (tx, row, actor, reason) => {
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
