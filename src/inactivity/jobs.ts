// The tick jobs of process 2, in the order one pass needs them: a new task ends a cycle before anything is sent for
// it; new cycles start; the automatic mode hands over; then the message steps. Each writes its effect and its
// exactly-once record in one transaction.
import { gatewayFor } from '../platform/index.ts';
import type { TickJob } from '../tick/job.ts';
import { autoHandOver } from './auto-handover.ts';
import { reactivate } from './reactivation.ts';
import { runSteps, stepLines } from './run-steps.ts';
import { findNewlyInactive, startCycle } from './start-cycles.ts';

export const reactivationJob: TickJob = {
  name: 'inactivity.reactivation',
  async run(ctx) {
    const done = await reactivate(ctx, gatewayFor(ctx.config));
    if (done.length === 0) return [];
    const clients = await ctx.prisma.client.findMany({ where: { id: { in: done.map((d) => d.clientId) } }, select: { id: true, number: true, name: true } });
    const byId = new Map(clients.map((c) => [c.id, c]));
    return done.map((d) => `Kunde ${byId.get(d.clientId)?.number ?? d.clientId} (${byId.get(d.clientId)?.name ?? '?'}) ist reaktiviert: Prüfung durch das Admin-Team angelegt`);
  },
};

export const startCyclesJob: TickJob = {
  name: 'inactivity.start',
  async run(ctx) {
    const gateway = gatewayFor(ctx.config);
    const lines: string[] = [];
    for (const candidate of await findNewlyInactive(ctx.prisma, ctx.now, ctx)) {
      if (await startCycle(ctx, gateway, candidate)) lines.push(candidate.clientId);
    }
    if (lines.length === 0) return [];
    const clients = await ctx.prisma.client.findMany({ where: { id: { in: lines } }, select: { number: true, name: true }, orderBy: { number: 'asc' } });
    return clients.map((c) => `Kunde ${c.number} (${c.name}) ist inaktiv: rotes Fragezeichen gesetzt, VPA informiert`);
  },
};

export const autoHandoverJob: TickJob = {
  name: 'inactivity.autoHandover',
  async run(ctx) {
    const handed = await autoHandOver(ctx, gatewayFor(ctx.config));
    if (handed.length === 0) return [];
    const clients = await ctx.prisma.client.findMany({ where: { id: { in: handed } }, select: { number: true, name: true }, orderBy: { number: 'asc' } });
    return clients.map((c) => `Kunde ${c.number} (${c.name}) automatisch an Conny übergeben`);
  },
};

export const stepsJob: TickJob = {
  name: 'inactivity.steps',
  async run(ctx) {
    return stepLines(ctx, await runSteps(ctx, gatewayFor(ctx.config)));
  },
};

export const inactivityJobs: readonly TickJob[] = [reactivationJob, startCyclesJob, autoHandoverJob, stepsJob];
