// Server-side validation of the request form ("validated on the card and again on the server"). Card inputs
// arrive as strings (Input.Toggle sends "true"/"false"); invalid input yields a German message per field and
// nothing is saved.
import type { HandoverField, HandoverFormValues } from '../notices/handover.ts';
import { isReasonCategory, type ReasonCategory } from './labels.ts';

export const REASON_MIN_LENGTH = 10;
export const TEXT_MAX_LENGTH = 2000;

export interface HandoverDraft {
  clientId: string;
  reasonCategory: ReasonCategory;
  reason: string;
  measures: string;
  clientWantsTraining: boolean;
  successorNotes: string;
}

export type FieldErrors = Partial<Record<HandoverField, string>>;

export type DraftValidation = { ok: true; draft: HandoverDraft } | { ok: false; values: HandoverFormValues; fieldErrors: FieldErrors };

function text(value: unknown): string {
  return typeof value === 'string' ? value.trim() : '';
}

/** true / false / null (unanswered) from a boolean or the strings a card sends. */
export function parseBoolean(value: unknown): boolean | null {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string') {
    const v = value.trim().toLowerCase();
    if (['true', 'ja', 'yes', '1'].includes(v)) return true;
    if (['false', 'nein', 'no', '0'].includes(v)) return false;
  }
  return null;
}

/** The form values as typed (trimmed), for prefilling the form again. */
export function formValues(raw: Record<string, unknown>): HandoverFormValues {
  return {
    clientId: text(raw.clientId),
    reasonCategory: text(raw.reasonCategory),
    reason: text(raw.reason),
    measures: text(raw.measures),
    clientWantsTraining: parseBoolean(raw.clientWantsTraining),
    successorNotes: text(raw.successorNotes),
  };
}

export function validateDraft(raw: Record<string, unknown>): DraftValidation {
  const values = formValues(raw);
  const fieldErrors: FieldErrors = {};
  if (!values.clientId) fieldErrors.clientId = 'Bitte wähle den Kunden aus, den du abgeben möchtest.';
  if (!isReasonCategory(values.reasonCategory)) fieldErrors.reasonCategory = 'Bitte wähle einen Grund aus.';
  if (values.reason.length < REASON_MIN_LENGTH) fieldErrors.reason = `Bitte beschreibe den Grund (mindestens ${REASON_MIN_LENGTH} Zeichen).`;
  else if (values.reason.length > TEXT_MAX_LENGTH) fieldErrors.reason = `Bitte fasse den Grund kürzer (höchstens ${TEXT_MAX_LENGTH} Zeichen).`;
  if (values.measures.length > TEXT_MAX_LENGTH) fieldErrors.measures = `Bitte fasse die Maßnahmen kürzer (höchstens ${TEXT_MAX_LENGTH} Zeichen).`;
  if (values.clientWantsTraining === null) fieldErrors.clientWantsTraining = 'Bitte gib an, ob der Kunde eine Einarbeitung des neuen VPA wünscht.';
  if (values.successorNotes.length > TEXT_MAX_LENGTH) fieldErrors.successorNotes = `Bitte fasse die Hinweise kürzer (höchstens ${TEXT_MAX_LENGTH} Zeichen).`;
  if (Object.keys(fieldErrors).length > 0 || !isReasonCategory(values.reasonCategory) || values.clientWantsTraining === null) {
    return { ok: false, values, fieldErrors };
  }
  return {
    ok: true,
    draft: {
      clientId: values.clientId,
      reasonCategory: values.reasonCategory,
      reason: values.reason,
      measures: values.measures,
      clientWantsTraining: values.clientWantsTraining,
      successorNotes: values.successorNotes,
    },
  };
}
