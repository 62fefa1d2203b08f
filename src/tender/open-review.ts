// A client who was inactive posts a new task: the inactivity process calls this INSIDE its own transaction. It
// creates the tender (status `review`) and puts the review card before the admin team (the `admin` channel, or
// every admin 1:1): the task, the client's history, the last VPA and whether they can be offered the task, and
// "Umfrage starten". Idempotent on the task: a second call for the same task changes and sends nothing.
// (Two concurrent first calls for one task: the unique taskId lets one commit; the other's transaction fails.)
import { recordAudit } from '../audit/record.ts';
import { lastVpaOf } from '../assignments/last-vpa.ts';
import type { Tx } from '../db/client.ts';
import { AppError } from '../errors/catalogue.ts';
import { randomId, type IdGenerator } from '../ids.ts';
import { adminAudience } from '../notices/audience.ts';
import { loadTender, type TrackedTenderCard } from './context.ts';
import { DEFAULT_TENDER_RULES, type TenderRules } from './rules.ts';
import { keyOf, send, trackCards } from './store.ts';
import { reviewModel } from './view.ts';

export interface OpenReactivationReviewInput {
  clientId: string;
  /** The client's new task (Task.id). One tender per task. */
  taskId: string;
  /** The inactivity cycle the client came back from, or null. */
  cycleId: string | null;
  /** The client's last VPA (never Conny); omitted: looked up with lastVpaOf. Null: none known. */
  lastVpaId?: string | null;
  /** The cycle's last message step as a German label ("16-Wochen-Erinnerung"), shown on the card. */
  lastStep?: string | null;
  now: Date;
  timeZone: string;
  /** config.inactivity (deadline default and long absence); defaults to the configuration's defaults. */
  rules?: TenderRules;
  newId?: IdGenerator;
}

export interface OpenReactivationReviewResult {
  tenderId: string;
  /** False when the task had its tender already (nothing was written). */
  created: boolean;
}

export async function openReactivationReview(tx: Tx, input: OpenReactivationReviewInput): Promise<OpenReactivationReviewResult> {
  const { clientId, taskId, now, timeZone } = input;
  const rules = input.rules ?? DEFAULT_TENDER_RULES;
  const existing = await tx.tender.findUnique({ where: { taskId }, select: { id: true } });
  if (existing) return { tenderId: existing.id, created: false };
  const task = await tx.task.findUnique({ where: { id: taskId }, select: { clientId: true } });
  if (!task || task.clientId !== clientId) throw new AppError('TENDER_TASK_NOT_FOUND', { detail: `task ${taskId} of client ${clientId}` });
  const lastVpaId = input.lastVpaId === undefined ? await lastVpaOf(tx, clientId, now) : input.lastVpaId;
  const id = (input.newId ?? randomId)();
  await tx.tender.create({ data: { id, clientId, taskId, cycleId: input.cycleId, status: 'review', lastVpaId, createdAt: now } });
  const lastStep = input.lastStep?.trim() || null;
  await recordAudit(tx, { at: now, actorId: null, action: 'tender.review_opened', subjectType: 'tender', subjectId: id, data: { clientId, taskId, cycleId: input.cycleId, lastVpaId, lastStep } });

  const ctx = await loadTender(tx, id);
  const model = reviewModel(ctx, { now, timeZone, rules });
  const cards: TrackedTenderCard[] = [];
  for (const a of await adminAudience(tx)) {
    const key = keyOf(id, 'review', a.suffix);
    await send(tx, key, a.recipient, { kind: 'tenderReview', model }, now);
    cards.push({ key, kind: 'tenderReview' });
  }
  await trackCards(tx, id, cards);
  return { tenderId: id, created: true };
}
