// The message steps of every running or paused cycle, each exactly once: the InactivityStep row, keyed by (client,
// step, cycle), is created in the same transaction as the gateway's messages, so the in-process scheduler, `tick
// --now`, restarts and a second instance on the same PostgreSQL database produce each message once. What a tick does
// with a step is decided by the schedule (src/inactivity/schedule.ts): wait, send, or skip.
import { connyId } from '../assignments/last-vpa.ts';
import { recordAudit } from '../audit/record.ts';
import type { Tx } from '../db/client.ts';
import { inChunks } from '../db/chunks.ts';
import { isUniqueViolation } from '../db/unique-violation.ts';
import { randomId } from '../ids.ts';
import type { PlatformGateway } from '../platform/gateway.ts';
import type { TickContext } from '../tick/job.ts';
import { ACTIVE_STATUSES, type CycleRow } from './cycle-store.ts';
import { decide, nextCheckAt, plannedSteps, type PlannedStep } from './schedule.ts';
import { inSendWindow } from './send-window.ts';
import { stepLabel, type Step } from './steps.ts';
import { connyEmail, connyMessageText, vpaMessageText } from './step-message.ts';

export interface StepOutcome {
  cycleId: string;
  clientId: string;
  step: Step;
  outcome: 'sent' | 'skipped';
}

/**
 * Every step that is due (send) or stale (skip) at `now`, recorded and sent once. Only cycles whose `nextCheckAt` has
 * come are read (indexed), so a pass over 100,000 clients reads the few that can change; each keeps its next check.
 */
export async function runSteps(ctx: TickContext, gateway: PlatformGateway): Promise<StepOutcome[]> {
  const { prisma, now, config } = ctx;
  const tz = config.businessTimeZone;
  const cycles = await prisma.inactivityCycle.findMany({ where: { status: { in: [...ACTIVE_STATUSES] }, nextCheckAt: { lte: now }, createdAt: { lte: now } } });
  if (cycles.length === 0) return [];
  const done = await inChunks(cycles.map((c) => c.id), (ids) => prisma.inactivityStep.findMany({ where: { cycleId: { in: ids } }, select: { cycleId: true, step: true } }));
  const recorded = new Set(done.map((d) => `${d.cycleId}:${d.step}`));
  const out: StepOutcome[] = [];
  const nowInWindow = inSendWindow(now, config.inactivity, tz);
  for (const cycle of cycles) {
    const times = { lastTaskAt: cycle.lastTaskAt, connyAt: cycle.connyAt, paused: cycle.status === 'paused' };
    const plans = plannedSteps(times, config.inactivity, tz);
    for (const plan of plans) {
      if (recorded.has(`${cycle.id}:${plan.step}`)) continue;
      const decision = decide(plan, times, now, config.inactivity, tz, nowInWindow);
      if (decision === 'wait') continue;
      const result = await recordStep(ctx, gateway, cycle, plan, decision === 'send' ? 'sent' : 'skipped');
      if (result) {
        recorded.add(`${cycle.id}:${plan.step}`);
        out.push(result);
      }
    }
    await keepNextCheck(ctx, cycle, nextCheckAt(plans, times, (step) => recorded.has(`${cycle.id}:${step}`)));
  }
  return out;
}

/**
 * Stores when to look at the cycle next, unless it changed meanwhile (a use case bumps the version and sets its own
 * next check). A value computed without another instance's just-recorded step is only earlier than the truth, which
 * costs one more look, never a missed step.
 */
async function keepNextCheck(ctx: TickContext, cycle: CycleRow, next: Date | null): Promise<void> {
  if ((next?.getTime() ?? null) === (cycle.nextCheckAt?.getTime() ?? null)) return;
  await ctx.prisma.inactivityCycle.updateMany({ where: { id: cycle.id, version: cycle.version }, data: { nextCheckAt: next } });
}

