// The check card's and the escalation card's view models, from what the ShiftCheck row keeps (the snapshot in
// `counts`, who was on shift in `pinged`) and who acknowledged it. Built the same way for the first post and for
// every update, so "geprüft" changes only the acknowledgement part.
import { DateTime } from 'luxon';
import type { DbOrTx } from '../db/client.ts';
import { AppError } from '../errors/catalogue.ts';
import type { PersonInfo } from '../notices/common.ts';
import type { ShiftCheckModel, ShiftEscalationModel, ShiftLink, ShiftMention } from '../notices/shift.ts';
import { parseKeyedCards } from '../notices/tracked-cards.ts';
import { formatDateTime } from '../time/format.ts';
import { localTime } from './calendar.ts';
import { KIND_PLURALS, responseText, SHIFT_KINDS, type ShiftRules } from './deadlines.ts';
import { itemView, parseSnapshot, type CheckSnapshot } from './snapshot.ts';

/** The wiki's checklist ("Bitte prüfe in deiner Schicht den Account auf: Chats, Mails, Neue Aufgaben"). */
export const CHECKLIST: readonly string[] = ['Chats', 'Mails (wie du die Anfragen bearbeitest, steht in der Anleitung)', 'Neue Aufgaben'];

/** Who a check was for, kept on the row (`pinged`). */
export interface CheckPinged {
  people: PersonInfo[];
  mentions: ShiftMention[];
  unstaffed: boolean;
  /** Everyone told 1:1 (people on shift without a channel; the leads and VPA managers when nobody is on shift). */
  told: string[];
  channel: boolean;
}

/** A card that shows the check: its outbox key (updates target it), kind, and whether it is the channel's copy. */
export interface TrackedCheckCard {
  key: string;
  kind: 'shiftCheck' | 'shiftEscalation';
  step?: 'lead' | 'managers';
  channel?: boolean;
}

export interface CheckRow {
  id: string;
  slot: string;
  dueAt: Date;
  postedAt: Date;
  counts: string;
  pinged: string;
  cards: string;
  acknowledgedById: string | null;
  acknowledgedAt: Date | null;
  version: number;
}

export interface CheckContext {
  row: CheckRow;
  snapshot: CheckSnapshot;
  pinged: CheckPinged;
  cards: TrackedCheckCard[];
  acknowledgedBy: PersonInfo | null;
}

export function parsePinged(json: string): CheckPinged {
  try {
    const v = JSON.parse(json) as Partial<CheckPinged>;
    if (v && typeof v === 'object' && Array.isArray(v.people)) {
      return { people: v.people, mentions: v.mentions ?? [], unstaffed: v.unstaffed === true, told: v.told ?? [], channel: v.channel === true };
    }
  } catch {
    // unreadable: nobody
  }
  return { people: [], mentions: [], unstaffed: true, told: [], channel: false };
}

export async function loadCheck(db: DbOrTx, checkId: string): Promise<CheckContext> {
  const row = await db.shiftCheck.findUnique({ where: { id: checkId } });
  if (!row) throw new AppError('SHIFT_CHECK_NOT_FOUND', { detail: checkId });
  const by = row.acknowledgedById ? await db.person.findUnique({ where: { id: row.acknowledgedById }, select: { id: true, name: true } }) : null;
  return {
    row,
    snapshot: parseSnapshot(row.counts),
    pinged: parsePinged(row.pinged),
    cards: parseKeyedCards<TrackedCheckCard>(row.cards),
    acknowledgedBy: row.acknowledgedById ? (by ?? { id: row.acknowledgedById, name: 'unbekannt' }) : null,
  };
}

/** "Montag, 22.03.2027, 09:00 Uhr" */
export function slotText(at: Date, timeZone: string): string {
  return DateTime.fromJSDate(at, { zone: timeZone }).setLocale('de').toFormat("cccc, dd.LL.yyyy, HH:mm 'Uhr'");
}

export function linksOf(rules: ShiftRules): ShiftLink[] {
  return [
    ...(rules.shift.videoUrl ? [{ title: 'Video zum Prozess', url: rules.shift.videoUrl }] : []),
    ...(rules.shift.mailHowtoUrl ? [{ title: 'Anleitung: Mails beantworten', url: rules.shift.mailHowtoUrl }] : []),
  ];
}

export function checkModel(ctx: CheckContext, rules: ShiftRules, options: { channel: boolean }): ShiftCheckModel {
  const tz = rules.businessTimeZone;
  const at = new Date(ctx.snapshot.at);
  const total = SHIFT_KINDS.reduce((n, k) => n + ctx.snapshot.counts[k], 0);
  return {
    checkId: ctx.row.id,
    version: ctx.row.version,
    slotText: slotText(ctx.row.dueAt, tz),
    onShift: ctx.pinged.people,
    mentions: options.channel ? ctx.pinged.mentions : [],
    unstaffed: ctx.pinged.unstaffed,
    kinds: SHIFT_KINDS.map((k) => {
      const oldest = ctx.snapshot.oldest[k];
      return { kind: k, label: KIND_PLURALS[k], open: ctx.snapshot.counts[k], oldest: oldest ? itemView(oldest, at, tz) : null };
    }),
    urgent: ctx.snapshot.urgent.map((i) => itemView(i, at, tz)),
    urgentMore: Math.max(0, ctx.snapshot.urgentTotal - ctx.snapshot.urgent.length),
    allDone: total === 0,
    checklist: [...CHECKLIST],
    responseText: responseText(rules),
    links: linksOf(rules),
    acknowledged: ctx.acknowledgedBy && ctx.row.acknowledgedAt ? { by: ctx.acknowledgedBy, atText: formatDateTime(ctx.row.acknowledgedAt, tz) } : null,
    actions: { acknowledge: !ctx.row.acknowledgedAt },
  };
}

export function escalationModel(ctx: CheckContext, step: 'lead' | 'managers', rules: ShiftRules): ShiftEscalationModel {
  const time = localTime(ctx.row.dueAt, rules.businessTimeZone);
  const minutes = step === 'lead' ? rules.shift.escalateLeadMinutes : rules.shift.escalateLeadMinutes + rules.shift.escalateManagersMinutes;
  const who = ctx.pinged.unstaffed ? 'Niemand war für diese Zeit in der Schicht eingeteilt.' : `In der Schicht: ${ctx.pinged.people.map((p) => p.name).join(', ')}.`;
  const text =
    step === 'lead'
      ? `Der Schicht-Check von ${time} Uhr ist seit ${minutes} Minuten nicht geprüft. ${who} Bitte sorge dafür, dass das Konto Conny geprüft wird.`
      : `Der Schicht-Check von ${time} Uhr ist seit ${minutes} Minuten nicht geprüft, auch nach dem Hinweis an die Schichtleitung. ${who}`;
  return { step, text, check: checkModel(ctx, rules, { channel: false }) };
}
