// An urgent conduct report that no manager acknowledges in time (defect 9), as two once-only `tick` jobs:
//   conduct.remindManagers  N working hours after the report, still no acknowledgement
//                           -> every VPA manager and client manager (not the reporter), 1:1, one reminder each
//   conduct.escalateAdmin   N further working hours after that reminder, still no acknowledgement
//                           -> every admin 1:1, once (never the `admin` channel: a conduct report is personal)
// N is config.conductEscalationWorkingHours (CONDUCT_ESCALATION_WORKING_HOURS, default 4); working hours are
// Mon–Fri 09:00–17:00 in the business time zone without nationwide public holidays (src/time/working-hours.ts).
// One acknowledgement by any manager ends it: a report acknowledged before a step is due never gets that step.
//
// The admin step counts from the moment the managers' reminder actually went out (its claim's time,
// `claimedAt`), not from report time + 2N: after a pause of the scheduler (server down, no `tick`) the
// managers still get N full working hours after their reminder before the admin team hears of it, and there
// is never an admin escalation without the managers' reminder before it.
//
// Once-only: each step claims `conduct:<reportId>:remind:managers` / `conduct:<reportId>:escalate:admin`
// (src/reminders/once.ts) in the transaction that queues its messages, so two ticks at the same instant, or
// at once, send one reminder per manager and one escalation. Inside that transaction the step first writes
// the report row (as an acknowledgement does) and then looks for acknowledgements again, so on PostgreSQL a
// concurrent acknowledgement is either seen or comes after the messages.
import { recordAudit } from '../audit/record.ts';
import type { Tx } from '../db/client.ts';
import { managerAudience, peopleWithRoles, personAudience, recipientNames } from '../notices/audience.ts';
import { enqueue } from '../outbox/enqueue.ts';
import { MANAGER_ROLES } from '../people/roles.ts';
import { onceOnlyJob } from '../reminders/once-job.ts';
import { claimedAt, NOT_DUE, type Claim } from '../reminders/once.ts';
import type { TickContext, TickJob } from '../tick/job.ts';
import { addWorkingHours } from '../time/working-hours.ts';
import { loadConduct, type ConductCard } from './context.ts';
import { conductEscalationModel, conductReminderModel, workingHoursText } from './escalation-view.ts';

export const remindManagersKey = (reportId: string): string => `conduct:${reportId}:remind:managers`;
export const escalateAdminKey = (reportId: string): string => `conduct:${reportId}:escalate:admin`;

/** An unacknowledged report and how far its escalation has come. */
export interface OpenConductReport {
  id: string;
  createdAt: Date;
  /** When the managers were reminded (the claim's time), or null. */
  remindedAt: Date | null;
  escalated: boolean;
}

const claim = (key: string, reportId: string): Claim => ({ key, subjectType: 'conduct', subjectId: reportId });

/** Urgent reports without any acknowledgement whose escalation is not finished. */
async function openReports(ctx: TickContext): Promise<OpenConductReport[]> {
  const reports = await ctx.prisma.conductReport.findMany({
    where: { urgent: true, createdAt: { lte: ctx.now }, acknowledgements: { none: {} } },
    select: { id: true, createdAt: true },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
  });
  if (reports.length === 0) return [];
  const claims = await ctx.prisma.reminderClaim.findMany({ where: { subjectType: 'conduct', subjectId: { in: reports.map((r) => r.id) } }, select: { key: true, at: true } });
  const at = new Map(claims.map((c) => [c.key, c.at]));
  return reports
    .map((r) => ({ id: r.id, createdAt: r.createdAt, remindedAt: at.get(remindManagersKey(r.id)) ?? null, escalated: at.has(escalateAdminKey(r.id)) }))
    .filter((r) => !r.escalated);
}

/**
 * Inside the step's transaction: writes the report row (no change; on PostgreSQL it waits for a concurrent
 * acknowledgement, which writes the same row first) and then checks that nobody acknowledged it.
 */
async function stillUnacknowledged(tx: Tx, reportId: string): Promise<boolean> {
  const { count } = await tx.conductReport.updateMany({ where: { id: reportId }, data: { version: { increment: 0 } } });
  if (count === 0) return false;
  return (await tx.conductAcknowledgement.count({ where: { reportId } })) === 0;
}

