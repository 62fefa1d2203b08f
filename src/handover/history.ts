// Facts computed from the assignment history (never stored): the client's VPA changes in the last 12 months
// ("VPA Wechsel 12mon" in the wiki's template) and how long the current VPA has served the client.
import { DateTime } from 'luxon';
import { DEFAULT_TIME_ZONE, formatDate } from './format.ts';

/** One Assignment row of a single client (`to` null = still current). */
export interface AssignmentSpan {
  vpaId: string;
  from: Date;
  to: Date | null;
}

export interface HistoryOptions {
  /** Accounts that are not a VPA change, e.g. the inactive-management account Conny: their rows are skipped. */
  ignoreVpaIds?: ReadonlySet<string>;
}

const ONE_DAY_MS = 24 * 60 * 60 * 1000;

function byFrom(a: AssignmentSpan, b: AssignmentSpan): number {
  return a.from.getTime() - b.from.getTime();
}

/**
 * How many times the client's VPA changed in the 12 months up to `now`: assignments (of one client) whose
 * `from` lies in [now - 12 months, now] and whose VPA differs from the one before. The very first assignment
 * is no change, nor is a new row for the same VPA.
 */
export function vpaChangesLast12Months(assignments: readonly AssignmentSpan[], now: Date, options: HistoryOptions = {}): number {
  const cutoff = DateTime.fromJSDate(now, { zone: 'utc' }).minus({ months: 12 }).toJSDate().getTime();
  const rows = assignments.filter((a) => !options.ignoreVpaIds?.has(a.vpaId)).sort(byFrom);
  let changes = 0;
  for (let i = 1; i < rows.length; i++) {
    const row = rows[i]!;
    const t = row.from.getTime();
    if (t >= cutoff && t <= now.getTime() && row.vpaId !== rows[i - 1]!.vpaId) changes++;
  }
  return changes;
}

/**
 * Start of the continuous current period in which `vpaId` serves the client, or null when they do not serve
 * it now. Rows of the same VPA that follow each other (a gap of at most one day, as date-only imports produce)
 * count as one period.
 */
export function serviceSince(assignments: readonly AssignmentSpan[], vpaId: string, now: Date): Date | null {
  const t = now.getTime();
  const own = assignments.filter((a) => a.vpaId === vpaId && a.from.getTime() <= t).sort(byFrom);
  let i = own.findLastIndex((a) => a.to === null || a.to.getTime() > t);
  if (i < 0) return null;
  let start = own[i]!.from;
  while (i > 0) {
    const prev = own[i - 1]!;
    if (prev.to === null || prev.to.getTime() >= start.getTime() - ONE_DAY_MS) {
      if (prev.from.getTime() < start.getTime()) start = prev.from;
      i--;
    } else {
      break;
    }
  }
  return start;
}

export interface ServiceLength {
  since: Date;
  years: number;
  months: number;
  days: number;
  /** "2 Jahre, 3 Monate" */
  text: string;
  /** "15.08.2024" */
  sinceText: string;
}

export function serviceLength(assignments: readonly AssignmentSpan[], vpaId: string, now: Date, timeZone: string = DEFAULT_TIME_ZONE): ServiceLength | null {
  const since = serviceSince(assignments, vpaId, now);
  if (!since) return null;
  const { years, months, days } = durationParts(since, now, timeZone);
  return { since, years, months, days, text: formatDuration(since, now, timeZone), sinceText: formatDate(since, timeZone) };
}

// Whole local calendar days: across a change of summer time a month is still a month.
function durationParts(since: Date, now: Date, timeZone: string): { years: number; months: number; days: number } {
  const day = (at: Date) => DateTime.fromJSDate(at, { zone: timeZone }).startOf('day');
  const diff = day(now).diff(day(since), ['years', 'months', 'days']);
  return { years: Math.max(0, Math.floor(diff.years)), months: Math.max(0, Math.floor(diff.months)), days: Math.max(0, Math.floor(diff.days)) };
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** "2 Jahre, 3 Monate", "1 Jahr", "5 Monate", "14 Tage", "seit heute". */
export function formatDuration(since: Date, now: Date, timeZone: string = DEFAULT_TIME_ZONE): string {
  const { years, months, days } = durationParts(since, now, timeZone);
  if (years > 0) return months > 0 ? `${plural(years, 'Jahr', 'Jahre')}, ${plural(months, 'Monat', 'Monate')}` : plural(years, 'Jahr', 'Jahre');
  if (months > 0) return plural(months, 'Monat', 'Monate');
  if (days > 0) return plural(days, 'Tag', 'Tage');
  return 'seit heute';
}
