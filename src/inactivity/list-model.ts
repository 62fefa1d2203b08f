// `inaktiv`: the inactive-management list that replaces today's manual dashlet "Inaktive". A client is on it while
// its running cycle has reached the list (now >= lastTaskAt + listAfterWeeks, local calendar weeks), it is not with
// Conny yet, not postponed (postponedUntil passed or never set) and not excluded. A cycle paused by the client's
// reply is not on it: somebody is talking to the client, and "fortsetzen" brings it back. Longest-inactive first.
// Read-only; the community and admin teams only.
import { DateTime } from 'luxon';
import type { InactivityConfig } from '../config/config.ts';
import type { DbOrTx } from '../db/client.ts';
import { clientInfo } from '../clients/client-info.ts';
import type { Actor } from '../identity/find-actor.ts';
import type { InactivityListModel, InactivityListRow } from '../notices/inactivity.ts';
import { requireRole } from '../people/access.ts';
import { formatDate, formatDateTime, formatIsoDate } from '../time/format.ts';
import { INACTIVE_MANAGEMENT_ROLES } from './hand-over-to-conny.ts';
import { weeksAfter } from './schedule.ts';

export interface InactiveListOptions {
  db: DbOrTx;
  actor: Actor | null;
  now: Date;
  timeZone: string;
  config: InactivityConfig;
  /** After an action on the list: what was done, for the line on top of the refreshed list. */
  done?: ListDone;
}

/** What an action on the list just did (the client is read from the cycle when only the cycle is known). */
export type ListDone =
  | { action: 'handover'; cycleId: string }
  | { action: 'postpone'; cycleId: string; until: Date }
  | { action: 'exclude'; clientId: string; until: Date | null };

/** One entry of the list before it is shown (also what tests and the report read). */
export interface InactiveListEntry {
  cycleId: string;
  version: number;
  clientId: string;
  lastTaskAt: Date;
  /** The client's newest task before now, or null when it never posted one (lastTaskAt is then the assignment's start). */
  lastTaskCreatedAt: Date | null;
  vpaId: string | null;
  postponedUntil: Date | null;
  postponeReason: string | null;
}

/** Whole weeks between the local calendar days of `from` and `to`. */
export function weeksBetween(from: Date, to: Date, timeZone: string): number {
  const day = (at: Date) => DateTime.fromJSDate(at, { zone: timeZone }).startOf('day');
  return Math.max(0, Math.floor(day(to).diff(day(from), 'days').days / 7));
}

/** Whether a cycle with this last task is due for the list at `now`. */
export function reachedList(lastTaskAt: Date, now: Date, config: Pick<InactivityConfig, 'listAfterWeeks'>, timeZone: string): boolean {
  return weeksAfter(lastTaskAt, config.listAfterWeeks, timeZone).getTime() <= now.getTime();
}

/** The cycles on the list at `now`, longest-inactive first (no access check: for the model and the report). */
export async function inactiveListEntries(db: DbOrTx, now: Date, timeZone: string, config: Pick<InactivityConfig, 'listAfterWeeks'>): Promise<InactiveListEntry[]> {
  // A generous database cutoff (a day of slack for time zones and summer time); the exact rule is applied below.
  const cutoff = DateTime.fromJSDate(now, { zone: timeZone }).minus({ weeks: config.listAfterWeeks }).plus({ days: 1 }).toJSDate();
  const cycles = await db.inactivityCycle.findMany({
    where: { status: 'running', connyAt: null, lastTaskAt: { lte: cutoff }, OR: [{ postponedUntil: null }, { postponedUntil: { lte: now } }] },
    select: { id: true, version: true, clientId: true, lastTaskAt: true, vpaId: true, postponedUntil: true, postponeReason: true },
    orderBy: [{ lastTaskAt: 'asc' }, { id: 'asc' }],
  });
  const due = cycles.filter((c) => reachedList(c.lastTaskAt, now, config, timeZone));
  if (due.length === 0) return [];
  const clientIds = [...new Set(due.map((c) => c.clientId))];
  const excluded = await db.inactivityExclusion.findMany({
    where: { clientId: { in: clientIds }, from: { lte: now }, OR: [{ until: null }, { until: { gt: now } }] },
    select: { clientId: true },
  });
  const excludedIds = new Set(excluded.map((e) => e.clientId));
  const lastTasks = await db.task.groupBy({ by: ['clientId'], where: { clientId: { in: clientIds }, createdAt: { lte: now } }, _max: { createdAt: true } });
  const lastTaskOf = new Map(lastTasks.map((t) => [t.clientId, t._max.createdAt ?? null]));
  return due
    .filter((c) => !excludedIds.has(c.clientId))
    .map((c) => ({
      cycleId: c.id,
      version: c.version,
      clientId: c.clientId,
      lastTaskAt: c.lastTaskAt,
      lastTaskCreatedAt: lastTaskOf.get(c.clientId) ?? null,
      vpaId: c.vpaId,
      postponedUntil: c.postponedUntil,
      postponeReason: c.postponeReason,
    }));
}

