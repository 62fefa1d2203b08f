// Server-side validation of the `melden` form. Card inputs arrive as strings; invalid input yields a German
// message per field and nothing is saved. The date comes from an Input.Date, which sends JJJJ-MM-TT; in a
// client without a date picker it is a plain text box where people type the German TT.MM.JJJJ, so both are
// accepted (and the error message names them).
import type { ConductField, ConductFormValues } from '../notices/conduct.ts';
import { parseLocalDateTime } from '../time/format.ts';

export const WHAT_HAPPENED_MIN_LENGTH = 10;
export const CONDUCT_TEXT_MAX_LENGTH = 2000;
/** Clock skew between a person's device and the server. */
const FUTURE_TOLERANCE_MS = 5 * 60 * 1000;

export interface ConductDraft {
  clientId: string;
  whatHappened: string;
  occurredAt: Date;
  evidence: string;
}

export type ConductFieldErrors = Partial<Record<ConductField, string>>;

export type ConductValidation = { ok: true; draft: ConductDraft } | { ok: false; values: ConductFormValues; fieldErrors: ConductFieldErrors };

/** Under the date field when it cannot be read: the formats accepted (the card's Input.Date sends the second). */
export const DATE_FORMAT_ERROR = 'Bitte gib das Datum als TT.MM.JJJJ an, zum Beispiel 23.11.2026 (JJJJ-MM-TT geht auch).';

const text = (v: unknown) => (typeof v === 'string' ? v.trim() : '');

/**
 * JJJJ-MM-TT of a real calendar day from what the card sent: JJJJ-MM-TT (Input.Date) or TT.MM.JJJJ / T.M.JJJJ
 * (typed in German where there is no date picker). Null for anything else.
 */
export function parseConductDate(value: string): string | null {
  const v = value.trim();
  const german = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(v);
  const iso = german ? `${german[3]}-${german[2]!.padStart(2, '0')}-${german[1]!.padStart(2, '0')}` : v;
  return parseLocalDateTime(iso, undefined, 'UTC') ? iso : null;
}

/** The values as sent (trimmed), a readable date as JJJJ-MM-TT so the form's Input.Date can show it again. */
export function conductValues(raw: Record<string, unknown>): ConductFormValues {
  const occurredDate = text(raw.occurredDate);
  return {
    clientId: text(raw.clientId),
    whatHappened: text(raw.whatHappened),
    occurredDate: parseConductDate(occurredDate) ?? occurredDate,
    occurredTime: text(raw.occurredTime),
    evidence: text(raw.evidence),
  };
}

export function validateConduct(raw: Record<string, unknown>, now: Date, timeZone: string): ConductValidation {
  const values = conductValues(raw);
  const fieldErrors: ConductFieldErrors = {};
  if (!values.clientId) fieldErrors.clientId = 'Bitte wähle den Kunden aus.';
  if (values.whatHappened.length < WHAT_HAPPENED_MIN_LENGTH) fieldErrors.whatHappened = `Bitte beschreibe kurz, was passiert ist (mindestens ${WHAT_HAPPENED_MIN_LENGTH} Zeichen).`;
  else if (values.whatHappened.length > CONDUCT_TEXT_MAX_LENGTH) fieldErrors.whatHappened = `Bitte fasse dich kürzer (höchstens ${CONDUCT_TEXT_MAX_LENGTH} Zeichen).`;
  if (values.evidence.length > CONDUCT_TEXT_MAX_LENGTH) fieldErrors.evidence = `Bitte kürze die Belege (höchstens ${CONDUCT_TEXT_MAX_LENGTH} Zeichen).`;
  let occurredAt: Date | null = null;
  if (!values.occurredDate) fieldErrors.occurredDate = 'Bitte gib an, wann es passiert ist.';
  else {
    occurredAt = parseLocalDateTime(values.occurredDate, values.occurredTime || undefined, timeZone);
    if (!occurredAt) {
      if (parseLocalDateTime(values.occurredDate, undefined, timeZone)) fieldErrors.occurredTime = 'Bitte gib die Uhrzeit als HH:MM an.';
      else fieldErrors.occurredDate = DATE_FORMAT_ERROR;
    } else if (occurredAt.getTime() > now.getTime() + FUTURE_TOLERANCE_MS) {
      fieldErrors[values.occurredTime ? 'occurredTime' : 'occurredDate'] = 'Der Zeitpunkt liegt in der Zukunft.';
    }
  }
  if (Object.keys(fieldErrors).length > 0 || !occurredAt) return { ok: false, values, fieldErrors };
  return { ok: true, draft: { clientId: values.clientId, whatHappened: values.whatHappened, occurredAt, evidence: values.evidence } };
}
