// German display of instants in the business time zone (config.businessTimeZone, default Europe/Berlin).
import { DateTime } from 'luxon';

/** "24.11.2026" */
export function formatDate(at: Date, timeZone: string): string {
  return DateTime.fromJSDate(at, { zone: timeZone }).toFormat('dd.LL.yyyy');
}

/** "24.11.2026, 14:05 Uhr" */
export function formatDateTime(at: Date, timeZone: string): string {
  return DateTime.fromJSDate(at, { zone: timeZone }).toFormat("dd.LL.yyyy, HH:mm 'Uhr'");
}

/** "am 24.11.2026 um 14:05 Uhr" for running text. */
export function formatAt(at: Date, timeZone: string): string {
  return DateTime.fromJSDate(at, { zone: timeZone }).toFormat("'am' dd.LL.yyyy 'um' HH:mm 'Uhr'");
}

/** "2026-11-24": the local calendar day (Input.Date values). */
export function formatIsoDate(at: Date, timeZone: string): string {
  return DateTime.fromJSDate(at, { zone: timeZone }).toFormat('yyyy-LL-dd');
}

/**
 * A local date (YYYY-MM-DD, as Input.Date sends it) and an optional time (HH:mm, as Input.Time sends it) in the
 * business time zone as an instant; null when either is malformed.
 */
export function parseLocalDateTime(date: string, time: string | undefined, timeZone: string): Date | null {
  const d = date.trim();
  const t = time?.trim() || '00:00';
  if (!/^\d{4}-\d{2}-\d{2}$/.test(d) || !/^\d{2}:\d{2}(:\d{2})?$/.test(t)) return null;
  const dt = DateTime.fromISO(`${d}T${t}`, { zone: timeZone });
  return dt.isValid ? dt.toJSDate() : null;
}
