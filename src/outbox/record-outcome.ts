// The state transitions of a claimed row after its attempt. Each is a compare-and-set on the claim
// (status `sending`, this instance's lease, the attempt number), so a sender whose lease was taken
// over by another instance cannot overwrite that instance's result: it learns it lost the row.
import { recordAudit } from '../audit/record.ts';
import type { Db } from '../db/client.ts';
import type { OutboxMessage } from './claim.ts';
import type { DeliveryError } from './delivery-error.ts';
import type { PlatformCallResult } from './platform-call.ts';
import { retryDelayMs, parseRetryAfterMs, type RandomSource, type RetryPolicy } from './retry-policy.ts';

export interface SendResult {
  activityId: string;
  conversationId: string;
}

/** What a row's `result` keeps: a Teams send's activity and conversation, or a platform call's answer. */
export type DeliveryResult = SendResult | PlatformCallResult;

export type FailureOutcome = { outcome: 'retried'; nextAttemptAt: Date; reason: string } | { outcome: 'dead'; reason: string } | { outcome: 'lost' };

function claimOf(row: OutboxMessage, instanceId: string) {
  return { id: row.id, status: 'sending', leaseOwner: instanceId, attempts: row.attempts };
}

/** false: the lease was lost (another instance owns the row now). */
export async function recordSent(prisma: Db, row: OutboxMessage, o: { now: Date; instanceId: string; result: DeliveryResult }): Promise<boolean> {
  const res = await prisma.outboxMessage.updateMany({
    where: claimOf(row, o.instanceId),
    data: { status: 'sent', sentAt: o.now, result: JSON.stringify(o.result), leaseUntil: null, lastError: null },
  });
  return res.count === 1;
}

/** Dead, with an audit event: an operator may want to know (`outbox dead`) and retry it. */
export async function recordDead(prisma: Db, row: OutboxMessage, o: { now: Date; instanceId: string; reason: string; httpStatus?: number }): Promise<boolean> {
  return prisma.$transaction(async (tx) => {
    const res = await tx.outboxMessage.updateMany({
      where: claimOf(row, o.instanceId),
      data: { status: 'dead', lastError: o.reason, leaseUntil: null },
    });
    if (res.count !== 1) return false;
    await recordAudit(tx, {
      at: o.now,
      actorId: null,
      action: 'outbox.dead',
      subjectType: 'outbox',
      subjectId: row.id,
      data: { idempotencyKey: row.idempotencyKey, channel: row.channel, attempts: row.attempts, httpStatus: o.httpStatus ?? null, reason: o.reason },
    });
    return true;
  });
}

/**
 * A failed attempt: back to `pending` after a backoff (never earlier than Retry-After), or `dead` when
 * the failure is permanent or this was the last allowed attempt.
 */
export async function recordFailure(
  prisma: Db,
  row: OutboxMessage,
  o: { now: Date; instanceId: string; error: DeliveryError; policy: RetryPolicy; random: RandomSource },
): Promise<FailureOutcome> {
  const e = o.error;
  if (!e.retryable || row.attempts >= o.policy.maxAttempts) {
    const reason = e.retryable ? `${e.reason}; gave up after ${row.attempts} attempts` : e.reason;
    const ok = await recordDead(prisma, row, { now: o.now, instanceId: o.instanceId, reason, httpStatus: e.httpStatus });
    return ok ? { outcome: 'dead', reason } : { outcome: 'lost' };
  }
  const delay = retryDelayMs(row.attempts, o.policy, o.random, parseRetryAfterMs(e.retryAfter, o.now));
  const nextAttemptAt = new Date(o.now.getTime() + delay);
  const res = await prisma.outboxMessage.updateMany({
    where: claimOf(row, o.instanceId),
    data: { status: 'pending', nextAttemptAt, lastError: e.reason, leaseUntil: null, leaseOwner: null },
  });
  return res.count === 1 ? { outcome: 'retried', nextAttemptAt, reason: e.reason } : { outcome: 'lost' };
}

/** Not a failure: try again after `waitMs` and give back the attempt this claim used. */
export async function recordDeferred(prisma: Db, row: OutboxMessage, o: { now: Date; instanceId: string; waitMs: number; reason: string }): Promise<boolean> {
  const res = await prisma.outboxMessage.updateMany({
    where: claimOf(row, o.instanceId),
    data: {
      status: 'pending',
      attempts: Math.max(0, row.attempts - 1),
      nextAttemptAt: new Date(o.now.getTime() + o.waitMs),
      lastError: o.reason,
      leaseUntil: null,
      leaseOwner: null,
    },
  });
  return res.count === 1;
}
