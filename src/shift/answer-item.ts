// "erledigt" on an alert card (standalone mode: without a platform nobody else reports the answer): marks the item
// answered through the inbox kernel and updates its alert cards at once, in one transaction. A second click
// changes nothing.
import type { Config } from '../config/config.ts';
import { answerInboxItem } from '../inbox/index.ts';
import type { Notice } from '../notices/types.ts';
import type { UseCaseOptions } from '../use-case/options.ts';
import { alertModel, loadAlertItem, parseAlertCards } from './alert-view.ts';
import { refreshAlertCards } from './alert-cards.ts';
import type { ShiftRules } from './deadlines.ts';
import { requireOnDuty } from './permissions.ts';
import { formatIsoDate } from '../time/format.ts';

export interface AnswerItemOptions extends UseCaseOptions {
  itemId: string;
  rules: ShiftRules & Pick<Config, 'platform'>;
}

export async function markInboxItemAnswered(o: AnswerItemOptions): Promise<{ changed: boolean }> {
  await loadAlertItem(o.db, o.itemId);
  const actor = await requireOnDuty(o.db, o.actor, formatIsoDate(o.now, o.timeZone), `answer inbox item ${o.itemId}`);
  return o.db.$transaction(async (tx) => {
    const changed = await answerInboxItem(tx, { id: o.itemId, answeredAt: o.now, via: 'teams', actorId: actor.id }, o.now);
    await refreshAlertCards(tx, await loadAlertItem(tx, o.itemId), o.rules, o.now);
    return { changed };
  });
}

/** The item's alert card as it is now, as the channel's copy or a 1:1 copy. */
export async function shiftAlertCard(o: { db: UseCaseOptions['db']; itemId: string; rules: ShiftRules & Pick<Config, 'platform'>; channel: boolean; now: Date }): Promise<Notice> {
  const item = await loadAlertItem(o.db, o.itemId);
  const cards = parseAlertCards(item.cards);
  const card = cards.find((c) => c.channel === o.channel) ?? cards[0] ?? { channel: o.channel, people: [], mentions: [], unstaffed: false };
  return { kind: 'shiftAlert', model: await alertModel(o.db, item, card, o.rules, o.now) };
}
