// The tick jobs of shift duty, in the order one pass needs them: the scheduled check, the deadline alerts, the alert
// cards of items answered elsewhere, then the two escalation steps.
import type { TickJob } from '../tick/job.ts';
import { shiftAlertCardsJob } from './alert-cards-job.ts';
import { shiftAlertJob } from './alerts-job.ts';
import { shiftCheckJob } from './checks-job.ts';
import { shiftEscalateLeadJob, shiftEscalateManagersJob } from './escalation-job.ts';

export const shiftJobs: readonly TickJob[] = [shiftCheckJob, shiftAlertJob, shiftAlertCardsJob, shiftEscalateLeadJob, shiftEscalateManagersJob];
