// What an operator sees and does with the outbox (CLI `outbox list|dead|retry`): the messages waiting to
// be sent, the ones that failed for good, and putting a dead one back in the queue. The running sender
// picks a retried row up like any other pending row.
import type { Db } from '../db/client.ts';
import { recordAudit } from '../audit/record.ts';
import { AppError } from '../errors/catalogue.ts';

export interface OutboxRow {
  id: string;
  idempotencyKey: string;
  channel: string;
  conversationKey: string;
  status: string;
  attempts: number;
  nextAttemptAt: Date;
  lastError: string | null;
  createdAt: Date;
}

export interface OutboxListing {
  /** All rows in this state, also those beyond the limit. */
  total: number;
  rows: OutboxRow[];
}

const select = {
  id: true,
  idempotencyKey: true,
  channel: true,
  conversationKey: true,
  status: true,
  attempts: true,
  nextAttemptAt: true,
  lastError: true,
  createdAt: true,
} as const;

/** Waiting rows (pending, or being sent right now), the next due first. */
export async function listWaiting(prisma: Db, options: { limit?: number } = {}): Promise<OutboxListing> {
  const where = { status: { in: ['pending', 'sending'] } };
  const [total, rows] = await Promise.all([
    prisma.outboxMessage.count({ where }),
    prisma.outboxMessage.findMany({ where, select, orderBy: [{ nextAttemptAt: 'asc' }, { createdAt: 'asc' }, { id: 'asc' }], take: options.limit ?? 50 }),
  ]);
  return { total, rows };
}

/** Rows that failed for good, the oldest first. */
export async function listDead(prisma: Db, options: { limit?: number } = {}): Promise<OutboxListing> {
  const where = { status: 'dead' };
  const [total, rows] = await Promise.all([
    prisma.outboxMessage.count({ where }),
    prisma.outboxMessage.findMany({ where, select, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], take: options.limit ?? 50 }),
  ]);
  return { total, rows };
}

/**
 * A dead row back to pending, due now, with its attempts reset (the last error stays visible until the
 * next attempt). Only dead rows: a pending or sending row is still in the sender's hands, and a sent one
 * must never go out twice.
 */
export async function retryDead(prisma: Db, input: { id: string; now: Date; actorId?: string | null }): Promise<OutboxRow> {
  return prisma.$transaction(async (tx) => {
    const row = await tx.outboxMessage.findUnique({ where: { id: input.id }, select });
    if (!row) throw new AppError('OUTBOX_NOT_FOUND', { detail: input.id, userMessage: `Im Postausgang gibt es keine Nachricht mit der Id „${input.id}“.` });
    if (row.status !== 'dead') {
      throw new AppError('OUTBOX_NOT_DEAD', {
        detail: `${input.id} is ${row.status}`,
        userMessage: `Die Nachricht „${input.id}“ ist nicht endgültig fehlgeschlagen (Status: ${row.status}); nur solche können neu versendet werden.`,
      });
    }
    // Compare-and-set on the status, so a concurrent retry does not reset a row twice.
    const res = await tx.outboxMessage.updateMany({
      where: { id: row.id, status: 'dead' },
      data: { status: 'pending', attempts: 0, nextAttemptAt: input.now, leaseUntil: null, leaseOwner: null },
    });
    if (res.count !== 1) throw new AppError('OUTBOX_NOT_DEAD', { detail: `${input.id} changed concurrently` });
    await recordAudit(tx, {
      at: input.now,
      actorId: input.actorId ?? null,
      action: 'outbox.retried',
      subjectType: 'outbox',
      subjectId: row.id,
      data: { idempotencyKey: row.idempotencyKey, channel: row.channel, previousAttempts: row.attempts },
    });
    return { ...row, status: 'pending', attempts: 0, nextAttemptAt: input.now };
  });
}

/**
 * `tick --now` at an instant ahead of the clock (trying a flow days ahead) queues its messages for that instant; the
 * running sender would hold them back until then. They are what the person running the tick wants to see now: the
 * rows this tick queued (created at or after its instant, not yet tried) become due at `clockNow`. Returns how many.
 */
export async function releaseAheadOfClock(db: Db, tickNow: Date, clockNow: Date): Promise<number> {
  if (tickNow.getTime() <= clockNow.getTime()) return 0;
  const { count } = await db.outboxMessage.updateMany({
    where: { status: 'pending', attempts: 0, createdAt: { gte: tickNow }, nextAttemptAt: { gt: clockNow } },
    data: { nextAttemptAt: clockNow },
  });
  return count;
}
