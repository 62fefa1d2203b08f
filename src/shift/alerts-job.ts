// Deadline alerts: an open item whose alert share of the response time has passed (default 75 %) gets one alert
// card to the people on shift (channel with @mentions, or 1:1; nobody on shift: the lead and the VPA managers).
// Once per item: the claim `shift:alert:<itemId>` and `alertedAt` are written with the cards. An item answered
// before its alert never gets one; one answered later has its alert cards updated (alert-cards-job.ts, or at once
// by "erledigt").
import { recordAudit } from '../audit/record.ts';
import { enqueue } from '../outbox/enqueue.ts';
import { onceOnlyJob } from '../reminders/once-job.ts';
import { NOT_DUE } from '../reminders/once.ts';
import type { TickJob } from '../tick/job.ts';
import { alertItemSelect, alertModel, type AlertItem, type TrackedAlertCard } from './alert-view.ts';
import { alertAtOf, KIND_LABELS, asKind } from './deadlines.ts';
import { infoOf, mentionsOf } from './on-shift.ts';
import { shiftRecipients } from './recipients.ts';

export const alertClaimKey = (itemId: string): string => `shift:alert:${itemId}`;

/** Open items not alerted yet; at most this many per tick (the rest follow a minute later). */
const BATCH = 200;

export const shiftAlertJob: TickJob = onceOnlyJob<AlertItem>({
  name: 'shift.alerts',
  candidates: (ctx) =>
    ctx.prisma.inboxItem.findMany({ where: { answeredAt: null, alertedAt: null, receivedAt: { lte: ctx.now } }, select: alertItemSelect, orderBy: [{ receivedAt: 'asc' }, { id: 'asc' }], take: BATCH }),
  due: (item, ctx) => (alertAtOf(item, ctx.config).getTime() <= ctx.now.getTime() ? { key: alertClaimKey(item.id), subjectType: 'inbox_item', subjectId: item.id } : null),
  async deliver(tx, item, ctx) {
    const { now, config, logger } = ctx;
    const to = await shiftRecipients(tx, now, config.businessTimeZone);
    if (to.deliveries.length === 0) {
      logger.warn({ code: 'SHIFT_NOBODY', itemId: item.id }, 'shift alert: nobody to tell');
      return NOT_DUE;
    }
    // Answered or alerted meanwhile (a webhook, another instance): nothing to do, nothing written.
    const { count } = await tx.inboxItem.updateMany({ where: { id: item.id, answeredAt: null, alertedAt: null }, data: { alertedAt: now } });
    if (count === 0) return NOT_DUE;
    const who = { people: to.onShift.people.map(infoOf), mentions: mentionsOf(to.onShift.people), unstaffed: to.unstaffed };
    const cards: TrackedAlertCard[] = to.deliveries.map((d) => ({ key: `${alertClaimKey(item.id)}:${d.suffix}`, kind: 'shiftAlert', channel: d.channel, v: item.version, ...who }));
    const fresh: AlertItem = { ...item, alertedAt: now };
    for (const [i, d] of to.deliveries.entries()) {
      const model = await alertModel(tx, fresh, cards[i]!, config, now);
      await enqueue(tx, { idempotencyKey: cards[i]!.key, message: { mode: 'send', recipient: d.recipient, notice: { kind: 'shiftAlert', model } }, now });
    }
    await tx.inboxItem.update({ where: { id: item.id }, data: { cards: JSON.stringify(cards) } });
    await recordAudit(tx, { at: now, actorId: null, action: 'shift.alerted', subjectType: 'inbox_item', subjectId: item.id, data: { kind: item.kind, told: to.told, channel: to.channel, unstaffed: to.unstaffed } });
    return [`Frist-Hinweis: ${KIND_LABELS[asKind(item.kind)]} ${item.id} (Kunde ${item.clientNumber || '?'}) an ${to.channel ? 'Kanal schicht' : 'Schicht 1:1'}${to.unstaffed ? ' (niemand in der Schicht)' : ''}`];
  },
});
