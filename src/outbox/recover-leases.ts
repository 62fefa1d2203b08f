// At start, rows this instance had claimed before it stopped without recording an outcome (a crash or a
// kill) are made due at once instead of waiting for their leases to run out. Only safe because an
// instance id is unique among the instances running at the same time and stable across restarts of the
// same instance (bot/ uses host name and port). Their delivery is in doubt: they are sent again.
import type { Db } from '../db/client.ts';

export const IN_DOUBT_REASON = 'sender stopped during delivery; sent again (delivery was in doubt)';

export async function recoverOwnLeases(prisma: Db, o: { instanceId: string; now: Date }): Promise<number> {
  const res = await prisma.outboxMessage.updateMany({
    where: { status: 'sending', leaseOwner: o.instanceId },
    data: { status: 'pending', nextAttemptAt: o.now, leaseUntil: null, leaseOwner: null, lastError: IN_DOUBT_REASON },
  });
  return res.count;
}
