// Who may do what with a handover request. Roles come from the database (the Actor the bot loads from the
// activity's sender), never from a card's payload. Each check throws a coded AppError with a German message;
// the use cases run them before writing anything.
import { AppError } from '../errors/catalogue.ts';
import type { Actor } from '../identity/find-actor.ts';
import { MANAGER_ROLES, type Role } from '../people/roles.ts';

export function requireActor(actor: Actor | null): Actor {
  if (!actor) throw new AppError('NOT_REGISTERED');
  return actor;
}

export function hasRole(actor: Actor, roles: readonly Role[]): boolean {
  return actor.roles.some((r) => roles.includes(r));
}

export function isManager(actor: Actor): boolean {
  return hasRole(actor, MANAGER_ROLES);
}

/** A VPA may hand over only a client they serve now. */
export function assertMayRequest(actor: Actor, currentVpaIds: readonly string[]): void {
  if (!hasRole(actor, ['vpa'])) throw new AppError('HANDOVER_VPA_ONLY');
  if (!currentVpaIds.includes(actor.id)) throw new AppError('HANDOVER_NOT_YOUR_CLIENT');
}

/** zurückspielen, klären lassen, Wechsel vorschlagen: the community team, not on their own request. */
export function assertMayReview(actor: Actor, request: { vpaId: string }): void {
  if (!hasRole(actor, ['community'])) throw new AppError('HANDOVER_COMMUNITY_ONLY');
  if (actor.id === request.vpaId) throw new AppError('HANDOVER_OWN_REQUEST', { userMessage: 'Deine eigene Anfrage prüft bitte eine andere Person aus dem Community-Team.' });
}

/** Freigeben / Ablehnen: a VPA manager or client manager who is neither the requesting VPA nor the successor. */
export function assertMayDecide(actor: Actor, request: { vpaId: string; successorId: string | null }): void {
  if (!isManager(actor)) throw new AppError('HANDOVER_MANAGER_ONLY');
  if (actor.id === request.vpaId || actor.id === request.successorId) throw new AppError('HANDOVER_OWN_REQUEST');
}

/** Withdraw, "Einarbeitung erfolgt": the requesting VPA. */
export function assertRequester(actor: Actor, request: { vpaId: string }): void {
  if (actor.id !== request.vpaId) throw new AppError('HANDOVER_NOT_REQUESTER');
}

/** "Einarbeitung erhalten": the successor. */
export function assertSuccessor(actor: Actor, request: { successorId: string | null }): void {
  if (!request.successorId || actor.id !== request.successorId) throw new AppError('HANDOVER_NOT_SUCCESSOR');
}

/** Completing an approved handover without the training confirmations: a manager (the escape hatch). */
export function assertMayComplete(actor: Actor): void {
  if (!isManager(actor)) throw new AppError('HANDOVER_MANAGER_ONLY');
}
