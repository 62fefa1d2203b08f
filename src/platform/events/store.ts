// Storing a platform event (PlatformEvent) before anything else happens with it: a webhook is answered 200 only
// once its event is committed, and the reconciliation writes what a lost webhook missed the same way, so one
// processor (process.ts) handles both. The event id is the primary key: an id seen before is a replay or a
// re-delivery, stored once and otherwise ignored (also when two deliveries race: the unique key lets one commit).
import { recordAudit } from '../../audit/record.ts';
import type { Db } from '../../db/client.ts';
import { isUniqueViolation } from '../../db/unique-violation.ts';
import type { WebhookEvent } from '../webhooks/events.ts';

/** What brought the event in. */
export type EventSource = 'webhook' | 'reconcile';

export type StoreOutcome = 'stored' | 'duplicate';

export async function storeEvent(prisma: Db, event: WebhookEvent, source: EventSource, now: Date): Promise<StoreOutcome> {
  try {
    await prisma.$transaction(async (tx) => {
      await tx.platformEvent.create({
        data: { id: event.id, type: event.type, occurredAt: new Date(event.occurredAt), data: JSON.stringify(event.data), source, receivedAt: now, status: 'pending' },
      });
      await recordAudit(tx, { at: now, actorId: null, action: 'platform.event_received', subjectType: 'platform_event', subjectId: event.id, data: { type: event.type, source } });
    });
    return 'stored';
  } catch (error) {
    if (isUniqueViolation(error)) return 'duplicate';
    throw error;
  }
}
