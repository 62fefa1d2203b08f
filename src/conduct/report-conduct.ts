// melden (wiki "Sonderfälle"): a client insults, disrespects, discriminates or harasses. The report goes at
// once, marked urgent, 1:1 to every VPA manager and client manager — never to a channel and never to other
// VPAs (the reporter is not sent a copy of the manager card either, even if they hold a manager role).
// It is not a handover request. The audit event carries ids only, never what happened.
import { recordAudit } from '../audit/record.ts';
import { AppError } from '../errors/catalogue.ts';
import { randomId } from '../ids.ts';
import type { ConductFormModel, ConductReceivedModel } from '../notices/handover.ts';
import { enqueue } from '../outbox/enqueue.ts';
import { peopleWithRoles } from '../handover/audience.ts';
import { DEFAULT_TIME_ZONE } from '../handover/format.ts';
import { hasRole, requireActor } from '../handover/permissions.ts';
import type { UseCaseOptions, WithIds } from '../handover/use-case.ts';
import { MANAGER_ROLES } from '../people/roles.ts';
import { conductForm } from './conduct-form.ts';
import { loadConduct, type ConductCard } from './context.ts';
import { validateConduct } from './validation.ts';
import { conductReceivedModel, conductReportModel } from './view.ts';

export interface ReportConductOptions extends UseCaseOptions, WithIds {
  /** The form's values as the card sent them: clientId, whatHappened, occurredDate (YYYY-MM-DD), occurredTime (HH:mm, optional), evidence. */
  input: Record<string, unknown>;
}

export type ReportConductResult = { outcome: 'invalid'; form: ConductFormModel } | { outcome: 'reported'; reportId: string; managerIds: string[]; received: ConductReceivedModel };

export async function reportConduct(options: ReportConductOptions): Promise<ReportConductResult> {
  const { db, now } = options;
  const timeZone = options.timeZone ?? DEFAULT_TIME_ZONE;
  const actor = requireActor(options.actor);
  if (!hasRole(actor, ['vpa'])) throw new AppError('CONDUCT_VPA_ONLY');
  const v = validateConduct(options.input, now, timeZone);
  if (!v.ok) return { outcome: 'invalid', form: await conductForm({ db, actor, now, timeZone, values: v.values, fieldErrors: v.fieldErrors }) };
  const draft = v.draft;

  return db.$transaction(async (tx) => {
    const served = await tx.assignment.findFirst({ where: { clientId: draft.clientId, vpaId: actor.id, from: { lte: now } }, select: { id: true } });
    if (!served) throw new AppError('CONDUCT_NOT_YOUR_CLIENT', { detail: draft.clientId });
    const managers = await peopleWithRoles(tx, MANAGER_ROLES, [actor.id]);
    if (managers.length === 0) throw new AppError('CONDUCT_NO_MANAGER');

    const id = (options.newId ?? randomId)();
    const cards: ConductCard[] = managers.map((m) => ({ key: `conduct:${id}:manager:${m.id}`, personId: m.id }));
    await tx.conductReport.create({
      data: { id, clientId: draft.clientId, reporterId: actor.id, whatHappened: draft.whatHappened, occurredAt: draft.occurredAt, evidence: draft.evidence, urgent: true, cards: JSON.stringify(cards), createdAt: now },
    });
    await recordAudit(tx, { at: now, actorId: actor.id, action: 'conduct.reported', subjectType: 'conduct', subjectId: id, data: { clientId: draft.clientId, managers: managers.length } });
    const ctx = await loadConduct(tx, id, timeZone);
    for (const card of cards) {
      await enqueue(tx, { idempotencyKey: card.key, message: { mode: 'send', recipient: { type: 'person', personId: card.personId }, notice: { kind: 'conductReport', model: conductReportModel(ctx, card.personId) } }, now });
    }
    return { outcome: 'reported', reportId: id, managerIds: managers.map((m) => m.id), received: conductReceivedModel(ctx, managers.length) };
  });
}
