// Roles and the checks every process shares. Roles come from the database (the Actor the bot loads from the
// activity's sender), never from a card's payload (CONTRACT.md). Process-specific rules (who may review a
// handover, who may approve it) build on these in their own permissions module.
import { AppError } from '../errors/catalogue.ts';
import type { Actor } from '../identity/find-actor.ts';
import { MANAGER_ROLES, type Role } from './roles.ts';

/** The acting person, or NOT_REGISTERED when the sender is not in the database. */
export function requireActor(actor: Actor | null): Actor {
  if (!actor) throw new AppError('NOT_REGISTERED');
  return actor;
}

/** Whether the person holds at least one of `roles`. */
export function hasRole(actor: Pick<Actor, 'roles'> | null, roles: readonly Role[]): boolean {
  return !!actor && actor.roles.some((r) => roles.includes(r));
}

/** A VPA manager or a client manager: the only ones who approve VPA changes and receive conduct reports. */
export function isManager(actor: Pick<Actor, 'roles'> | null): boolean {
  return hasRole(actor, MANAGER_ROLES);
}

/** Refuses with FORBIDDEN_ROLE (or NOT_REGISTERED) unless the person holds one of `roles`. */
export function requireRole(actor: Actor | null, roles: readonly Role[], detail?: string): Actor {
  const a = requireActor(actor);
  if (!hasRole(a, roles)) throw new AppError('FORBIDDEN_ROLE', detail ? { detail } : {});
  return a;
}
