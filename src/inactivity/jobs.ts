// The tick jobs of process 2, in the order one pass needs them: a new task ends a cycle before anything is sent for
// it; new cycles start; the automatic mode hands over; then the message steps. Each writes its effect and its
// exactly-once record in one transaction.
import { gatewayFor } from '../platform/index.ts';
import type { TickContext, TickJob } from '../tick/job.ts';
import { autoHandOver } from './auto-handover.ts';
import { reactivate } from './reactivation.ts';
import { runSteps, stepLines } from './run-steps.ts';
import { findNewlyInactive, startCycle } from './start-cycles.ts';

/** "10023 (Müller GmbH)" for the tick's output; one small query per line, so no unbounded `IN (…)` list. */
export async function clientLabel(ctx: TickContext, clientId: string): Promise<string> {
  const c = await ctx.prisma.client.findUnique({ where: { id: clientId }, select: { number: true, name: true } });
  return c ? `${c.number} (${c.name})` : clientId;
}

export const reactivationJob: TickJob = {
  name: 'inactivity.reactivation',
  async run(ctx) {
    const done = await reactivate(ctx, gatewayFor(ctx.config));
    return Promise.all(done.map(async (d) => `Kunde ${await clientLabel(ctx, d.clientId)} ist reaktiviert: Prüfung durch das Admin-Team angelegt`));
  },
};

export const startCyclesJob: TickJob = {
  name: 'inactivity.start',
  async run(ctx) {
    const gateway = gatewayFor(ctx.config);
    const lines: string[] = [];
    for (const candidate of await findNewlyInactive(ctx.prisma, ctx.now, ctx)) {
      if (await startCycle(ctx, gateway, candidate)) lines.push(`Kunde ${candidate.number} (${candidate.name}) ist inaktiv: rotes Fragezeichen gesetzt, VPA informiert`);
    }
    return lines;
  },
};

export const autoHandoverJob: TickJob = {
  name: 'inactivity.autoHandover',
  async run(ctx) {
    const handed = await autoHandOver(ctx, gatewayFor(ctx.config));
    return Promise.all(handed.map(async (clientId) => `Kunde ${await clientLabel(ctx, clientId)} automatisch an Conny übergeben`));
  },
};

export const stepsJob: TickJob = {
  name: 'inactivity.steps',
  async run(ctx) {
    return stepLines(ctx, await runSteps(ctx, gatewayFor(ctx.config)));
  },
};

export const inactivityJobs: readonly TickJob[] = [reactivationJob, startCyclesJob, autoHandoverJob, stepsJob];
