// Once the application deadline of an open tender has passed, the admin team (the `admin` channel, or every admin
// 1:1) gets ONE card: who applied (or that nobody did), what the last VPA did, and "vergeben", "Frist verlängern" and
// "Umfrage abbrechen" on the card itself. The card is tracked like the review card and updated in place at every
// later change. Once per deadline: the claim `tender:<id>:deadline:<ISO deadline>` is written in the same transaction
// as the card (src/reminders/once.ts), so a second tick, a restart or a second instance send nothing more; a tender
// whose deadline was extended gets one card for the new deadline. Awarded or cancelled tenders get none.
import { recordAudit } from '../audit/record.ts';
import { adminAudience, recipientNames } from '../notices/audience.ts';
import { onceOnlyJob } from '../reminders/once-job.ts';
import { NOT_DUE } from '../reminders/once.ts';
import type { TickJob } from '../tick/job.ts';
import { loadTender, type TrackedTenderCard } from './context.ts';
import { keyOf, send, trackCards } from './store.ts';
import { deadlineModel } from './view.ts';

interface Candidate {
  id: string;
  deadline: Date;
}

/** The claim (and the card's key part) of one deadline. */
export function deadlineClaimKey(tenderId: string, deadline: Date): string {
  return keyOf(tenderId, 'deadline', deadline.toISOString());
}

export const tenderDeadlineJob: TickJob = onceOnlyJob<Candidate>({
  name: 'tender.deadline',
  async candidates(ctx) {
    const rows = await ctx.prisma.tender.findMany({ where: { status: 'open', deadline: { lte: ctx.now } }, select: { id: true, deadline: true }, orderBy: [{ deadline: 'asc' }, { id: 'asc' }] });
    return rows.flatMap((r) => (r.deadline ? [{ id: r.id, deadline: r.deadline }] : []));
  },
  due(row, ctx) {
    if (row.deadline.getTime() > ctx.now.getTime()) return null;
    return { key: deadlineClaimKey(row.id, row.deadline), subjectType: 'tender', subjectId: row.id };
  },
  async deliver(tx, row, ctx) {
    const ctxTender = await loadTender(tx, row.id);
    const t = ctxTender.tender;
    // Looked at again inside the claim: awarded, cancelled or extended meanwhile -> nothing to say.
    if (ctxTender.status !== 'open' || !t.deadline || t.deadline.getTime() !== row.deadline.getTime() || t.deadline.getTime() > ctx.now.getTime()) return NOT_DUE;
    const timeZone = ctx.config.businessTimeZone;
    const model = deadlineModel(ctxTender, { now: ctx.now, timeZone, rules: ctx.config.inactivity });
    const audience = await adminAudience(tx);
    const cards: TrackedTenderCard[] = [];
    for (const a of audience) {
      const key = `${deadlineClaimKey(row.id, row.deadline)}:${a.suffix}`;
      await send(tx, key, a.recipient, { kind: 'tenderDeadline', model }, ctx.now);
      cards.push({ key, kind: 'tenderDeadline' });
    }
    await trackCards(tx, row.id, cards);
    await recordAudit(tx, {
      at: ctx.now,
      actorId: null,
      action: 'tender.deadline_reminded',
      subjectType: 'tender',
      subjectId: row.id,
      data: { deadline: row.deadline.toISOString(), applicants: ctxTender.applications.length, recipients: audience.length },
    });
    const who = ctxTender.applications.length > 0 ? `${ctxTender.applications.length} Bewerbung(en)` : 'keine Bewerbungen';
    return [`Umfrage für ${ctxTender.client.number} (${ctxTender.client.name}): Frist abgelaufen, ${who} – Erinnerung an ${await recipientNames(tx, audience)}`];
  },
});

/** The tender's tick jobs (registered in src/tick/jobs.ts). */
export const tenderJobs: readonly TickJob[] = [tenderDeadlineJob];
