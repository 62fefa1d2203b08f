// Fixtures for the read models of process 2 (`inaktiv`, `kunden`, the sequence report): cycles, steps, exclusions
// and marks written directly with Prisma, so each test states exactly the rows it counts.
import crypto from 'node:crypto';
import { DateTime } from 'luxon';
import type { Db } from '../../src/db/client.ts';
import type { Actor } from '../../src/identity/find-actor.ts';
import { isRole } from '../../src/people/roles.ts';
import type { Step } from '../../src/inactivity/steps.ts';

export const TZ = 'Europe/Berlin';
/** Tuesday 24.11.2026, 10:00 in Berlin. */
export const NOW = new Date('2026-11-24T09:00:00Z');

/** `weeks` local calendar weeks before NOW (plus `hours`), as the schedule counts them. */
export function weeksAgo(weeks: number, hours = 0): Date {
  return DateTime.fromJSDate(NOW, { zone: TZ }).minus({ weeks }).plus({ hours }).toJSDate();
}

/** A local wall time in Berlin as an instant: `berlin('2026-10-01T00:30')`. */
export function berlin(local: string): Date {
  return DateTime.fromISO(local, { zone: TZ }).toJSDate();
}

export async function actorOf(prisma: Db, personId: string): Promise<Actor> {
  const p = await prisma.person.findUniqueOrThrow({ where: { id: personId }, include: { roles: true } });
  return { id: p.id, name: p.name, email: p.email, aadObjectId: p.aadObjectId, teamsUserId: p.teamsUserId, roles: p.roles.map((r) => r.role).filter(isRole) };
}

export interface CycleSeed {
  clientId?: string;
  cycle?: number;
  lastTaskAt: Date;
  vpaId?: string | null;
  status?: 'running' | 'paused' | 'reactivated' | 'ended';
  connyAt?: Date | null;
  postponedUntil?: Date | null;
  postponeReason?: string | null;
  pausedAt?: Date | null;
  reactivatedAt?: Date | null;
  reactivatedAfter?: string | null;
  version?: number;
}

export async function seedCycle(prisma: Db, seed: CycleSeed): Promise<{ id: string; clientId: string; cycle: number }> {
  const id = crypto.randomUUID();
  const clientId = seed.clientId ?? `client-${id.slice(0, 8)}`;
  const cycle = seed.cycle ?? 1;
  await prisma.inactivityCycle.create({
    data: {
      id,
      clientId,
      cycle,
      lastTaskAt: seed.lastTaskAt,
      vpaId: seed.vpaId ?? null,
      status: seed.status ?? 'running',
      connyAt: seed.connyAt ?? null,
      postponedUntil: seed.postponedUntil ?? null,
      postponeReason: seed.postponeReason ?? null,
      pausedAt: seed.pausedAt ?? (seed.status === 'paused' ? seed.lastTaskAt : null),
      reactivatedAt: seed.reactivatedAt ?? null,
      reactivatedAfter: seed.reactivatedAfter ?? null,
      version: seed.version ?? 1,
      createdAt: seed.lastTaskAt,
    },
  });
  return { id, clientId, cycle };
}

export async function seedStep(prisma: Db, cycle: { id: string; clientId: string; cycle: number }, step: Step, at: Date, outcome: 'sent' | 'skipped' = 'sent'): Promise<void> {
  await prisma.inactivityStep.create({ data: { id: crypto.randomUUID(), cycleId: cycle.id, clientId: cycle.clientId, cycle: cycle.cycle, step, outcome, dueAt: at, at } });
}

export async function seedExclusion(prisma: Db, clientId: string, from: Date, until: Date | null, reason = 'Pause mit dem VPA vereinbart'): Promise<void> {
  await prisma.inactivityExclusion.create({ data: { id: crypto.randomUUID(), clientId, reason, byId: null, from, until, createdAt: from } });
}

export async function seedTask(prisma: Db, clientId: string, createdAt: Date): Promise<void> {
  await prisma.task.create({ data: { id: crypto.randomUUID(), clientId, createdAt, sourceKey: crypto.randomUUID() } });
}
