// Applies the stored platform events (PlatformEvent, status `pending`), oldest first, each in ONE transaction with
// its audit event: the transaction starts with a compare-and-set of the row from `pending` (at the attempt count
// read) to `processed`, so of two processors (two instances on PostgreSQL, or the server's loop and a `tick`) exactly
// one applies an event; the other's update matches nothing (on PostgreSQL it waits for the winner's row lock, then
// finds the row changed) and it moves on. A failure rolls the whole transaction back and is recorded on the row:
// an event the bot cannot apply (unknown client or person) fails at once with its code; anything else (a race, a
// database hiccup) is tried again on the next run, up to `maxAttempts`, then fails. Failed events are logged with
// their code and stay in the table (status `failed`, lastError), never dropped silently.
import { recordAudit } from '../../audit/record.ts';
import type { Db } from '../../db/client.ts';
import { toAppError, type ErrorCode } from '../../errors/catalogue.ts';
import type { Logger } from '../../log/logger.ts';
import { isWebhookEventType } from '../webhooks/events.ts';
import type { EventContext, EventHandler } from './handler.ts';
import { EVENT_HANDLERS } from './handlers/index.ts';
import type { EventSource } from './store.ts';

export const DEFAULT_MAX_ATTEMPTS = 5;
/** Events applied per call at most. */
export const DEFAULT_EVENT_LIMIT = 1000;

/** Codes that trying again cannot fix: the event stays `failed` with its code (import the client or person first). */
const FINAL: ReadonlySet<ErrorCode> = new Set<ErrorCode>(['PLATFORM_EVENT_UNKNOWN_CLIENT', 'PLATFORM_EVENT_UNKNOWN_PERSON', 'WEBHOOK_UNKNOWN_TYPE', 'WEBHOOK_INVALID_EVENT']);

export interface ProcessOptions {
  prisma: Db;
  now: Date;
  logger: Logger;
  timeZone: string;
  maxAttempts?: number;
  /** At most this many events per call (each at most once per call); default 1000. */
  limit?: number;
}

export type EventOutcome = 'processed' | 'retry' | 'failed' | 'taken';

export interface ProcessedEvent {
  id: string;
  type: string;
  outcome: EventOutcome;
  /** The error code when it failed or will be tried again. */
  code?: ErrorCode;
}

interface PendingRow {
  id: string;
  type: string;
  occurredAt: Date;
  data: string;
  source: string;
  attempts: number;
}

const PAGE = 100;

/** Records a failed attempt: final (status `failed`) for codes no retry can fix or after `maxAttempts`. */
async function recordFailure(options: ProcessOptions, row: PendingRow, source: EventSource, code: ErrorCode, message: string): Promise<ProcessedEvent> {
  const attempts = row.attempts + 1;
  const final = FINAL.has(code) || attempts >= (options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS);
  const { count } = await options.prisma.platformEvent.updateMany({
    where: { id: row.id, status: 'pending', attempts: row.attempts },
    data: { status: final ? 'failed' : 'pending', attempts, lastError: `${code}: ${message}`.slice(0, 1000) },
  });
  if (count === 0) return { id: row.id, type: row.type, outcome: 'taken' };
  const fields = { code, eventId: row.id, type: row.type, source, attempts, err: { message } };
  if (final) options.logger.error(fields, 'platform event failed for good (status failed)');
  else options.logger.warn(fields, 'platform event failed; it is tried again on the next run');
  return { id: row.id, type: row.type, outcome: final ? 'failed' : 'retry', code };
}

async function applyOne(options: ProcessOptions, row: PendingRow): Promise<ProcessedEvent> {
  const { prisma, now } = options;
  const source: EventSource = row.source === 'reconcile' ? 'reconcile' : 'webhook';
  if (!isWebhookEventType(row.type)) return recordFailure(options, row, source, 'WEBHOOK_UNKNOWN_TYPE', `stored event of type ${row.type}`);
  // The row's data was validated against its type's schema when it was stored.
  const handler = EVENT_HANDLERS[row.type] as EventHandler<unknown>;
  const ctx: EventContext = { eventId: row.id, source, now, timeZone: options.timeZone };
  try {
    const data: unknown = JSON.parse(row.data);
    const applied = await prisma.$transaction(async (tx) => {
      const { count } = await tx.platformEvent.updateMany({
        where: { id: row.id, status: 'pending', attempts: row.attempts },
        data: { status: 'processed', attempts: row.attempts + 1, processedAt: now, lastError: null },
      });
      if (count === 0) return false;
      const effects = await handler.apply(tx, data, ctx);
      await recordAudit(tx, { at: now, actorId: null, action: 'platform.event_processed', subjectType: 'platform_event', subjectId: row.id, data: { type: row.type, source, ...effects } });
      return true;
    });
    return { id: row.id, type: row.type, outcome: applied ? 'processed' : 'taken' };
  } catch (error) {
    const e = toAppError(error);
    return recordFailure(options, row, source, e.code, e.message);
  }
}

/** Processes what is pending now, oldest occurrence first; each event at most once per call. */
export async function processPendingEvents(options: ProcessOptions): Promise<ProcessedEvent[]> {
  const limit = options.limit ?? DEFAULT_EVENT_LIMIT;
  const out: ProcessedEvent[] = [];
  let after: { occurredAt: Date; id: string } | undefined;
  while (out.length < limit) {
    const rows: PendingRow[] = await options.prisma.platformEvent.findMany({
      where: { status: 'pending', ...(after ? { OR: [{ occurredAt: { gt: after.occurredAt } }, { occurredAt: after.occurredAt, id: { gt: after.id } }] } : {}) },
      orderBy: [{ occurredAt: 'asc' }, { id: 'asc' }],
      take: Math.min(PAGE, limit - out.length),
      select: { id: true, type: true, occurredAt: true, data: true, source: true, attempts: true },
    });
    if (rows.length === 0) break;
    for (const row of rows) out.push(await applyOne(options, row));
    const last = rows[rows.length - 1]!;
    after = { occurredAt: last.occurredAt, id: last.id };
  }
  return out;
}

/** "2 × task.created, 1 × chat.received" */
export function countByType(events: readonly ProcessedEvent[], outcome: EventOutcome): string {
  const counts = new Map<string, number>();
  for (const e of events) if (e.outcome === outcome) counts.set(e.type, (counts.get(e.type) ?? 0) + 1);
  return [...counts].map(([type, n]) => `${n} × ${type}`).join(', ');
}

