// Freigeben / Ablehnen in the approval channel, and the Universal Actions refresh that gives managers
// the buttons and everyone else the read-only card. In channels with fewer than 60 members every member's
// client refreshes, so the decision is made per person here, from the database.
import { z } from 'zod';
import { VERBS } from '../../../cards/common/verbs.ts';
import { AppError } from '../../../src/errors/catalogue.ts';
import { approvalConversationIds, decide } from '../../../src/handover/index.ts';
import { conversationIdOf } from '../../activity.ts';
import { defineAction } from '../registry.ts';
import { answerWithCard, approvalCardFor, optionalText, requestRef, useCaseBase } from './shared.ts';

const MANAGERS = ['vpa_manager', 'client_manager'] as const;

export const approveHandover = defineAction({
  verb: VERBS.handoverApprove,
  data: requestRef,
  roles: MANAGERS,
  mutating: true,
  async handle(ctx, data) {
    await decide({ ...useCaseBase(ctx), requestId: data.requestId, expectedVersion: data.version, decision: 'approved' });
    return answerWithCard(ctx, data.requestId, 'handoverApproval');
  },
});

export const rejectHandover = defineAction({
  verb: VERBS.handoverReject,
  data: requestRef.extend({ rejectionReason: optionalText(2000) }),
  roles: MANAGERS,
  mutating: true,
  async handle(ctx, data) {
    await decide({ ...useCaseBase(ctx), requestId: data.requestId, expectedVersion: data.version, decision: 'rejected', rejectionReason: data.rejectionReason });
    return answerWithCard(ctx, data.requestId, 'handoverApproval');
  },
});

export const refreshApproval = defineAction({
  verb: VERBS.handoverApprovalRefresh,
  data: z.object({ requestId: z.string().min(1).max(100) }).loose(),
  // Everyone in the channel refreshes; people the bot does not know get the read-only view.
  allowUnregistered: true,
  async handle(ctx, data) {
    // Only where the approval card of this request was posted: elsewhere (another channel, a VPA's 1:1, a
    // forged invoke) the answer shows nothing about the request.
    const shownIn = await approvalConversationIds(ctx.db.prisma, data.requestId);
    if (!shownIn.includes(conversationIdOf(ctx.turn.activity))) throw new AppError('CARD_NOT_IN_THIS_CONVERSATION', { detail: `approval of ${data.requestId}` });
    return { card: await approvalCardFor(ctx, data.requestId) };
  },
});
