// The current model of each card kind that shows a request's live state (updated in place at every change).
import type { TrackedHandoverKind } from '../../notices/handover.ts';
import type { Notice } from '../../notices/types.ts';
import type { HandoverContext } from '../context.ts';
import { informClientModel, successorModel, trainingReminderModel } from './after-approval.ts';
import { approvalModel } from './approval.ts';
import { clarifyModel, submittedModel } from './request.ts';
import { reviewModel } from './review.ts';

export function trackedNotice(kind: TrackedHandoverKind, ctx: HandoverContext, step?: 'given' | 'received'): Notice {
  switch (kind) {
    case 'handoverSubmitted':
      return { kind, model: submittedModel(ctx) };
    case 'handoverReview':
      return { kind, model: reviewModel(ctx) };
    case 'handoverApproval':
      return { kind, model: approvalModel(ctx) };
    case 'handoverClarify':
      return { kind, model: clarifyModel(ctx) };
    case 'handoverInformClient':
      return { kind, model: informClientModel(ctx) };
    case 'handoverSuccessor':
      return { kind, model: successorModel(ctx) };
    case 'handoverTrainingReminder':
      return { kind, model: trainingReminderModel(ctx, step ?? 'given') };
  }
}
