import { DateTime } from 'luxon';

/** `01.03.2026` in the business time zone. */
export function formatDay(d: Date, timeZone: string): string {
  return DateTime.fromJSDate(d, { zone: timeZone }).toFormat('dd.MM.yyyy');
}
