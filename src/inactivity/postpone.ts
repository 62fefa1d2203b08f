// "verschieben": the inactive-management team keeps a client off the list until a date, with a reason (e.g. the VPA
// is talking to the client). The 8-week steps before the list are not affected.
import { recordAudit } from '../audit/record.ts';
import { AppError } from '../errors/catalogue.ts';
import { requireRole } from '../people/access.ts';
import type { UseCaseOptions } from '../use-case/options.ts';
import { ACTIVE_STATUSES, assertVersion, loadCycle, updateCycle } from './cycle-store.ts';
import { INACTIVE_MANAGEMENT_ROLES } from './hand-over-to-conny.ts';

export const REASON_MIN_LENGTH = 5;
export const REASON_MAX_LENGTH = 2000;

export function validReason(raw: string | undefined): string {
  const reason = raw?.trim() ?? '';
  if (reason.length < REASON_MIN_LENGTH) throw new AppError('INACTIVITY_INPUT_INVALID', { userMessage: `Bitte gib einen Grund an (mindestens ${REASON_MIN_LENGTH} Zeichen).`, details: { field: 'reason' } });
  if (reason.length > REASON_MAX_LENGTH) throw new AppError('INACTIVITY_INPUT_INVALID', { userMessage: `Bitte fasse den Grund kürzer (höchstens ${REASON_MAX_LENGTH} Zeichen).`, details: { field: 'reason' } });
  return reason;
}

export interface PostponeOptions extends UseCaseOptions {
  cycleId: string;
  expectedVersion?: number;
  until: Date;
  reason: string;
}

export async function postponeInactive(options: PostponeOptions): Promise<{ cycleId: string; version: number }> {
  const actor = requireRole(options.actor, INACTIVE_MANAGEMENT_ROLES, 'inactivity.postpone');
  const reason = validReason(options.reason);
  if (Number.isNaN(options.until.getTime()) || options.until <= options.now) {
    throw new AppError('INACTIVITY_INPUT_INVALID', { userMessage: 'Das Datum muss in der Zukunft liegen.', details: { field: 'until' } });
  }
  return options.db.$transaction(async (tx) => {
    const row = await loadCycle(tx, options.cycleId);
    assertVersion(row, options.expectedVersion);
    if (row.connyAt) throw new AppError('INACTIVITY_WRONG_STATE', { userMessage: 'Dieser Kunde ist bereits bei Conny.', detail: 'already handed over' });
    const fresh = await updateCycle(tx, row, ACTIVE_STATUSES, { postponedUntil: options.until, postponeReason: reason });
    await recordAudit(tx, { at: options.now, actorId: actor.id, action: 'inactivity.postponed', subjectType: 'inactivity', subjectId: row.id, data: { until: options.until.toISOString() } });
    return { cycleId: fresh.id, version: fresh.version };
  });
}
