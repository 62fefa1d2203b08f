// Working hours for short deadlines ("an urgent conduct report not acknowledged within 4 working hours").
// Our reading: working time is Monday to Friday, 09:00–17:00 wall-clock time in the business time zone, on
// working days as src/time/working-days.ts defines them (no nationwide German public holiday). So 8 working
// hours a day; a report sent at night, before 09:00, after 17:00, on a weekend or a holiday starts counting
// at 09:00 of the next working day. Summer time changes happen on Sunday nights, outside working time, and
// the window is wall-clock time, so a working day always has 8 hours.
import { DateTime } from 'luxon';
import { AppError } from '../errors/catalogue.ts';
import { isWorkingDate } from './holidays.ts';

/** Local hour at which a working day begins. */
export const WORKDAY_START_HOUR = 9;
/** Local hour at which a working day ends. */
export const WORKDAY_END_HOUR = 17;

const HOUR_MS = 60 * 60 * 1000;

/**
 * The instant at which `hours` working hours have passed since `at`. Time outside working hours does not
 * count; a deadline that falls exactly on 17:00 stays at 17:00 (not 09:00 the next working day). With
 * `hours` = 0 the result is `at` itself when it lies in working time, else the start of the next working time.
 * Public holidays are the nationwide ones, or those of `holidaysState` (shift duty's response times).
 */
export function addWorkingHours(at: Date, hours: number, timeZone: string, holidaysState?: string): Date {
  if (!Number.isFinite(hours) || hours < 0) throw new AppError('INTERNAL', { detail: `addWorkingHours: hours must be a non-negative number, got ${hours}` });
  let left = Math.round(hours * HOUR_MS);
  let t = DateTime.fromJSDate(at, { zone: timeZone });
  // At most one pass per calendar day; a year of days off in a row would be a broken holiday table.
  for (let guard = 0; guard < 3660; guard++) {
    const day = t.startOf('day');
    const open = day.set({ hour: WORKDAY_START_HOUR });
    const close = day.set({ hour: WORKDAY_END_HOUR });
    if (t < close && isWorkingDate(day.toISODate() ?? '', day.weekday, holidaysState)) {
      const from = t < open ? open : t;
      const available = close.toMillis() - from.toMillis();
      if (left <= available) return new Date(from.toMillis() + left);
      left -= available;
    }
    t = day.plus({ days: 1 });
  }
  throw new AppError('INTERNAL', { detail: `addWorkingHours: no working time found after ${at.toISOString()}` });
}