export const conductRemindManagersJob: TickJob = onceOnlyJob<OpenConductReport>({
  name: 'conduct.remindManagers',
  candidates: openReports,
  due(row, ctx) {
    if (row.remindedAt) return null;
    const due = addWorkingHours(row.createdAt, ctx.config.conductEscalationWorkingHours, ctx.config.businessTimeZone);
    return due <= ctx.now ? claim(remindManagersKey(row.id), row.id) : null;
  },
  async deliver(tx, row, ctx) {
    const { now, config } = ctx;
    const hours = config.conductEscalationWorkingHours;
    if (!(await stillUnacknowledged(tx, row.id))) return NOT_DUE;
    const report = await loadConduct(tx, row.id, config.businessTimeZone);
    const audience = await managerAudience(tx, [report.reporterId]);
    const cards: ConductCard[] = [];
    for (const a of audience) {
      if (a.recipient.type !== 'person') continue;
      const key = `${remindManagersKey(row.id)}:${a.suffix}`;
      const model = conductReminderModel(report, a.recipient.personId, hours);
      await enqueue(tx, { idempotencyKey: key, message: { mode: 'send', recipient: a.recipient, notice: { kind: 'conductReminder', model } }, now });
      cards.push({ key, personId: a.recipient.personId });
    }
    // Tracked like the report cards: the first acknowledgement turns every reminder into the updated report
    // card (who acknowledged, no button left).
    await tx.conductReport.update({ where: { id: row.id }, data: { cards: JSON.stringify([...report.cards, ...cards]) } });
    // With no manager left the claim is kept all the same, so the admin step follows.
    await recordAudit(tx, { at: now, actorId: null, action: 'conduct.reminded', subjectType: 'conduct', subjectId: row.id, data: { workingHours: hours, recipients: audience.length } });
    return [`Erinnerung an ${await recipientNames(tx, audience)}: dringende Meldung zu Kunde ${report.client.number} (${report.client.name}) seit ${workingHoursText(hours)} nicht zur Kenntnis genommen`];
  },
});

export const conductEscalateAdminJob: TickJob = onceOnlyJob<OpenConductReport>({
  name: 'conduct.escalateAdmin',
  candidates: openReports,
  due(row, ctx) {
    if (!row.remindedAt || row.escalated) return null;
    const due = addWorkingHours(row.remindedAt, ctx.config.conductEscalationWorkingHours, ctx.config.businessTimeZone);
    return due <= ctx.now ? claim(escalateAdminKey(row.id), row.id) : null;
  },
  async deliver(tx, row, ctx) {
    const { now, config, logger } = ctx;
    const hours = config.conductEscalationWorkingHours;
    if (!(await stillUnacknowledged(tx, row.id))) return NOT_DUE;
    const remindedAt = await claimedAt(tx, remindManagersKey(row.id));
    if (!remindedAt) return NOT_DUE;
    const report = await loadConduct(tx, row.id, config.businessTimeZone);
    const audience = (await peopleWithRoles(tx, ['admin'], [report.reporterId])).map((p) => personAudience(p.id));
    if (audience.length === 0) {
      // Nobody to tell yet: not claimed, so it goes out once an admin is registered.
      logger.warn({ code: 'CONDUCT_NO_ADMIN', reportId: row.id }, 'unacknowledged conduct report: no admin team to escalate to');
      return NOT_DUE;
    }
    const managers = (await peopleWithRoles(tx, MANAGER_ROLES, [report.reporterId])).map((p) => ({ id: p.id, name: p.name }));
    const model = conductEscalationModel(report, { workingHours: hours, remindedAt, managers });
    for (const a of audience) {
      await enqueue(tx, { idempotencyKey: `${escalateAdminKey(row.id)}:${a.suffix}`, message: { mode: 'send', recipient: a.recipient, notice: { kind: 'conductEscalation', model } }, now });
    }
    await recordAudit(tx, {
      at: now,
      actorId: null,
      action: 'conduct.escalated',
      subjectType: 'conduct',
      subjectId: row.id,
      data: { workingHours: hours, recipients: audience.length, channel: audience.some((a) => a.recipient.type === 'channel') },
    });
    return [`Eskalation an ${await recipientNames(tx, audience)}: dringende Meldung zu Kunde ${report.client.number} (${report.client.name}) hat kein Manager zur Kenntnis genommen`];
  },
});

/** Register these with the tick registry (src/tick/jobs.ts), in this order. */
export const conductEscalationJobs: readonly TickJob[] = [conductRemindManagersJob, conductEscalateAdminJob];
