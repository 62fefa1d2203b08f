// Whether the platform answers the reconciliation: `ok` when the last successful pull is at most
// PLATFORM_STALE_AFTER_MINUTES old, `stale` when it is older (or every pull so far failed), `unknown` before the
// first pull. /readyz shows it (and stays 200: a silent platform must not take the bot itself out of service,
// Teams work goes on and webhooks still arrive); the reconciliation logs a warning each time it finds it stale.
import type { Db } from '../../db/client.ts';
import { readSyncState } from './sync-state.ts';

export interface PlatformSyncStatus {
  status: 'ok' | 'stale' | 'unknown';
  lastSuccessAt: string | null;
  lastAttemptAt: string | null;
  /** The last pull's error code and message (no secrets, no bodies), null after a success. */
  lastError: string | null;
  staleAfterMinutes: number;
}

export async function platformSyncStatus(prisma: Db, now: Date, staleAfterMinutes: number): Promise<PlatformSyncStatus> {
  const state = await readSyncState(prisma);
  const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);
  const base = { lastSuccessAt: iso(state?.lastSuccessAt), lastAttemptAt: iso(state?.lastAttemptAt), lastError: state?.lastError ?? null, staleAfterMinutes };
  if (!state?.lastSuccessAt) return { status: state?.lastError ? 'stale' : 'unknown', ...base };
  const fresh = now.getTime() - state.lastSuccessAt.getTime() <= staleAfterMinutes * 60_000;
  return { status: fresh ? 'ok' : 'stale', ...base };
}
