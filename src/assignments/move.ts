// Moving a client from one VPA to another, in the caller's transaction together with the request's status and
// the audit event. Only the leaving VPA's current rows end (a shared client keeps its other VPA); the new VPA's
// row starts unless they already serve the client.
import type { DbOrTx } from '../db/client.ts';
import type { IdGenerator } from '../ids.ts';
import { currentAssignments } from './current.ts';

export interface MovedAssignment {
  closedAssignmentIds: string[];
  /** Null when the new VPA already served the client. */
  newAssignmentId: string | null;
}

export type MoveCheck = { ok: true } | { ok: false; cause: 'reassigned'; currentVpaIds: string[] };

/** Whether `fromVpaId` still serves the client at `now`, so the move can happen. */
export async function checkMove(db: DbOrTx, clientId: string, fromVpaId: string, now: Date): Promise<MoveCheck> {
  const current = await currentAssignments(db, clientId, now);
  if (current.some((a) => a.vpaId === fromVpaId)) return { ok: true };
  return { ok: false, cause: 'reassigned', currentVpaIds: [...new Set(current.map((a) => a.vpaId))] };
}

/**
 * Ends `fromVpaId`'s current rows at `now` (none when they no longer serve the client: a manager's forced
 * completion) and starts `toVpaId`'s row.
 */
export async function moveAssignment(db: DbOrTx, move: { clientId: string; fromVpaId: string; toVpaId: string }, now: Date, newId: IdGenerator): Promise<MovedAssignment> {
  const current = await currentAssignments(db, move.clientId, now);
  const leaving = current.filter((a) => a.vpaId === move.fromVpaId);
  if (leaving.length > 0) await db.assignment.updateMany({ where: { id: { in: leaving.map((a) => a.id) } }, data: { to: now } });
  if (current.some((a) => a.vpaId === move.toVpaId)) return { closedAssignmentIds: leaving.map((a) => a.id), newAssignmentId: null };
  const id = newId();
  await db.assignment.create({ data: { id, clientId: move.clientId, vpaId: move.toVpaId, from: now, to: null } });
  return { closedAssignmentIds: leaving.map((a) => a.id), newAssignmentId: id };
}
