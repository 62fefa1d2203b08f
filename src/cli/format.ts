// How the CLI shows times: German day and time in the business time zone (TZ_BUSINESS).
import { DateTime } from 'luxon';

export function formatDateTime(d: Date, timeZone: string): string {
  return DateTime.fromJSDate(d, { zone: timeZone }).toFormat('dd.MM.yyyy HH:mm:ss');
}

export function formatDate(d: Date, timeZone: string): string {
  return DateTime.fromJSDate(d, { zone: timeZone }).toFormat('dd.MM.yyyy');
}

/** "1 Nachricht" / "3 Nachrichten". */
export function count(n: number, singular: string, plural: string): string {
  return `${n} ${n === 1 ? singular : plural}`;
}
