// Client messages go out only on working days inside the send window (default 09:00–17:00 business time), not on
// German public holidays of the configured state (date-holidays; without a state: the nationwide ones). A step due
// outside waits for the next window; later steps keep their own times.
import { DateTime } from 'luxon';
import type { InactivityConfig } from '../config/config.ts';
import { isWorkingDate } from '../time/holidays.ts';

type Window = Pick<InactivityConfig, 'holidaysState' | 'sendWindow'>;

/** Whether the local calendar day of `day` is a working day (Mon–Fri, no public holiday of the state). */
export function isClientWorkingDay(day: DateTime, state: string | undefined): boolean {
  return isWorkingDate(day.toISODate() ?? '', day.weekday, state);
}

function at(day: DateTime, hhmm: string): DateTime {
  const [h, m] = hhmm.split(':').map(Number);
  return day.set({ hour: h ?? 0, minute: m ?? 0, second: 0, millisecond: 0 });
}

export function inSendWindow(instant: Date, window: Window, timeZone: string): boolean {
  const local = DateTime.fromJSDate(instant, { zone: timeZone });
  if (!isClientWorkingDay(local, window.holidaysState)) return false;
  return local >= at(local, window.sendWindow.from) && local < at(local, window.sendWindow.until);
}

/** The first instant at or after `instant` inside the send window. */
export function nextSendWindow(instant: Date, window: Window, timeZone: string): Date {
  if (inSendWindow(instant, window, timeZone)) return instant;
  let day = DateTime.fromJSDate(instant, { zone: timeZone });
  if (day < at(day, window.sendWindow.from) && isClientWorkingDay(day, window.holidaysState)) return at(day, window.sendWindow.from).toJSDate();
  for (let i = 0; i < 30; i++) {
    day = day.plus({ days: 1 }).startOf('day');
    if (isClientWorkingDay(day, window.holidaysState)) return at(day, window.sendWindow.from).toJSDate();
  }
  return at(day, window.sendWindow.from).toJSDate();
}
