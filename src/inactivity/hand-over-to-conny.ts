// "an Conny übergeben" (today's manual dashlet "Inaktive"), by the inactive-management team or, with the automatic
// mode on, by the bot itself: the client is assigned to the Conny account (never counted as a VPA change, never its
// "last VPA"), the platform is told, and Conny's introduction becomes due at once (sent in the next send window).
import { connyId } from '../assignments/last-vpa.ts';
import { moveAssignment } from '../assignments/move.ts';
import { currentAssignments } from '../assignments/current.ts';
import { recordAudit } from '../audit/record.ts';
import type { Tx } from '../db/client.ts';
import { AppError } from '../errors/catalogue.ts';
import { randomId } from '../ids.ts';
import { requireRole } from '../people/access.ts';
import type { PlatformGateway } from '../platform/gateway.ts';
import type { UseCaseOptions, WithIds } from '../use-case/options.ts';
import { ACTIVE_STATUSES, activeCycle, assertVersion, loadCycle, updateCycle, type CycleRow } from './cycle-store.ts';

export const INACTIVE_MANAGEMENT_ROLES = ['community', 'admin'] as const;

export interface HandOverOptions extends UseCaseOptions, WithIds {
  cycleId: string;
  expectedVersion?: number;
  gateway: PlatformGateway;
}

export async function handOverToConny(options: HandOverOptions): Promise<{ cycleId: string; version: number }> {
  const actor = requireRole(options.actor, INACTIVE_MANAGEMENT_ROLES, 'inactivity.handover');
  return options.db.$transaction(async (tx) => {
    const row = await loadCycle(tx, options.cycleId);
    assertVersion(row, options.expectedVersion);
    const fresh = await handOver(tx, row, actor.id, options.now, options.gateway, options.newId ?? randomId);
    return { cycleId: fresh.id, version: fresh.version };
  });
}

/** The hand-over inside the caller's transaction (also the automatic mode's, with `actorId` null). */
export async function handOver(tx: Tx, row: CycleRow, actorId: string | null, now: Date, gateway: PlatformGateway, newId: () => string): Promise<CycleRow> {
  if (row.connyAt) throw new AppError('INACTIVITY_WRONG_STATE', { userMessage: 'Dieser Kunde ist bereits bei Conny.', detail: 'already handed over' });
  if (!(ACTIVE_STATUSES as readonly string[]).includes(row.status)) throw new AppError('INACTIVITY_WRONG_STATE', { detail: `status ${row.status}` });
  const conny = await connyId(tx);
  if (!conny) throw new AppError('CONNY_MISSING');
  const fresh = await updateCycle(tx, row, ACTIVE_STATUSES, { connyAt: now, connyById: actorId });
  const current = (await currentAssignments(tx, row.clientId, now)).filter((a) => a.vpaId !== conny);
  const fromVpaId = row.vpaId ?? current[0]?.vpaId ?? null;
  // Without a current VPA (an import ended the assignment) Conny's row simply starts.
  const moved = await moveAssignment(tx, { clientId: row.clientId, fromVpaId: fromVpaId ?? conny, toVpaId: conny }, now, newId);
  await gateway.reassignClient(tx, { clientId: row.clientId, fromVpaId, toVpaId: conny, idempotencyKey: `inactivity:${row.id}:conny:reassign` }, now);
  await recordAudit(tx, { at: now, actorId, action: 'inactivity.handed_to_conny', subjectType: 'inactivity', subjectId: row.id, data: { clientId: row.clientId, automatic: actorId === null, ...moved } });
  return fresh;
}

/**
 * The platform moved the client to the Conny account itself (its dashboard, a `client.reassigned` event): the running
 * cycle counts as handed over from that instant, so Conny's introduction and reminders follow as after "an Conny
 * übergeben". The assignment history is the caller's (the event's) and nothing is sent back to the platform. Returns
 * the cycle's id, or null when there is no running cycle or it is with Conny already.
 */
export async function recordHandOverOnPlatform(tx: Tx, clientId: string, at: Date, now: Date): Promise<string | null> {
  const row = await activeCycle(tx, clientId);
  if (!row || row.connyAt) return null;
  const fresh = await updateCycle(tx, row, ACTIVE_STATUSES, { connyAt: at, connyById: null });
  await recordAudit(tx, { at: now, actorId: null, action: 'inactivity.handed_to_conny', subjectType: 'inactivity', subjectId: row.id, data: { clientId, automatic: false, source: 'platform' } });
  return fresh.id;
}
