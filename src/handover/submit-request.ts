// A VPA asks to hand one of their current clients over. The form is validated again here (the card's own
// checks can be bypassed): invalid input returns the form with German field errors and saves nothing.
// Reasons the wiki does not accept on their own return the wiki's challenge first, also without saving;
// the VPA may then submit anyway (`confirmChallenges`), and the request is flagged for the community team.
// One form instance (`formId`, src/invokes/form-id.ts) makes at most one request: submitting it again — a
// double click, also two at once — answers with the request it already made, without new rows or messages.
import { recordAudit } from '../audit/record.ts';
import { AppError, isAppError } from '../errors/catalogue.ts';
import { randomId } from '../ids.ts';
import type { HandoverChallengeModel, HandoverFormModel, HandoverSubmittedModel } from '../notices/handover.ts';
import type { DbOrTx } from '../db/client.ts';
import { formIdOf, parseFormId } from '../invokes/form-id.ts';
import { reviewAudience } from '../notices/audience.ts';
import { CHALLENGE_CLOSING, CHALLENGE_INTRO, challengesFor, type ChallengeId } from './challenges.ts';
import { loadClient, loadContext, type HandoverRow } from './context.ts';
import { handoverForm } from './handover-form.ts';
import { assertMayRequest } from './permissions.ts';
import { keyOf, sendTracked, trackCards, type TrackedCard } from './store.ts';
import type { UseCaseOptions, WithIds } from './use-case.ts';
import { validateDraft } from './validation.ts';
import { challengeViews, statusLabel } from './view/shared.ts';
import { clientInfo } from '../clients/client-info.ts';
import { submittedModel } from './view/request.ts';
import { hasRole, requireActor } from '../people/access.ts';
import { currentAt } from '../assignments/current.ts';

export interface SubmitRequestOptions extends UseCaseOptions, WithIds {
  /** The form's values as the card sent them (strings; the toggle as "true"/"false"). */
  input: Record<string, unknown>;
  /** True when the VPA saw the challenge and chose "trotzdem einreichen". */
  confirmChallenges?: boolean;
}

export type SubmitRequestResult =
  | { outcome: 'invalid'; form: HandoverFormModel }
  | { outcome: 'challenged'; challenge: HandoverChallengeModel }
  | { outcome: 'submitted'; requestId: string; version: number; challenges: ChallengeId[]; submitted: HandoverSubmittedModel };

function isUniqueViolation(e: unknown): boolean {
  return !!e && typeof e === 'object' && (e as { code?: unknown }).code === 'P2002';
}

