// A manager acknowledges a conduct report. Each manager may acknowledge (one row per manager); the report is
// taken care of from the first acknowledgement: every manager's card then shows who acknowledged and when,
// and the reporting VPA is told once that someone looks after it. A repeated click changes nothing.
import { recordAudit } from '../audit/record.ts';
import { AppError } from '../errors/catalogue.ts';
import { enqueue } from '../outbox/enqueue.ts';

import type { UseCaseOptions } from '../use-case/options.ts';
import { loadConduct } from './context.ts';
import { conductAcknowledgedModel, conductReportModel } from './view.ts';
import { isManager, requireActor } from '../people/access.ts';

export interface AcknowledgeConductOptions extends UseCaseOptions {
  reportId: string;
}

export interface AcknowledgeConductResult {
  reportId: string;
  /** False when this manager had acknowledged before. */
  changed: boolean;
  /** True when this was the first acknowledgement of the report. */
  first: boolean;
}

export async function acknowledgeConduct(options: AcknowledgeConductOptions): Promise<AcknowledgeConductResult> {
  const { db, now, reportId } = options;
  const timeZone = options.timeZone;
  const actor = requireActor(options.actor);
  if (!isManager(actor)) throw new AppError('CONDUCT_MANAGER_ONLY');
  return db.$transaction(async (tx) => {
    const existing = await tx.conductReport.findUnique({ where: { id: reportId }, select: { id: true } });
    if (!existing) throw new AppError('CONDUCT_NOT_FOUND', { detail: reportId });
    const acknowledged = () => tx.conductAcknowledgement.findUnique({ where: { reportId_personId: { reportId, personId: actor.id } }, select: { at: true } });
    if (await acknowledged()) return { reportId, changed: false, first: false };
    // Bump the version first: it locks the report row, so concurrent acknowledgements run one after the
    // other and exactly one of them sees itself as the first. (A double click that raced past the check
    // above finds its twin's row now.)
    const { version } = await tx.conductReport.update({ where: { id: reportId }, data: { version: { increment: 1 } }, select: { version: true } });
    if (await acknowledged()) return { reportId, changed: false, first: false };
    await tx.conductAcknowledgement.create({ data: { reportId, personId: actor.id, at: now } });
    const count = await tx.conductAcknowledgement.count({ where: { reportId } });
    await recordAudit(tx, { at: now, actorId: actor.id, action: 'conduct.acknowledged', subjectType: 'conduct', subjectId: reportId, data: { first: count === 1 } });
    const ctx = await loadConduct(tx, reportId, timeZone);
    for (const card of ctx.cards) {
      await enqueue(tx, { idempotencyKey: `${card.key}:v${version}`, message: { mode: 'update', updatesKey: card.key, notice: { kind: 'conductReport', model: conductReportModel(ctx, card.personId) } }, now });
    }
    if (count === 1) {
      const model = conductAcknowledgedModel(ctx, { id: actor.id, name: actor.name }, now);
      await enqueue(tx, { idempotencyKey: `conduct:${reportId}:acknowledged:reporter`, message: { mode: 'send', recipient: { type: 'person', personId: ctx.reporterId }, notice: { kind: 'conductAcknowledged', model } }, now });
    }
    return { reportId, changed: true, first: count === 1 };
  });
}
