// "geprüft" on a check card (or on its escalation): records who and when, once, and updates every posted copy of
// the check and its escalations for everyone (the messages themselves are edited through the outbox). A later
// click changes nothing and is told who checked. An acknowledged check never escalates (escalation-job.ts re-checks
// inside its transaction).
import { recordAudit } from '../audit/record.ts';
import { AppError } from '../errors/catalogue.ts';
import type { Notice } from '../notices/types.ts';
import { enqueue } from '../outbox/enqueue.ts';
import { formatDateTime, formatIsoDate } from '../time/format.ts';
import type { UseCaseOptions } from '../use-case/options.ts';
import { checkModel, escalationModel, loadCheck, type CheckContext, type TrackedCheckCard } from './check-view.ts';
import type { ShiftRules } from './deadlines.ts';
import { requireOnDuty } from './permissions.ts';

export interface AcknowledgeOptions extends UseCaseOptions {
  checkId: string;
  rules: ShiftRules;
}

export function trackedCheckNotice(ctx: CheckContext, card: Pick<TrackedCheckCard, 'kind' | 'step' | 'channel'>, rules: ShiftRules): Notice {
  if (card.kind === 'shiftEscalation') return { kind: 'shiftEscalation', model: escalationModel(ctx, card.step ?? 'lead', rules) };
  return { kind: 'shiftCheck', model: checkModel(ctx, rules, { channel: card.channel === true }) };
}

export async function acknowledgeShiftCheck(o: AcknowledgeOptions): Promise<{ checkId: string }> {
  const check = await o.db.shiftCheck.findUnique({ where: { id: o.checkId }, select: { dueAt: true } });
  if (!check) throw new AppError('SHIFT_CHECK_NOT_FOUND', { detail: o.checkId });
  const actor = await requireOnDuty(o.db, o.actor, formatIsoDate(check.dueAt, o.timeZone), `acknowledge check ${o.checkId}`);
  await o.db.$transaction(async (tx) => {
    const { count } = await tx.shiftCheck.updateMany({
      where: { id: o.checkId, acknowledgedAt: null },
      data: { acknowledgedById: actor.id, acknowledgedAt: o.now, version: { increment: 1 } },
    });
    const ctx = await loadCheck(tx, o.checkId);
    if (count === 0) {
      const at = ctx.row.acknowledgedAt;
      throw new AppError('SHIFT_ALREADY_CHECKED', {
        detail: `check ${o.checkId}`,
        userMessage: at ? `Schon erledigt: ${ctx.acknowledgedBy?.name ?? 'Jemand'} hat diesen Schicht-Check am ${formatDateTime(at, o.timeZone)} geprüft.` : undefined,
      });
    }
    for (const card of ctx.cards) {
      await enqueue(tx, { idempotencyKey: `${card.key}:v${ctx.row.version}`, message: { mode: 'update', updatesKey: card.key, notice: trackedCheckNotice(ctx, card, o.rules) }, now: o.now });
    }
    await recordAudit(tx, {
      at: o.now,
      actorId: actor.id,
      action: 'shift.acknowledged',
      subjectType: 'shift_check',
      subjectId: o.checkId,
      data: { slot: ctx.row.slot, minutes: Math.round((o.now.getTime() - ctx.row.postedAt.getTime()) / 60_000) },
    });
  });
  return { checkId: o.checkId };
}

/** The check's card as it is now (for the bot's answer to a click): the channel's copy or a 1:1 copy. */
export async function shiftCheckCard(o: { db: UseCaseOptions['db']; checkId: string; rules: ShiftRules; kind: 'shiftCheck' | 'shiftEscalation'; step?: 'lead' | 'managers'; channel: boolean }): Promise<Notice> {
  const ctx = await loadCheck(o.db, o.checkId);
  return trackedCheckNotice(ctx, { kind: o.kind, ...(o.step ? { step: o.step } : {}), channel: o.channel }, o.rules);
}
