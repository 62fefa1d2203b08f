// The one definition of "current assignment", used by the handover form, submit, approval and completion alike
// (and by the inactivity process): a row whose start is not in the future and whose end is empty or still in the
// future. An assignment imported with an end date next month is current until then.
import type { DbOrTx } from '../db/client.ts';
import type { Prisma } from '../db/generated/sqlite/client.ts';

export interface CurrentAssignment {
  id: string;
  clientId: string;
  vpaId: string;
  from: Date;
  to: Date | null;
}

/** The Prisma filter for assignments current at `now`. */
export function currentAt(now: Date): Prisma.AssignmentWhereInput {
  return { from: { lte: now }, OR: [{ to: null }, { to: { gt: now } }] };
}

/** Whether one row is current at `now` (the same rule as `currentAt`, for rows already loaded). */
export function isCurrent(row: { from: Date; to: Date | null }, now: Date): boolean {
  return row.from.getTime() <= now.getTime() && (row.to === null || row.to.getTime() > now.getTime());
}

export async function currentAssignments(db: DbOrTx, clientId: string, now: Date): Promise<CurrentAssignment[]> {
  return db.assignment.findMany({ where: { clientId, ...currentAt(now) }, select: { id: true, clientId: true, vpaId: true, from: true, to: true }, orderBy: [{ from: 'asc' }, { id: 'asc' }] });
}

/** The ids of the VPAs serving the client at `now` (two when a client is shared). */
export async function currentVpaIds(db: DbOrTx, clientId: string, now: Date): Promise<string[]> {
  return [...new Set((await currentAssignments(db, clientId, now)).map((a) => a.vpaId))];
}
