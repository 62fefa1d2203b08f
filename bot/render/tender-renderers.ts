// The tender (Umfrage) cards, one per notice kind, typed by TenderNoticeModels: a kind added there without a card
// here fails to compile. render-notice.ts merges this table into its own.
import { tenderDeadlineCard } from '../../cards/tender/deadline.ts';
import { tenderInviteCard } from '../../cards/tender/invite.ts';
import { tenderListCard } from '../../cards/tender/list.ts';
import { tenderResultCard } from '../../cards/tender/result.ts';
import { tenderReviewCard } from '../../cards/tender/review.ts';
import type { AdaptiveCard } from '../../cards/common/types.ts';
import type { TenderNoticeModels } from '../../src/notices/tender.ts';

export type TenderRenderers = { [K in keyof TenderNoticeModels]: (model: TenderNoticeModels[K]) => AdaptiveCard };

export const TENDER_RENDERERS: TenderRenderers = {
  tenderReview: tenderReviewCard,
  tenderInvite: tenderInviteCard,
  tenderResult: tenderResultCard,
  tenderList: tenderListCard,
  tenderDeadline: tenderDeadlineCard,
};
