// Loads a tender with everything its cards show, inside the caller's transaction.
import type { DbOrTx } from '../db/client.ts';
import { AppError } from '../errors/catalogue.ts';
import type { PersonInfo } from '../notices/common.ts';
import type { TenderStatus, TrackedTenderKind } from '../notices/tender.ts';
import type { ClientRow } from '../clients/client-info.ts';
import type { PersonFacts } from './rules.ts';
import { parseKeyedCards } from '../notices/tracked-cards.ts';

/** A card that shows the tender: its outbox key (the `updatesKey` of its updates), kind and, for invitations, the VPA. */
export interface TrackedTenderCard {
  key: string;
  kind: TrackedTenderKind;
  personId?: string;
}

export function parseCards(json: string): TrackedTenderCard[] {
  return parseKeyedCards<TrackedTenderCard>(json);
}

export interface TenderRow {
  id: string;
  clientId: string;
  taskId: string;
  cycleId: string | null;
  status: string;
  lastVpaId: string | null;
  lastVpaLeftOut: string | null;
  lastVpaLeftOutNote: string | null;
  deadline: Date | null;
  startedById: string | null;
  startedAt: Date | null;
  awardedToId: string | null;
  awardedById: string | null;
  awardedAt: Date | null;
  cards: string;
  version: number;
  createdAt: Date;
}

export interface TenderContext {
  tender: TenderRow;
  status: TenderStatus;
  client: ClientRow;
  task: { id: string; title: string; competence: string; createdAt: Date };
  /** The last message step before the reactivation, as the inactivity process named it, or null. */
  lastStep: string | null;
  /** The client's last task before the inactivity (from the cycle), or null. */
  lastTaskBefore: Date | null;
  lastVpa: PersonFacts | null;
  invites: { person: PersonInfo; isLastVpa: boolean }[];
  applications: { person: PersonInfo; at: Date }[];
  startedBy: PersonInfo | null;
  awardedTo: PersonInfo | null;
  awardedBy: PersonInfo | null;
  /** "Umfrage abbrechen": who, when and why (see cancellationOf), or null. */
  cancellation: TenderCancellation | null;
  cards: TrackedTenderCard[];
}

export interface TenderCancellation {
  by: PersonInfo | null;
  at: Date;
  reason: string;
}

const STATUSES: readonly TenderStatus[] = ['review', 'open', 'awarded', 'cancelled'];

export function tenderStatus(status: string): TenderStatus {
  return (STATUSES as readonly string[]).includes(status) ? (status as TenderStatus) : 'cancelled';
}

export async function loadTenderRow(db: DbOrTx, tenderId: string): Promise<TenderRow> {
  const row = await db.tender.findUnique({ where: { id: tenderId } });
  if (!row) throw new AppError('TENDER_NOT_FOUND', { detail: tenderId });
  return row;
}

const personFacts = { id: true, name: true, absentFrom: true, absentUntil: true, competences: true, takesNewClients: true, roles: { select: { role: true } } } as const;

export async function loadTender(db: DbOrTx, tenderId: string): Promise<TenderContext> {
  const tender = await loadTenderRow(db, tenderId);
  const [client, task, cycle, opened, lastVpa, invites, applications] = await Promise.all([
    db.client.findUniqueOrThrow({ where: { id: tender.clientId }, select: { id: true, number: true, name: true, class: true, workType: true } }),
    db.task.findUniqueOrThrow({ where: { id: tender.taskId }, select: { id: true, title: true, competence: true, createdAt: true } }),
    tender.cycleId ? db.inactivityCycle.findUnique({ where: { id: tender.cycleId }, select: { lastTaskAt: true } }) : Promise.resolve(null),
    db.auditEvent.findFirst({ where: { subjectType: 'tender', subjectId: tender.id, action: 'tender.review_opened' }, select: { data: true } }),
    tender.lastVpaId ? db.person.findUnique({ where: { id: tender.lastVpaId }, select: personFacts }) : Promise.resolve(null),
    db.tenderInvite.findMany({ where: { tenderId: tender.id }, select: { vpaId: true, isLastVpa: true } }),
    db.tenderApplication.findMany({ where: { tenderId: tender.id }, select: { vpaId: true, at: true }, orderBy: [{ at: 'asc' }, { vpaId: 'asc' }] }),
  ]);
  const cancelled = tender.status === 'cancelled' ? await cancellationEvent(db, tender.id) : null;
  const ids = [
    ...new Set([...invites.map((i) => i.vpaId), ...applications.map((a) => a.vpaId), tender.startedById, tender.awardedToId, tender.awardedById, cancelled?.actorId].filter((id): id is string => !!id)),
  ];
  const people = new Map((await db.person.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } })).map((p) => [p.id, p]));
  const info = (id: string | null): PersonInfo | null => (id ? (people.get(id) ?? { id, name: 'unbekannt' }) : null);
  return {
    tender,
    status: tenderStatus(tender.status),
    client,
    task,
    lastStep: lastStepOf(opened?.data),
    lastTaskBefore: cycle?.lastTaskAt ?? null,
    lastVpa: lastVpa ? { ...lastVpa, roles: lastVpa.roles.map((r) => r.role) } : null,
    invites: invites.map((i) => ({ person: info(i.vpaId)!, isLastVpa: i.isLastVpa })).sort((a, b) => a.person.name.localeCompare(b.person.name, 'de')),
    applications: applications.map((a) => ({ person: info(a.vpaId)!, at: a.at })),
    startedBy: info(tender.startedById),
    awardedTo: info(tender.awardedToId),
    awardedBy: info(tender.awardedById),
    cancellation: cancelled ? { by: info(cancelled.actorId), at: cancelled.at, reason: cancelled.reason } : null,
    cards: parseCards(tender.cards),
  };
}

/** The label the opening's audit event kept (the only place it is stored; the cards show it on every update). */
function lastStepOf(data: string | undefined): string | null {
  if (!data) return null;
  try {
    const v = (JSON.parse(data) as { lastStep?: unknown }).lastStep;
    return typeof v === 'string' && v.trim() !== '' ? v : null;
  } catch {
    return null;
  }
}

/** The audit action of "Umfrage abbrechen". */
export const TENDER_CANCELLED = 'tender.cancelled';

/**
 * Who cancelled the tender, when and why. The Tender row has no columns for it (yet): the cancellation's audit event
 * is the record, as the opening's event is for the last step. The reason is the admin team's short note, never a
 * message body. Null when the tender was not cancelled through "Umfrage abbrechen".
 */
export async function cancellationEvent(db: DbOrTx, tenderId: string): Promise<{ actorId: string | null; at: Date; reason: string } | null> {
  const t = await db.tender.findUnique({ where: { id: tenderId }, select: { cancelledAt: true, cancelledById: true, cancelReason: true } });
  if (!t?.cancelledAt) return null;
  return { actorId: t.cancelledById, at: t.cancelledAt, reason: t.cancelReason ?? '' };
}
