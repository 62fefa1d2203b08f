// Once-only work: a reminder, an escalation, a scheduled message. The claim is a row keyed by what is done and
// why (`handover:<id>:remind:review:first`), inserted in the same transaction as the outbox messages it causes:
// two ticks at the same instant, a tick overlapping the in-process scheduler, or two instances on one
// PostgreSQL database all race for the same primary key, and exactly one of them commits.
import type { Db, Tx } from '../db/client.ts';
import { isUniqueViolation } from '../db/unique-violation.ts';

export interface Claim {
  key: string;
  subjectType: string;
  subjectId: string;
}

/** Returned by `work` when, looked at inside the transaction, the thing is no longer due: the claim is not kept. */
export const NOT_DUE = Symbol('not due');

/**
 * Runs `work` once per claim key. Returns what `work` returned, or null when the key was claimed before (by
 * this or another process) or `work` found it no longer due. `work` runs inside the claiming transaction and
 * must re-check what it needs there.
 */
export async function doOnce<T>(db: Db, claim: Claim, at: Date, work: (tx: Tx) => Promise<T | typeof NOT_DUE>): Promise<T | null> {
  try {
    return await db.$transaction(async (tx) => {
      if (await tx.reminderClaim.findUnique({ where: { key: claim.key }, select: { key: true } })) return null;
      await tx.reminderClaim.create({ data: { key: claim.key, subjectType: claim.subjectType, subjectId: claim.subjectId, at } });
      const result = await work(tx);
      if (result === NOT_DUE) {
        await tx.reminderClaim.delete({ where: { key: claim.key } });
        return null;
      }
      return result;
    });
  } catch (error) {
    if (isUniqueViolation(error)) return null;
    throw error;
  }
}

/** Whether a claim exists (e.g. "the VPA was reminded", so the managers' step may follow). */
export async function claimedAt(db: Db | Tx, key: string): Promise<Date | null> {
  const row = await db.reminderClaim.findUnique({ where: { key }, select: { at: true } });
  return row?.at ?? null;
}
