// "status": the open requests of the asking person and where each stands — as the requesting VPA, as the
// successor, for the community team (to review) and for the managers (to decide, running handovers and
// unacknowledged conduct reports). Read-only.
import type { DbOrTx } from '../db/client.ts';
import type { HandoverStatusItem, HandoverStatusModel, HandoverStatusSection } from '../notices/handover.ts';
import type { Prisma } from '../db/generated/sqlite/client.ts';
import type { Actor } from '../identity/find-actor.ts';
import { formatDate, formatDateTime } from '../time/format.ts';

import { OPEN_STATUSES, REVIEWABLE_STATUSES } from './states.ts';
import { clientInfo } from '../clients/client-info.ts';
import { nextStepText, statusLabel } from './view/shared.ts';
import { hasRole, isManager, requireActor } from '../people/access.ts';

export interface ListStatusOptions {
  db: DbOrTx;
  actor: Actor | null;
  now: Date;
  timeZone: string;
}

/** Closed requests stay in the VPA's own list this long, so "zurückgespielt" or "abgelehnt" can be looked up. */
export const RECENTLY_CLOSED_DAYS = 14;
/** At most this many items per section (Teams' message size). */
export const MAX_ITEMS_PER_SECTION = 25;

const include = {
  client: { select: { id: true, number: true, name: true, class: true, workType: true } },
  vpa: { select: { id: true, name: true } },
  reviewer: { select: { id: true, name: true } },
  successor: { select: { id: true, name: true } },
} as const;

type Row = Prisma.HandoverRequestGetPayload<{ include: typeof include }>;

function sinceOf(r: Row): Date {
  const byStatus: Record<string, Date | null> = {
    submitted: r.submittedAt,
    in_review: r.reviewStartedAt,
    clarifying: r.clarifiedAt,
    awaiting_approval: r.proposedAt,
    approved: r.decidedAt,
    completed: r.completedAt,
    returned: r.returnedAt,
    rejected: r.decidedAt,
    withdrawn: r.withdrawnAt,
    resolved: r.clarificationAnsweredAt,
    cancelled: r.cancelledAt,
  };
  return byStatus[r.status] ?? r.submittedAt;
}

function item(r: Row, audience: 'vpa' | 'other', timeZone: string): HandoverStatusItem {
  return {
    requestId: r.id,
    version: r.version,
    client: clientInfo(r.client),
    vpa: r.vpa,
    status: r.status,
    statusLabel: statusLabel(r.status),
    sinceText: `seit ${formatDate(sinceOf(r), timeZone)}`,
    nextStepText: nextStepText({ request: r, vpa: r.vpa, reviewer: r.reviewer, successor: r.successor }, audience),
  };
}

export async function listStatus(options: ListStatusOptions): Promise<HandoverStatusModel> {
  const { db, now } = options;
  const timeZone = options.timeZone;
  const actor = requireActor(options.actor);
  const take = MAX_ITEMS_PER_SECTION;
  const sections: HandoverStatusSection[] = [];
  const add = (id: string, title: string, rows: Row[], audience: 'vpa' | 'other') => {
    if (rows.length) sections.push({ id, title, items: rows.map((r) => item(r, audience, timeZone)) });
  };

  const recent = new Date(now.getTime() - RECENTLY_CLOSED_DAYS * 86_400_000);
  add(
    'own',
    'Deine Abgabe-Anfragen',
    await db.handoverRequest.findMany({
      where: {
        vpaId: actor.id,
        OR: [
          { status: { in: [...OPEN_STATUSES] } },
          { returnedAt: { gte: recent } },
          { withdrawnAt: { gte: recent } },
          { completedAt: { gte: recent } },
          { status: 'rejected', decidedAt: { gte: recent } },
          { status: 'resolved', clarificationAnsweredAt: { gte: recent } },
          { cancelledAt: { gte: recent } },
        ],
      },
      include,
      orderBy: { submittedAt: 'desc' },
      take,
    }),
    'vpa',
  );
  add('successor', 'Kunden, die du übernimmst', await db.handoverRequest.findMany({ where: { successorId: actor.id, status: 'approved' }, include, orderBy: { decidedAt: 'asc' }, take }), 'other');
  if (hasRole(actor, ['community'])) {
    add(
      'review',
      'Zu prüfen (Community-Team)',
      await db.handoverRequest.findMany({ where: { status: { in: [...REVIEWABLE_STATUSES] }, vpaId: { not: actor.id } }, include, orderBy: { submittedAt: 'asc' }, take }),
      'other',
    );
  }
  const manager = isManager(actor);
  if (manager) {
    add('decision', 'Warten auf Freigabe', await db.handoverRequest.findMany({ where: { status: 'awaiting_approval' }, include, orderBy: { proposedAt: 'asc' }, take }), 'other');
  }
  if (manager || hasRole(actor, ['community'])) {
    add('running', 'Laufende Übergaben', await db.handoverRequest.findMany({ where: { status: 'approved', successorId: { not: actor.id } }, include, orderBy: { decidedAt: 'asc' }, take }), 'other');
  }
  const openConductReports = manager
    ? (
        await db.conductReport.findMany({
          where: { acknowledgements: { none: {} } },
          select: { id: true, createdAt: true, client: { select: { id: true, number: true, name: true, class: true, workType: true } } },
          orderBy: { createdAt: 'asc' },
          take,
        })
      ).map((c) => ({ reportId: c.id, client: clientInfo(c.client), reportedAtText: formatDateTime(c.createdAt, timeZone) }))
    : [];
  return { personName: actor.name, sections, openConductReports, empty: sections.length === 0 && openConductReports.length === 0 };
}
