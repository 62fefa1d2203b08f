// Reads and guarded writes of inactivity cycles shared by the use cases and the jobs.
import type { DbOrTx, Tx } from '../db/client.ts';
import type { InactivityCycle } from '../db/generated/sqlite/client.ts';
import { AppError } from '../errors/catalogue.ts';

export type CycleRow = InactivityCycle;
export const ACTIVE_STATUSES = ['running', 'paused'] as const;

export async function loadCycle(db: DbOrTx, cycleId: string): Promise<CycleRow> {
  const row = await db.inactivityCycle.findUnique({ where: { id: cycleId } });
  if (!row) throw new AppError('INACTIVITY_NOT_FOUND', { detail: cycleId });
  return row;
}

/** The client's running or paused cycle, if any. */
export async function activeCycle(db: DbOrTx, clientId: string): Promise<CycleRow | null> {
  return db.inactivityCycle.findFirst({ where: { clientId, status: { in: [...ACTIVE_STATUSES] } }, orderBy: { cycle: 'desc' } });
}

/**
 * Applies `data` only if the cycle is still at the version read and in one of `statuses`; the loser of a race (or a
 * click on an outdated card) gets a coded error and nothing changes. Any change may change when the step job must
 * look at the cycle next: `nextCheckAt` is set back to the cycle's start (earlier than any of its steps), so the next
 * tick, whatever its instant, looks at it and stores the real next check (src/inactivity/run-steps.ts).
 */
export async function updateCycle(tx: Tx, row: CycleRow, statuses: readonly string[], data: Parameters<Tx['inactivityCycle']['updateMany']>[0]['data']): Promise<CycleRow> {
  const { count } = await tx.inactivityCycle.updateMany({ where: { id: row.id, version: row.version, status: { in: [...statuses] } }, data: { ...data, nextCheckAt: row.lastTaskAt, version: { increment: 1 } } });
  if (count === 0) throw new AppError('INACTIVITY_STALE', { detail: `cycle ${row.id} changed meanwhile` });
  return loadCycle(tx, row.id);
}

export function assertVersion(row: CycleRow, expectedVersion: number | undefined): void {
  if (expectedVersion !== undefined && expectedVersion !== row.version) throw new AppError('INACTIVITY_STALE', { detail: `card v${expectedVersion}, cycle v${row.version}` });
}
