// Loads everything the view models of one request need, inside the caller's transaction, so a card built
// in a step shows exactly the state that step commits.
import type { DbOrTx } from '../db/client.ts';
import type { HandoverRequest } from '../db/generated/sqlite/client.ts';
import { AppError } from '../errors/catalogue.ts';
import type { PersonInfo, TrackedHandoverKind } from '../notices/handover.ts';
import { MANAGER_ROLES } from '../people/roles.ts';
import type { AssignmentSpan } from '../assignments/history.ts';
import { connyIds } from '../assignments/last-vpa.ts';

export type HandoverRow = HandoverRequest;

export type { ClientRow } from '../clients/client-info.ts';
import type { ClientRow } from '../clients/client-info.ts';

export interface AuditStep {
  action: string;
  at: Date;
  actor: PersonInfo | null;
}

export interface SuccessorCandidate {
  id: string;
  name: string;
  takesNewClients: boolean;
  absentFrom: Date | null;
  absentUntil: Date | null;
}

export interface HandoverContext {
  request: HandoverRow;
  client: ClientRow;
  vpa: PersonInfo;
  reviewer: PersonInfo | null;
  successor: PersonInfo | null;
  decidedBy: PersonInfo | null;
  assignments: AssignmentSpan[];
  /** The Conny account's ids: its rows are no VPA changes. */
  connyIds: ReadonlySet<string>;
  lastTaskAt: Date | null;
  /** The request's audit events, oldest first (the timeline). */
  steps: AuditStep[];
  /** Every VPA except the requesting one: loaded only for the review card's successor choice (cardContext). */
  successorCandidates?: SuccessorCandidate[];
  /** The managers' Teams ids for the approval card's refresh: loaded only for that card (cardContext). */
  managerTeamsUserIds?: string[];
  now: Date;
  timeZone: string;
}

/** Steps in process order: audit events written in the same instant (approval and completion) keep it. */
const STEP_ORDER = [
  'handover.submitted',
  'handover.review_started',
  'handover.clarification_requested',
  'handover.resolved',
  'handover.clarification_failed',
  'handover.returned',
  'handover.successor_proposed',
  'handover.approved',
  'handover.rejected',
  'handover.withdrawn',
  'handover.client_informed',
  'handover.training_given',
  'handover.training_received',
  'handover.completion_failed',
  'handover.cancelled',
  'handover.completed',
];

function stepRank(action: string): number {
  const i = STEP_ORDER.indexOf(action);
  return i < 0 ? STEP_ORDER.length : i;
}

export async function loadRequest(db: DbOrTx, requestId: string): Promise<HandoverRow> {
  const row = await db.handoverRequest.findUnique({ where: { id: requestId } });
  if (!row) throw new AppError('HANDOVER_NOT_FOUND', { detail: requestId });
  return row;
}

async function person(db: DbOrTx, id: string | null): Promise<PersonInfo | null> {
  if (!id) return null;
  const p = await db.person.findUnique({ where: { id }, select: { id: true, name: true } });
  return p ? { id: p.id, name: p.name } : null;
}

export async function loadClient(db: DbOrTx, clientId: string): Promise<ClientRow> {
  const client = await db.client.findUnique({ where: { id: clientId }, select: { id: true, number: true, name: true, class: true, workType: true } });
  if (!client) throw new AppError('CLIENT_NOT_FOUND', { detail: clientId });
  return client;
}

export async function loadAssignments(db: DbOrTx, clientId: string): Promise<AssignmentSpan[]> {
  return db.assignment.findMany({ where: { clientId }, select: { vpaId: true, from: true, to: true }, orderBy: { from: 'asc' } });
}

export async function loadContext(db: DbOrTx, request: HandoverRow, now: Date, timeZone: string): Promise<HandoverContext> {
  const [client, vpa, reviewer, successor, decidedBy, assignments, lastTask, events, conny] = await Promise.all([
    loadClient(db, request.clientId),
    person(db, request.vpaId),
    person(db, request.reviewerId),
    person(db, request.successorId),
    person(db, request.decidedById),
    loadAssignments(db, request.clientId),
    db.task.findFirst({ where: { clientId: request.clientId }, orderBy: { createdAt: 'desc' }, select: { createdAt: true } }),
    db.auditEvent.findMany({ where: { subjectType: 'handover', subjectId: request.id }, orderBy: { at: 'asc' }, select: { action: true, at: true, actorId: true } }),
    connyIds(db),
  ]);
  const actorIds = [...new Set(events.map((e) => e.actorId).filter((id): id is string => !!id))];
  const actors = actorIds.length ? await db.person.findMany({ where: { id: { in: actorIds } }, select: { id: true, name: true } }) : [];
  const names = new Map(actors.map((a) => [a.id, a.name]));
  return {
    request,
    client,
    vpa: vpa ?? { id: request.vpaId, name: 'unbekannt' },
    reviewer,
    successor,
    decidedBy,
    assignments,
    connyIds: conny,
    lastTaskAt: lastTask?.createdAt ?? null,
    steps: events
      .map((e) => ({ action: e.action, at: e.at, actor: e.actorId ? { id: e.actorId, name: names.get(e.actorId) ?? 'unbekannt' } : null }))
      .sort((a, b) => a.at.getTime() - b.at.getTime() || stepRank(a.action) - stepRank(b.action)),
    now,
    timeZone,
  };
}

/**
 * The context with what one card kind needs beyond the common part: a model loads only what it shows (the
 * successor choice only for the review card, the managers' ids only for the approval card's refresh).
 */
export async function cardContext(db: DbOrTx, ctx: HandoverContext, kind: TrackedHandoverKind): Promise<HandoverContext> {
  if (kind === 'handoverReview' && !ctx.successorCandidates) {
    const successorCandidates = await db.person.findMany({
      where: { roles: { some: { role: 'vpa' } }, id: { not: ctx.request.vpaId } },
      select: { id: true, name: true, takesNewClients: true, absentFrom: true, absentUntil: true },
      orderBy: [{ name: 'asc' }, { id: 'asc' }],
    });
    return { ...ctx, successorCandidates };
  }
  if (kind === 'handoverApproval' && !ctx.managerTeamsUserIds) {
    const managers = await db.person.findMany({ where: { roles: { some: { role: { in: [...MANAGER_ROLES] } } }, teamsUserId: { not: null } }, select: { teamsUserId: true }, orderBy: { id: 'asc' }, take: 60 });
    return { ...ctx, managerTeamsUserIds: managers.map((m) => m.teamsUserId).filter((id): id is string => !!id) };
  }
  return ctx;
}
