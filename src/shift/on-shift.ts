// Who is on shift at an instant: the plan's entries (ShiftAssignment) for the local date whose time window (from,
// until; wall-clock, until exclusive; none = the whole day) contains the instant, without people absent then.
// The shift lead is whoever the plan marks `lead` on that date (any shift), unless absent. No lead on the plan:
// the VPA managers stand in (docs/schichtdienst.md).
import { DateTime } from 'luxon';
import type { DbOrTx } from '../db/client.ts';
import type { PersonInfo } from '../notices/common.ts';
import type { ShiftMention } from '../notices/shift.ts';
import { localTime } from './calendar.ts';
import { formatIsoDate } from '../time/format.ts';

export interface ShiftPerson {
  id: string;
  name: string;
  teamsUserId: string | null;
  aadObjectId: string | null;
  absentFrom: Date | null;
  absentUntil: Date | null;
}

export const shiftPersonSelect = { id: true, name: true, teamsUserId: true, aadObjectId: true, absentFrom: true, absentUntil: true } as const;

/**
 * Absent at `at`: from `absentFrom` on, up to the end of the local day of `absentUntil` (an import's `absentUntil`
 * is the last day of the absence), or open-ended.
 */
export function isAbsentAt(p: Pick<ShiftPerson, 'absentFrom' | 'absentUntil'>, at: Date, timeZone: string): boolean {
  if (!p.absentFrom || p.absentFrom.getTime() > at.getTime()) return false;
  if (!p.absentUntil) return true;
  const end = DateTime.fromJSDate(p.absentUntil, { zone: timeZone }).endOf('day').toMillis();
  return at.getTime() <= end;
}

/** Whether the wall time `time` (HH:mm) lies in [from, until). */
export function inWindow(time: string, from: string | null, until: string | null): boolean {
  return (!from || time >= from) && (!until || time < until);
}

export interface OnShift {
  date: string;
  people: ShiftPerson[];
  leads: ShiftPerson[];
}

/** The people on shift and the shift leads at `at` (both without absent people), sorted by name. */
export async function onShiftAt(db: DbOrTx, at: Date, timeZone: string): Promise<OnShift> {
  const date = formatIsoDate(at, timeZone);
  const time = localTime(at, timeZone);
  const entries = await db.shiftAssignment.findMany({ where: { date }, select: { personId: true, lead: true, from: true, until: true } });
  const ids = [...new Set(entries.map((e) => e.personId))];
  const people = new Map((ids.length ? await db.person.findMany({ where: { id: { in: ids } }, select: shiftPersonSelect }) : []).map((p) => [p.id, p]));
  const present = (id: string) => {
    const p = people.get(id);
    return p && !isAbsentAt(p, at, timeZone) ? p : undefined;
  };
  const pick = (list: typeof entries) => {
    const out = new Map<string, ShiftPerson>();
    for (const e of list) {
      const p = present(e.personId);
      if (p) out.set(p.id, p);
    }
    return [...out.values()].sort((a, b) => a.name.localeCompare(b.name, 'de') || a.id.localeCompare(b.id));
  };
  return { date, people: pick(entries.filter((e) => inWindow(time, e.from, e.until))), leads: pick(entries.filter((e) => e.lead)) };
}

export function infoOf(p: Pick<ShiftPerson, 'id' | 'name'>): PersonInfo {
  return { id: p.id, name: p.name };
}

/** The @mentions of people whose Teams user id (or Entra object id) is known; the others are named without one. */
export function mentionsOf(people: readonly ShiftPerson[]): ShiftMention[] {
  return people.flatMap((p) => {
    const id = p.teamsUserId ?? p.aadObjectId;
    return id ? [{ id, name: p.name }] : [];
  });
}
