// The reconciliation: a pull from the platform, every PLATFORM_RECONCILE_MINUTES, that catches what a lost webhook
// missed, without duplicates.
//   - Tasks created since the cursor, the last successful pull (minus an overlap, for tasks the platform makes
//     visible late, or a platform clock behind ours): those the bot
//     has no Task for (Task.sourceKey `platform:task:<id>`) are stored as task.created events with the id
//     `reconcile:task:<taskId>`, so the same processing as for a webhook applies them (src/platform/events), once.
//   - The Conny account's open items: a chat or mail the bot does not know is stored as a chat.received /
//     mail.received event (`reconcile:chat:<id>`, `reconcile:mail:<id>`, account conny: it also pauses the client's
//     cycle); a new-task item is received into the inbox directly (its Task comes through the task list).
//   - Items the bot has open that the platform no longer lists as open were answered there: they are closed
//     (answerInboxItem, via 'reconcile'). Only items the bot knew before the pull began, so one that arrives by
//     webhook during the pull is not closed by mistake.
// A webhook and the reconciliation reporting the same thing meet in idempotent effects (the Task's sourceKey, the
// inbox item's id, a paused cycle staying paused); the events are processed by the next job of the tick.
import type { Db } from '../../db/client.ts';
import { inChunks } from '../../db/chunks.ts';
import { toAppError } from '../../errors/catalogue.ts';
import { answerInboxItem, receiveInboxItem } from '../../inbox/items.ts';
import type { Logger } from '../../log/logger.ts';
import { platformTaskKey } from '../events/handlers/task-created.ts';
import { storeEvent } from '../events/store.ts';
import type { PlatformInboxItem, PlatformReader, PlatformTask } from '../reader.ts';
import type { WebhookEvent } from '../webhooks/events.ts';
import { platformSyncStatus } from './status.ts';
import { claimAttempt, recordFailure, recordSuccess } from './sync-state.ts';

/** How far each pull reaches back before the cursor. */
export const CURSOR_OVERLAP_MS = 60 * 60_000;
/** The very first pull (no cursor yet) reaches back this far; older history comes by `import tasks`. */
export const FIRST_PULL_LOOKBACK_MS = 24 * 60 * 60_000;

export interface ReconcileOptions {
  prisma: Db;
  reader: PlatformReader;
  now: Date;
  logger: Logger;
  /** PLATFORM_RECONCILE_MINUTES */
  everyMinutes: number;
  /** PLATFORM_STALE_AFTER_MINUTES */
  staleAfterMinutes: number;
}

export interface ReconcileResult {
  /** False when the interval since the last pull has not passed yet (or another instance pulls). */
  ran: boolean;
  /** task.created events stored for tasks the bot did not have. */
  tasks: number;
  /** Conny inbox items the bot did not know (events stored, or task items received). */
  items: number;
  /** Bot-open items closed because the platform no longer lists them. */
  answered: number;
  /** The pull failed: the error code. */
  error?: string;
  /** After a failure: the platform has not answered for longer than PLATFORM_STALE_AFTER_MINUTES. */
  stale?: boolean;
}

async function missingTasks(prisma: Db, tasks: readonly PlatformTask[]): Promise<PlatformTask[]> {
  const known = new Set((await inChunks(tasks.map((t) => platformTaskKey(t.id)), (keys) => prisma.task.findMany({ where: { sourceKey: { in: keys } }, select: { sourceKey: true } }))).map((t) => t.sourceKey));
  return tasks.filter((t) => !known.has(platformTaskKey(t.id)));
}

function taskEvent(t: PlatformTask): WebhookEvent {
  const createdAt = t.createdAt.toISOString();
  return { id: `reconcile:task:${t.id}`, type: 'task.created', occurredAt: createdAt, data: { taskId: t.id, clientNumber: t.clientNumber, createdAt, title: t.title, competence: t.competence } };
}

