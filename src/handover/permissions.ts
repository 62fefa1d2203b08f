// Who may do what with a handover request. Roles come from the database (the Actor the bot loads from the
// activity's sender), never from a card's payload. Each check throws a coded AppError with a German message;
// the use cases run them before writing anything.
import { AppError } from '../errors/catalogue.ts';
import type { Actor } from '../identity/find-actor.ts';
import { hasRole, isManager } from '../people/access.ts';

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

/**
 * Freigeben / Ablehnen (four eyes): a VPA manager or client manager who is neither the requesting VPA, nor the
 * successor, nor whoever proposed the change — a person holding both `community` and a manager role never
 * approves their own proposal.
 */
export function assertMayDecide(actor: Actor, request: { vpaId: string; successorId: string | null; reviewerId: string | null }): void {
  if (!isManager(actor)) throw new AppError('HANDOVER_MANAGER_ONLY');
  if (actor.id === request.vpaId || actor.id === request.successorId) throw new AppError('HANDOVER_OWN_REQUEST');
  if (actor.id === request.reviewerId) throw new AppError('HANDOVER_OWN_PROPOSAL');
}

/** The reviewer proposes a successor other than themself (and other than the requesting VPA). */
export function assertMayPropose(actor: Actor, request: { vpaId: string }, successorId: string): void {
  assertMayReview(actor, request);
  if (successorId === actor.id) throw new AppError('HANDOVER_SUCCESSOR_SELF');
}


/** Withdraw, "geklärt" / "nicht geklärt", "Kunde informiert", "Einarbeitung erfolgt": the requesting VPA. */
export function assertRequester(actor: Actor, request: { vpaId: string }): void {
  if (actor.id !== request.vpaId) throw new AppError('HANDOVER_NOT_REQUESTER');
}

/** "Einarbeitung erhalten": the successor. */
export function assertSuccessor(actor: Actor, request: { successorId: string | null }): void {
  if (!request.successorId || actor.id !== request.successorId) throw new AppError('HANDOVER_NOT_SUCCESSOR');
}

/**
 * abschließen / abbrechen on an approved handover: a manager who is neither the requesting VPA nor the successor
 * (the escape hatch when the handover stalls or the assignment cannot move).
 */
export function assertMayClose(actor: Actor, request: { vpaId: string; successorId: string | null }): void {
  if (!isManager(actor)) throw new AppError('HANDOVER_MANAGER_ONLY');
  if (actor.id === request.vpaId || actor.id === request.successorId) throw new AppError('HANDOVER_OWN_REQUEST');
}
