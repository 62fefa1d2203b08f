// The two questions a scheduler pass asks of every client, answered inside the database (one statement each, using
// the Task (clientId, createdAt) index) instead of reading 100,000 clients and a million tasks into memory:
//   - which running or paused cycles have a task newer than their last task (reactivation);
//   - which clients with continuous work and no running cycle have had no task for a while (start of a cycle).
// Both are prefilters: the callers apply the exact rules (local calendar weeks, assignments, exclusions) to the few
// rows they return. Plain SQL that SQLite and PostgreSQL both run; DateTime values come back as Date (PostgreSQL) or
// as Prisma's ISO text (SQLite), so they are read through `asDate`.
import type { Db } from '../db/client.ts';

function asDate(value: unknown): Date | null {
  if (value === null || value === undefined) return null;
  const d = value instanceof Date ? value : new Date(String(value));
  return Number.isNaN(d.getTime()) ? null : d;
}

export interface CycleWithNewTask {
  id: string;
  clientId: string;
}

/** Running or paused cycles whose client has a task after the cycle's last task, created by `now`. */
export async function cyclesWithNewTask(db: Db, now: Date): Promise<CycleWithNewTask[]> {
  return db.$queryRaw<CycleWithNewTask[]>`
    SELECT y."id" AS "id", y."clientId" AS "clientId"
    FROM "InactivityCycle" y
    WHERE y."status" IN ('running', 'paused')
      AND EXISTS (SELECT 1 FROM "Task" t WHERE t."clientId" = y."clientId" AND t."createdAt" > y."lastTaskAt" AND t."createdAt" <= ${now})`;
}

export interface QuietClient {
  clientId: string;
  number: string;
  name: string;
  /** The newest task created by `now`; null when the client has none. */
  lastTaskAt: Date | null;
}

/**
 * Clients with continuous work, without a running or paused cycle, and without any task in (`quietSince`, `now`]:
 * the candidates for a new cycle. `quietSince` must not be earlier than the exact threshold (the caller passes it a
 * little later, so the exact rule in local calendar weeks decides at the edge).
 */
export async function quietClients(db: Db, now: Date, quietSince: Date): Promise<QuietClient[]> {
  const rows = await db.$queryRaw<{ clientId: string; number: string; name: string; lastTaskAt: unknown }[]>`
    SELECT c."id" AS "clientId", c."number" AS "number", c."name" AS "name",
      (SELECT MAX(t."createdAt") FROM "Task" t WHERE t."clientId" = c."id" AND t."createdAt" <= ${now}) AS "lastTaskAt"
    FROM "Client" c
    WHERE c."workType" = 'continuous'
      AND NOT EXISTS (SELECT 1 FROM "InactivityCycle" y WHERE y."clientId" = c."id" AND y."status" IN ('running', 'paused'))
      AND NOT EXISTS (SELECT 1 FROM "Task" t WHERE t."clientId" = c."id" AND t."createdAt" > ${quietSince} AND t."createdAt" <= ${now})`;
  return rows.map((r) => ({ clientId: r.clientId, number: r.number, name: r.name, lastTaskAt: asDate(r.lastTaskAt) }));
}
