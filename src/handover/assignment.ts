// Completing a handover moves the client: the current assignment ends now and the successor's begins, in the
// caller's transaction together with the request's status and the audit event.
import type { DbOrTx } from '../db/client.ts';
import { AppError } from '../errors/catalogue.ts';
import type { IdGenerator } from '../ids.ts';
import type { HandoverRow } from './context.ts';

export interface MovedAssignment {
  closedAssignmentIds: string[];
  newAssignmentId: string;
}

export async function moveAssignment(db: DbOrTx, request: HandoverRow, now: Date, newId: IdGenerator): Promise<MovedAssignment> {
  if (!request.successorId) throw new AppError('HANDOVER_WRONG_STATE', { detail: 'no successor' });
  const current = await db.assignment.findMany({ where: { clientId: request.clientId, to: null }, select: { id: true, vpaId: true } });
  // The client must still be with the requesting VPA (an import may have reassigned it meanwhile).
  if (current.length === 0 || current.some((a) => a.vpaId !== request.vpaId)) {
    throw new AppError('HANDOVER_ASSIGNMENT_CHANGED', { detail: `client ${request.clientId}` });
  }
  await db.assignment.updateMany({ where: { id: { in: current.map((a) => a.id) } }, data: { to: now } });
  const id = newId();
  await db.assignment.create({ data: { id, clientId: request.clientId, vpaId: request.successorId, from: now, to: null } });
  return { closedAssignmentIds: current.map((a) => a.id), newAssignmentId: id };
}

/** The request fields of a completed handover. */
export function completedData(now: Date): { status: 'completed'; completedAt: Date; openClientId: null } {
  return { status: 'completed', completedAt: now, openClientId: null };
}
