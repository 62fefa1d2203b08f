// melden (wiki "Sonderfälle"): a client insults, disrespects, discriminates or harasses. The report goes at
// once, marked urgent, 1:1 to every VPA manager and client manager — never to a channel and never to other
// VPAs (the reporter is not sent a copy of the manager card either, even if they hold a manager role).
// It is not a handover request. The audit event carries ids only, never what happened.
// One form instance (`formId`, src/invokes/form-id.ts) makes at most one report: "Meldung senden" clicked
// again — also many times at once — answers with the report it already made, without new rows or messages.
import { recordAudit } from '../audit/record.ts';
import { AppError, isAppError } from '../errors/catalogue.ts';
import type { DbOrTx } from '../db/client.ts';
import { isUniqueViolation } from '../db/unique-violation.ts';
import { parseFormId } from '../invokes/form-id.ts';
import { randomId } from '../ids.ts';
import type { ConductFormModel, ConductReceivedModel } from '../notices/conduct.ts';
import { enqueue } from '../outbox/enqueue.ts';
import { peopleWithRoles } from '../notices/audience.ts';

import type { UseCaseOptions, WithIds } from '../use-case/options.ts';
import { MANAGER_ROLES } from '../people/roles.ts';
import { conductForm } from './conduct-form.ts';
import { loadConduct, type ConductCard } from './context.ts';
import { validateConduct, type ConductDraft } from './validation.ts';
import { conductReceivedModel, conductReportModel } from './view.ts';
import { hasRole, requireActor } from '../people/access.ts';

export interface ReportConductOptions extends UseCaseOptions, WithIds {
  /** The form's values as the card sent them: clientId, whatHappened, occurredDate (YYYY-MM-DD from Input.Date, or typed TT.MM.JJJJ), occurredTime (HH:mm, optional), evidence. */
  input: Record<string, unknown>;
}

export type ReportConductResult = { outcome: 'invalid'; form: ConductFormModel } | { outcome: 'reported'; reportId: string; managerIds: string[]; received: ConductReceivedModel };

export async function reportConduct(options: ReportConductOptions): Promise<ReportConductResult> {
  const { db, now } = options;
  const timeZone = options.timeZone;
  const actor = requireActor(options.actor);
  if (!hasRole(actor, ['vpa'])) throw new AppError('CONDUCT_VPA_ONLY');
  // Absent on a card sent before form ids existed: such a submit works as it always did.
  const formId = parseFormId(options.input.formId);
  const v = validateConduct(options.input, now, timeZone);
  if (!v.ok) return { outcome: 'invalid', form: await conductForm({ db, actor, now, timeZone, values: v.values, fieldErrors: v.fieldErrors, formId }) };
  const draft = v.draft;

  try {
    return await report(options, actor, draft, formId);
  } catch (e) {
    // The same form submitted twice at once: the unique formId lets one through; the other answers with its report.
    if (formId && !isAppError(e) && isUniqueViolation(e)) {
      const made = await db.conductReport.findUnique({ where: { formId }, select: { id: true, reporterId: true } });
      if (made) return reportedAgain(db, made, actor.id, timeZone);
    }
    throw e;
  }
}

async function report(options: ReportConductOptions, actor: { id: string }, draft: ConductDraft, formId: string | undefined): Promise<ReportConductResult> {
  const { db, now } = options;
  const timeZone = options.timeZone;
  return db.$transaction(async (tx): Promise<ReportConductResult> => {
    // This form made its report already (the VPA clicked again): answer with it, before any other check.
    const made = formId ? await tx.conductReport.findUnique({ where: { formId }, select: { id: true, reporterId: true } }) : null;
    if (made) return reportedAgain(tx, made, actor.id, timeZone);
    const served = await tx.assignment.findFirst({ where: { clientId: draft.clientId, vpaId: actor.id, from: { lte: now } }, select: { id: true } });
    if (!served) throw new AppError('CONDUCT_NOT_YOUR_CLIENT', { detail: draft.clientId });
    const managers = await peopleWithRoles(tx, MANAGER_ROLES, [actor.id]);
    if (managers.length === 0) throw new AppError('CONDUCT_NO_MANAGER');

    const id = (options.newId ?? randomId)();
    const cards: ConductCard[] = managers.map((m) => ({ key: `conduct:${id}:manager:${m.id}`, personId: m.id }));
    await tx.conductReport.create({
      data: { id, formId: formId ?? null, clientId: draft.clientId, reporterId: actor.id, whatHappened: draft.whatHappened, occurredAt: draft.occurredAt, evidence: draft.evidence, urgent: true, cards: JSON.stringify(cards), createdAt: now },
    });
    await recordAudit(tx, { at: now, actorId: actor.id, action: 'conduct.reported', subjectType: 'conduct', subjectId: id, data: { clientId: draft.clientId, managers: managers.length } });
    const ctx = await loadConduct(tx, id, timeZone);
    for (const card of cards) {
      await enqueue(tx, { idempotencyKey: card.key, message: { mode: 'send', recipient: { type: 'person', personId: card.personId }, notice: { kind: 'conductReport', model: conductReportModel(ctx, card.personId) } }, now });
    }
    return { outcome: 'reported', reportId: id, managerIds: managers.map((m) => m.id), received: conductReceivedModel(ctx, managers.length) };
  });
}

/** The answer for a form that already made its report: the same confirmation, nothing new. */
async function reportedAgain(db: DbOrTx, made: { id: string; reporterId: string }, actorId: string, timeZone: string): Promise<ReportConductResult> {
  // A formId is random per form card; someone else's can only come from a forged card.
  if (made.reporterId !== actorId) throw new AppError('INVALID_PAYLOAD', { detail: `formId of another person's conduct report ${made.id}` });
  const ctx = await loadConduct(db, made.id, timeZone);
  return { outcome: 'reported', reportId: made.id, managerIds: ctx.cards.map((c) => c.personId), received: conductReceivedModel(ctx, ctx.cards.length) };
}
