// Claims the outbox rows that are due, for one sender instance, so that several instances can drain
// one database: each row is claimed by exactly one of them (compare-and-set on the row; on PostgreSQL
// additionally `FOR UPDATE SKIP LOCKED` and an advisory lock that makes the rate-limit count exact
// across instances). A claim sets status `sending`, a lease and attempts+1.
//
// Order and limits, per conversationKey: only the oldest unfinished row of a conversation may be
// claimed (FIFO; ties in createdAt are broken by id), never while another row of it is in flight, and
// only while the Teams limits (RateLimits, counted from sentAt in the database) leave room.
// A row whose lease ran out (its sender crashed) is due again: its delivery is in doubt and it is sent
// again (at-least-once for that narrow window; see bot/outbox/README.md).
import type { Db, DbOrTx, Provider } from '../db/client.ts';
import type { OutboxMessage } from '../db/generated/sqlite/client.ts';
import type { RateLimits } from './limits.ts';

export type { OutboxMessage };

export const TEAMS_CHANNELS: readonly string[] = ['teams.send', 'teams.update'];

/** Serialises claiming across instances on PostgreSQL (an arbitrary constant of this app). */
const CLAIM_LOCK_KEY = 7_071_992_002;

export interface ClaimOptions {
  now: Date;
  /** Unique among the instances running at the same time. */
  instanceId: string;
  /** How long a claim is exclusive. Must exceed the transport's request timeout. */
  leaseMs: number;
  limits: RateLimits;
  /** Claim at most this many rows (free send slots of this instance). */
  max: number;
  /** Outbox channels this sender handles. */
  channels?: readonly string[];
  /** How many conversations with due rows to look at per round (oldest first). */
  scanConversations?: number;
}

const UNFINISHED = ['pending', 'sending'];

function dueCondition(now: Date) {
  return [
    { status: 'pending', nextAttemptAt: { lte: now } },
    { status: 'sending', leaseUntil: { lt: now } },
  ];
}

function isDue(row: OutboxMessage, now: Date): boolean {
  if (row.status === 'pending') return row.nextAttemptAt.getTime() <= now.getTime();
  if (row.status === 'sending') return row.leaseUntil !== null && row.leaseUntil.getTime() < now.getTime();
  return false;
}

/**
 * Rows that may be claimed now, oldest conversation first, with the room left under the global limits.
 * Returns up to twice `room` candidates: another instance may win some of them, then the next ones are taken.
 */
async function findClaimable(db: DbOrTx, o: ClaimOptions, channels: readonly string[]): Promise<{ room: number; candidates: OutboxMessage[] }> {
  const now = o.now;
  const inChannels = { in: [...channels] };
  const inFlight = await db.outboxMessage.count({ where: { channel: inChannels, status: 'sending', leaseUntil: { gte: now } } });
  let room = o.max;
  for (const w of o.limits.global) {
    const recent = await db.outboxMessage.count({ where: { channel: inChannels, sentAt: { gt: new Date(now.getTime() - w.windowMs) } } });
    room = Math.min(room, w.count - recent - inFlight);
  }
  if (room <= 0) return { room: 0, candidates: [] };

  const due = await db.outboxMessage.groupBy({
    by: ['conversationKey'],
    where: { channel: inChannels, OR: dueCondition(now) },
    _min: { createdAt: true },
    orderBy: { _min: { createdAt: 'asc' } },
    take: o.scanConversations ?? 500,
  });
  const keys = due.map((g) => g.conversationKey);
  if (keys.length === 0) return { room, candidates: [] };

  const blocked = new Set<string>();
  const busy = await db.outboxMessage.groupBy({
    by: ['conversationKey'],
    where: { conversationKey: { in: keys }, channel: inChannels, status: 'sending', leaseUntil: { gte: now } },
  });
  for (const b of busy) blocked.add(b.conversationKey);
  for (const w of o.limits.perConversation) {
    const counts = await db.outboxMessage.groupBy({
      by: ['conversationKey'],
      where: { conversationKey: { in: keys }, channel: inChannels, sentAt: { gt: new Date(now.getTime() - w.windowMs) } },
      _count: { _all: true },
    });
    for (const c of counts) if (c._count._all >= w.count) blocked.add(c.conversationKey);
  }

  const heads: OutboxMessage[] = [];
  for (const key of keys) {
    if (heads.length >= room * 2) break;
    if (blocked.has(key)) continue;
    const head = await db.outboxMessage.findFirst({
      where: { conversationKey: key, channel: inChannels, status: { in: UNFINISHED } },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    });
    // An older row of this conversation waiting for its retry keeps the newer ones waiting too (FIFO).
    if (head && isDue(head, now)) heads.push(head);
  }
  return { room, candidates: heads };
}

/** Compare-and-set: succeeds only if the row is still exactly as due as when it was read. */
async function takeRow(db: DbOrTx, row: OutboxMessage, o: ClaimOptions): Promise<OutboxMessage | null> {
  const leaseUntil = new Date(o.now.getTime() + o.leaseMs);
  const res = await db.outboxMessage.updateMany({
    where: { id: row.id, attempts: row.attempts, OR: dueCondition(o.now) },
    data: { status: 'sending', leaseOwner: o.instanceId, leaseUntil, attempts: row.attempts + 1 },
  });
  if (res.count !== 1) return null;
  return { ...row, status: 'sending', leaseOwner: o.instanceId, leaseUntil, attempts: row.attempts + 1 };
}

export async function claimDue(db: { prisma: Db; provider: Provider }, o: ClaimOptions): Promise<OutboxMessage[]> {
  if (o.max <= 0) return [];
  const channels = o.channels ?? TEAMS_CHANNELS;
  if (db.provider === 'postgresql') {
    return db.prisma.$transaction(
      async (tx) => {
        // One claimer at a time across instances: the limit counts above stay exact.
        await tx.$executeRawUnsafe('SELECT pg_advisory_xact_lock($1::bigint)', CLAIM_LOCK_KEY);
        const { room, candidates } = await findClaimable(tx, o, channels);
        if (candidates.length === 0) return [];
        const placeholders = candidates.map((_, i) => `$${i + 1}`).join(', ');
        const locked = await tx.$queryRawUnsafe<{ id: string }[]>(
          `SELECT "id" FROM "OutboxMessage" WHERE "id" IN (${placeholders}) FOR UPDATE SKIP LOCKED`,
          ...candidates.map((c) => c.id),
        );
        const lockedIds = new Set(locked.map((r) => r.id));
        const claimed: OutboxMessage[] = [];
        for (const c of candidates) {
          if (claimed.length >= room) break;
          if (!lockedIds.has(c.id)) continue;
          const taken = await takeRow(tx, c, o);
          if (taken) claimed.push(taken);
        }
        return claimed;
      },
      { timeout: 15_000, maxWait: 10_000 },
    );
  }
  // SQLite: writes are serialised by the database; the compare-and-set decides between instances.
  const { room, candidates } = await findClaimable(db.prisma, o, channels);
  const claimed: OutboxMessage[] = [];
  for (const c of candidates) {
    if (claimed.length >= room) break;
    const taken = await takeRow(db.prisma, c, o);
    if (taken) claimed.push(taken);
  }
  return claimed;
}
