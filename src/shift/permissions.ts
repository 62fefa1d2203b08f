// Who may act on shift duty's cards. Roles come from the database (the Actor), never from the card.
//   "geprüft" and "erledigt": people with the role `shift`, anyone on the plan of the day, and the managers
//   (VPA managers, client managers; they are told when nobody is on shift and may close the gap themselves).
//   The plan: the shift lead of the day it changes, and the managers.
import type { DbOrTx } from '../db/client.ts';
import { AppError } from '../errors/catalogue.ts';
import type { Actor } from '../identity/find-actor.ts';
import { hasRole, isManager, requireActor } from '../people/access.ts';
import type { Role } from '../people/roles.ts';

export const SHIFT_DUTY_ROLES: readonly Role[] = ['shift', 'vpa_manager', 'client_manager'];

export async function requireOnDuty(db: DbOrTx, actor: Actor | null, date: string, detail: string): Promise<Actor> {
  const a = requireActor(actor);
  if (hasRole(a, SHIFT_DUTY_ROLES)) return a;
  if (await db.shiftAssignment.findFirst({ where: { date, personId: a.id }, select: { id: true } })) return a;
  throw new AppError('SHIFT_NOT_ON_DUTY', { detail });
}

export async function isLeadOn(db: DbOrTx, personId: string, dates: readonly string[]): Promise<boolean> {
  return !!(await db.shiftAssignment.findFirst({ where: { personId, lead: true, date: { in: [...dates] } }, select: { id: true } }));
}

export async function mayEditPlan(db: DbOrTx, actor: Actor | null, dates: readonly string[]): Promise<boolean> {
  if (!actor) return false;
  return isManager(actor) || (await isLeadOn(db, actor.id, dates));
}
