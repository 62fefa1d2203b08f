// `tick --now <ISO-8601>`: the instant a tick stands for. Without an offset the time is a wall time in
// the business time zone, as in the import files.
import { AppError } from '../errors/catalogue.ts';
import { parseIsoInstant } from '../import/fields.ts';

export function parseTickInstant(text: string, timeZone: string): Date {
  const d = parseIsoInstant(text, timeZone);
  if (!d) {
    throw new AppError('INVALID_INSTANT', {
      detail: text,
      userMessage: `„${text}“ ist kein gültiger Zeitpunkt. Bitte ISO-8601 angeben, z. B. 2026-03-02T09:00:00+01:00 oder 2026-03-02T09:00 (Zeitzone ${timeZone}).`,
    });
  }
  return d;
}