function itemEvent(item: PlatformInboxItem): WebhookEvent | null {
  const receivedAt = item.receivedAt.toISOString();
  if (item.kind === 'chat') return { id: `reconcile:chat:${item.id}`, type: 'chat.received', occurredAt: receivedAt, data: { messageId: item.id, clientNumber: item.clientNumber, receivedAt, account: 'conny' } };
  if (item.kind === 'mail') return { id: `reconcile:mail:${item.id}`, type: 'mail.received', occurredAt: receivedAt, data: { mailId: item.id, clientNumber: item.clientNumber, subject: item.subject, receivedAt, account: 'conny' } };
  return null;
}

async function reconcileInbox(prisma: Db, open: readonly PlatformInboxItem[], now: Date): Promise<{ items: number; answered: number }> {
  const known = new Set((await inChunks(open.map((i) => i.id), (ids) => prisma.inboxItem.findMany({ where: { id: { in: ids } }, select: { id: true } }))).map((i) => i.id));
  let items = 0;
  for (const item of open) {
    if (known.has(item.id)) continue;
    const event = itemEvent(item);
    if (event) {
      if ((await storeEvent(prisma, event, 'reconcile', now)) === 'stored') items++;
      continue;
    }
    const outcome = await prisma.$transaction((tx) => receiveInboxItem(tx, { id: item.id, kind: item.kind, clientNumber: item.clientNumber, receivedAt: item.receivedAt, subject: item.subject, source: 'reconcile' }, now));
    if (outcome === 'created') items++;
  }
  const openIds = new Set(open.map((i) => i.id));
  const botOpen = await prisma.inboxItem.findMany({ where: { answeredAt: null, createdAt: { lte: now }, receivedAt: { lte: now } }, select: { id: true } });
  let answered = 0;
  for (const { id } of botOpen) {
    if (openIds.has(id)) continue;
    if (await prisma.$transaction((tx) => answerInboxItem(tx, { id, answeredAt: now, via: 'reconcile' }, now))) answered++;
  }
  return { items, answered };
}

export async function reconcilePlatform(options: ReconcileOptions): Promise<ReconcileResult> {
  const { prisma, reader, now, logger } = options;
  const state = await claimAttempt(prisma, now, options.everyMinutes * 60_000);
  if (!state) return { ran: false, tasks: 0, items: 0, answered: 0 };
  const since = new Date(state.cursor ? state.cursor.getTime() - CURSOR_OVERLAP_MS : now.getTime() - FIRST_PULL_LOOKBACK_MS);
  let tasks: PlatformTask[];
  let open: PlatformInboxItem[];
  try {
    tasks = await reader.listTasksSince(since);
    open = await reader.listConnyInbox();
  } catch (error) {
    const e = toAppError(error);
    await recordFailure(prisma, `${e.code}: ${e.message}`);
    const status = await platformSyncStatus(prisma, now, options.staleAfterMinutes);
    logger.warn({ code: 'PLATFORM_RECONCILE_FAILED', cause: e.code, err: { message: e.message } }, 'platform reconciliation: the platform did not answer');
    if (status.status === 'stale') {
      logger.warn({ code: 'PLATFORM_STALE', lastSuccessAt: status.lastSuccessAt, staleAfterMinutes: options.staleAfterMinutes }, 'the platform has not answered the reconciliation for longer than PLATFORM_STALE_AFTER_MINUTES');
    }
    return { ran: true, tasks: 0, items: 0, answered: 0, error: e.code, stale: status.status === 'stale' };
  }
  let stored = 0;
  for (const t of await missingTasks(prisma, tasks)) if ((await storeEvent(prisma, taskEvent(t), 'reconcile', now)) === 'stored') stored++;
  const inbox = await reconcileInbox(prisma, open, now);
  // Every task created before the pull was listed (one the platform shows late is within the next pull's overlap).
  await recordSuccess(prisma, now, now);
  const result = { ran: true, tasks: stored, items: inbox.items, answered: inbox.answered };
  logger.info({ ...result, listedTasks: tasks.length, listedOpen: open.length, since: since.toISOString() }, 'platform reconciliation done');
  return result;
}
