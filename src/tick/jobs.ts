// The due-work jobs `staffelstab tick` runs (and a scheduler in the server may run): inactivity steps,
// Conny messages, shift pings, escalations, reminders. Registering a job is one entry in TICK_JOBS.
import { conductEscalationJobs } from '../conduct/index.ts';
import { handoverReminderJobs } from '../handover/index.ts';
import { inactivityJobs } from '../inactivity/index.ts';
import { pruneReceiptsJob } from '../invokes/prune-job.ts';
import { platformJobs } from '../platform/index.ts';
import { shiftJobs } from '../shift/index.ts';
import { tenderJobs } from '../tender/index.ts';
import type { TickJob } from './job.ts';

export type { TickContext, TickJob } from './job.ts';

/** Every registered job, run in this order. Later issues add theirs here. */
export const TICK_JOBS: readonly TickJob[] = [...handoverReminderJobs, ...conductEscalationJobs, ...platformJobs, ...inactivityJobs, ...tenderJobs, ...shiftJobs, pruneReceiptsJob];
