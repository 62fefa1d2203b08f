// The reconciliation's bookkeeping in PlatformSync (one row, name 'tasks'): the task cursor, when a pull was last
// tried and last succeeded, and the last error. `lastAttemptAt` gates the pull: the tick runs every minute, the pull
// only every PLATFORM_RECONCILE_MINUTES; claiming an attempt is a compare-and-set on it, so of two instances (or a
// `tick` beside the server) only one pulls per interval.
import type { Db } from '../../db/client.ts';
import { isUniqueViolation } from '../../db/unique-violation.ts';

export const SYNC_NAME = 'tasks';

export interface SyncState {
  cursor: Date | null;
  lastAttemptAt: Date | null;
  lastSuccessAt: Date | null;
  lastError: string | null;
}

export async function readSyncState(prisma: Db): Promise<SyncState | null> {
  return prisma.platformSync.findUnique({ where: { name: SYNC_NAME }, select: { cursor: true, lastAttemptAt: true, lastSuccessAt: true, lastError: true } });
}

/**
 * Claims the pull due at `now`: null when the last attempt is less than `everyMs` ago (or later than `now`: a tick
 * for an earlier instant), or when another instance claimed it first.
 */
export async function claimAttempt(prisma: Db, now: Date, everyMs: number): Promise<SyncState | null> {
  const state = await readSyncState(prisma);
  if (!state) {
    try {
      await prisma.platformSync.create({ data: { name: SYNC_NAME, lastAttemptAt: now } });
      return { cursor: null, lastAttemptAt: now, lastSuccessAt: null, lastError: null };
    } catch (error) {
      if (isUniqueViolation(error)) return null;
      throw error;
    }
  }
  if (state.lastAttemptAt && now.getTime() - state.lastAttemptAt.getTime() < everyMs) return null;
  const { count } = await prisma.platformSync.updateMany({ where: { name: SYNC_NAME, lastAttemptAt: state.lastAttemptAt }, data: { lastAttemptAt: now } });
  return count === 1 ? { ...state, lastAttemptAt: now } : null;
}

export async function recordSuccess(prisma: Db, now: Date, cursor: Date): Promise<void> {
  await prisma.platformSync.update({ where: { name: SYNC_NAME }, data: { lastSuccessAt: now, lastError: null, cursor } });
}

export async function recordFailure(prisma: Db, error: string): Promise<void> {
  await prisma.platformSync.update({ where: { name: SYNC_NAME }, data: { lastError: error.slice(0, 1000) } });
}
