// "ausnehmen": the inactive-management team excludes a client from the process, with a reason — for good, or for an
// agreed break (`until`). A running cycle ends now, the red question mark is cleared; while the exclusion applies no
// new cycle starts.
import { recordAudit } from '../audit/record.ts';
import { AppError } from '../errors/catalogue.ts';
import { randomId } from '../ids.ts';
import { requireRole } from '../people/access.ts';
import type { PlatformGateway } from '../platform/gateway.ts';
import type { UseCaseOptions, WithIds } from '../use-case/options.ts';
import { ACTIVE_STATUSES, activeCycle, updateCycle } from './cycle-store.ts';
import { INACTIVE_MANAGEMENT_ROLES } from './hand-over-to-conny.ts';
import { validReason } from './postpone.ts';

export interface ExcludeOptions extends UseCaseOptions, WithIds {
  clientId: string;
  reason: string;
  /** End of an agreed break; null/undefined = until lifted. */
  until?: Date | null;
  gateway: PlatformGateway;
}

export async function excludeInactive(options: ExcludeOptions): Promise<{ exclusionId: string }> {
  const actor = requireRole(options.actor, INACTIVE_MANAGEMENT_ROLES, 'inactivity.exclude');
  const reason = validReason(options.reason);
  const until = options.until ?? null;
  if (until && (Number.isNaN(until.getTime()) || until <= options.now)) {
    throw new AppError('INACTIVITY_INPUT_INVALID', { userMessage: 'Das Ende der Pause muss in der Zukunft liegen.', details: { field: 'until' } });
  }
  return options.db.$transaction(async (tx) => {
    const client = await tx.client.findUnique({ where: { id: options.clientId }, select: { id: true } });
    if (!client) throw new AppError('CLIENT_NOT_FOUND', { detail: options.clientId });
    const id = (options.newId ?? randomId)();
    await tx.inactivityExclusion.create({ data: { id, clientId: client.id, reason, byId: actor.id, from: options.now, until, createdAt: options.now } });
    const cycle = await activeCycle(tx, client.id);
    if (cycle) await updateCycle(tx, cycle, ACTIVE_STATUSES, { status: 'ended', endedAt: options.now, endReason: 'excluded' });
    await options.gateway.clearInactiveMark(tx, client.id, options.now, `inactivity:exclusion:${id}:unmark`);
    await recordAudit(tx, { at: options.now, actorId: actor.id, action: 'inactivity.excluded', subjectType: 'client', subjectId: client.id, data: { exclusionId: id, until: until?.toISOString() ?? null, cycleId: cycle?.id ?? null } });
    return { exclusionId: id };
  });
}
