// Due reminders of the handover process, as `tick` jobs. Each reminder is sent once: a conditional update of
// its bookkeeping column (still null) decides, in the same transaction as the outbox rows (whose idempotency
// keys derive from the request id and the step), so `tick` twice at the same instant — or two instances at
// once — sends nothing new.
//   review overdue    submitted/in_review N working days after submission  -> reviewer, else the community team
//   decision overdue  awaiting_approval N working days after the proposal   -> every manager, 1:1
//   follow-up due     clarifying and the reviewer's follow-up date reached  -> the reviewer
//   training overdue  approved, training wanted: not given T working days after approval -> the VPA;
//                     given but not received N working days later           -> the successor
import { recordAudit } from '../audit/record.ts';
import type { Db, Tx } from '../db/client.ts';
import type { Prisma } from '../db/generated/sqlite/client.ts';
import type { Logger } from '../log/logger.ts';
import { managerAudience, personAudience, reviewAudience, type Audience } from './audience.ts';
import { loadContext, type HandoverContext, type HandoverRow } from './context.ts';
import { keyOf, send, sendTracked, trackCards } from './store.ts';
import { reminderModel } from './view.ts';
import { addWorkingDays } from './working-days.ts';

/** Default working days until an open training confirmation is reminded (config may override). */
export const TRAINING_REMINDER_WORKING_DAYS = 5;

export interface HandoverJobContext {
  prisma: Db;
  now: Date;
  logger: Logger;
  config: {
    businessTimeZone: string;
    handoverReminderWorkingDays: number;
    /** Optional; default TRAINING_REMINDER_WORKING_DAYS. */
    handoverTrainingReminderWorkingDays?: number;
  };
}

export interface HandoverJob {
  name: string;
  run(ctx: HandoverJobContext): Promise<string[]>;
}

type ReminderColumn = 'reviewRemindedAt' | 'decisionRemindedAt' | 'followUpRemindedAt' | 'trainingGivenRemindedAt' | 'trainingReceivedRemindedAt';

/**
 * Claims the reminder (sets its column if still null and the request still in `statuses`) and, if this call
 * won, runs `deliver` in the same transaction. Returns the German line for the tick's output (empty when
 * there was nothing to do).
 */
async function remindOnce(
  job: HandoverJobContext,
  row: HandoverRow,
  column: ReminderColumn,
  statuses: readonly string[],
  deliver: (tx: Tx, ctx: HandoverContext) => Promise<Audience[]>,
  reminder: string,
  what: string,
  stillDue: Prisma.HandoverRequestWhereInput = {},
): Promise<string[]> {
  const { prisma, now } = job;
  return prisma.$transaction(async (tx) => {
    const { count } = await tx.handoverRequest.updateMany({ where: { ...stillDue, id: row.id, [column]: null, status: { in: [...statuses] } }, data: { [column]: now } });
    if (count === 0) return [];
    const fresh = await tx.handoverRequest.findUniqueOrThrow({ where: { id: row.id } });
    const ctx = await loadContext(tx, fresh, now, job.config.businessTimeZone);
    const audience = await deliver(tx, ctx);
    await recordAudit(tx, { at: now, actorId: null, action: 'handover.reminded', subjectType: 'handover', subjectId: row.id, data: { reminder, recipients: audience.length } });
    const names = await recipientNames(tx, audience);
    return [`Erinnerung an ${names}: Kundenabgabe ${ctx.client.number} (${ctx.client.name}) ${what}`];
  });
}

async function recipientNames(tx: Tx, audience: Audience[]): Promise<string> {
  if (audience.length === 0) return 'niemanden (keine Empfänger eingetragen)';
  const ids = audience.map((a) => a.personId).filter((id): id is string => !!id);
  const people = ids.length ? await tx.person.findMany({ where: { id: { in: ids } }, select: { name: true }, orderBy: { name: 'asc' } }) : [];
  const channels = audience.filter((a) => a.recipient.type === 'channel').map((a) => (a.recipient.type === 'channel' ? `Kanal ${a.recipient.purpose}` : ''));
  return [...channels, ...people.map((p) => p.name)].join(', ');
}

async function sendToAll(tx: Tx, audience: Audience[], key: (suffix: string) => string, notice: Parameters<typeof send>[3], now: Date): Promise<Audience[]> {
  for (const a of audience) await send(tx, key(a.suffix), a.recipient, notice, now);
  return audience;
}

export const reviewOverdueJob: HandoverJob = {
  name: 'handover.reviewOverdue',
  async run(job) {
    const { prisma, now, config } = job;
    const days = config.handoverReminderWorkingDays;
    const rows = await prisma.handoverRequest.findMany({ where: { status: { in: ['submitted', 'in_review'] }, reviewRemindedAt: null, submittedAt: { lte: now } } });
    const out: string[] = [];
    for (const row of rows) {
      if (addWorkingDays(row.submittedAt, days, config.businessTimeZone) > now) continue;
      const lines = await remindOnce(job, row, 'reviewRemindedAt', ['submitted', 'in_review'], async (tx, ctx) => {
        const r = ctx.request;
        // Someone took it on: remind them; nobody did: the whole team.
        const audience = r.status === 'in_review' && r.reviewerId ? [personAudience(r.reviewerId)] : await reviewAudience(tx, [r.vpaId]);
        return sendToAll(tx, audience, (s) => keyOf(r.id, 'reminder', 'review', s), { kind: 'handoverReminder', model: reminderModel(ctx, 'review', r.submittedAt, days) }, now);
      }, 'review', 'wartet auf Prüfung');
      out.push(...lines);
    }
    return out;
  },
};

