// What a check card shows, taken once when the check is posted and kept on the ShiftCheck (`counts`), so the card
// shows the same figures when "geprüft" updates it later: the open items per kind, the oldest of each, and every
// item past or near (alert share reached) its response deadline, most urgent first.
import type { DbOrTx } from '../db/client.ts';
import type { ShiftItemKind, ShiftItemView } from '../notices/shift.ts';
import { formatDateTime } from '../time/format.ts';
import { alertAtOf, asKind, deadlineOf, durationText, KIND_LABELS, SHIFT_KINDS, type ShiftRules } from './deadlines.ts';

/** How many urgent items a check card lists (the card must stay well under Teams' 28 KB). */
export const URGENT_LIST_MAX = 8;

export interface SnapshotItem {
  id: string;
  kind: ShiftItemKind;
  clientNumber: string;
  clientName: string | null;
  subject: string;
  receivedAt: string;
  deadline: string;
  alertAt: string;
  answeredAt: string | null;
}

export interface CheckSnapshot {
  at: string;
  counts: Record<ShiftItemKind, number>;
  oldest: Record<ShiftItemKind, SnapshotItem | null>;
  urgent: SnapshotItem[];
  urgentTotal: number;
}

export interface InboxRow {
  id: string;
  kind: string;
  clientId: string | null;
  clientNumber: string;
  subject: string;
  receivedAt: Date;
  answeredAt: Date | null;
}

export const inboxRowSelect = { id: true, kind: true, clientId: true, clientNumber: true, subject: true, receivedAt: true, answeredAt: true } as const;

export async function clientNames(db: DbOrTx, rows: readonly Pick<InboxRow, 'clientId'>[]): Promise<Map<string, string>> {
  const ids = [...new Set(rows.map((r) => r.clientId).filter((id): id is string => !!id))];
  if (ids.length === 0) return new Map();
  return new Map((await db.client.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } })).map((c) => [c.id, c.name]));
}

export function snapshotItem(row: InboxRow, names: ReadonlyMap<string, string>, rules: ShiftRules): SnapshotItem {
  return {
    id: row.id,
    kind: asKind(row.kind),
    clientNumber: row.clientNumber,
    clientName: row.clientId ? (names.get(row.clientId) ?? null) : null,
    subject: row.subject,
    receivedAt: row.receivedAt.toISOString(),
    deadline: deadlineOf(row, rules).toISOString(),
    alertAt: alertAtOf(row, rules).toISOString(),
    answeredAt: row.answeredAt?.toISOString() ?? null,
  };
}

/** The Conny account's open items at `now` (received by then, not answered by then). */
export async function takeSnapshot(db: DbOrTx, now: Date, rules: ShiftRules): Promise<CheckSnapshot> {
  const rows = await db.inboxItem.findMany({
    where: { receivedAt: { lte: now }, OR: [{ answeredAt: null }, { answeredAt: { gt: now } }] },
    select: inboxRowSelect,
    orderBy: [{ receivedAt: 'asc' }, { id: 'asc' }],
  });
  const counts: Record<ShiftItemKind, number> = { chat: 0, mail: 0, task: 0 };
  const oldestRows: Partial<Record<ShiftItemKind, InboxRow>> = {};
  for (const r of rows) {
    const kind = asKind(r.kind);
    counts[kind]++;
    oldestRows[kind] ??= r;
  }
  const urgentRows = rows
    .map((r) => ({ r, alertAt: alertAtOf(r, rules), deadline: deadlineOf(r, rules) }))
    .filter((x) => x.alertAt.getTime() <= now.getTime())
    .sort((a, b) => a.deadline.getTime() - b.deadline.getTime() || a.r.id.localeCompare(b.r.id));
  const shown = urgentRows.slice(0, URGENT_LIST_MAX).map((x) => x.r);
  const names = await clientNames(db, [...shown, ...Object.values(oldestRows)]);
  const oldest = Object.fromEntries(SHIFT_KINDS.map((k) => [k, oldestRows[k] ? snapshotItem(oldestRows[k], names, rules) : null])) as Record<ShiftItemKind, SnapshotItem | null>;
  return { at: now.toISOString(), counts, oldest, urgent: shown.map((r) => snapshotItem(r, names, rules)), urgentTotal: urgentRows.length };
}

export function parseSnapshot(json: string): CheckSnapshot {
  try {
    const v = JSON.parse(json) as Partial<CheckSnapshot>;
    if (v && typeof v === 'object' && v.counts && v.oldest && Array.isArray(v.urgent) && typeof v.at === 'string') return v as CheckSnapshot;
  } catch {
    // unreadable: an empty snapshot
  }
  return { at: new Date(0).toISOString(), counts: { chat: 0, mail: 0, task: 0 }, oldest: { chat: null, mail: null, task: null }, urgent: [], urgentTotal: 0 };
}

/** An item as a card shows it, at the instant `at` (the check's time, or now for an alert). */
export function itemView(item: SnapshotItem, at: Date, timeZone: string): ShiftItemView {
  const received = new Date(item.receivedAt);
  const deadline = new Date(item.deadline);
  const alertAt = new Date(item.alertAt);
  const answeredAt = item.answeredAt ? new Date(item.answeredAt) : null;
  let state: ShiftItemView['state'];
  let stateText: string;
  if (answeredAt && answeredAt.getTime() <= at.getTime()) {
    state = 'answered';
    stateText = `beantwortet am ${formatDateTime(answeredAt, timeZone)}${answeredAt.getTime() > deadline.getTime() ? ' (nach der Frist)' : ''}`;
  } else if (deadline.getTime() <= at.getTime()) {
    state = 'overdue';
    stateText = `überfällig seit ${durationText(at.getTime() - deadline.getTime())}`;
  } else if (alertAt.getTime() <= at.getTime()) {
    state = 'near';
    stateText = `Frist in ${durationText(deadline.getTime() - at.getTime())}`;
  } else {
    state = 'ok';
    stateText = `Frist ${formatDateTime(deadline, timeZone)}`;
  }
  return {
    id: item.id,
    kind: item.kind,
    kindLabel: KIND_LABELS[item.kind],
    clientText: item.clientName ? `${item.clientNumber} · ${item.clientName}` : item.clientNumber || 'unbekannter Kunde',
    subject: item.subject,
    receivedText: formatDateTime(received, timeZone),
    ageText: `seit ${durationText(at.getTime() - received.getTime())}`,
    deadlineText: formatDateTime(deadline, timeZone),
    state,
    stateText,
  };
}
