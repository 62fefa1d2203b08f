// The alert card of one item (past its alert share of the response time): built from the InboxItem and what the card
// entry kept about whom it went to. The same function renders the first post and the update after the answer.
import type { Config } from '../config/config.ts';
import type { DbOrTx } from '../db/client.ts';
import { AppError } from '../errors/catalogue.ts';
import type { PersonInfo } from '../notices/common.ts';
import type { ShiftAlertModel, ShiftMention } from '../notices/shift.ts';
import { parseKeyedCards } from '../notices/tracked-cards.ts';
import { formatDateTime } from '../time/format.ts';
import { hoursText, responseHours, type ShiftRules } from './deadlines.ts';
import { clientNames, inboxRowSelect, itemView, snapshotItem, type InboxRow } from './snapshot.ts';

/** An alert card on the item's `cards`: its outbox key, whom it went to, and the item version it shows. */
export interface TrackedAlertCard {
  key: string;
  kind: 'shiftAlert';
  channel: boolean;
  /** The InboxItem.version the card was last rendered for; lower than the item's: the card needs an update. */
  v: number;
  people: PersonInfo[];
  mentions: ShiftMention[];
  unstaffed: boolean;
}

export interface AlertItem extends InboxRow {
  alertedAt: Date | null;
  answeredVia: string | null;
  cards: string;
  version: number;
}

export const alertItemSelect = { ...inboxRowSelect, alertedAt: true, answeredVia: true, cards: true, version: true } as const;

export function parseAlertCards(json: string): TrackedAlertCard[] {
  return parseKeyedCards<TrackedAlertCard>(json).filter((c) => c.kind === 'shiftAlert');
}

export async function loadAlertItem(db: DbOrTx, itemId: string): Promise<AlertItem> {
  const row = await db.inboxItem.findUnique({ where: { id: itemId }, select: alertItemSelect });
  if (!row) throw new AppError('SHIFT_ITEM_NOT_FOUND', { detail: itemId });
  return row;
}

const VIA: Record<string, string> = { webhook: 'laut Plattform', reconcile: 'laut Plattform', import: 'laut Import', todo: 'in Teams', teams: 'in Teams' };

export async function alertModel(db: DbOrTx, item: AlertItem, card: Pick<TrackedAlertCard, 'channel' | 'people' | 'mentions' | 'unstaffed'>, rules: ShiftRules & Pick<Config, 'platform'>, now: Date): Promise<ShiftAlertModel> {
  const tz = rules.businessTimeZone;
  const names = await clientNames(db, [item]);
  const at = item.answeredAt ?? item.alertedAt ?? now;
  const view = itemView(snapshotItem(item, names, rules), at, tz);
  const hours = responseHours(item.kind, rules);
  const by = item.answeredAt && item.answeredVia ? ` (${VIA[item.answeredVia] ?? item.answeredVia})` : '';
  return {
    itemId: item.id,
    version: item.version,
    item: view,
    mentions: card.channel && !item.answeredAt ? card.mentions : [],
    onShift: card.people,
    unstaffed: card.unstaffed,
    shareText: `Schon ${Math.round(rules.shift.alertShare * 100)} % der Reaktionszeit (${hoursText(hours)} Arbeitszeit) sind vorbei. Frist: ${view.deadlineText}.`,
    answered: item.answeredAt ? { text: `Beantwortet am ${formatDateTime(item.answeredAt, tz)}${by}.` } : null,
    actions: { done: !item.answeredAt && !rules.platform },
  };
}
