// Public API of shift duty for the Conny account (process 3, docs/schichtdienst.md), for bot/ and the CLI. The tick
// jobs (`shiftJobs`) post the scheduled checks, the deadline alerts and the escalations; the use cases below record
// "geprüft", "erledigt" and changes of the plan, each in one transaction with an audit event; cards are queued in the
// outbox (keys `shift:check:<slot>:…`, `shift:alert:<itemId>:…`) and updated in place.
export { shiftJobs } from './jobs.ts';
export { shiftCheckJob, checkClaimKey } from './checks-job.ts';
export { shiftAlertJob, alertClaimKey } from './alerts-job.ts';
export { shiftAlertCardsJob } from './alert-cards-job.ts';
export { shiftEscalateLeadJob, shiftEscalateManagersJob, escalationKey } from './escalation-job.ts';
export { acknowledgeShiftCheck, shiftCheckCard, type AcknowledgeOptions } from './acknowledge.ts';
export { markInboxItemAnswered, shiftAlertCard, type AnswerItemOptions } from './answer-item.ts';
export { shiftPlan, addPlanEntry, removePlanEntry, planDates, SHIFT_NAME_MAX, type PlanOptions, type AddPlanEntryOptions, type RemovePlanEntryOptions } from './plan.ts';
export { shiftReport, shiftReportPeriod, type ShiftReportOptions, type ShiftReportPeriod } from './report.ts';
export { SHIFT_DUTY_ROLES } from './permissions.ts';
export { dueSlot, isShiftWorkingDate, type CheckSlot } from './calendar.ts';
export { deadlineOf, alertAtOf, responseHours, type ShiftRules } from './deadlines.ts';
export { onShiftAt, isAbsentAt, type OnShift } from './on-shift.ts';
