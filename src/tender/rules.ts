// The tender's rules as pure functions: who counts as absent (now, for long), who has a task's competence, who may
// be invited, when the last VPA may be left out, and the deadline's default and end of day.
//
// Absence: a person is absent at `at` when absentFrom <= at and absentUntil is empty or not before `at` (the same
// rule as the handover's successor list). The absence is long when it lasts at least `longAbsenceDays` days
// (absentUntil - absentFrom) or has no end. Only an absence at `at` counts: one that ended or has not begun does not.
import { DateTime } from 'luxon';
import type { InactivityConfig } from '../config/config.ts';
import type { TenderLeaveOutReason } from '../notices/tender.ts';
import { addWorkingDays } from '../time/working-days.ts';

/** The settings the tender reads (pass config.inactivity). */
export type TenderRules = Pick<InactivityConfig, 'tenderDeadlineWorkingDays' | 'longAbsenceDays'>;

/** The configuration's defaults (TENDER_DEADLINE_WORKING_DAYS, LONG_ABSENCE_DAYS), for callers without a config. */
export const DEFAULT_TENDER_RULES: TenderRules = { tenderDeadlineWorkingDays: 2, longAbsenceDays: 28 };

const DAY_MS = 24 * 60 * 60 * 1000;

export interface PersonFacts {
  id: string;
  name: string;
  absentFrom: Date | null;
  absentUntil: Date | null;
  /** `|`-separated. */
  competences: string;
  takesNewClients: boolean;
  roles: string[];
}

export function isAbsentAt(p: Pick<PersonFacts, 'absentFrom' | 'absentUntil'>, at: Date): boolean {
  const t = at.getTime();
  return !!p.absentFrom && p.absentFrom.getTime() <= t && (!p.absentUntil || p.absentUntil.getTime() >= t);
}

export function isLongAbsenceAt(p: Pick<PersonFacts, 'absentFrom' | 'absentUntil'>, at: Date, rules: TenderRules): boolean {
  if (!isAbsentAt(p, at) || !p.absentFrom) return false;
  if (!p.absentUntil) return true;
  return p.absentUntil.getTime() - p.absentFrom.getTime() >= rules.longAbsenceDays * DAY_MS;
}

function names(list: string): string[] {
  return list
    .split('|')
    .map((c) => c.trim().toLowerCase())
    .filter((c) => c !== '');
}

/** The competences a task asks for (usually one); empty when it names none. */
export function requiredCompetences(taskCompetence: string): string[] {
  return names(taskCompetence);
}

/** Whether the person has every competence the task names (compared without regard to case and spaces). */
export function hasCompetence(p: Pick<PersonFacts, 'competences'>, taskCompetence: string): boolean {
  const has = new Set(names(p.competences));
  return requiredCompetences(taskCompetence).every((c) => has.has(c));
}

/** A VPA the tender asks (apart from the last VPA): role vpa, not Conny, the competence, present, takes new clients. */
export function isEligible(p: PersonFacts, task: { competence: string }, at: Date, connyIds: ReadonlySet<string>): boolean {
  return p.roles.includes('vpa') && !connyIds.has(p.id) && hasCompetence(p, task.competence) && !isAbsentAt(p, at) && p.takesNewClients;
}

/** What decides whether the last VPA is invited. */
export interface LastVpaStanding {
  isVpa: boolean;
  absentNow: boolean;
  absentLong: boolean;
  /** Null when the task names no competence. */
  hasCompetence: boolean | null;
  /** The reasons that are true and let the admin leave them out; empty: they must be invited. */
  leaveOutReasons: TenderLeaveOutReason[];
}

export function lastVpaStanding(p: PersonFacts, task: { competence: string }, at: Date, rules: TenderRules): LastVpaStanding {
  const absentLong = isLongAbsenceAt(p, at, rules);
  const competence = requiredCompetences(task.competence).length === 0 ? null : hasCompetence(p, task.competence);
  const leaveOutReasons: TenderLeaveOutReason[] = [];
  if (absentLong) leaveOutReasons.push('absent');
  if (competence === false) leaveOutReasons.push('competence');
  return { isVpa: p.roles.includes('vpa'), absentNow: isAbsentAt(p, at), absentLong, hasCompetence: competence, leaveOutReasons };
}

/** The default deadline: `tenderDeadlineWorkingDays` working days after `now`, as the card's date (YYYY-MM-DD). */
export function defaultDeadlineDate(now: Date, timeZone: string, rules: TenderRules): string {
  return DateTime.fromJSDate(addWorkingDays(now, rules.tenderDeadlineWorkingDays, timeZone), { zone: timeZone }).toFormat('yyyy-LL-dd');
}

/** A deadline chosen as a date (Input.Date, YYYY-MM-DD) means the end of that day in the business time zone; null when malformed. */
export function deadlineFromDate(date: string, timeZone: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date.trim())) return null;
  const day = DateTime.fromISO(date.trim(), { zone: timeZone });
  return day.isValid ? day.endOf('day').toJSDate() : null;
}
