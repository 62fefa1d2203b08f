// Freigeben / Ablehnen (wiki step 3): only a VPA manager or client manager decides. Two managers clicking
// at once, or one clicking twice, give exactly one decision: the write is conditional on the status still
// being `awaiting_approval` at the version read, and the loser is told who decided and when.
// The decision updates every card that shows the request (the channel post for everyone), tells the VPA to
// inform the client (approval) or to keep the client (rejection), and tells the successor. Approval never moves
// the assignment: that happens after the VPA confirmed "Kunde informiert" (wiki step 4, src/handover/completion.ts).
// An approval for a client the VPA no longer serves is refused with the cause, before anything is written.
import { recordAudit } from '../audit/record.ts';
import { AppError } from '../errors/catalogue.ts';
import { checkMove } from '../assignments/move.ts';
import { loadContext, loadRequest } from './context.ts';
import { assertMayDecide } from './permissions.ts';
import { assertActionAllowed, keyOf, parseCards, refreshCards, send, sendTracked, trackCards, transition } from './store.ts';
import type { HandoverChange, RequestActionOptions } from './use-case.ts';
import { TEXT_MAX_LENGTH } from './validation.ts';
import { rejectedModel } from './view/request.ts';
import { requireActor } from '../people/access.ts';

export const REJECTION_REASON_MIN_LENGTH = 5;

export interface DecideOptions extends RequestActionOptions {
  decision: 'approved' | 'rejected';
  /** Required for a rejection. */
  rejectionReason?: string;
}

export async function decide(options: DecideOptions): Promise<HandoverChange> {
  const { db, now, requestId, expectedVersion, decision } = options;
  const timeZone = options.timeZone;
  const actor = requireActor(options.actor);
  const rejectionReason = options.rejectionReason?.trim() ?? '';

  return db.$transaction(async (tx) => {
    const row = await loadRequest(tx, requestId);
    assertMayDecide(actor, row);
    await assertActionAllowed(tx, row, 'decide', expectedVersion, timeZone);
    if (decision === 'rejected' && rejectionReason.length < REJECTION_REASON_MIN_LENGTH) {
      throw new AppError('HANDOVER_INPUT_INVALID', { userMessage: 'Bitte gib einen Grund für die Ablehnung an.', details: { field: 'rejectionReason' } });
    }
    if (rejectionReason.length > TEXT_MAX_LENGTH) {
      throw new AppError('HANDOVER_INPUT_INVALID', { userMessage: `Bitte fasse den Grund kürzer (höchstens ${TEXT_MAX_LENGTH} Zeichen).`, details: { field: 'rejectionReason' } });
    }

    const approved = decision === 'approved';
    if (approved) {
      const check = await checkMove(tx, row.clientId, row.vpaId, now);
      if (!check.ok) throw new AppError('HANDOVER_ASSIGNMENT_CHANGED', { detail: `client ${row.clientId} is now with ${check.currentVpaIds.join(', ') || 'nobody'}` });
    }
    const fresh = await transition(
      tx,
      row,
      'decide',
      approved
        ? { status: 'approved', decision, decidedById: actor.id, decidedAt: now }
        : { status: 'rejected', decision, decidedById: actor.id, decidedAt: now, rejectionReason, openClientId: null },
      timeZone,
    );
    await recordAudit(tx, { at: now, actorId: actor.id, action: approved ? 'handover.approved' : 'handover.rejected', subjectType: 'handover', subjectId: row.id, data: { successorId: row.successorId } });

    const ctx = await loadContext(tx, fresh, now, timeZone);
    await refreshCards(tx, parseCards(fresh.cards), ctx, now);
    if (approved && fresh.successorId) {
      const cards = [
        await sendTracked(tx, keyOf(row.id, 'approved', 'vpa'), { type: 'person', personId: row.vpaId }, 'handoverInformClient', ctx, now),
        await sendTracked(tx, keyOf(row.id, 'approved', 'successor'), { type: 'person', personId: fresh.successorId }, 'handoverSuccessor', ctx, now),
      ];
      await trackCards(tx, fresh, cards);
    } else if (!approved) {
      await send(tx, keyOf(row.id, 'rejected', 'vpa'), { type: 'person', personId: row.vpaId }, { kind: 'handoverRejected', model: rejectedModel(ctx) }, now);
    }
    return { requestId: row.id, status: fresh.status, version: fresh.version };
  });
}
