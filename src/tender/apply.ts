// "bewerben": an invited VPA applies, once, while the tender is open and before its deadline. The wiki: if the
// client's last VPA applies, the task is always theirs, so their application awards it at once (whoever applied
// before). Otherwise the admin team sees the applicant on its card and awards later.
import { recordAudit } from '../audit/record.ts';
import { AppError } from '../errors/catalogue.ts';
import { requireActor } from '../people/access.ts';
import type { PlatformGateway } from '../platform/gateway.ts';
import { formatAt } from '../time/format.ts';
import { awardTo } from './award.ts';
import { loadTender, loadTenderRow } from './context.ts';
import type { TenderChange, TenderUseCaseOptions } from './start-tender.ts';
import { refreshCards, stateError } from './store.ts';

export interface ApplyToTenderOptions extends TenderUseCaseOptions {
  tenderId: string;
  gateway: PlatformGateway;
}

export interface ApplyToTenderResult extends TenderChange {
  /** True when the application awarded the task (the last VPA applied). */
  awarded: boolean;
}

export async function applyToTender(options: ApplyToTenderOptions): Promise<ApplyToTenderResult> {
  const { db, now, timeZone, rules, tenderId } = options;
  const actor = requireActor(options.actor);
  return db.$transaction(async (tx) => {
    const row = await loadTenderRow(tx, tenderId);
    const invite = await tx.tenderInvite.findUnique({ where: { tenderId_vpaId: { tenderId, vpaId: actor.id } }, select: { isLastVpa: true } });
    if (!invite) throw new AppError('TENDER_NOT_INVITED', { detail: `${actor.id} on ${tenderId}` });
    if (row.status !== 'open') throw await stateError(tx, row, 'apply', timeZone, false);
    if (row.deadline && now.getTime() >= row.deadline.getTime()) {
      throw new AppError('TENDER_DEADLINE_PASSED', { detail: tenderId, userMessage: `Die Frist für Bewerbungen ist ${formatAt(row.deadline, timeZone)} abgelaufen.` });
    }
    const applied = () => tx.tenderApplication.findUnique({ where: { tenderId_vpaId: { tenderId, vpaId: actor.id } }, select: { at: true } });
    const refuseTwice = (at: Date) => new AppError('TENDER_ALREADY_APPLIED', { detail: `${actor.id} on ${tenderId}`, userMessage: `Du hast dich bereits ${formatAt(at, timeZone)} auf diese Aufgabe beworben.` });
    const before = await applied();
    if (before) throw refuseTwice(before.at);
    // Bump the version first: it locks the tender row, so concurrent applications and awards run one after the
    // other (a double click that raced past the check above finds its twin's application now).
    const { count } = await tx.tender.updateMany({ where: { id: tenderId, status: 'open' }, data: { version: { increment: 1 } } });
    if (count === 0) throw await stateError(tx, await loadTenderRow(tx, tenderId), 'apply', timeZone, false);
    const twin = await applied();
    if (twin) throw refuseTwice(twin.at);
    await tx.tenderApplication.create({ data: { tenderId, vpaId: actor.id, at: now } });
    await recordAudit(tx, { at: now, actorId: actor.id, action: 'tender.applied', subjectType: 'tender', subjectId: tenderId, data: { isLastVpa: invite.isLastVpa } });

    const view = { now, timeZone, rules };
    const locked = await loadTenderRow(tx, tenderId);
    if (invite.isLastVpa) {
      const fresh = await awardTo(tx, locked, actor.id, null, options.gateway, view);
      return { tenderId, status: fresh.status, version: fresh.version, awardedToId: actor.id, awarded: true };
    }
    // Only the admin team's cards and the applicant's own invitation change.
    await refreshCards(tx, await loadTender(tx, tenderId), view, (card) => card.kind === 'tenderReview' || card.personId === actor.id);
    return { tenderId, status: locked.status, version: locked.version, awardedToId: null, awarded: false };
  });
}
