// When each message of a cycle is due, and what a tick does with it (pure; time from the caller). All times count
// from the client's last task, in whole weeks of local calendar days in the business time zone:
//   vpa_message      afterWeeks (8)                        in the VPA's name
//   conny_intro      the moment the client is handed to Conny
//   conny_reminder_n connyReminderWeeks[n] (16, 20)        only when the client was with Conny by then
//   conny_email      connyEmailAfterWeeks (52)             only when the client was with Conny by then
// A step whose time passed before the client reached it (handed to Conny at week 17: the 16-week reminder) is
// skipped, never sent late. A step is stale — skipped — once the next step's time has come (catch-up after downtime
// sends what is still due and skips what is stale); the e-mail is stale four weeks after its time. A step due
// outside the send window waits for the next window without moving later steps. While paused (the client replied)
// nothing is sent; what goes stale meanwhile is skipped.
import { DateTime } from 'luxon';
import type { InactivityConfig } from '../config/config.ts';
import { inSendWindow } from './send-window.ts';
import { REMINDER_STEPS, type Step } from './steps.ts';

export interface CycleTimes {
  lastTaskAt: Date;
  connyAt: Date | null;
  paused: boolean;
}

export interface PlannedStep {
  step: Step;
  dueAt: Date;
  /** From this instant the step is stale: skipped instead of sent. */
  staleAt: Date;
  /** The step is for a client with Conny: skipped when the client was handed over only after its time. */
  needsConny: boolean;
}

const EMAIL_GRACE_WEEKS = 4;

export function weeksAfter(at: Date, weeks: number, timeZone: string): Date {
  return DateTime.fromJSDate(at, { zone: timeZone }).plus({ weeks }).toJSDate();
}

/** The steps of one cycle with their times, in order (those that cannot apply yet — Conny's before a hand-over — have no plan). */
export function plannedSteps(cycle: CycleTimes, config: InactivityConfig, timeZone: string): PlannedStep[] {
  // One local date-time per cycle, then whole weeks on it (a scheduler pass plans every cycle: keep it cheap).
  const base = DateTime.fromJSDate(cycle.lastTaskAt, { zone: timeZone });
  const w = (weeks: number) => base.plus({ weeks }).toJSDate();
  const reminders = REMINDER_STEPS.slice(0, config.connyReminderWeeks.length).map((step, i) => ({ step, dueAt: w(config.connyReminderWeeks[i]!) }));
  const email = { step: 'conny_email' as const, dueAt: w(config.connyEmailAfterWeeks) };
  const connyLater = [...reminders, email];
  const out: PlannedStep[] = [];
  // The VPA's message is stale once the client is due for the inactive-management list (or was handed over).
  const listAt = w(config.listAfterWeeks);
  const vpaStale = cycle.connyAt && cycle.connyAt < listAt ? cycle.connyAt : listAt;
  out.push({ step: 'vpa_message', dueAt: w(config.afterWeeks), staleAt: vpaStale, needsConny: false });
  if (cycle.connyAt) {
    const nextAfterIntro = connyLater.find((s) => s.dueAt > cycle.connyAt!);
    out.push({ step: 'conny_intro', dueAt: cycle.connyAt, staleAt: nextAfterIntro?.dueAt ?? weeksAfter(cycle.connyAt, EMAIL_GRACE_WEEKS, timeZone), needsConny: true });
    connyLater.forEach((s, i) => {
      const next = connyLater[i + 1];
      out.push({ step: s.step, dueAt: s.dueAt, staleAt: next ? next.dueAt : weeksAfter(s.dueAt, EMAIL_GRACE_WEEKS, timeZone), needsConny: true });
    });
  }
  return out;
}

export type StepDecision = 'wait' | 'send' | 'skip';

/**
 * What a tick at `now` does with a planned step that has no row yet. `nowInWindow` may be passed when the caller
 * already knows whether `now` lies in the send window (the same for every cycle of one pass).
 */
export function decide(plan: PlannedStep, cycle: CycleTimes, now: Date, config: InactivityConfig, timeZone: string, nowInWindow?: boolean): StepDecision {
  if (now < plan.dueAt) return 'wait';
  // Reached Conny only after the step's time: the client never "reached" this step.
  if (plan.needsConny && plan.step !== 'conny_intro' && cycle.connyAt && cycle.connyAt > plan.dueAt) return 'skip';
  if (now >= plan.staleAt) return 'skip';
  if (cycle.paused) return 'wait';
  return (nowInWindow ?? inSendWindow(now, config, timeZone)) ? 'send' : 'wait';
}

/**
 * The first instant at which a tick could do something with this cycle's unrecorded steps (send or skip), or null
 * when nothing can happen until the cycle itself changes (a hand-over, a pause, a resume). Depends only on the
 * cycle's state and its recorded steps, never on the instant it is computed at, so a tick at an earlier instant (a
 * `tick --now` replay) finds the same cycles due as a scan of every cycle would: a running cycle from the first
 * unrecorded step's time (it then waits for the send window), a paused one only from when a step is skipped.
 */
export function nextCheckAt(plans: readonly PlannedStep[], cycle: CycleTimes, isRecorded: (step: Step) => boolean): Date | null {
  let next: Date | null = null;
  for (const plan of plans) {
    if (isRecorded(plan.step)) continue;
    const reachedLate = plan.needsConny && plan.step !== 'conny_intro' && cycle.connyAt !== null && cycle.connyAt > plan.dueAt;
    const at = cycle.paused && !reachedLate && plan.staleAt > plan.dueAt ? plan.staleAt : plan.dueAt;
    if (next === null || at < next) next = at;
  }
  return next;
}
