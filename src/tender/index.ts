// Public API of the reactivation review and tender (Umfrage, issue 8), for bot/ and the inactivity process. A client
// who was inactive posts a new task: the inactivity process opens the review inside its own transaction
// (openReactivationReview); the admin team starts the tender (startTender), the invited VPAs apply (applyToTender;
// the last VPA wins at once), the admin team awards it (awardTender), which reassigns the client and tells the
// client in the winner's name. Every use case runs in one transaction with an audit event and queues its notices in
// the outbox (keys `tender:<id>:…`). Refusals are AppErrors with German messages (TENDER_* in the catalogue);
// nothing changes then.
//
// Card data for Action.Execute: `tenderId` and `version` from the model; pass the version back as `expectedVersion`
// so clicks on outdated cards are refused (TENDER_STALE).
export { openReactivationReview, type OpenReactivationReviewInput, type OpenReactivationReviewResult } from './open-review.ts';
export { startTender, LEAVE_OUT_NOTE_MAX_LENGTH, type StartTenderOptions, type TenderChange, type TenderUseCaseOptions } from './start-tender.ts';
export { applyToTender, type ApplyToTenderOptions, type ApplyToTenderResult } from './apply.ts';
export { awardTender, type AwardTenderOptions } from './award.ts';
export { cancelTender, validCancelReason, CANCEL_REASON_MIN_LENGTH, CANCEL_REASON_MAX_LENGTH, type CancelTenderOptions } from './cancel.ts';
export { extendTenderDeadline, type ExtendDeadlineOptions } from './extend-deadline.ts';
export { listTenders, type ListTendersOptions } from './list-tenders.ts';
// Tick jobs: the admin team's reminder once an open tender's deadline has passed.
export { tenderJobs, tenderDeadlineJob, deadlineClaimKey } from './deadline-reminder.ts';
export { tenderCard, type TenderCardOptions } from './tender-card.ts';
// Rules (pure)
export { DEFAULT_TENDER_RULES, deadlineFromDate, defaultDeadlineDate, hasCompetence, isAbsentAt, isEligible, isLongAbsenceAt, lastVpaStanding, type TenderRules } from './rules.ts';
export { TENDER_STATUS_LABELS, LEAVE_OUT_LABELS } from './view.ts';
