// Reactivation: a client of a running or paused cycle posted a new task. The cycle ends as reactivated, recording
// after which message (for the sequence report: are the 16- and 20-week reminders worth sending?), the red question
// mark is cleared, and the admin team reviews the task and tenders it (src/tender).
import { recordAudit } from '../audit/record.ts';
import { isUniqueViolation } from '../db/unique-violation.ts';
import { toAppError } from '../errors/catalogue.ts';
import type { PlatformGateway } from '../platform/gateway.ts';
import type { TickContext } from '../tick/job.ts';
import { openReactivationReview } from '../tender/index.ts';
import { ACTIVE_STATUSES, updateCycle } from './cycle-store.ts';
import { cyclesWithNewTask } from './due-scan.ts';
import { stepLabel, STEPS } from './steps.ts';

export interface Reactivated {
  cycleId: string;
  clientId: string;
  after: string;
}

export async function reactivate(ctx: TickContext, gateway: PlatformGateway): Promise<Reactivated[]> {
  const cycles = await cyclesWithNewTask(ctx.prisma, ctx.now);
  const out: Reactivated[] = [];
  for (const c of cycles) {
    const done = await reactivateOne(ctx, gateway, c.id, c.clientId);
    if (done) out.push(done);
  }
  return out;
}

/** One reactivation; null when another tick or instance was first (or the task is gone), which changes nothing. */
async function reactivateOne(ctx: TickContext, gateway: PlatformGateway, cycleId: string, clientId: string): Promise<Reactivated | null> {
  const { prisma, now, config } = ctx;
  const c = { id: cycleId, clientId };
  try {
    return await prisma.$transaction(async (tx) => {
      const row = await tx.inactivityCycle.findUnique({ where: { id: c.id } });
      if (!row || !(ACTIVE_STATUSES as readonly string[]).includes(row.status)) return null;
      const task = await tx.task.findFirst({ where: { clientId: c.clientId, createdAt: { gt: row.lastTaskAt, lte: now } }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });
      if (!task) return null;
      const sent = await tx.inactivityStep.findMany({ where: { cycleId: row.id, outcome: 'sent' }, select: { step: true } });
      const sentSteps = new Set(sent.map((s) => s.step));
      const after = [...STEPS].reverse().find((s) => sentSteps.has(s)) ?? 'none';
      const fresh = await updateCycle(tx, row, ACTIVE_STATUSES, { status: 'reactivated', reactivatedAt: now, reactivationTaskId: task.id, reactivatedAfter: after });
      await gateway.clearInactiveMark(tx, row.clientId, now, `inactivity:${row.id}:unmark`);
      await openReactivationReview(tx, { clientId: row.clientId, taskId: task.id, cycleId: row.id, lastVpaId: row.vpaId, lastStep: after === 'none' ? null : stepLabel(after, config.inactivity), now, timeZone: config.businessTimeZone, rules: config.inactivity });
      await recordAudit(tx, { at: now, actorId: null, action: 'inactivity.reactivated', subjectType: 'inactivity', subjectId: row.id, data: { clientId: row.clientId, taskId: task.id, after } });
      return { cycleId: fresh.id, clientId: fresh.clientId, after };
    });
  } catch (error) {
    const code = toAppError(error).code;
    if (code === 'INACTIVITY_STALE' || code === 'INACTIVITY_WRONG_STATE' || isUniqueViolation(error)) return null;
    throw error;
  }
}
