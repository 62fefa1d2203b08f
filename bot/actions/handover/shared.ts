// What the handover verbs share: the request reference every card sends, and answering a card action
// with the request's current card (the slow part, sending to others, happens afterwards through the outbox).
import { z } from 'zod';
import type { AdaptiveCard } from '../../../cards/common/types.ts';
import { handoverApprovalCard } from '../../../cards/handover/approval.ts';
import { AppError } from '../../../src/errors/catalogue.ts';
import { handoverCard } from '../../../src/handover/index.ts';

import type { TrackedHandoverKind } from '../../../src/notices/handover.ts';
import { renderNoticeCard } from '../../render/render-notice.ts';
import type { ActionContext, ActionResult } from '../registry.ts';
import { isManager } from '../../../src/people/access.ts';

export const requestRef = z.object({
  requestId: z.string().min(1).max(100),
  version: z.coerce.number().int().min(0).optional(),
});

/** Optional free text from a card input: trimmed, empty = absent. */
export const optionalText = (max: number) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : typeof v === 'string' ? v.trim() : v), z.string().max(max).optional());

export function useCaseBase(ctx: ActionContext) {
  return { db: ctx.db.prisma, actor: ctx.actor, now: ctx.clock.now(), timeZone: ctx.config.businessTimeZone };
}

/** The approval card as this person may see it: with the buttons for managers while a decision is open. */
export async function approvalCardFor(ctx: ActionContext, requestId: string): Promise<AdaptiveCard> {
  const notice = await handoverCard({ db: ctx.db.prisma, requestId, kind: 'handoverApproval', now: ctx.clock.now(), timeZone: ctx.config.businessTimeZone });
  // Only ever the approval model (what the approval post shows); never another card of the request.
  if (notice.kind !== 'handoverApproval') throw new AppError('INTERNAL', { detail: `approval card of ${requestId} built as ${notice.kind}` });
  const view = ctx.actor && isManager(ctx.actor) && notice.model.decidable ? 'manager' : 'readonly';
  return handoverApprovalCard(notice.model, view);
}

/** After a change: send what the use case queued, and answer with the request's card as it is now. */
export async function answerWithCard(ctx: ActionContext, requestId: string, kind: TrackedHandoverKind): Promise<ActionResult> {
  ctx.kickOutbox();
  if (kind === 'handoverApproval') return { card: await approvalCardFor(ctx, requestId) };
  const notice = await handoverCard({ db: ctx.db.prisma, requestId, kind, now: ctx.clock.now(), timeZone: ctx.config.businessTimeZone });
  return { card: renderNoticeCard(notice) };
}
