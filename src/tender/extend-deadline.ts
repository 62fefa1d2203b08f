// "Frist verlängern" (admin team): an open tender gets a later deadline — the way to re-open it when nobody (or not
// the right person) applied in time. The invitees stay the same; their invitations are updated in place and show
// "bewerben" again; the admin team's cards show the new deadline. When the new deadline passes, the admin team gets
// its deadline reminder again (one per deadline, src/tender/deadline-reminder.ts).
import { recordAudit } from '../audit/record.ts';
import { AppError } from '../errors/catalogue.ts';
import { hasRole, requireActor } from '../people/access.ts';
import { formatDateTime } from '../time/format.ts';
import { loadTender, loadTenderRow } from './context.ts';
import type { TenderChange, TenderUseCaseOptions } from './start-tender.ts';
import { refreshCards, stateError, transition } from './store.ts';

export interface ExtendDeadlineOptions extends TenderUseCaseOptions {
  tenderId: string;
  expectedVersion?: number;
  /** The new deadline (see deadlineFromDate): in the future and later than the current one. */
  deadline: Date;
}

export async function extendTenderDeadline(options: ExtendDeadlineOptions): Promise<TenderChange> {
  const { db, now, timeZone, rules, tenderId, deadline } = options;
  const actor = requireActor(options.actor);
  if (!hasRole(actor, ['admin'])) throw new AppError('TENDER_ADMIN_ONLY', { detail: 'extend' });
  return db.$transaction(async (tx) => {
    const row = await loadTenderRow(tx, tenderId);
    if (row.status !== 'open') throw await stateError(tx, row, 'extend', timeZone, true);
    if (options.expectedVersion !== undefined && options.expectedVersion !== row.version) throw new AppError('TENDER_STALE', { detail: `card v${options.expectedVersion}, tender v${row.version}` });
    if (deadline.getTime() <= now.getTime()) throw new AppError('TENDER_INPUT_INVALID', { detail: 'deadline', userMessage: 'Die neue Frist muss in der Zukunft liegen.' });
    if (row.deadline && deadline.getTime() <= row.deadline.getTime()) {
      throw new AppError('TENDER_INPUT_INVALID', { detail: 'deadline', userMessage: `Die neue Frist muss nach der bisherigen liegen (${formatDateTime(row.deadline, timeZone)}).` });
    }
    const fresh = await transition(tx, row, ['open'], 'extend', { deadline }, timeZone, true);
    await recordAudit(tx, {
      at: now,
      actorId: actor.id,
      action: 'tender.deadline_extended',
      subjectType: 'tender',
      subjectId: tenderId,
      data: { from: row.deadline?.toISOString() ?? null, to: deadline.toISOString() },
    });
    await refreshCards(tx, await loadTender(tx, tenderId), { now, timeZone, rules });
    return { tenderId, status: fresh.status, version: fresh.version, awardedToId: null };
  });
}
