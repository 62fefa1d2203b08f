// "abbrechen": a manager cancels an approved handover (e.g. the client was reassigned meanwhile, or the client
// wants to stay with the VPA after all). Nothing moves; the open-request marker clears so the client is free
// for a new request; the reason is required and audited; the VPA and the successor are told.
import { recordAudit } from '../audit/record.ts';
import { requireActor } from '../people/access.ts';
import { validCloseReason } from './close-reason.ts';
import type { CloseHandoverOptions } from './complete-handover.ts';
import { loadContext, loadRequest } from './context.ts';
import { assertMayClose } from './permissions.ts';
import { assertActionAllowed, keyOf, parseCards, refreshCards, send, transition } from './store.ts';
import type { HandoverChange } from './use-case.ts';
import { reminderModel } from './view/reminder.ts';

export async function cancelHandover(options: CloseHandoverOptions): Promise<HandoverChange> {
  const { db, now, requestId, expectedVersion, timeZone } = options;
  const actor = requireActor(options.actor);
  const reason = validCloseReason(options.reason);
  return db.$transaction(async (tx) => {
    const row = await loadRequest(tx, requestId);
    assertMayClose(actor, row);
    await assertActionAllowed(tx, row, 'cancel', expectedVersion, timeZone);
    const fresh = await transition(tx, row, 'cancel', { status: 'cancelled', cancelledAt: now, closedById: actor.id, closeReason: reason, openClientId: null }, timeZone);
    await recordAudit(tx, { at: now, actorId: actor.id, action: 'handover.cancelled', subjectType: 'handover', subjectId: row.id, data: { previousError: row.completionError } });
    const ctx = await loadContext(tx, fresh, now, timeZone);
    await refreshCards(tx, parseCards(fresh.cards), ctx, now);
    const notice = { kind: 'handoverReminder', model: reminderModel(ctx, 'cancelled', now, 0) } as const;
    await send(tx, keyOf(row.id, 'cancelled', 'vpa'), { type: 'person', personId: row.vpaId }, notice, now);
    if (fresh.successorId) await send(tx, keyOf(row.id, 'cancelled', 'successor'), { type: 'person', personId: fresh.successorId }, notice, now);
    return { requestId: row.id, status: fresh.status, version: fresh.version };
  });
}