export async function submitRequest(options: SubmitRequestOptions): Promise<SubmitRequestResult> {
  const { db, now, input } = options;
  const timeZone = options.timeZone;
  const newId = options.newId ?? randomId;
  const actor = requireActor(options.actor);
  if (!hasRole(actor, ['vpa'])) throw new AppError('HANDOVER_VPA_ONLY');
  // Absent on a card sent before form ids existed: such a submit works as it always did.
  const formId = parseFormId(input.formId);

  const validation = validateDraft(input);
  if (!validation.ok) {
    return { outcome: 'invalid', form: await handoverForm({ db, actor, now, timeZone, values: validation.values, fieldErrors: validation.fieldErrors, formId }) };
  }
  const draft = validation.draft;

  try {
    return await db.$transaction(async (tx): Promise<SubmitRequestResult> => {
      // This form made its request already (the VPA clicked again): answer with it, before any other check.
      const made = formId ? await tx.handoverRequest.findUnique({ where: { formId } }) : null;
      if (made) return submittedAgain(tx, made, actor.id, now, timeZone);
      const client = await tx.client.findUnique({ where: { id: draft.clientId }, select: { id: true } });
      // An unknown client id can only come from a forged or outdated card: same answer as someone else's client.
      if (!client) throw new AppError('HANDOVER_NOT_YOUR_CLIENT', { detail: `unknown client ${draft.clientId}` });
      const current = await tx.assignment.findMany({
        where: { clientId: draft.clientId, ...currentAt(now) },
        select: { vpaId: true },
      });
      assertMayRequest(actor, current.map((a) => a.vpaId));

      const open = await tx.handoverRequest.findUnique({ where: { openClientId: draft.clientId }, select: { status: true } });
      if (open) throw new AppError('HANDOVER_ALREADY_OPEN', { userMessage: `Für diesen Kunden läuft bereits eine Abgabe-Anfrage (Stand: ${statusLabel(open.status)}).` });

      const challenges = challengesFor(draft);
      if (challenges.length > 0 && !options.confirmChallenges) {
        return {
          outcome: 'challenged',
          challenge: {
            client: clientInfo(await loadClient(tx, draft.clientId)),
            intro: CHALLENGE_INTRO,
            challenges: challenges.map((c) => ({ id: c.id, title: c.title, text: c.text })),
            closing: CHALLENGE_CLOSING,
            draft: { ...draft },
            formId: formIdOf(formId),
          },
        };
      }

      const id = newId();
      const row = await tx.handoverRequest.create({
        data: {
          id,
          clientId: draft.clientId,
          vpaId: actor.id,
          openClientId: draft.clientId,
          formId: formId ?? null,
          status: 'submitted',
          reasonCategory: draft.reasonCategory,
          reason: draft.reason,
          measures: draft.measures,
          clientWantsTraining: draft.clientWantsTraining,
          successorNotes: draft.successorNotes,
          challenges: JSON.stringify(challenges.map((c) => c.id)),
          flaggedForCommunity: challenges.length > 0,
          submittedAt: now,
          createdAt: now,
        },
      });
      await recordAudit(tx, {
        at: now,
        actorId: actor.id,
        action: 'handover.submitted',
        subjectType: 'handover',
        subjectId: id,
        data: { clientId: draft.clientId, reasonCategory: draft.reasonCategory, challenges: challenges.map((c) => c.id), clientWantsTraining: draft.clientWantsTraining },
      });

      const ctx = await loadContext(tx, row, now, timeZone);
      const cards: TrackedCard[] = [await sendTracked(tx, keyOf(id, 'submitted', 'vpa'), { type: 'person', personId: actor.id }, 'handoverSubmitted', ctx, now)];
      for (const a of await reviewAudience(tx, [actor.id])) {
        cards.push(await sendTracked(tx, keyOf(id, 'review', a.suffix), a.recipient, 'handoverReview', ctx, now));
      }
      await trackCards(tx, row, cards);
      return { outcome: 'submitted', requestId: id, version: row.version, challenges: challenges.map((c) => c.id), submitted: submittedModel(ctx) };
    });
  } catch (e) {
    // Two submissions for the same client at once: the unique openClientId (and formId) lets exactly one
    // through. When both came from the same form (a double click), the other one — refused by the unique
    // index, or by the open-request check once the first had committed — answers with the first's request.
    const alreadyOpen = isAppError(e) ? e.code === 'HANDOVER_ALREADY_OPEN' : isUniqueViolation(e);
    const made = alreadyOpen && formId ? await db.handoverRequest.findUnique({ where: { formId } }) : null;
    if (made) return submittedAgain(db, made, actor.id, now, timeZone);
    if (!isAppError(e) && isUniqueViolation(e)) throw new AppError('HANDOVER_ALREADY_OPEN', { cause: e });
    throw e;
  }
}

/** The answer for a form that already made its request: that request as it stands, nothing new. */
async function submittedAgain(db: DbOrTx, row: HandoverRow, actorId: string, now: Date, timeZone: string): Promise<SubmitRequestResult> {
  // A formId is random per form card; someone else's can only come from a forged card.
  if (row.vpaId !== actorId) throw new AppError('INVALID_PAYLOAD', { detail: `formId of another person's handover request ${row.id}` });
  const ctx = await loadContext(db, row, now, timeZone);
  return { outcome: 'submitted', requestId: row.id, version: row.version, challenges: challengeViews(row.challenges).map((c) => c.id as ChallengeId), submitted: submittedModel(ctx) };
}
