// Facts computed from the assignment history (never stored): the client's VPA changes in the last 12 months
// ("VPA Wechsel 12mon" in the wiki's template) and how long the current VPA has served the client.
import { DateTime } from 'luxon';
import { formatDate } from '../time/format.ts';

/** One Assignment row of a single client (`to` null = still current). */
export interface AssignmentSpan {
  vpaId: string;
  from: Date;
  to: Date | null;
}

export interface HistoryOptions {
  /** The business time zone (config.businessTimeZone): "12 months" are counted in its local calendar days. */
  timeZone: string;
  /** Accounts that are not a VPA change, e.g. the inactive-management account Conny: their rows are skipped. */
  ignoreVpaIds?: ReadonlySet<string>;
}

const ONE_DAY_MS = 24 * 60 * 60 * 1000;

function byFrom(a: AssignmentSpan, b: AssignmentSpan): number {
  return a.from.getTime() - b.from.getTime();
}

/**
 * How many times the client's VPA changed in the 12 months up to `now`: assignments (of one client) whose
 * VPA differs from the one before and whose `from` lies on or after the local calendar day 12 months before
 * today (both days in `options.timeZone`), and not after `now`. A change dated exactly 12 months ago counts all
 * day long: one imported as 2025-11-24 (stored as 00:00 local) counts on 2026-11-24 until 23:59 local. On
 * 29 February the day is 28 February of the year before. The very first assignment is no change, nor is a
 * new row for the same VPA.
 */
export function vpaChangesLast12Months(assignments: readonly AssignmentSpan[], now: Date, options: HistoryOptions): number {
  const cutoff = DateTime.fromJSDate(now, { zone: options.timeZone }).startOf('day').minus({ months: 12 }).startOf('day').toMillis();
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
 * it now.
 *
 * At any instant the client's VPA is the one whose row, among the rows covering that instant (`from` <= t and
 * `to` null or later), began last — so a newer assignment wins over an older one nobody closed. The period is
 * the run of instants up to `now` in which that VPA is `vpaId`: rows of the same VPA that are adjacent,
 * overlap or contain each other, in any order, form one period, and so do rows with a gap of at most one day
 * between them in which nobody serves the client (as date-only imports produce). Another VPA in between
 * (even for a few hours) ends the chain.
 */
export function serviceSince(assignments: readonly AssignmentSpan[], vpaId: string, now: Date): Date | null {
  const t = now.getTime();
  const rows = assignments.filter((a) => a.from.getTime() <= t);
  /** The VPA serving at `at`, or null when no row covers it. Rows starting at the same instant: this VPA's first. */
  const holder = (at: number): string | null => {
    let best: AssignmentSpan | undefined;
    for (const r of rows) {
      if (r.from.getTime() > at || (r.to !== null && r.to.getTime() <= at)) continue;
      const later = !best || r.from.getTime() > best.from.getTime() || (r.from.getTime() === best.from.getTime() && r.vpaId === vpaId);
      if (later) best = r;
    }
    return best?.vpaId ?? null;
  };
  if (holder(t) !== vpaId) return null;
  // Between two neighbouring boundaries (a row's start or end) the holder does not change: walk the segments
  // back from the one holding `now`, each starting at points[k].
  const points = [...new Set(rows.flatMap((r) => (r.to ? [r.from.getTime(), r.to.getTime()] : [r.from.getTime()])))].filter((p) => p <= t).sort((a, b) => b - a);
  let start: number | null = null;
  for (let k = 0; k < points.length; k++) {
    const p = points[k]!;
    const h = holder(p);
    if (h === vpaId) {
      start = p;
      continue;
    }
    // Nobody serves the client in [p, start): bridge the gap when it is at most a day and this VPA served before it.
    const before = points[k + 1];
    if (h === null && start !== null && start - p <= ONE_DAY_MS && before !== undefined && holder(before) === vpaId) continue;
    break;
  }
  return start === null ? null : new Date(start);
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

export function serviceLength(assignments: readonly AssignmentSpan[], vpaId: string, now: Date, timeZone: string): ServiceLength | null {
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
export function formatDuration(since: Date, now: Date, timeZone: string): string {
  const { years, months, days } = durationParts(since, now, timeZone);
  if (years > 0) return months > 0 ? `${plural(years, 'Jahr', 'Jahre')}, ${plural(months, 'Monat', 'Monate')}` : plural(years, 'Jahr', 'Jahre');
  if (months > 0) return plural(months, 'Monat', 'Monate');
  if (days > 0) return plural(days, 'Tag', 'Tage');
  return 'seit heute';
}
