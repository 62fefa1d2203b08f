// The scheduled checks (default 09:00 and 14:00 business time on working days): at each slot the bot posts the
// check card once, with the counts, the oldest item of each kind and everything past or near its deadline, or
// "alles erledigt". Once-only: the claim `shift:check:<slot>` and the ShiftCheck row (slot unique) are written in
// the transaction that queues the cards, so `tick --now` and the in-process scheduler at the same instant, or two
// instances, post one check. With nobody at all to tell (no channel, nobody on shift, no lead, no VPA manager)
// nothing is claimed: the check goes out once somebody is registered, while its slot is still the current one.
import { recordAudit } from '../audit/record.ts';
import { randomId } from '../ids.ts';
import { enqueue } from '../outbox/enqueue.ts';
import { onceOnlyJob } from '../reminders/once-job.ts';
import { NOT_DUE } from '../reminders/once.ts';
import type { TickJob } from '../tick/job.ts';
import { dueSlot, type CheckSlot } from './calendar.ts';
import { checkModel, loadCheck, type CheckPinged, type TrackedCheckCard } from './check-view.ts';
import { infoOf, mentionsOf } from './on-shift.ts';
import { shiftRecipients } from './recipients.ts';
import { takeSnapshot } from './snapshot.ts';

export const checkClaimKey = (slot: string): string => `shift:check:${slot}`;

export const shiftCheckJob: TickJob = onceOnlyJob<CheckSlot>({
  name: 'shift.check',
  async candidates(ctx) {
    const slot = dueSlot(ctx.now, ctx.config.shift.checkTimes, ctx.config.businessTimeZone, ctx.config.inactivity.holidaysState);
    if (!slot) return [];
    // Posted already, or a later slot was (a tick for an earlier instant than one already run): nothing is due.
    const existing = await ctx.prisma.shiftCheck.findFirst({ where: { slot: { gte: slot.slot } }, select: { id: true } });
    return existing ? [] : [slot];
  },
  due: (slot) => ({ key: checkClaimKey(slot.slot), subjectType: 'shift_check', subjectId: slot.slot }),
  async deliver(tx, slot, ctx) {
    const { now, config, logger } = ctx;
    const tz = config.businessTimeZone;
    if (await tx.shiftCheck.findFirst({ where: { slot: { gte: slot.slot } }, select: { id: true } })) return NOT_DUE;
    const to = await shiftRecipients(tx, slot.at, tz);
    if (to.deliveries.length === 0) {
      logger.warn({ code: 'SHIFT_NOBODY', slot: slot.slot }, 'shift check: nobody on shift, no channel, no lead, no VPA manager to tell');
      return NOT_DUE;
    }
    const snapshot = await takeSnapshot(tx, now, config);
    const pinged: CheckPinged = { people: to.onShift.people.map(infoOf), mentions: mentionsOf(to.onShift.people), unstaffed: to.unstaffed, told: to.told, channel: to.channel };
    const id = randomId();
    const cards: TrackedCheckCard[] = to.deliveries.map((d) => ({ key: `${checkClaimKey(slot.slot)}:${d.suffix}`, kind: 'shiftCheck', ...(d.channel ? { channel: true } : {}) }));
    await tx.shiftCheck.create({
      data: { id, slot: slot.slot, dueAt: slot.at, postedAt: now, counts: JSON.stringify(snapshot), pinged: JSON.stringify(pinged), cards: JSON.stringify(cards) },
    });
    const check = await loadCheck(tx, id);
    for (const [i, d] of to.deliveries.entries()) {
      const model = checkModel(check, config, { channel: d.channel });
      await enqueue(tx, { idempotencyKey: cards[i]!.key, message: { mode: 'send', recipient: d.recipient, notice: { kind: 'shiftCheck', model } }, now });
    }
    const total = snapshot.counts.chat + snapshot.counts.mail + snapshot.counts.task;
    await recordAudit(tx, {
      at: now,
      actorId: null,
      action: 'shift.check_posted',
      subjectType: 'shift_check',
      subjectId: id,
      data: { slot: slot.slot, counts: snapshot.counts, urgent: snapshot.urgentTotal, onShift: pinged.people.map((p) => p.id), told: to.told, channel: to.channel, unstaffed: to.unstaffed },
    });
    const who = to.unstaffed ? 'niemand in der Schicht – Schichtleitung und VPA-Manager informiert' : pinged.people.map((p) => p.name).join(', ');
    const what = total === 0 ? 'alles erledigt' : `${snapshot.counts.chat} Chats, ${snapshot.counts.mail} Mails, ${snapshot.counts.task} neue Aufgaben offen`;
    return [`Schicht-Check ${slot.slot.replace('T', ' ')} gepostet (${what}) an ${to.channel ? 'Kanal schicht' : 'Schicht 1:1'}: ${who}`];
  },
});
