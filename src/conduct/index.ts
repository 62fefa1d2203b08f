// Public API of conduct reports (`melden`): a VPA reports a client who insults, disrespects, discriminates
// or harasses; the report goes urgent and 1:1 to every VPA manager and client manager (never a channel,
// never other VPAs), who acknowledge it. Card data for Action.Execute: `reportId` from the model.
// Unacknowledged: after N working hours every manager is reminded once, N more and the admin team hears of it
// once (conductEscalationJobs, registered in src/tick/jobs.ts).
export { conductForm, servedClients } from './conduct-form.ts';
export { reportConduct, type ReportConductOptions, type ReportConductResult } from './report-conduct.ts';
export { conductReportFor } from './report-card.ts';
export { acknowledgeConduct, type AcknowledgeConductOptions, type AcknowledgeConductResult } from './acknowledge-conduct.ts';
export { conductEscalationJobs, conductRemindManagersJob, conductEscalateAdminJob, remindManagersKey, escalateAdminKey } from './escalation.ts';
