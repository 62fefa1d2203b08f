// The Kundenabgabe cards, one per notice kind, typed by HandoverNoticeModels: a kind added there without a
// card here fails to compile. render-notice.ts merges this table into its own.
import { handoverApprovalCard } from '../../cards/handover/approval.ts';
import { handoverChallengeCard } from '../../cards/handover/challenge.ts';
import { handoverClarifyCard } from '../../cards/handover/clarify.ts';
import { handoverCompletedCard } from '../../cards/handover/completed.ts';
import { handoverFormCard } from '../../cards/handover/form.ts';
import { handoverInformClientCard } from '../../cards/handover/inform-client.ts';
import { handoverRejectedCard } from '../../cards/handover/rejected.ts';
import { handoverReminderCard } from '../../cards/handover/reminder.ts';
import { handoverReturnedCard } from '../../cards/handover/returned.ts';
import { handoverReviewCard } from '../../cards/handover/review.ts';
import { handoverStatusCard } from '../../cards/handover/status.ts';
import { handoverSubmittedCard } from '../../cards/handover/submitted.ts';
import { handoverSuccessorCard } from '../../cards/handover/successor.ts';
import { handoverTrainingReminderCard } from '../../cards/handover/training-reminder.ts';
import type { AdaptiveCard } from '../../cards/common/types.ts';
import type { HandoverNoticeModels } from '../../src/notices/handover.ts';

export type HandoverRenderers = { [K in keyof HandoverNoticeModels]: (model: HandoverNoticeModels[K]) => AdaptiveCard };

export const HANDOVER_RENDERERS: HandoverRenderers = {
  handoverForm: handoverFormCard,
  handoverChallenge: handoverChallengeCard,
  handoverSubmitted: handoverSubmittedCard,
  handoverReview: handoverReviewCard,
  // Proactive posts (channel or 1:1) carry the read-only view: managers get theirs through the card's
  // refresh, and the refresh handler calls handoverApprovalCard(model, 'manager') itself.
  handoverApproval: (model) => handoverApprovalCard(model, 'readonly'),
  handoverReturned: handoverReturnedCard,
  handoverClarify: handoverClarifyCard,
  handoverRejected: handoverRejectedCard,
  handoverInformClient: handoverInformClientCard,
  handoverSuccessor: handoverSuccessorCard,
  handoverTrainingReminder: handoverTrainingReminderCard,
  handoverReminder: handoverReminderCard,
  handoverCompleted: handoverCompletedCard,
  handoverStatus: handoverStatusCard,
};
