// Form instance ids. A double click sends two invokes with different activity ids, so the invoke receipts
// (receipts.ts) do not see them as one; the form itself does: each form card gets a formId when it is built
// (randomId), sends it with its submit, and keeps it when it comes back with field errors or through the
// handover challenge card. The use case stores it on the row it creates (unique), so one form makes at most
// one conduct report or handover request, and a further submit of it gets the first result.
import { randomId } from '../ids.ts';

/** At most this long; a UUID is 36. */
const FORM_ID = /^[A-Za-z0-9_.:-]{1,100}$/;

/** The formId a card sent back, or undefined when there is none (a card from before formIds) or it is malformed. */
export function parseFormId(value: unknown): string | undefined {
  return typeof value === 'string' && FORM_ID.test(value) ? value : undefined;
}

/** The id of a form being shown: the one it already had (re-shown), or a new one. */
export function formIdOf(value: unknown): string {
  return parseFormId(value) ?? randomId();
}
