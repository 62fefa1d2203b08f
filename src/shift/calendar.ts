// Business time of shift duty. Working days are Monday to Friday in the business time zone, without the German
// public holidays of the configured state (HOLIDAYS_STATE; without a state the nationwide ones), as for client
// messages. Working time (response deadlines) is counted by src/time/working-hours.ts with that state's holidays.
// Check times and plan times are wall-clock times, so a daylight-saving change keeps 09:00 at 09:00 local time.
import { DateTime } from 'luxon';
import { AppError } from '../errors/catalogue.ts';
import { isWorkingDate } from '../time/holidays.ts';
import { formatIsoDate } from '../time/format.ts';

/** Whether a local calendar day (YYYY-MM-DD) is a working day: Monday to Friday and no public holiday of `state`. */
export function isShiftWorkingDate(date: string, state: string | undefined): boolean {
  const day = DateTime.fromISO(date, { zone: 'UTC' });
  return day.isValid && isWorkingDate(date, day.weekday, state);
}

/** The local wall time of an instant, HH:mm. */
export function localTime(at: Date, timeZone: string): string {
  return DateTime.fromJSDate(at, { zone: timeZone }).toFormat('HH:mm');
}

/** The instant of a local date and wall time (HH:mm) in the business time zone. */
export function instantOf(date: string, time: string, timeZone: string): Date {
  const dt = DateTime.fromISO(`${date}T${time}`, { zone: timeZone });
  if (!dt.isValid) throw new AppError('INTERNAL', { detail: `instantOf: invalid local date/time ${date} ${time}` });
  return dt.toJSDate();
}

/** The calendar day after `date` (YYYY-MM-DD). */
export function nextDate(date: string): string {
  return DateTime.fromISO(date, { zone: 'UTC' }).plus({ days: 1 }).toFormat('yyyy-LL-dd');
}

/** A scheduled check: its slot name (`2027-03-22T09:00`, unique) and the instant it stands for. */
export interface CheckSlot {
  slot: string;
  date: string;
  time: string;
  at: Date;
}

/**
 * The check slot due at `now`: the latest configured time of today (local) that has come, on a working day. A slot
 * stays due until the next one of the day comes (a scheduler that was down at 09:00 posts the 09:00 check when it
 * runs again, until 14:00); a slot that a later one replaced is never posted, so a restart never posts a burst.
 */
export function dueSlot(now: Date, checkTimes: readonly string[], timeZone: string, state: string | undefined): CheckSlot | null {
  const date = formatIsoDate(now, timeZone);
  if (!isShiftWorkingDate(date, state)) return null;
  let due: CheckSlot | null = null;
  for (const time of [...checkTimes].sort()) {
    const at = instantOf(date, time, timeZone);
    if (at.getTime() <= now.getTime()) due = { slot: `${date}T${time}`, date, time, at };
  }
  return due;
}
