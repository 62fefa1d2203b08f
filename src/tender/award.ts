// "vergeben" (admin team, to one applicant; also after the deadline) and the award itself, which the last VPA's
// application triggers at once. Awarding always reassigns the client, in the same transaction: every current
// assignment row of someone else (Conny's, or anyone's) ends now and the winner's starts now (kept when they already
// serve the client); the platform is told the new VPA and the client gets a chat in the winner's name with the
// new-contact text (src/inactivity/client-texts.ts). The winner and the applicants who did not get the task each get
// a card; every card of the tender is updated. If the last VPA applied, only they can be chosen.
import { recordAudit } from '../audit/record.ts';
import { currentAssignments } from '../assignments/current.ts';
import { moveAssignment } from '../assignments/move.ts';
import type { Tx } from '../db/client.ts';
import { AppError } from '../errors/catalogue.ts';
import { randomId } from '../ids.ts';
import { firstName } from '../identity/find-actor.ts';
import { newContact } from '../inactivity/client-texts.ts';
import { hasRole, requireActor } from '../people/access.ts';
import type { PlatformGateway } from '../platform/gateway.ts';
import { loadTender, loadTenderRow, type TenderRow } from './context.ts';
import type { TenderChange, TenderUseCaseOptions } from './start-tender.ts';
import { keyOf, refreshCards, send, stateError, transition } from './store.ts';
import { resultModel, type ViewOptions } from './view.ts';

export interface AwardTenderOptions extends TenderUseCaseOptions {
  tenderId: string;
  expectedVersion?: number;
  /** The applicant who gets the task. */
  winnerId: string;
  gateway: PlatformGateway;
}

/**
 * Awards the open tender `row` to `winnerId` inside `tx` (by an admin, or `byId` null: automatically to the last VPA
 * who applied), reassigns the client and sends what follows. Returns the tender row after the change.
 */
export async function awardTo(tx: Tx, row: TenderRow, winnerId: string, byId: string | null, gateway: PlatformGateway, view: ViewOptions): Promise<TenderRow> {
  const { now, timeZone } = view;
  const fresh = await transition(tx, row, ['open'], 'award', { status: 'awarded', awardedToId: winnerId, awardedById: byId, awardedAt: now }, timeZone, byId !== null);

  const current = await currentAssignments(tx, row.clientId, now);
  const fromVpaIds = [...new Set(current.map((a) => a.vpaId))].filter((id) => id !== winnerId);
  const closedAssignmentIds: string[] = [];
  let newAssignmentId: string | null = null;
  for (const fromVpaId of fromVpaIds) {
    const moved = await moveAssignment(tx, { clientId: row.clientId, fromVpaId, toVpaId: winnerId }, now, randomId);
    closedAssignmentIds.push(...moved.closedAssignmentIds);
    newAssignmentId ??= moved.newAssignmentId;
  }
  if (fromVpaIds.length === 0 && !current.some((a) => a.vpaId === winnerId)) {
    newAssignmentId = randomId();
    await tx.assignment.create({ data: { id: newAssignmentId, clientId: row.clientId, vpaId: winnerId, from: now, to: null } });
  }

  const [client, winner] = await Promise.all([
    tx.client.findUniqueOrThrow({ where: { id: row.clientId }, select: { name: true } }),
    tx.person.findUniqueOrThrow({ where: { id: winnerId }, select: { name: true } }),
  ]);
  await gateway.reassignClient(tx, { clientId: row.clientId, fromVpaId: fromVpaIds[0] ?? null, toVpaId: winnerId, idempotencyKey: keyOf(row.id, 'reassign') }, now);
  const text = newContact({ clientName: client.name, senderFirstName: firstName(winner.name) ?? winner.name, senderName: winner.name, vpaName: winner.name });
  await gateway.sendChat(tx, { clientId: row.clientId, senderId: winnerId, text, idempotencyKey: keyOf(row.id, 'new-contact') }, now);

  const ctx = await loadTender(tx, row.id);
  await recordAudit(tx, {
    at: now,
    actorId: byId,
    action: 'tender.awarded',
    subjectType: 'tender',
    subjectId: row.id,
    data: { clientId: row.clientId, winnerId, automatic: byId === null, applicants: ctx.applications.length, fromVpaIds, closedAssignmentIds, newAssignmentId },
  });
  await refreshCards(tx, ctx, view);
  await send(tx, keyOf(row.id, 'result', winnerId), { type: 'person', personId: winnerId }, { kind: 'tenderResult', model: resultModel(ctx, 'won', timeZone) }, now);
  for (const a of ctx.applications) {
    if (a.person.id === winnerId) continue;
    await send(tx, keyOf(row.id, 'result', a.person.id), { type: 'person', personId: a.person.id }, { kind: 'tenderResult', model: resultModel(ctx, 'lost', timeZone) }, now);
  }
  return fresh;
}

export async function awardTender(options: AwardTenderOptions): Promise<TenderChange> {
  const { db, now, timeZone, rules, tenderId, winnerId } = options;
  const actor = requireActor(options.actor);
  if (!hasRole(actor, ['admin'])) throw new AppError('TENDER_ADMIN_ONLY');
  return db.$transaction(async (tx) => {
    const row = await loadTenderRow(tx, tenderId);
    if (row.status !== 'open') throw await stateError(tx, row, 'award', timeZone, true);
    if (options.expectedVersion !== undefined && options.expectedVersion !== row.version) throw new AppError('TENDER_STALE', { detail: `card v${options.expectedVersion}, tender v${row.version}` });
    const applications = await tx.tenderApplication.findMany({ where: { tenderId }, select: { vpaId: true } });
    if (!applications.some((a) => a.vpaId === winnerId)) throw new AppError('TENDER_NOT_APPLICANT', { detail: `${winnerId} did not apply to ${tenderId}` });
    if (row.lastVpaId && winnerId !== row.lastVpaId && applications.some((a) => a.vpaId === row.lastVpaId)) {
      const last = await tx.person.findUnique({ where: { id: row.lastVpaId }, select: { name: true } });
      const n = last?.name ?? 'Der letzte VPA';
      throw new AppError('TENDER_LAST_VPA_PREFERRED', {
        detail: `last VPA ${row.lastVpaId} applied; ${winnerId} chosen`,
        userMessage: `${n} hat den Kunden zuletzt betreut und sich beworben: Die Aufgabe geht immer an ${n}.`,
      });
    }
    const fresh = await awardTo(tx, row, winnerId, actor.id, options.gateway, { now, timeZone, rules });
    return { tenderId, status: fresh.status, version: fresh.version, awardedToId: winnerId };
  });
}
