// The shift plan of today and tomorrow (`schichtplan`): who is on which shift, the lead, the times, and who is
// absent. The shift lead of a day and the managers add and remove that day's entries; the import (`import shifts`)
// fills the plan in bulk. Each change is one transaction with an audit event.
import { DateTime } from 'luxon';
import { recordAudit } from '../audit/record.ts';
import type { DbOrTx } from '../db/client.ts';
import { AppError } from '../errors/catalogue.ts';
import { randomId } from '../ids.ts';
import { peopleWithRoles } from '../notices/audience.ts';
import type { ShiftPlanDay, ShiftPlanModel } from '../notices/shift.ts';
import type { UseCaseOptions, WithIds } from '../use-case/options.ts';
import { instantOf, isShiftWorkingDate, nextDate } from './calendar.ts';
import { isAbsentAt, shiftPersonSelect } from './on-shift.ts';
import { isLeadOn, mayEditPlan } from './permissions.ts';
import { formatIsoDate } from '../time/format.ts';

export const SHIFT_NAME_MAX = 40;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

export interface PlanOptions extends UseCaseOptions {
  holidaysState: string | undefined;
  /** A line about the change just made, shown on the card. */
  notice?: string | null;
}

function dayText(date: string, label: string, timeZone: string): string {
  return `${label}, ${DateTime.fromISO(date, { zone: timeZone }).setLocale('de').toFormat('cccc, dd.LL.yyyy')}`;
}

export function planDates(now: Date, timeZone: string): [string, string] {
  const today = formatIsoDate(now, timeZone);
  return [today, nextDate(today)];
}

export async function planDay(db: DbOrTx, date: string, label: string, o: Pick<PlanOptions, 'timeZone' | 'holidaysState'>): Promise<ShiftPlanDay> {
  const entries = await db.shiftAssignment.findMany({ where: { date }, orderBy: [{ from: 'asc' }, { shift: 'asc' }] });
  const ids = [...new Set(entries.map((e) => e.personId))];
  const people = new Map((ids.length ? await db.person.findMany({ where: { id: { in: ids } }, select: shiftPersonSelect }) : []).map((p) => [p.id, p]));
  const noon = instantOf(date, '12:00', o.timeZone);
  const rows = entries
    .map((e) => {
      const p = people.get(e.personId);
      const time = e.from || e.until ? `${e.from ?? '…'}–${e.until ?? '…'} Uhr` : 'ganztags';
      return {
        assignmentId: e.id,
        shift: e.shift,
        person: { id: e.personId, name: p?.name ?? 'unbekannt' },
        lead: e.lead,
        timeText: time,
        absenceText: p && isAbsentAt(p, noon, o.timeZone) ? 'abwesend' : null,
      };
    })
    .sort((a, b) => (a.shift === b.shift ? a.person.name.localeCompare(b.person.name, 'de') : 0));
  return { date, dateText: dayText(date, label, o.timeZone), workingDay: isShiftWorkingDate(date, o.holidaysState), rows };
}

export async function shiftPlan(o: PlanOptions): Promise<ShiftPlanModel> {
  const [today, tomorrow] = planDates(o.now, o.timeZone);
  const days = [await planDay(o.db, today, 'Heute', o), await planDay(o.db, tomorrow, 'Morgen', o)];
  const canEdit = await mayEditPlan(o.db, o.actor, [today, tomorrow]);
  const staff = canEdit ? await peopleWithRoles(o.db, ['shift']) : [];
  return {
    days,
    canEdit,
    people: staff.map((p) => ({ value: p.id, label: p.name })),
    dateChoices: days.map((d) => ({ value: d.date, label: d.dateText })),
    notice: o.notice ?? null,
  };
}

