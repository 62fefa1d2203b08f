// The shift report (`schicht bericht`, `staffelstab shifts report`) for a period of local calendar days (both
// inclusive, TZ_BUSINESS):
//   checks      every scheduled check whose slot lies in the period: who was on shift, who pressed "geprüft", the
//               minutes from posting to "geprüft", and whether it escalated to the lead / the VPA managers;
//   totals      checks, acknowledged, unacknowledged, average and longest minutes to acknowledge (acknowledged
//               checks only, rounded to whole minutes), escalations per step;
//   byPerson    acknowledged checks per person;
//   kinds       per item kind, the items received in the period: answered in time (answeredAt <= deadline),
//               answered late, still open past the deadline at the report's time, still open in time; misses =
//               answered late + open past the deadline. Deadlines as everywhere: receipt + the kind's working hours.
import { DateTime } from 'luxon';
import type { DbOrTx } from '../db/client.ts';
import { AppError } from '../errors/catalogue.ts';
import type { ShiftReportCheck, ShiftReportKind, ShiftReportModel } from '../notices/shift.ts';
import { formatDate, formatDateTime, formatIsoDate } from '../time/format.ts';
import { instantOf, nextDate } from './calendar.ts';
import { parsePinged } from './check-view.ts';
import { asKind, deadlineOf, KIND_PLURALS, SHIFT_KINDS, type ShiftRules } from './deadlines.ts';
import { escalationKey } from './escalation-job.ts';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export interface ShiftReportPeriod {
  from: string;
  to: string;
}

/** The period asked for; default: the first of this month until today. Refuses malformed dates and an end before the start. */
export function shiftReportPeriod(input: { from?: string | undefined; to?: string | undefined }, now: Date, timeZone: string): ShiftReportPeriod {
  const today = formatIsoDate(now, timeZone);
  const to = input.to?.trim() || today;
  const from = input.from?.trim() || `${to.slice(0, 8)}01`;
  for (const d of [from, to]) {
    if (!DATE.test(d) || !DateTime.fromISO(d).isValid) throw new AppError('SHIFT_REPORT_PERIOD_INVALID', { detail: d, userMessage: `„${d}“ ist kein gültiges Datum. Bitte JJJJ-MM-TT angeben, z. B. 2027-03-01.` });
  }
  if (to < from) throw new AppError('SHIFT_REPORT_PERIOD_INVALID', { detail: `${from}..${to}`, userMessage: 'Das Ende des Zeitraums liegt vor seinem Anfang.' });
  return { from, to };
}

export interface ShiftReportOptions extends ShiftReportPeriod {
  db: DbOrTx;
  now: Date;
  rules: ShiftRules;
}

export async function shiftReport(o: ShiftReportOptions): Promise<ShiftReportModel> {
  const tz = o.rules.businessTimeZone;
  const rows = await o.db.shiftCheck.findMany({
    where: { slot: { gte: `${o.from}T00:00`, lte: `${o.to}T23:59` } },
    select: { id: true, slot: true, dueAt: true, postedAt: true, pinged: true, acknowledgedById: true, acknowledgedAt: true },
    orderBy: { slot: 'asc' },
  });
  const ackIds = [...new Set(rows.map((r) => r.acknowledgedById).filter((id): id is string => !!id))];
  const names = new Map((ackIds.length ? await o.db.person.findMany({ where: { id: { in: ackIds } }, select: { id: true, name: true } }) : []).map((p) => [p.id, p.name]));
  const claimKeys = rows.flatMap((r) => [escalationKey(r.slot, 'lead'), escalationKey(r.slot, 'managers')]);
  const claimed = new Set(claimKeys.length ? (await o.db.reminderClaim.findMany({ where: { key: { in: claimKeys } }, select: { key: true } })).map((c) => c.key) : []);

  const checks: ShiftReportCheck[] = rows.map((r) => ({
    slot: r.slot,
    slotText: DateTime.fromJSDate(r.dueAt, { zone: tz }).setLocale('de').toFormat('ccc dd.LL.yyyy HH:mm'),
    onShiftNames: parsePinged(r.pinged).people.map((p) => p.name),
    acknowledgedBy: r.acknowledgedById ? (names.get(r.acknowledgedById) ?? 'unbekannt') : null,
    minutesToAcknowledge: r.acknowledgedAt ? Math.round((r.acknowledgedAt.getTime() - r.postedAt.getTime()) / 60_000) : null,
    escalatedToLead: claimed.has(escalationKey(r.slot, 'lead')),
    escalatedToManagers: claimed.has(escalationKey(r.slot, 'managers')),
  }));
  const minutes = checks.map((c) => c.minutesToAcknowledge).filter((m): m is number => m !== null);
  const byPerson = new Map<string, number>();
  for (const c of checks) if (c.acknowledgedBy) byPerson.set(c.acknowledgedBy, (byPerson.get(c.acknowledgedBy) ?? 0) + 1);

  const items = await o.db.inboxItem.findMany({
    where: { receivedAt: { gte: instantOf(o.from, '00:00', tz), lt: instantOf(nextDate(o.to), '00:00', tz) } },
    select: { kind: true, receivedAt: true, answeredAt: true },
  });
  const kinds: ShiftReportKind[] = SHIFT_KINDS.map((kind) => ({ kind, label: KIND_PLURALS[kind], responseHours: o.rules.shift.responseHours[kind], received: 0, answeredInTime: 0, answeredLate: 0, openOverdue: 0, openInTime: 0, misses: 0 }));
  for (const item of items) {
    const k = kinds[SHIFT_KINDS.indexOf(asKind(item.kind))]!;
    const deadline = deadlineOf(item, o.rules).getTime();
    k.received++;
    if (item.answeredAt && item.answeredAt.getTime() <= o.now.getTime()) {
      if (item.answeredAt.getTime() <= deadline) k.answeredInTime++;
      else k.answeredLate++;
    } else if (o.now.getTime() > deadline) k.openOverdue++;
    else k.openInTime++;
  }
  for (const k of kinds) k.misses = k.answeredLate + k.openOverdue;

  return {
    from: o.from,
    to: o.to,
    periodText: `${formatDate(instantOf(o.from, '12:00', tz), tz)} – ${formatDate(instantOf(o.to, '12:00', tz), tz)}`,
    generatedAtText: formatDateTime(o.now, tz),
    checks,
    totals: {
      checks: checks.length,
      acknowledged: minutes.length,
      unacknowledged: checks.length - minutes.length,
      averageMinutesToAcknowledge: minutes.length ? Math.round(minutes.reduce((a, b) => a + b, 0) / minutes.length) : null,
      maxMinutesToAcknowledge: minutes.length ? Math.max(...minutes) : null,
      escalatedToLead: checks.filter((c) => c.escalatedToLead).length,
      escalatedToManagers: checks.filter((c) => c.escalatedToManagers).length,
    },
    byPerson: [...byPerson.entries()].map(([name, n]) => ({ name, checks: n })).sort((a, b) => b.checks - a.checks || a.name.localeCompare(b.name, 'de')),
    kinds,
  };
}
