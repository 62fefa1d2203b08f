// zurückspielen: the reasons are not plausible (wiki step 1). The request ends and the VPA is asked, in the
// reviewer's own (editable) words, to keep supporting the client.
import { recordAudit } from '../audit/record.ts';
import { AppError } from '../errors/catalogue.ts';
import { loadContext, loadRequest } from './context.ts';
import { assertMayReview } from './permissions.ts';
import { assertActionAllowed, keyOf, parseCards, refreshCards, send, transition } from './store.ts';
import type { HandoverChange, RequestActionOptions } from './use-case.ts';
import { TEXT_MAX_LENGTH } from './validation.ts';
import { DEFAULT_RETURN_MESSAGE, returnedModel } from './view/request.ts';
import { requireActor } from '../people/access.ts';

export interface ReturnRequestOptions extends RequestActionOptions {
  /** The message to the VPA; empty = the default text. */
  message?: string;
}

export async function returnRequest(options: ReturnRequestOptions): Promise<HandoverChange> {
  const { db, now, requestId, expectedVersion } = options;
  const timeZone = options.timeZone;
  const actor = requireActor(options.actor);
  const message = options.message?.trim() || DEFAULT_RETURN_MESSAGE;
  if (message.length > TEXT_MAX_LENGTH) {
    throw new AppError('HANDOVER_INPUT_INVALID', { userMessage: `Bitte fasse die Nachricht kürzer (höchstens ${TEXT_MAX_LENGTH} Zeichen).`, details: { field: 'message' } });
  }
  return db.$transaction(async (tx) => {
    const row = await loadRequest(tx, requestId);
    assertMayReview(actor, row);
    await assertActionAllowed(tx, row, 'returnRequest', expectedVersion, timeZone);
    const fresh = await transition(tx, row, 'returnRequest', { status: 'returned', openClientId: null, reviewerId: actor.id, returnMessage: message, returnedAt: now }, timeZone);
    await recordAudit(tx, { at: now, actorId: actor.id, action: 'handover.returned', subjectType: 'handover', subjectId: row.id, data: { from: row.status } });
    const ctx = await loadContext(tx, fresh, now, timeZone);
    await refreshCards(tx, parseCards(fresh.cards), ctx, now);
    await send(tx, keyOf(row.id, 'returned', 'vpa'), { type: 'person', personId: row.vpaId }, { kind: 'handoverReturned', model: returnedModel(ctx) }, now);
    return { requestId: row.id, status: fresh.status, version: fresh.version };
  });
}
