// German public holidays (date-holidays, type `public`): nationwide, or those of one state (HOLIDAYS_STATE, e.g. `BY`
// adds Heilige Drei Könige, Fronleichnam, Allerheiligen). One cache of local calendar days per state and year, shared
// by the reminder deadlines, the send window of client messages and shift duty.
import Holidays from 'date-holidays';

const calendars = new Map<string, Holidays>();
const days = new Map<string, ReadonlySet<string>>();

/** The public holidays of `state` (undefined: nationwide) in `year`, as local calendar days YYYY-MM-DD. */
export function publicHolidays(state: string | undefined, year: number): ReadonlySet<string> {
  const key = `${state ?? 'DE'}:${year}`;
  let set = days.get(key);
  if (!set) {
    let calendar = calendars.get(state ?? 'DE');
    if (!calendar) {
      calendar = state ? new Holidays('DE', state) : new Holidays('DE');
      calendars.set(state ?? 'DE', calendar);
    }
    // `date` is the local calendar day, "2026-12-25 00:00:00".
    set = new Set(calendar.getHolidays(year).filter((h) => h.type === 'public').map((h) => h.date.slice(0, 10)));
    days.set(key, set);
  }
  return set;
}

/** Monday to Friday and no public holiday of `state`, for a local calendar day given as YYYY-MM-DD. */
export function isWorkingDate(date: string, weekday: number, state: string | undefined): boolean {
  return weekday <= 5 && !publicHolidays(state, Number(date.slice(0, 4))).has(date);
}
