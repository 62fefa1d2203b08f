// Working days for reminder deadlines ("not reviewed within 2 working days"): Monday to Friday in the business
// time zone, without Germany's nationwide public holidays (date-holidays, type `public`, no state given).
// Regional holidays (Fronleichnam, Buß- und Bettag …) and Heiligabend count as working days.
import { DateTime } from 'luxon';
import { AppError } from '../errors/catalogue.ts';
import { isWorkingDate } from './holidays.ts';

function isWorkingLocalDay(day: DateTime): boolean {
  return isWorkingDate(day.toISODate() ?? '', day.weekday, undefined);
}

export function isWorkingDay(at: Date, timeZone: string): boolean {
  return isWorkingLocalDay(DateTime.fromJSDate(at, { zone: timeZone }));
}

/**
 * The instant `n` working days after `at`, at the same local time. Starting on a day off counts from the start
 * (00:00) of the next working day, so a request sent on Saturday gets all of Monday and Tuesday for n = 2.
 */
export function addWorkingDays(at: Date, n: number, timeZone: string): Date {
  if (!Number.isInteger(n) || n < 0) throw new AppError('INTERNAL', { detail: `addWorkingDays: n must be a non-negative integer, got ${n}` });
  let t = DateTime.fromJSDate(at, { zone: timeZone });
  if (!isWorkingLocalDay(t)) {
    t = t.startOf('day');
    while (!isWorkingLocalDay(t)) t = t.plus({ days: 1 });
  }
  for (let left = n; left > 0; ) {
    t = t.plus({ days: 1 });
    if (isWorkingLocalDay(t)) left--;
  }
  return t.toJSDate();
}