export const decisionOverdueJob: HandoverJob = {
  name: 'handover.decisionOverdue',
  async run(job) {
    const { prisma, now, config } = job;
    const days = config.handoverReminderWorkingDays;
    const rows = await prisma.handoverRequest.findMany({ where: { status: 'awaiting_approval', decisionRemindedAt: null, proposedAt: { lte: now } } });
    const out: string[] = [];
    for (const row of rows) {
      if (!row.proposedAt || addWorkingDays(row.proposedAt, days, config.businessTimeZone) > now) continue;
      const proposedAt = row.proposedAt;
      const lines = await remindOnce(job, row, 'decisionRemindedAt', ['awaiting_approval'], async (tx, ctx) => {
        const r = ctx.request;
        const exclude = [r.vpaId, ...(r.successorId ? [r.successorId] : [])];
        return sendToAll(tx, await managerAudience(tx, exclude), (s) => keyOf(r.id, 'reminder', 'decision', s), { kind: 'handoverReminder', model: reminderModel(ctx, 'decision', proposedAt, days) }, now);
      }, 'decision', 'wartet auf Freigabe');
      out.push(...lines);
    }
    return out;
  },
};

export const followUpDueJob: HandoverJob = {
  name: 'handover.followUpDue',
  async run(job) {
    const { prisma, now } = job;
    const rows = await prisma.handoverRequest.findMany({ where: { status: 'clarifying', followUpRemindedAt: null, followUpAt: { lte: now } } });
    const out: string[] = [];
    for (const row of rows) {
      const followUpAt = row.followUpAt;
      if (!followUpAt) continue;
      const lines = await remindOnce(job, row, 'followUpRemindedAt', ['clarifying'], async (tx, ctx) => {
        const r = ctx.request;
        const audience = r.reviewerId ? [personAudience(r.reviewerId)] : await reviewAudience(tx, [r.vpaId]);
        const stamp = followUpAt.toISOString();
        return sendToAll(tx, audience, (s) => keyOf(r.id, 'reminder', 'followup', stamp, s), { kind: 'handoverReminder', model: reminderModel(ctx, 'followUp', r.clarifiedAt ?? followUpAt, 0) }, now);
      }, 'followUp', '– Wiedervorlage der Klärung ist fällig');
      out.push(...lines);
    }
    return out;
  },
};

export const trainingOverdueJob: HandoverJob = {
  name: 'handover.trainingOverdue',
  async run(job) {
    const { prisma, now, config } = job;
    const tz = config.businessTimeZone;
    const givenDays = config.handoverTrainingReminderWorkingDays ?? TRAINING_REMINDER_WORKING_DAYS;
    const rows = await prisma.handoverRequest.findMany({
      where: {
        status: 'approved',
        clientWantsTraining: true,
        OR: [
          { trainingGivenAt: null, trainingGivenRemindedAt: null },
          { trainingGivenAt: { not: null }, trainingReceivedAt: null, trainingReceivedRemindedAt: null },
        ],
      },
    });
    const out: string[] = [];
    for (const row of rows) {
      if (!row.trainingGivenAt && row.decidedAt && addWorkingDays(row.decidedAt, givenDays, tz) <= now) {
        out.push(
          ...(await remindOnce(job, row, 'trainingGivenRemindedAt', ['approved'], async (tx, ctx) => {
            const card = await sendTracked(tx, keyOf(row.id, 'reminder', 'training', 'given'), { type: 'person', personId: row.vpaId }, 'handoverTrainingReminder', ctx, now, 'given');
            await trackCards(tx, ctx.request, [card]);
            return [personAudience(row.vpaId)];
          }, 'trainingGiven', '– Einarbeitung noch nicht bestätigt', { trainingGivenAt: null })),
        );
      }
      if (row.trainingGivenAt && !row.trainingReceivedAt && row.successorId && addWorkingDays(row.trainingGivenAt, config.handoverReminderWorkingDays, tz) <= now) {
        const successorId = row.successorId;
        out.push(
          ...(await remindOnce(job, row, 'trainingReceivedRemindedAt', ['approved'], async (tx, ctx) => {
            const card = await sendTracked(tx, keyOf(row.id, 'reminder', 'training', 'received'), { type: 'person', personId: successorId }, 'handoverTrainingReminder', ctx, now, 'received');
            await trackCards(tx, ctx.request, [card]);
            return [personAudience(successorId)];
          }, 'trainingReceived', '– Erhalt der Einarbeitung noch nicht bestätigt', { trainingReceivedAt: null })),
        );
      }
    }
    return out;
  },
};

/** Register these with the tick registry (src/tick/jobs.ts). */
export const handoverReminderJobs: readonly HandoverJob[] = [reviewOverdueJob, decisionOverdueJob, followUpDueJob, trainingOverdueJob];
