// Public API of the Kundenabgabe domain (docs/kundenabgabe.md), for bot/ and the CLI. Every use case takes one
// options object ({ db, actor, now, timeZone, ... }), runs in one transaction with an audit event and queues
// the notices it causes in the outbox (idempotency keys `handover:<requestId>:<step>…`). Refusals are
// AppErrors with German user messages (HANDOVER_* in src/errors/catalogue.ts); nothing changes then.
//
// Card data for Action.Execute: `requestId` and `version` from the model's `ref`; pass the version back as
// `expectedVersion` so clicks on outdated cards are refused (HANDOVER_STALE).
export { handoverForm, ownCurrentClients } from './handover-form.ts';
export { formValues } from './validation.ts';
export { submitRequest, type SubmitRequestOptions, type SubmitRequestResult } from './submit-request.ts';
export { startReview } from './start-review.ts';
export { returnRequest, type ReturnRequestOptions } from './return-request.ts';
export { requestClarification, type RequestClarificationOptions } from './request-clarification.ts';
export { proposeSuccessor, type ProposeSuccessorOptions } from './propose-successor.ts';
export { decide, type DecideOptions } from './decide.ts';
export { withdrawRequest, type WithdrawRequestOptions } from './withdraw-request.ts';
export { confirmTrainingGiven, type ConfirmTrainingOptions } from './confirm-training-given.ts';
export { confirmTrainingReceived } from './confirm-training-received.ts';
export { completeHandover, type CloseHandoverOptions } from './complete-handover.ts';
export { cancelHandover } from './cancel-handover.ts';
export { confirmClientInformed, type ConfirmClientInformedOptions } from './confirm-client-informed.ts';
export { answerClarification, type AnswerClarificationOptions } from './answer-clarification.ts';
export { listStatus, type ListStatusOptions } from './list-status.ts';
export { handoverCard, type HandoverCardOptions } from './handover-card.ts';
export { approvalConversationIds } from './approval-audience.ts';
export { handoverReminderJobs, reviewOverdueJob, decisionOverdueJob, followUpDueJob, stepOverdueJob, stepOverdueManagersJob, type HandoverJob } from './reminders.ts';
export type { HandoverChange, RequestActionOptions, UseCaseOptions } from './use-case.ts';
export type { TrainingChange } from './training.ts';
// Rules (pure)
export { challengesFor, CHALLENGES, CHALLENGE_INTRO, CHALLENGE_CLOSING, type Challenge, type ChallengeId } from './challenges.ts';
export { REASON_CATEGORIES, REASON_CATEGORY_LABELS, ONBOARDING_EFFORTS, HANDOVER_STATUSES, HANDOVER_STATUS_LABELS } from './labels.ts';