const ONE_DAY_MS = 86_400_000;

/**
 * The cycle counts from `lastTaskAt`: the last task, or the assignment's start when the client's tasks (if any) are
 * older than it. Say which.
 */
export function lastTaskText(lastTaskAt: Date, newestTask: Date | null, timeZone: string): string {
  if (!newestTask) return `keine (zugeordnet seit ${formatDate(lastTaskAt, timeZone)})`;
  if (newestTask.getTime() < lastTaskAt.getTime() - ONE_DAY_MS) return `${formatDate(newestTask, timeZone)} (zugeordnet seit ${formatDate(lastTaskAt, timeZone)})`;
  return formatDate(lastTaskAt, timeZone);
}

async function doneText(db: DbOrTx, done: ListDone, timeZone: string): Promise<string> {
  const clientId = done.action === 'exclude' ? done.clientId : (await db.inactivityCycle.findUnique({ where: { id: done.cycleId }, select: { clientId: true } }))?.clientId;
  const client = clientId ? await db.client.findUnique({ where: { id: clientId }, select: { id: true, number: true, name: true, class: true, workType: true } }) : null;
  const name = client ? clientInfo(client).nameWithClass : 'Der Kunde';
  switch (done.action) {
    case 'handover':
      return `${name} ist an Conny übergeben. Conny stellt sich dem Kunden im nächsten Sendefenster vor.`;
    case 'postpone':
      return `${name} ist verschoben und kommt am ${formatDate(done.until, timeZone)} wieder auf die Liste.`;
    case 'exclude':
      // `until` is the first instant after the break: the day before is the last one it includes.
      return done.until ? `${name} ist bis einschließlich ${formatDate(new Date(done.until.getTime() - 1), timeZone)} ausgenommen.` : `${name} ist dauerhaft ausgenommen.`;
  }
}

/** The `inaktiv` card's model. */
export async function inactiveList(options: InactiveListOptions): Promise<InactivityListModel> {
  requireRole(options.actor, INACTIVE_MANAGEMENT_ROLES, 'inaktiv');
  const { db, now, timeZone, config } = options;
  const entries = await inactiveListEntries(db, now, timeZone, config);
  const clients = await db.client.findMany({ where: { id: { in: entries.map((e) => e.clientId) } }, select: { id: true, number: true, name: true, class: true, workType: true } });
  const clientById = new Map(clients.map((c) => [c.id, c]));
  const vpaIds = [...new Set(entries.flatMap((e) => (e.vpaId ? [e.vpaId] : [])))];
  const people = await db.person.findMany({ where: { id: { in: vpaIds } }, select: { id: true, name: true } });
  const nameOf = new Map(people.map((p) => [p.id, p.name]));
  const rows: InactivityListRow[] = entries.flatMap((e) => {
    const client = clientById.get(e.clientId);
    if (!client) return [];
    const weeks = weeksBetween(e.lastTaskAt, now, timeZone);
    return [
      {
        ref: { cycleId: e.cycleId, clientId: e.clientId, version: e.version },
        client: clientInfo(client),
        vpaName: (e.vpaId && nameOf.get(e.vpaId)) || '–',
        lastTaskText: lastTaskText(e.lastTaskAt, e.lastTaskCreatedAt, timeZone),
        weeksInactive: weeks,
        inactiveText: `seit ${weeks} Wochen ohne Aufgabe`,
        postponedText: e.postponedUntil ? `War verschoben bis ${formatDate(e.postponedUntil, timeZone)}${e.postponeReason ? `: ${e.postponeReason}` : ''}` : null,
      },
    ];
  });
  return {
    rows,
    doneText: options.done ? await doneText(db, options.done, timeZone) : null,
    asOfText: `Stand ${formatDateTime(now, timeZone)}`,
    listAfterWeeks: config.listAfterWeeks,
    minDate: formatIsoDate(DateTime.fromJSDate(now, { zone: timeZone }).plus({ days: 1 }).toJSDate(), timeZone),
    autoHandover: config.autoHandover,
  };
}
