// Due reminders of the handover process, as once-only tick jobs (src/reminders/once-job.ts): each claim key is
// inserted in the same transaction as the messages, so `tick` twice at the same instant, the in-process
// scheduler next to `tick --now`, or two instances at once send nothing twice.
//   review overdue     submitted/in_review N working days after submission -> the reviewer, else the community team
//   decision overdue   awaiting_approval N working days after the proposal  -> every manager, 1:1
//   follow-up due      clarifying: the reviewer's date, or N working days after "klären lassen" -> the reviewer
//   step 4 overdue     approved: "Kunde informiert" (since approval), "Einarbeitung erfolgt" (since informed),
//                      "Einarbeitung erhalten" (since given): T working days -> the person once,
//                      2T working days -> the managers once (with abschließen / abbrechen)
import { recordAudit } from '../audit/record.ts';
import type { Tx } from '../db/client.ts';
import type { HandoverRequest } from '../db/generated/sqlite/client.ts';
import { type Audience, managerAudience, personAudience, recipientNames, reviewAudience } from '../notices/audience.ts';
import type { Notice } from '../notices/types.ts';
import { onceOnlyJob, type OnceRule } from '../reminders/once-job.ts';
import { NOT_DUE, type Claim } from '../reminders/once.ts';
import type { TickContext, TickJob } from '../tick/job.ts';
import { addWorkingDays } from '../time/working-days.ts';
import { loadContext, loadRequest, type HandoverContext } from './context.ts';
import { keyOf, send, sendTracked, trackCards } from './store.ts';
import { reminderModel } from './view/reminder.ts';
import { trainingWanted } from './view/shared.ts';

/** Default working days until an open step after approval reminds once (config may override). */
export const TRAINING_REMINDER_WORKING_DAYS = 5;

export type HandoverJob = TickJob;

const claim = (row: HandoverRequest, ...parts: string[]): Claim => ({ key: keyOf(row.id, 'remind', ...parts), subjectType: 'handover', subjectId: row.id });
const tz = (ctx: TickContext) => ctx.config.businessTimeZone;
const dueAfter = (since: Date, days: number, ctx: TickContext) => addWorkingDays(since, days, tz(ctx)) <= ctx.now;

async function sendToAll(tx: Tx, audience: Audience[], key: (suffix: string) => string, notice: Notice, now: Date): Promise<void> {
  for (const a of audience) await send(tx, key(a.suffix), a.recipient, forRecipient(notice, a), now);
}

/** A reminder posted to a channel carries no "Status anzeigen": the status answers only in the 1:1 chat. */
function forRecipient(notice: Notice, a: Audience): Notice {
  if (notice.kind !== 'handoverReminder' || a.recipient.type !== 'channel') return notice;
  return { kind: 'handoverReminder', model: { ...notice.model, statusAction: false } };
}

/** Sends the reminder inside the claim's transaction, audits it, and returns the tick's line. */
async function remind(tx: Tx, ctx: HandoverContext, reminder: string, audience: Audience[], notice: Notice, what: string, now: Date): Promise<string[]> {
  await sendToAll(tx, audience, (s) => keyOf(ctx.request.id, 'reminder', reminder, s), notice, now);
  await recordAudit(tx, { at: now, actorId: null, action: 'handover.reminded', subjectType: 'handover', subjectId: ctx.request.id, data: { reminder, recipients: audience.length } });
  return [`Erinnerung an ${await recipientNames(tx, audience)}: Kundenabgabe ${ctx.client.number} (${ctx.client.name}) ${what}`];
}

/** Loads the row inside the transaction and hands it on only if `stillDue` holds. */
async function withFresh(tx: Tx, id: string, ctx: TickContext, stillDue: (row: HandoverRequest) => boolean, work: (hc: HandoverContext) => Promise<string[]>): Promise<string[] | typeof NOT_DUE> {
  const row = await loadRequest(tx, id);
  if (!stillDue(row)) return NOT_DUE;
  return work(await loadContext(tx, row, ctx.now, tz(ctx)));
}

