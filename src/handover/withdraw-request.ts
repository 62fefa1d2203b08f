// The VPA withdraws a request that is not decided yet. Every card that shows it (the VPA's own, the
// community team's, the approval post) is updated to say so, and its buttons disappear.
import { recordAudit } from '../audit/record.ts';
import { loadContext, loadRequest } from './context.ts';
import { assertRequester } from './permissions.ts';
import { assertActionAllowed, parseCards, refreshCards, transition } from './store.ts';
import type { HandoverChange, RequestActionOptions } from './use-case.ts';
import { requireActor } from '../people/access.ts';

/** No `expectedVersion`: withdrawing is no race with the card's version; any pending state may be withdrawn. */
export type WithdrawRequestOptions = Omit<RequestActionOptions, 'expectedVersion'>;

export async function withdrawRequest(options: WithdrawRequestOptions): Promise<HandoverChange> {
  const { db, now, requestId } = options;
  const timeZone = options.timeZone;
  const actor = requireActor(options.actor);
  return db.$transaction(async (tx) => {
    const row = await loadRequest(tx, requestId);
    assertRequester(actor, row);
    await assertActionAllowed(tx, row, 'withdraw', undefined, timeZone);
    const fresh = await transition(tx, row, 'withdraw', { status: 'withdrawn', withdrawnAt: now, openClientId: null }, timeZone);
    await recordAudit(tx, { at: now, actorId: actor.id, action: 'handover.withdrawn', subjectType: 'handover', subjectId: row.id, data: { from: row.status } });
    await refreshCards(tx, parseCards(fresh.cards), await loadContext(tx, fresh, now, timeZone), now);
    return { requestId: row.id, status: fresh.status, version: fresh.version };
  });
}