async function recordStep(ctx: TickContext, gateway: PlatformGateway, cycle: CycleRow, plan: PlannedStep, outcome: 'sent' | 'skipped'): Promise<StepOutcome | null> {
  const { prisma, now } = ctx;
  try {
    return await prisma.$transaction(async (tx) => {
      // Inside the transaction: still running (a reply pauses, a task reactivates) and still without a newer task.
      const fresh = await tx.inactivityCycle.findUnique({ where: { id: cycle.id } });
      if (!fresh || !(ACTIVE_STATUSES as readonly string[]).includes(fresh.status)) return null;
      if (outcome === 'sent' && fresh.status === 'paused') return null;
      const newer = await tx.task.findFirst({ where: { clientId: cycle.clientId, createdAt: { gt: cycle.lastTaskAt, lte: now } }, select: { id: true } });
      if (newer) return null;
      await tx.inactivityStep.create({ data: { id: randomId(), cycleId: cycle.id, clientId: cycle.clientId, cycle: cycle.cycle, step: plan.step, outcome, dueAt: plan.dueAt, at: now } });
      if (outcome === 'sent') await send(tx, gateway, fresh, plan.step, now);
      await recordAudit(tx, { at: now, actorId: null, action: outcome === 'sent' ? 'inactivity.step_sent' : 'inactivity.step_skipped', subjectType: 'inactivity', subjectId: cycle.id, data: { step: plan.step, dueAt: plan.dueAt.toISOString() } });
      return { cycleId: cycle.id, clientId: cycle.clientId, step: plan.step, outcome };
    });
  } catch (error) {
    if (isUniqueViolation(error)) return null;
    throw error;
  }
}

async function send(tx: Tx, gateway: PlatformGateway, cycle: CycleRow, step: Step, now: Date): Promise<void> {
  const client = await tx.client.findUniqueOrThrow({ where: { id: cycle.clientId }, select: { name: true } });
  const key = `inactivity:${cycle.clientId}:${cycle.cycle}:${step}`;
  if (step === 'vpa_message') {
    if (!cycle.vpaId) return;
    const vpa = await tx.person.findUniqueOrThrow({ where: { id: cycle.vpaId }, select: { name: true } });
    await gateway.sendChat(tx, { clientId: cycle.clientId, senderId: cycle.vpaId, text: vpaMessageText(client.name, vpa.name), idempotencyKey: key }, now);
    return;
  }
  const conny = await connyId(tx);
  if (!conny) return;
  const connyPerson = await tx.person.findUniqueOrThrow({ where: { id: conny }, select: { name: true } });
  if (step === 'conny_email') {
    const mail = connyEmail(client.name, connyPerson.name);
    await gateway.sendEmail(tx, { clientId: cycle.clientId, senderId: conny, subject: mail.subject, text: mail.text, idempotencyKey: key }, now);
    return;
  }
  const vpa = cycle.vpaId ? await tx.person.findUnique({ where: { id: cycle.vpaId }, select: { name: true } }) : null;
  await gateway.sendChat(tx, { clientId: cycle.clientId, senderId: conny, text: connyMessageText(step, client.name, connyPerson.name, vpa?.name), idempotencyKey: key }, now);
}

/** "Kunde 10023 (Müller GmbH): 8-Wochen-Nachricht gesendet" for the tick's output. */
export async function stepLines(ctx: TickContext, outcomes: readonly StepOutcome[]): Promise<string[]> {
  const labels = new Map<string, string>();
  const out: string[] = [];
  for (const o of outcomes) {
    let label = labels.get(o.clientId);
    if (!label) {
      const c = await ctx.prisma.client.findUnique({ where: { id: o.clientId }, select: { number: true, name: true } });
      label = c ? `${c.number} (${c.name})` : o.clientId;
      labels.set(o.clientId, label);
    }
    out.push(`Kunde ${label}: ${stepLabel(o.step, ctx.config.inactivity)} ${o.outcome === 'sent' ? 'gesendet' : 'übersprungen (Zeitpunkt vorbei)'}`);
  }
  return out;
}