async function requireEditor(o: UseCaseOptions, date: string, detail: string): Promise<string> {
  const [today, tomorrow] = planDates(o.now, o.timeZone);
  if (date !== today && date !== tomorrow) {
    throw new AppError('SHIFT_PLAN_INPUT_INVALID', { detail: `${detail}: date ${date}`, userMessage: 'Hier lässt sich nur der Plan für heute und morgen ändern; für andere Tage bitte „import shifts“ nutzen.' });
  }
  if (!o.actor) throw new AppError('NOT_REGISTERED');
  const manager = await mayEditPlan(o.db, o.actor, []);
  if (!manager && !(await isLeadOn(o.db, o.actor.id, [date]))) throw new AppError('SHIFT_PLAN_NOT_LEAD', { detail });
  return o.actor.id;
}

export interface AddPlanEntryOptions extends UseCaseOptions, WithIds {
  date: string;
  shift: string;
  personId: string;
  lead: boolean;
  from?: string | undefined;
  until?: string | undefined;
}

/** Adds (or, for the same date, shift and person, changes) one entry. */
export async function addPlanEntry(o: AddPlanEntryOptions): Promise<string> {
  const actorId = await requireEditor(o, o.date, 'add plan entry');
  const shift = o.shift.trim();
  const invalid = (userMessage: string) => new AppError('SHIFT_PLAN_INPUT_INVALID', { detail: 'add plan entry', userMessage });
  if (!shift || shift.length > SHIFT_NAME_MAX) throw invalid(`Bitte gib den Namen der Schicht an (höchstens ${SHIFT_NAME_MAX} Zeichen), z. B. „früh“.`);
  const from = o.from?.trim() || null;
  const until = o.until?.trim() || null;
  if ((from && !TIME.test(from)) || (until && !TIME.test(until))) throw invalid('Bitte gib die Zeiten als HH:MM an, z. B. 08:00.');
  if (from && until && from >= until) throw invalid('Das Ende der Schicht muss nach ihrem Beginn liegen.');
  const person = await o.db.person.findUnique({ where: { id: o.personId }, select: { id: true, name: true } });
  if (!person) throw new AppError('PERSON_NOT_FOUND', { detail: o.personId });
  return o.db.$transaction(async (tx) => {
    const existing = await tx.shiftAssignment.findUnique({ where: { date_shift_personId: { date: o.date, shift, personId: person.id } }, select: { id: true } });
    const id = existing?.id ?? (o.newId ?? randomId)();
    if (existing) await tx.shiftAssignment.update({ where: { id }, data: { lead: o.lead, from, until } });
    else await tx.shiftAssignment.create({ data: { id, date: o.date, shift, personId: person.id, lead: o.lead, from, until, createdAt: o.now } });
    await recordAudit(tx, { at: o.now, actorId, action: existing ? 'shift.plan_changed' : 'shift.plan_added', subjectType: 'shift_assignment', subjectId: id, data: { date: o.date, personId: person.id, lead: o.lead } });
    return `Eingetragen: ${person.name}, ${shift}${o.lead ? ' (Schichtleitung)' : ''}, ${o.date}.`;
  });
}

export interface RemovePlanEntryOptions extends UseCaseOptions {
  assignmentId: string;
}

export async function removePlanEntry(o: RemovePlanEntryOptions): Promise<string> {
  const entry = await o.db.shiftAssignment.findUnique({ where: { id: o.assignmentId } });
  if (!entry) throw new AppError('SHIFT_ASSIGNMENT_NOT_FOUND', { detail: o.assignmentId });
  const actorId = await requireEditor(o, entry.date, 'remove plan entry');
  return o.db.$transaction(async (tx) => {
    const { count } = await tx.shiftAssignment.deleteMany({ where: { id: entry.id } });
    if (count === 0) throw new AppError('SHIFT_ASSIGNMENT_NOT_FOUND', { detail: o.assignmentId });
    await recordAudit(tx, { at: o.now, actorId, action: 'shift.plan_removed', subjectType: 'shift_assignment', subjectId: entry.id, data: { date: entry.date, personId: entry.personId } });
    const person = await tx.person.findUnique({ where: { id: entry.personId }, select: { name: true } });
    return `Entfernt: ${person?.name ?? 'unbekannt'}, ${entry.shift}, ${entry.date}.`;
  });
}
