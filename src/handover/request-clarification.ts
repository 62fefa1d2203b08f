// klären lassen (wiki step 2): the VPA is asked to raise the problems with the client first. The reviewer
// may record that they mediate (a note for the team) and a follow-up date; the reminder job tells the
// reviewer on that date. Asking again replaces the note and the date.
import { recordAudit } from '../audit/record.ts';
import { AppError } from '../errors/catalogue.ts';
import { loadContext, loadRequest } from './context.ts';
import { assertMayReview } from './permissions.ts';
import { assertActionAllowed, keyOf, parseCards, refreshCards, sendTracked, trackCards, transition } from './store.ts';
import type { HandoverChange, RequestActionOptions } from './use-case.ts';
import { TEXT_MAX_LENGTH } from './validation.ts';
import { DEFAULT_CLARIFY_MESSAGE } from './view/request.ts';
import { requireActor } from '../people/access.ts';

export const MAX_FOLLOW_UP_DAYS = 366;

export interface RequestClarificationOptions extends RequestActionOptions {
  /** The message to the VPA; empty = the default text. */
  message?: string;
  /** The reviewer's note on their mediation (internal to the community team). */
  mediationNote?: string;
  /** When to remind the reviewer; must lie in the future (at most a year ahead). */
  followUpAt?: Date | null;
}

function invalid(field: string, userMessage: string): AppError {
  return new AppError('HANDOVER_INPUT_INVALID', { userMessage, details: { field } });
}

export async function requestClarification(options: RequestClarificationOptions): Promise<HandoverChange> {
  const { db, now, requestId, expectedVersion } = options;
  const timeZone = options.timeZone;
  const actor = requireActor(options.actor);
  const message = options.message?.trim() || DEFAULT_CLARIFY_MESSAGE;
  const mediationNote = options.mediationNote?.trim() || null;
  const followUpAt = options.followUpAt ?? null;
  if (message.length > TEXT_MAX_LENGTH) throw invalid('message', `Bitte fasse die Nachricht kürzer (höchstens ${TEXT_MAX_LENGTH} Zeichen).`);
  if (mediationNote && mediationNote.length > TEXT_MAX_LENGTH) throw invalid('mediationNote', `Bitte fasse die Notiz kürzer (höchstens ${TEXT_MAX_LENGTH} Zeichen).`);
  if (followUpAt && (Number.isNaN(followUpAt.getTime()) || followUpAt.getTime() <= now.getTime())) throw invalid('followUpAt', 'Die Wiedervorlage muss in der Zukunft liegen.');
  if (followUpAt && followUpAt.getTime() > now.getTime() + MAX_FOLLOW_UP_DAYS * 86_400_000) throw invalid('followUpAt', 'Die Wiedervorlage darf höchstens ein Jahr in der Zukunft liegen.');

  return db.$transaction(async (tx) => {
    const row = await loadRequest(tx, requestId);
    assertMayReview(actor, row);
    await assertActionAllowed(tx, row, 'requestClarification', expectedVersion, timeZone);
    const fresh = await transition(
      tx,
      row,
      'requestClarification',
      { status: 'clarifying', reviewerId: actor.id, clarifyMessage: message, clarifiedAt: now, mediationNote, followUpAt, clarificationAnswer: null, clarificationNote: null, clarificationAnsweredAt: null },
      timeZone,
    );
    await recordAudit(tx, {
      at: now,
      actorId: actor.id,
      action: 'handover.clarification_requested',
      subjectType: 'handover',
      subjectId: row.id,
      data: { mediation: !!mediationNote, followUpAt: followUpAt?.toISOString() ?? null },
    });
    const ctx = await loadContext(tx, fresh, now, timeZone);
    await refreshCards(tx, parseCards(fresh.cards), ctx, now);
    const card = await sendTracked(tx, keyOf(row.id, 'clarify', `v${fresh.version}`, 'vpa'), { type: 'person', personId: row.vpaId }, 'handoverClarify', ctx, now);
    await trackCards(tx, fresh, [card]);
    return { requestId: row.id, status: fresh.status, version: fresh.version };
  });
}
