// The tender (Umfrage) of a reactivated client's new task: "Umfrage starten", "vergeben", "Frist verlängern" and
// "Umfrage abbrechen" on the admin team's cards (the review card and the deadline reminder, in the `admin` channel or
// an admin's 1:1), "bewerben" on a VPA's invitation (1:1 only). Each answers with the clicked card as it is now
// (`view: 'deadline'` marks the reminder); the messages to others go out through the outbox.
import { z } from 'zod';
import { VERBS } from '../../../cards/common/verbs.ts';
import { AppError } from '../../../src/errors/catalogue.ts';
import { gatewayFor } from '../../../src/platform/index.ts';
import { applyToTender, awardTender, cancelTender, deadlineFromDate, extendTenderDeadline, startTender, tenderCard } from '../../../src/tender/index.ts';
import { renderNoticeCard } from '../../render/render-notice.ts';
import { defineAction, type ActionContext, type ActionResult } from '../registry.ts';
import { optionalText, useCaseBase } from '../handover/shared.ts';

const ADMINS = ['admin'] as const;

const tenderRef = z.object({
  tenderId: z.string().min(1).max(100),
  version: z.coerce.number().int().min(0).optional(),
  /** Set by the deadline reminder's buttons: answer with that card. */
  view: z.enum(['deadline']).optional(),
});

type AdminCard = 'tenderReview' | 'tenderDeadline';
const adminCard = (view: 'deadline' | undefined): AdminCard => (view === 'deadline' ? 'tenderDeadline' : 'tenderReview');

function base(ctx: ActionContext) {
  return { ...useCaseBase(ctx), rules: ctx.config.inactivity };
}

/** After a change: send what the use case queued, and answer with the tender's card as this person sees it. */
async function answer(ctx: ActionContext, tenderId: string, kind: AdminCard | 'tenderInvite'): Promise<ActionResult> {
  ctx.kickOutbox();
  const { db, now, timeZone, rules } = base(ctx);
  const notice = await tenderCard({ db, tenderId, kind, now, timeZone, rules, ...(kind === 'tenderInvite' && ctx.actor ? { personId: ctx.actor.id } : {}) });
  return { card: renderNoticeCard(notice) };
}

export const startTenderAction = defineAction({
  verb: VERBS.tenderStart,
  data: tenderRef.extend({
    deadline: optionalText(10),
    leaveOutReason: z.preprocess((v) => (v === '' ? undefined : v), z.enum(['absent', 'competence']).optional()),
    leaveOutNote: optionalText(1000),
  }),
  roles: ADMINS,
  mutating: true,
  async handle(ctx, data) {
    const deadline = data.deadline ? deadlineFromDate(data.deadline, ctx.config.businessTimeZone) : null;
    if (!deadline) throw new AppError('TENDER_INPUT_INVALID', { detail: 'deadline', userMessage: 'Bitte gib ein gültiges Datum als Frist an.' });
    await startTender({
      ...base(ctx),
      tenderId: data.tenderId,
      expectedVersion: data.version,
      deadline,
      ...(data.leaveOutReason ? { leaveOutLastVpa: { reason: data.leaveOutReason, note: data.leaveOutNote ?? '' } } : {}),
    });
    return answer(ctx, data.tenderId, 'tenderReview');
  },
});

export const applyToTenderAction = defineAction({
  verb: VERBS.tenderApply,
  data: z.object({ tenderId: z.string().min(1).max(100) }).loose(),
  roles: ['vpa'],
  personalOnly: true,
  mutating: true,
  async handle(ctx, data) {
    await applyToTender({ ...base(ctx), gateway: gatewayFor(ctx.config), tenderId: data.tenderId });
    return answer(ctx, data.tenderId, 'tenderInvite');
  },
});

export const awardTenderAction = defineAction({
  verb: VERBS.tenderAward,
  data: tenderRef.extend({ winnerId: z.string().min(1).max(100) }),
  roles: ADMINS,
  mutating: true,
  async handle(ctx, data) {
    await awardTender({ ...base(ctx), gateway: gatewayFor(ctx.config), tenderId: data.tenderId, expectedVersion: data.version, winnerId: data.winnerId });
    return answer(ctx, data.tenderId, adminCard(data.view));
  },
});

export const cancelTenderAction = defineAction({
  verb: VERBS.tenderCancel,
  // The reason's length is checked by the use case (a clear German message); only absurd input stops here.
  data: tenderRef.extend({ cancelReason: optionalText(5000) }),
  roles: ADMINS,
  mutating: true,
  async handle(ctx, data) {
    await cancelTender({ ...base(ctx), tenderId: data.tenderId, expectedVersion: data.version, reason: data.cancelReason ?? '' });
    return answer(ctx, data.tenderId, adminCard(data.view));
  },
});

export const extendTenderAction = defineAction({
  verb: VERBS.tenderExtend,
  data: tenderRef.extend({ deadline: optionalText(10) }),
  roles: ADMINS,
  mutating: true,
  async handle(ctx, data) {
    const deadline = data.deadline ? deadlineFromDate(data.deadline, ctx.config.businessTimeZone) : null;
    if (!deadline) throw new AppError('TENDER_INPUT_INVALID', { detail: 'deadline', userMessage: 'Bitte gib ein gültiges Datum als neue Frist an.' });
    await extendTenderDeadline({ ...base(ctx), tenderId: data.tenderId, expectedVersion: data.version, deadline });
    return answer(ctx, data.tenderId, adminCard(data.view));
  },
});
