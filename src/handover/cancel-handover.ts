// "abbrechen": a manager cancels an approved handover (e.g. the client was reassigned meanwhile, or the client
// wants to stay with the VPA after all). Nothing moves; the open-request marker clears so the client is free
// for a new request; the reason is required and audited; the VPA and the successor are told.
import { recordAudit } from '../audit/record.ts';
import { closeHandover, type CloseHandoverOptions } from './close-handover.ts';
import { loadContext } from './context.ts';
import { keyOf, parseCards, refreshCards, send, transition } from './store.ts';
import type { HandoverChange } from './use-case.ts';
import { reminderModel } from './view/reminder.ts';

export async function cancelHandover(options: CloseHandoverOptions): Promise<HandoverChange> {
  const { now, timeZone } = options;
  return closeHandover(options, 'cancel', async (tx, row, actor, reason) => {
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