const reviewRule: OnceRule<HandoverRequest> = {
  name: 'handover.reviewOverdue',
  candidates: (ctx) => ctx.prisma.handoverRequest.findMany({ where: { status: { in: ['submitted', 'in_review'] }, submittedAt: { lte: ctx.now } } }),
  due: (row, ctx) => (dueAfter(row.submittedAt, ctx.config.handoverReminderWorkingDays, ctx) ? claim(row, 'review', 'first') : null),
  deliver: (tx, row, ctx) =>
    withFresh(tx, row.id, ctx, (r) => r.status === 'submitted' || r.status === 'in_review', async (hc) => {
      const r = hc.request;
      // Someone took it on: remind them; nobody did: the whole team.
      const audience = r.status === 'in_review' && r.reviewerId ? [personAudience(r.reviewerId)] : await reviewAudience(tx, [r.vpaId]);
      const days = ctx.config.handoverReminderWorkingDays;
      return remind(tx, hc, 'review', audience, { kind: 'handoverReminder', model: reminderModel(hc, 'review', r.submittedAt, days) }, 'wartet auf Prüfung', ctx.now);
    }),
};

const decisionRule: OnceRule<HandoverRequest> = {
  name: 'handover.decisionOverdue',
  candidates: (ctx) => ctx.prisma.handoverRequest.findMany({ where: { status: 'awaiting_approval', proposedAt: { lte: ctx.now } } }),
  due: (row, ctx) => (row.proposedAt && dueAfter(row.proposedAt, ctx.config.handoverReminderWorkingDays, ctx) ? claim(row, 'decision', 'first') : null),
  deliver: (tx, row, ctx) =>
    withFresh(tx, row.id, ctx, (r) => r.status === 'awaiting_approval' && !!r.proposedAt, async (hc) => {
      const r = hc.request;
      const exclude = [r.vpaId, ...(r.successorId ? [r.successorId] : []), ...(r.reviewerId ? [r.reviewerId] : [])];
      const model = reminderModel(hc, 'decision', r.proposedAt ?? ctx.now, ctx.config.handoverReminderWorkingDays);
      return remind(tx, hc, 'decision', await managerAudience(tx, exclude), { kind: 'handoverReminder', model }, 'wartet auf Freigabe', ctx.now);
    }),
};

/** The follow-up of one clarification: the reviewer's date, or N working days after "klären lassen". */
function followUpDue(row: HandoverRequest, ctx: TickContext): Date | null {
  if (row.followUpAt) return row.followUpAt;
  return row.clarifiedAt ? addWorkingDays(row.clarifiedAt, ctx.config.handoverReminderWorkingDays, tz(ctx)) : null;
}

const followUpRule: OnceRule<HandoverRequest> = {
  name: 'handover.followUpDue',
  candidates: (ctx) => ctx.prisma.handoverRequest.findMany({ where: { status: 'clarifying' } }),
  due: (row, ctx) => {
    const at = followUpDue(row, ctx);
    // One reminder per clarification: asking again (a new clarifiedAt) is a new follow-up.
    return at && at <= ctx.now ? claim(row, 'follow-up', String(row.clarifiedAt?.getTime() ?? 0)) : null;
  },
  deliver: (tx, row, ctx) =>
    withFresh(tx, row.id, ctx, (r) => r.status === 'clarifying' && r.clarifiedAt?.getTime() === row.clarifiedAt?.getTime(), async (hc) => {
      const r = hc.request;
      const audience = r.reviewerId ? [personAudience(r.reviewerId)] : await reviewAudience(tx, [r.vpaId]);
      const model = reminderModel(hc, 'followUp', r.clarifiedAt ?? ctx.now, 0);
      return remind(tx, hc, `follow-up:${r.clarifiedAt?.getTime() ?? 0}`, audience, { kind: 'handoverReminder', model }, '– Wiedervorlage der Klärung ist fällig', ctx.now);
    }),
};

type Step = 'inform' | 'training-given' | 'training-received';

