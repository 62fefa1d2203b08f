// "Umfrage abbrechen" (admin team): the task is handled otherwise (the client was assigned directly, the task was
// withdrawn, nobody applied), so the review or the running tender ends without an award. A reason is required (at
// least 5 characters) and kept on the tender (never in the audit log, which holds ids only); the admin team's cards show who, when and why.
// Every invitation is updated in place ("abgebrochen", no button; the reason is for the admin team only) and each
// applicant gets a short message. Nothing else changes: the client stays assigned as before. Refusals (not an admin,
// outdated card, already awarded or cancelled, no reason) change nothing.
import { recordAudit } from '../audit/record.ts';
import { AppError } from '../errors/catalogue.ts';
import { hasRole, requireActor } from '../people/access.ts';
import { loadTender, loadTenderRow, TENDER_CANCELLED } from './context.ts';
import type { TenderChange, TenderUseCaseOptions } from './start-tender.ts';
import { keyOf, refreshCards, send, stateError, transition } from './store.ts';
import { resultModel } from './view.ts';

export const CANCEL_REASON_MIN_LENGTH = 5;
export const CANCEL_REASON_MAX_LENGTH = 1000;

export interface CancelTenderOptions extends TenderUseCaseOptions {
  tenderId: string;
  /** The `version` the clicked card showed; an outdated card is refused (TENDER_STALE). */
  expectedVersion?: number;
  reason: string;
}

export function validCancelReason(raw: string | undefined): string {
  const reason = raw?.trim() ?? '';
  if (reason.length < CANCEL_REASON_MIN_LENGTH) {
    throw new AppError('TENDER_INPUT_INVALID', { detail: 'cancelReason', userMessage: `Bitte gebt einen Grund an, warum die Umfrage abgebrochen wird (mindestens ${CANCEL_REASON_MIN_LENGTH} Zeichen).` });
  }
  if (reason.length > CANCEL_REASON_MAX_LENGTH) {
    throw new AppError('TENDER_INPUT_INVALID', { detail: 'cancelReason', userMessage: `Bitte fasst den Grund kürzer (höchstens ${CANCEL_REASON_MAX_LENGTH} Zeichen).` });
  }
  return reason;
}

export async function cancelTender(options: CancelTenderOptions): Promise<TenderChange> {
  const { db, now, timeZone, rules, tenderId } = options;
  const actor = requireActor(options.actor);
  if (!hasRole(actor, ['admin'])) throw new AppError('TENDER_ADMIN_ONLY', { detail: 'cancel' });
  const reason = validCancelReason(options.reason);
  return db.$transaction(async (tx) => {
    const row = await loadTenderRow(tx, tenderId);
    if (row.status !== 'review' && row.status !== 'open') throw await stateError(tx, row, 'cancel', timeZone, true);
    if (options.expectedVersion !== undefined && options.expectedVersion !== row.version) throw new AppError('TENDER_STALE', { detail: `card v${options.expectedVersion}, tender v${row.version}` });
    const fresh = await transition(tx, row, ['review', 'open'], 'cancel', { status: 'cancelled', cancelledAt: now, cancelledById: actor.id, cancelReason: reason }, timeZone, true);
    const applications = await tx.tenderApplication.findMany({ where: { tenderId }, select: { vpaId: true } });
    const invited = await tx.tenderInvite.count({ where: { tenderId } });
    await recordAudit(tx, {
      at: now,
      actorId: actor.id,
      action: TENDER_CANCELLED,
      subjectType: 'tender',
      subjectId: tenderId,
      data: { clientId: row.clientId, from: row.status, invited, applicants: applications.length },
    });
    const ctx = await loadTender(tx, tenderId);
    await refreshCards(tx, ctx, { now, timeZone, rules });
    for (const a of applications) {
      await send(tx, keyOf(tenderId, 'result', a.vpaId), { type: 'person', personId: a.vpaId }, { kind: 'tenderResult', model: resultModel(ctx, 'cancelled', timeZone) }, now);
    }
    return { tenderId, status: fresh.status, version: fresh.version, awardedToId: null };
  });
}
