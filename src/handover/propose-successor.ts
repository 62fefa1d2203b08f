// Wechsel vorschlagen (wiki step 3): the reviewer describes the case briefly ("den Fall kurz schildern": it fills
// `Grund:` of the template, the VPA's own words stay in the details), picks the successor (never themself) and
// the onboarding effort, and the approval request goes to the `freigabe` channel in the wiki's template. "VPA Wechsel 12mon" is computed from
// the assignment history at this moment and frozen, so the managers decide on what they were shown.
import { recordAudit } from '../audit/record.ts';
import { AppError } from '../errors/catalogue.ts';
import { approvalAudience } from '../notices/audience.ts';
import { loadAssignments, loadContext, loadRequest } from './context.ts';
import { vpaChangesLast12Months } from '../assignments/history.ts';
import { connyIds } from '../assignments/last-vpa.ts';
import { isOnboardingEffort } from './labels.ts';
import { assertMayPropose } from './permissions.ts';
import { TEXT_MAX_LENGTH } from './validation.ts';
import { assertActionAllowed, keyOf, parseCards, refreshCards, sendTracked, trackCards, transition, type TrackedCard } from './store.ts';
import type { HandoverChange, RequestActionOptions } from './use-case.ts';
import { requireActor } from '../people/access.ts';

export interface ProposeSuccessorOptions extends RequestActionOptions {
  successorId: string;
  /** `hoch`, `mittel` or `gering`; `hoch` flags a refund check. */
  onboardingEffort: string;
  /** The reviewer's short description of the case for the managers. */
  caseSummary: string;
}

export const CASE_SUMMARY_MIN_LENGTH = 20;

export async function proposeSuccessor(options: ProposeSuccessorOptions): Promise<HandoverChange> {
  const { db, now, requestId, expectedVersion, successorId, onboardingEffort } = options;
  const timeZone = options.timeZone;
  const actor = requireActor(options.actor);
  const caseSummary = options.caseSummary?.trim() ?? '';
  if (caseSummary.length < CASE_SUMMARY_MIN_LENGTH) {
    throw new AppError('HANDOVER_INPUT_INVALID', { userMessage: `Bitte schildere den Fall kurz für die Freigabe (mindestens ${CASE_SUMMARY_MIN_LENGTH} Zeichen).`, details: { field: 'caseSummary' } });
  }
  if (caseSummary.length > TEXT_MAX_LENGTH) {
    throw new AppError('HANDOVER_INPUT_INVALID', { userMessage: `Bitte fasse die Schilderung kürzer (höchstens ${TEXT_MAX_LENGTH} Zeichen).`, details: { field: 'caseSummary' } });
  }
  if (!isOnboardingEffort(onboardingEffort)) {
    throw new AppError('HANDOVER_INPUT_INVALID', { userMessage: 'Bitte wähle den Einarbeitungsaufwand: hoch, mittel oder gering.', details: { field: 'onboardingEffort' } });
  }
  return db.$transaction(async (tx) => {
    const row = await loadRequest(tx, requestId);
    assertMayPropose(actor, row, successorId);
    await assertActionAllowed(tx, row, 'proposeSuccessor', expectedVersion, timeZone);
    const successor = await tx.person.findUnique({ where: { id: successorId }, select: { id: true, roles: { select: { role: true } } } });
    if (!successor || successor.id === row.vpaId || !successor.roles.some((r) => r.role === 'vpa')) {
      throw new AppError('HANDOVER_SUCCESSOR_INVALID', { detail: successorId });
    }
    // Moves to and from the Conny account are no VPA changes (CONTRACT.md, Roles).
    const changes = vpaChangesLast12Months(await loadAssignments(tx, row.clientId), now, { timeZone, ignoreVpaIds: await connyIds(tx) });
    const audience = await approvalAudience(tx, [row.vpaId, successorId]);
    const channel = audience.find((a) => a.recipient.type === 'channel');
    const fresh = await transition(
      tx,
      row,
      'proposeSuccessor',
      {
        status: 'awaiting_approval',
        reviewerId: actor.id,
        successorId,
        onboardingEffort,
        caseSummary,
        refundCheck: onboardingEffort === 'hoch',
        proposedAt: now,
        vpaChanges12Months: changes,
        approvalPostKey: channel ? keyOf(row.id, 'approval', channel.suffix) : null,
      },
      timeZone,
    );
    await recordAudit(tx, {
      at: now,
      actorId: actor.id,
      action: 'handover.successor_proposed',
      subjectType: 'handover',
      subjectId: row.id,
      data: { successorId, onboardingEffort, vpaChanges12Months: changes, approvalRecipients: audience.length },
    });
    const ctx = await loadContext(tx, fresh, now, timeZone);
    await refreshCards(tx, parseCards(fresh.cards), ctx, now);
    const cards: TrackedCard[] = [];
    for (const a of audience) cards.push(await sendTracked(tx, keyOf(row.id, 'approval', a.suffix), a.recipient, 'handoverApproval', ctx, now));
    await trackCards(tx, fresh, cards);
    return { requestId: row.id, status: fresh.status, version: fresh.version };
  });
}
