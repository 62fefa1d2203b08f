// Public API of process 2, inactive clients and the Conny account (docs/inaktive-kunden.md), for bot/ and the CLI.
// Use cases take { db, actor, now, timeZone, … } and write one transaction with an audit event; client messages go
// through the PlatformGateway (src/platform), everything else through the outbox. Tick jobs: `inactivityJobs`.
export { handOverToConny, recordHandOverOnPlatform, INACTIVE_MANAGEMENT_ROLES, type HandOverOptions } from './hand-over-to-conny.ts';
export { postponeInactive, type PostponeOptions } from './postpone.ts';
export { excludeInactive, type ExcludeOptions } from './exclude.ts';
export { pauseOnClientReply, recordClientReply, reportClientReply, resumeInactivity, RESUME_ROLES, type ClientReply, type ReportReplyOptions, type ResumeOptions } from './client-reply.ts';
export { inactivityJobs, reactivationJob, startCyclesJob, autoHandoverJob, stepsJob } from './jobs.ts';
export { plannedSteps, decide, nextCheckAt, weeksAfter, type PlannedStep, type CycleTimes, type StepDecision } from './schedule.ts';
export { inSendWindow, nextSendWindow } from './send-window.ts';
export { STEPS, stepLabel, isStep, type Step } from './steps.ts';
export { REACTIVATION_TIPS } from './tips.ts';
export { inactiveList, inactiveListEntries, reachedList, weeksBetween, type InactiveListOptions, type ListDone } from './list-model.ts';
export { vpaClients, type VpaClientsOptions } from './clients-model.ts';
export { inactivityReport, reportModel, reportPeriod, defaultReportPeriod, percentText, type InactivityReport } from './report.ts';
export { resumeAnswerText } from './resume-answer.ts';
