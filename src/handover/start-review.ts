// A community member takes a new request on ("übernehmen"), so the team sees who is on it. Optional: the
// review actions work on a request nobody took on, too.
import { recordAudit } from '../audit/record.ts';
import { loadContext, loadRequest } from './context.ts';
import { assertMayReview } from './permissions.ts';
import { assertActionAllowed, parseCards, refreshCards, transition } from './store.ts';
import type { HandoverChange, RequestActionOptions } from './use-case.ts';
import { requireActor } from '../people/access.ts';

export async function startReview(options: RequestActionOptions): Promise<HandoverChange> {
  const { db, now, requestId, expectedVersion } = options;
  const timeZone = options.timeZone;
  const actor = requireActor(options.actor);
  return db.$transaction(async (tx) => {
    const row = await loadRequest(tx, requestId);
    assertMayReview(actor, row);
    await assertActionAllowed(tx, row, 'startReview', expectedVersion, timeZone);
    const fresh = await transition(tx, row, 'startReview', { status: 'in_review', reviewerId: actor.id, reviewStartedAt: now }, timeZone);
    await recordAudit(tx, { at: now, actorId: actor.id, action: 'handover.review_started', subjectType: 'handover', subjectId: row.id });
    await refreshCards(tx, parseCards(fresh.cards), await loadContext(tx, fresh, now, timeZone), now);
    return { requestId: row.id, status: fresh.status, version: fresh.version };
  });
}
