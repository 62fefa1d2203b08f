// The VPA's answer to "klären lassen" (wiki step 2): "geklärt, ich behalte den Kunden" ends the request as
// resolved; "nicht geklärt" with a note hands it back to the reviewer (status in_review), who is told.
import { recordAudit } from '../audit/record.ts';
import { AppError } from '../errors/catalogue.ts';
import { reviewAudience, personAudience } from '../notices/audience.ts';
import { requireActor } from '../people/access.ts';
import { loadContext, loadRequest } from './context.ts';
import { assertRequester } from './permissions.ts';
import { assertActionAllowed, keyOf, parseCards, refreshCards, send, transition } from './store.ts';
import type { HandoverChange, RequestActionOptions } from './use-case.ts';
import { TEXT_MAX_LENGTH } from './validation.ts';
import { reminderModel } from './view/reminder.ts';

export const CLARIFICATION_NOTE_MIN_LENGTH = 5;

export interface AnswerClarificationOptions extends RequestActionOptions {
  answer: 'resolved' | 'unresolved';
  /** Required for "nicht geklärt": what happened, what is still open. */
  note?: string;
}

export async function answerClarification(options: AnswerClarificationOptions): Promise<HandoverChange> {
  const { db, now, requestId, expectedVersion, timeZone, answer } = options;
  const actor = requireActor(options.actor);
  const note = options.note?.trim() ?? '';
  if (answer === 'unresolved' && note.length < CLARIFICATION_NOTE_MIN_LENGTH) {
    throw new AppError('HANDOVER_INPUT_INVALID', { userMessage: 'Bitte beschreibe kurz, was noch offen ist.', details: { field: 'clarificationNote' } });
  }
  if (note.length > TEXT_MAX_LENGTH) throw new AppError('HANDOVER_INPUT_INVALID', { userMessage: `Bitte fasse die Notiz kürzer (höchstens ${TEXT_MAX_LENGTH} Zeichen).`, details: { field: 'clarificationNote' } });
  return db.$transaction(async (tx) => {
    const row = await loadRequest(tx, requestId);
    assertRequester(actor, row);
    await assertActionAllowed(tx, row, 'answerClarification', expectedVersion, timeZone);
    const resolved = answer === 'resolved';
    const fresh = await transition(
      tx,
      row,
      'answerClarification',
      resolved
        ? { status: 'resolved', clarificationAnswer: answer, clarificationNote: note || null, clarificationAnsweredAt: now, openClientId: null }
        : { status: 'in_review', clarificationAnswer: answer, clarificationNote: note, clarificationAnsweredAt: now },
      timeZone,
    );
    await recordAudit(tx, { at: now, actorId: actor.id, action: resolved ? 'handover.resolved' : 'handover.clarification_failed', subjectType: 'handover', subjectId: row.id });
    const ctx = await loadContext(tx, fresh, now, timeZone);
    await refreshCards(tx, parseCards(fresh.cards), ctx, now);
    const audience = fresh.reviewerId ? [personAudience(fresh.reviewerId)] : await reviewAudience(tx, [fresh.vpaId]);
    const reason = resolved ? 'clarificationResolved' : 'clarificationUnresolved';
    for (const a of audience) await send(tx, keyOf(row.id, 'clarification', answer, `v${fresh.version}`, a.suffix), a.recipient, { kind: 'handoverReminder', model: reminderModel(ctx, reason, now, 0) }, now);
    return { requestId: row.id, status: fresh.status, version: fresh.version };
  });
}
