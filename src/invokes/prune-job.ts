// `invokes.pruneReceipts`: deletes invoke receipts older than INVOKE_RECEIPT_RETENTION_DAYS (default 7),
// counted back from the tick's instant. Re-deliveries of a card click come within seconds, so an old
// receipt protects nothing. Idempotent: a second run at the same instant finds nothing to delete.
import { recordAudit } from '../audit/record.ts';
import type { TickJob } from '../tick/job.ts';
import { pruneReceipts } from './receipts.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

export const pruneReceiptsJob: TickJob = {
  name: 'invokes.pruneReceipts',
  async run({ prisma, now, config }) {
    const days = config.invokeReceiptRetentionDays;
    const before = new Date(now.getTime() - days * DAY_MS);
    const count = await prisma.$transaction(async (tx) => {
      const deleted = await pruneReceipts(tx, before);
      if (deleted > 0) {
        await recordAudit(tx, { at: now, actorId: null, action: 'invokes.receipts_pruned', subjectType: 'invokeReceipt', subjectId: 'all', data: { deleted, before: before.toISOString(), retentionDays: days } });
      }
      return deleted;
    });
    if (count === 0) return [];
    const what = count === 1 ? '1 gespeicherte Antwort auf einen Kartenklick' : `${count} gespeicherte Antworten auf Kartenklicks`;
    return [`${what} gelöscht (älter als ${days} ${days === 1 ? 'Tag' : 'Tage'})`];
  },
};
