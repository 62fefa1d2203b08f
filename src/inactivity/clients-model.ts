// `kunden`: a VPA's current clients as the dashboard shows them, in Teams. A client with the red question mark
// (ClientMark) is inactive: it comes first (longest-inactive first) with where its messages stand, and the card
// repeats the wiki's tips for reactivating the client oneself. Read-only; the VPA's own clients only.
import { DateTime } from 'luxon';
import type { InactivityConfig } from '../config/config.ts';
import type { DbOrTx } from '../db/client.ts';
import { currentAt } from '../assignments/current.ts';
import { serviceLength } from '../assignments/history.ts';
import { clientInfo } from '../clients/client-info.ts';
import type { Actor } from '../identity/find-actor.ts';
import type { InactivityClientRow, InactivityClientsModel } from '../notices/inactivity.ts';
import { requireRole } from '../people/access.ts';
import { formatDate, formatDateTime } from '../time/format.ts';
import { ACTIVE_STATUSES } from './cycle-store.ts';
import { weeksBetween } from './list-model.ts';
import { weeksAfter } from './schedule.ts';
import { stepLabel } from './steps.ts';
import { REACTIVATION_TIPS } from './tips.ts';

export interface VpaClientsOptions {
  db: DbOrTx;
  actor: Actor | null;
  now: Date;
  timeZone: string;
  config: InactivityConfig;
}

interface CycleView {
  id: string;
  clientId: string;
  version: number;
  status: string;
  lastTaskAt: Date;
  connyAt: Date | null;
  postponedUntil: Date | null;
}

/** "heute", "gestern", "vor 3 Tagen", "vor 1 Woche", "vor 14 Wochen" (local calendar days). */
export function agoText(at: Date, now: Date, timeZone: string): string {
  const day = (d: Date) => DateTime.fromJSDate(d, { zone: timeZone }).startOf('day');
  const days = Math.max(0, Math.round(day(now).diff(day(at), 'days').days));
  if (days === 0) return 'heute';
  if (days === 1) return 'gestern';
  if (days < 7) return `vor ${days} Tagen`;
  const weeks = weeksBetween(at, now, timeZone);
  return weeks === 1 ? 'vor 1 Woche' : `vor ${weeks} Wochen`;
}

function statusText(cycle: CycleView, vpaMessageAt: Date | null, options: VpaClientsOptions): string {
  const { now, timeZone, config } = options;
  if (cycle.status === 'paused') return 'Der Kunde hat geantwortet; die Erinnerungen ruhen. Wenn nichts mehr zu klären ist, tippe auf „fortsetzen“.';
  if (cycle.connyAt) return `Seit ${formatDate(cycle.connyAt, timeZone)} beim Inactive Management (Conny).`;
  const sent = vpaMessageAt ? `${stepLabel('vpa_message', config)} in deinem Namen gesendet am ${formatDate(vpaMessageAt, timeZone)}. ` : '';
  if (cycle.postponedUntil && cycle.postponedUntil > now) return `${sent}Das Inactive Management hat den Kunden bis ${formatDate(cycle.postponedUntil, timeZone)} zurückgestellt.`;
  const listAt = weeksAfter(cycle.lastTaskAt, config.listAfterWeeks, timeZone);
  if (listAt <= now) return `${sent}Der Kunde steht auf der Liste des Inactive Managements und kann jederzeit an Conny übergeben werden.`;
  return `${sent}Ohne neue Aufgabe bis zum ${formatDate(listAt, timeZone)} übernimmt das Inactive Management (Conny).`;
}

export async function vpaClients(options: VpaClientsOptions): Promise<InactivityClientsModel> {
  const actor = requireRole(options.actor, ['vpa'], 'kunden');
  const { db, now, timeZone } = options;
  const own = await db.assignment.findMany({ where: { vpaId: actor.id, ...currentAt(now) }, select: { clientId: true } });
  const clientIds = [...new Set(own.map((a) => a.clientId))];
  const [clients, history, marks, cycles, lastTasks] = await Promise.all([
    db.client.findMany({ where: { id: { in: clientIds } }, select: { id: true, number: true, name: true, class: true, workType: true } }),
    db.assignment.findMany({ where: { clientId: { in: clientIds } }, select: { clientId: true, vpaId: true, from: true, to: true } }),
    db.clientMark.findMany({ where: { clientId: { in: clientIds } }, select: { clientId: true, markedAt: true } }),
    db.inactivityCycle.findMany({
      where: { clientId: { in: clientIds }, status: { in: [...ACTIVE_STATUSES] } },
      select: { id: true, clientId: true, version: true, status: true, lastTaskAt: true, connyAt: true, postponedUntil: true, cycle: true },
      orderBy: { cycle: 'asc' },
    }),
    db.task.groupBy({ by: ['clientId'], where: { clientId: { in: clientIds }, createdAt: { lte: now } }, _max: { createdAt: true } }),
  ]);
  const vpaMessages = await db.inactivityStep.findMany({
    where: { cycleId: { in: cycles.map((c) => c.id) }, step: 'vpa_message', outcome: 'sent' },
    select: { cycleId: true, at: true },
  });
  const markOf = new Map(marks.map((m) => [m.clientId, m.markedAt]));
  // The newest active cycle per client (there is at most one; the last one read wins).
  const cycleOf = new Map(cycles.map((c) => [c.clientId, c]));
  const sentAt = new Map(vpaMessages.map((s) => [s.cycleId, s.at]));
  const lastTaskOf = new Map(lastTasks.map((t) => [t.clientId, t._max.createdAt ?? null]));

  const rows = clients.map((c): { row: InactivityClientRow; since: number } => {
    const marked = markOf.has(c.id);
    const cycle = cycleOf.get(c.id);
    const lastTask = lastTaskOf.get(c.id) ?? null;
    const service = serviceLength(
      history.filter((h) => h.clientId === c.id),
      actor.id,
      now,
      timeZone,
    );
    const row: InactivityClientRow = {
      client: clientInfo(c),
      marked,
      lastTaskText: lastTask ? `${formatDate(lastTask, timeZone)} (${agoText(lastTask, now, timeZone)})` : 'noch keine Aufgabe',
      servingSinceText: service ? `seit ${service.sinceText} (${service.text})` : null,
      statusText: marked && cycle ? statusText(cycle, sentAt.get(cycle.id) ?? null, options) : null,
      resume: cycle && cycle.status === 'paused' ? { cycleId: cycle.id, clientId: c.id, version: cycle.version } : null,
    };
    // Marked clients first, longest without a task first; the others by name.
    const since = marked ? (cycle?.lastTaskAt ?? lastTask ?? markOf.get(c.id) ?? now).getTime() : Number.POSITIVE_INFINITY;
    return { row, since };
  });
  rows.sort((a, b) => a.since - b.since || a.row.client.name.localeCompare(b.row.client.name, 'de') || a.row.client.number.localeCompare(b.row.client.number));
  return {
    personName: actor.name,
    rows: rows.map((r) => r.row),
    markedCount: rows.filter((r) => r.row.marked).length,
    tips: [...REACTIVATION_TIPS],
    asOfText: `Stand ${formatDateTime(now, timeZone)}`,
  };
}
