// Every state change writes one audit event inside its own transaction: who did what to which subject, when.
// `data` carries ids and decisions, never message bodies.
import type { DbOrTx } from '../db/client.ts';
import { randomId } from '../ids.ts';

export interface AuditInput {
  at: Date;
  actorId: string | null;
  action: string;
  subjectType: string;
  subjectId: string;
  data?: Record<string, unknown>;
}

export async function recordAudit(tx: DbOrTx, e: AuditInput): Promise<void> {
  await tx.auditEvent.create({
    data: { id: randomId(), at: e.at, actorId: e.actorId, action: e.action, subjectType: e.subjectType, subjectId: e.subjectId, data: JSON.stringify(e.data ?? {}) },
  });
}
