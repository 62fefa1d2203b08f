// Invoke receipts: Teams re-sends a card click (same activity id) it thinks was answered too slowly. For a
// state-changing verb the bot claims a receipt before running the action; a duplicate finds the claim and
// gets the first answer instead of a second run. A receipt is kept only for an accepted action: a refused,
// unauthorized or failed click releases its claim (nothing changed, so running it again is harmless and
// storing its answer would only let anyone fill the table). Kept receipts are pruned after
// INVOKE_RECEIPT_RETENTION_DAYS by the `invokes.pruneReceipts` tick job (prune-job.ts).
import type { DbOrTx } from '../db/client.ts';
import { isUniqueViolation } from '../db/unique-violation.ts';

export interface InvokeReceipt {
  key: string;
  createdAt: Date;
  /** The stored answer, or null while the first delivery is still running. */
  result: unknown;
}

/** The receipt key of one delivery: the sender and the activity id (Teams keeps it on a re-delivery). */
export function receiptKey(senderId: string, activityId: string): string {
  return `invoke:${senderId}:${activityId}`;
}

/**
 * Claims `key` with an empty placeholder. True when this call claimed it; false when another delivery holds
 * it (running, or done with its answer stored).
 */
export async function beginReceipt(db: DbOrTx, key: string, now: Date): Promise<boolean> {
  try {
    await db.invokeReceipt.create({ data: { key, createdAt: now, result: '' } });
    return true;
  } catch (error) {
    if (isUniqueViolation(error)) return false;
    throw error;
  }
}

/** Stores the answer of an accepted action on its claim, for re-deliveries. */
export async function completeReceipt(db: DbOrTx, key: string, result: unknown): Promise<void> {
  await db.invokeReceipt.updateMany({ where: { key }, data: { result: JSON.stringify(result) } });
}

/** Drops the claim of an action that was not accepted (refused, invalid, failed): no row stays behind. */
export async function releaseReceipt(db: DbOrTx, key: string): Promise<void> {
  await db.invokeReceipt.deleteMany({ where: { key } });
}

export async function findReceipt(db: DbOrTx, key: string): Promise<InvokeReceipt | null> {
  const row = await db.invokeReceipt.findUnique({ where: { key } });
  if (!row) return null;
  return { key: row.key, createdAt: row.createdAt, result: row.result ? (JSON.parse(row.result) as unknown) : null };
}

/** Deletes the receipts created before `before`; returns how many. */
export async function pruneReceipts(db: DbOrTx, before: Date): Promise<number> {
  const { count } = await db.invokeReceipt.deleteMany({ where: { createdAt: { lt: before } } });
  return count;
}