/** The open step after approval and since when it is open, or null (done, or a manager must act anyway). */
function openStep(row: HandoverRequest): { step: Step; since: Date } | null {
  if (row.status !== 'approved' || row.completionError || !row.decidedAt) return null;
  if (!row.clientInformedAt) return { step: 'inform', since: row.decidedAt };
  if (!(row.trainingWanted ?? row.clientWantsTraining)) return null;
  if (!row.trainingGivenAt) return { step: 'training-given', since: row.clientInformedAt };
  if (!row.trainingReceivedAt) return { step: 'training-received', since: row.trainingGivenAt };
  return null;
}

const STEP_TEXT: Record<Step, string> = {
  inform: '– „Kunde informiert“ fehlt noch',
  'training-given': '– Einarbeitung noch nicht bestätigt',
  'training-received': '– Erhalt der Einarbeitung noch nicht bestätigt',
};

function stepRule(tier: 'first' | 'managers'): OnceRule<HandoverRequest> {
  const factor = tier === 'first' ? 1 : 2;
  return {
    name: tier === 'first' ? 'handover.stepOverdue' : 'handover.stepOverdueManagers',
    candidates: (ctx) => ctx.prisma.handoverRequest.findMany({ where: { status: 'approved' } }),
    due: (row, ctx) => {
      const open = openStep(row);
      return open && dueAfter(open.since, factor * ctx.config.handoverTrainingReminderWorkingDays, ctx) ? claim(row, open.step, tier) : null;
    },
    deliver: (tx, row, ctx) => {
      const step = openStep(row)?.step;
      return withFresh(tx, row.id, ctx, (r) => !!step && openStep(r)?.step === step, async (hc) => {
        const r = hc.request;
        const since = openStep(r)?.since ?? ctx.now;
        if (tier === 'managers') {
          const audience = await managerAudience(tx, [r.vpaId, ...(r.successorId ? [r.successorId] : [])]);
          return remind(tx, hc, `${step}:managers`, audience, { kind: 'handoverReminder', model: reminderModel(hc, 'stepOverdueManagers', since, 2 * ctx.config.handoverTrainingReminderWorkingDays) }, STEP_TEXT[step!], ctx.now);
        }
        if (step === 'inform') {
          return remind(tx, hc, 'inform', [personAudience(r.vpaId)], { kind: 'handoverReminder', model: reminderModel(hc, 'inform', since, ctx.config.handoverTrainingReminderWorkingDays) }, STEP_TEXT.inform, ctx.now);
        }
        // The training steps send the card with the confirmation button, tracked so it updates in place.
        const personId = step === 'training-given' ? r.vpaId : r.successorId;
        if (!personId || !trainingWanted(hc)) return [];
        const card = await sendTracked(tx, keyOf(r.id, 'reminder', 'training', step === 'training-given' ? 'given' : 'received'), { type: 'person', personId }, 'handoverTrainingReminder', hc, ctx.now, step === 'training-given' ? 'given' : 'received');
        await trackCards(tx, r, [card]);
        await recordAudit(tx, { at: ctx.now, actorId: null, action: 'handover.reminded', subjectType: 'handover', subjectId: r.id, data: { reminder: step, recipients: 1 } });
        return [`Erinnerung an ${await recipientNames(tx, [personAudience(personId)])}: Kundenabgabe ${hc.client.number} (${hc.client.name}) ${STEP_TEXT[step!]}`];
      });
    },
  };
}

export const reviewOverdueJob = onceOnlyJob(reviewRule);
export const decisionOverdueJob = onceOnlyJob(decisionRule);
export const followUpDueJob = onceOnlyJob(followUpRule);
export const stepOverdueJob = onceOnlyJob(stepRule('first'));
export const stepOverdueManagersJob = onceOnlyJob(stepRule('managers'));

/** Register these with the tick registry (src/tick/jobs.ts). */
export const handoverReminderJobs: readonly TickJob[] = [reviewOverdueJob, decisionOverdueJob, followUpDueJob, stepOverdueJob, stepOverdueManagersJob];
