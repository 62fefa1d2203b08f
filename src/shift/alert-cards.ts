// Keeping alert cards in step with their item. The platform connection and the import mark items answered through
// src/inbox (answerInboxItem bumps InboxItem.version) and know nothing of cards; each alert card entry remembers
// the version it shows (`v`). A card behind its item gets one update (key `<card key>:v<version>`), in the same
// transaction that records the new `v`, so the tick job and "erledigt" never queue the same update twice.
import type { Config } from '../config/config.ts';
import type { DbOrTx } from '../db/client.ts';
import { enqueue } from '../outbox/enqueue.ts';
import { alertModel, parseAlertCards, type AlertItem } from './alert-view.ts';
import type { ShiftRules } from './deadlines.ts';

/** Updates every alert card of the item that shows an older version; returns how many were queued. */
export async function refreshAlertCards(tx: DbOrTx, item: AlertItem, rules: ShiftRules & Pick<Config, 'platform'>, now: Date): Promise<number> {
  const cards = parseAlertCards(item.cards);
  const stale = cards.filter((c) => c.v < item.version);
  if (stale.length === 0) return 0;
  // Claim the new version first: a concurrent refresh of the same item then updates nothing and queues nothing.
  const next = JSON.stringify(cards.map((c) => ({ ...c, v: Math.max(c.v, item.version) })));
  const { count } = await tx.inboxItem.updateMany({ where: { id: item.id, version: item.version, cards: item.cards }, data: { cards: next } });
  if (count === 0) return 0;
  for (const card of stale) {
    const model = await alertModel(tx, item, card, rules, now);
    await enqueue(tx, { idempotencyKey: `${card.key}:v${item.version}`, message: { mode: 'update', updatesKey: card.key, notice: { kind: 'shiftAlert', model } }, now });
  }
  return stale.length;
}
