// "Umfrage starten" (admin team): the tender opens until the deadline and every invitee gets the task 1:1 with
// "bewerben". Invited are the eligible VPAs (src/tender/rules.ts: role vpa, not Conny, the competence, present,
// taking new clients) and ALWAYS the last VPA, even when they take no new clients. The last VPA is left out only
// when the admin gives a reason that is true (absent for long, or lacking the competence) with a note; a last VPA
// who cannot be offered the task (one of those is true) and no reason given is refused. Refusals change nothing.
import { recordAudit } from '../audit/record.ts';
import { connyIds } from '../assignments/last-vpa.ts';
import type { DbOrTx } from '../db/client.ts';
import { AppError } from '../errors/catalogue.ts';
import type { TenderLeaveOutReason } from '../notices/tender.ts';
import { hasRole, requireActor } from '../people/access.ts';
import type { UseCaseOptions } from '../use-case/options.ts';
import { loadTender, loadTenderRow, type TenderContext, type TrackedTenderCard } from './context.ts';
import { isEligible, lastVpaStanding, requiredCompetences, type TenderRules } from './rules.ts';
import { keyOf, refreshCards, send, stateError, trackCards, transition } from './store.ts';
import { inviteModel, LEAVE_OUT_SHORT, notOfferablePhrase } from './view.ts';

export const LEAVE_OUT_NOTE_MAX_LENGTH = 1000;

export interface TenderUseCaseOptions extends UseCaseOptions {
  /** config.inactivity. */
  rules: TenderRules;
}

export interface StartTenderOptions extends TenderUseCaseOptions {
  tenderId: string;
  /** The `version` the clicked card showed; an outdated card is refused (TENDER_STALE). */
  expectedVersion?: number;
  /** Applications are taken until this instant (see deadlineFromDate). */
  deadline: Date;
  /** Leave the last VPA out: only when absent for long or lacking the competence, with the admin's note. */
  leaveOutLastVpa?: { reason: TenderLeaveOutReason; note: string };
}

export interface TenderChange {
  tenderId: string;
  status: string;
  version: number;
  awardedToId: string | null;
}

interface Invitee {
  vpaId: string;
  isLastVpa: boolean;
}

/** Whom to invite, or the refusal. `leftOut` is what gets recorded about the last VPA. */
async function invitees(tx: DbOrTx, ctx: TenderContext, options: StartTenderOptions): Promise<{ invite: Invitee[]; leftOut: { reason: TenderLeaveOutReason; note: string } | null }> {
  const { now, rules } = options;
  const last = ctx.lastVpa;
  let leftOut: { reason: TenderLeaveOutReason; note: string } | null = null;
  let inviteLast = false;
  if (last) {
    const s = lastVpaStanding(last, ctx.task, now, rules);
    const n = last.name;
    const competence = ctx.task.competence.trim();
    if (s.isVpa) {
      const asked = options.leaveOutLastVpa;
      if (asked) {
        if (!s.leaveOutReasons.includes(asked.reason)) {
          const fact =
            asked.reason === 'absent'
              ? `${n} ist nicht länger abwesend.`
              : competence === ''
                ? 'Die Aufgabe verlangt keine besondere Kompetenz.'
                : `${n} hat die Kompetenz „${competence}“.`;
          throw new AppError('TENDER_LAST_VPA_REQUIRED', {
            detail: `leave out ${last.id} as ${asked.reason}`,
            userMessage: `${fact} Nicht einladen dürft ihr ${n} nur, wenn ${n} länger abwesend ist oder die Kompetenz fehlt.`,
          });
        }
        const note = asked.note.trim();
        if (note === '') throw new AppError('TENDER_INPUT_INVALID', { detail: 'leaveOutNote', userMessage: `Bitte schreibt eine kurze Notiz, warum ${n} nicht eingeladen wird.` });
        if (note.length > LEAVE_OUT_NOTE_MAX_LENGTH) throw new AppError('TENDER_INPUT_INVALID', { detail: 'leaveOutNote', userMessage: `Bitte fasst die Notiz kürzer (höchstens ${LEAVE_OUT_NOTE_MAX_LENGTH} Zeichen).` });
        leftOut = { reason: asked.reason, note };
      } else if (s.leaveOutReasons.length > 0) {
        const phrase = notOfferablePhrase(s.leaveOutReasons, competence);
        throw new AppError('TENDER_LAST_VPA_REASON_MISSING', {
          detail: `last VPA ${last.id}: ${s.leaveOutReasons.join(', ')}`,
          userMessage:
            `${n} ${phrase.ist} und kann die Aufgabe deshalb nicht angeboten bekommen. Bitte haltet beim Start der Umfrage fest, ` +
            `warum ${n} nicht eingeladen wird (${s.leaveOutReasons.map((r) => LEAVE_OUT_SHORT[r]).join(' oder ')}), mit einer Notiz.`,
        });
      } else {
        inviteLast = true;
      }
    }
  }
  const conny = await connyIds(tx);
  const vpas = await tx.person.findMany({
    where: { roles: { some: { role: 'vpa' } }, ...(last ? { id: { not: last.id } } : {}) },
    select: { id: true, name: true, absentFrom: true, absentUntil: true, competences: true, takesNewClients: true, roles: { select: { role: true } } },
    orderBy: [{ name: 'asc' }, { id: 'asc' }],
  });
  const eligible = vpas.map((p) => ({ ...p, roles: p.roles.map((r) => r.role) })).filter((p) => isEligible(p, ctx.task, now, conny));
  const invite: Invitee[] = [...(inviteLast && last ? [{ vpaId: last.id, isLastVpa: true }] : []), ...eligible.map((p) => ({ vpaId: p.id, isLastVpa: false }))];
  if (invite.length === 0) {
    const competence = requiredCompetences(ctx.task.competence).length > 0 ? ctx.task.competence.trim() : null;
    throw new AppError('TENDER_NO_INVITEES', {
      detail: `tender ${ctx.tender.id}`,
      userMessage: `Gerade kann niemand eingeladen werden: Kein VPA ${competence ? `hat die Kompetenz „${competence}“, ` : ''}ist anwesend und nimmt neue Kunden. Es wurde nichts gestartet.`,
    });
  }
  return { invite, leftOut };
}

export async function startTender(options: StartTenderOptions): Promise<TenderChange> {
  const { db, now, timeZone, rules, tenderId, deadline } = options;
  const actor = requireActor(options.actor);
  if (!hasRole(actor, ['admin'])) throw new AppError('TENDER_ADMIN_ONLY');
  return db.$transaction(async (tx) => {
    const row = await loadTenderRow(tx, tenderId);
    if (row.status !== 'review') throw await stateError(tx, row, 'start', timeZone, true);
    if (options.expectedVersion !== undefined && options.expectedVersion !== row.version) throw new AppError('TENDER_STALE', { detail: `card v${options.expectedVersion}, tender v${row.version}` });
    if (deadline.getTime() <= now.getTime()) throw new AppError('TENDER_INPUT_INVALID', { detail: 'deadline', userMessage: 'Die Frist muss in der Zukunft liegen.' });
    const { invite, leftOut } = await invitees(tx, await loadTender(tx, tenderId), options);

    const fresh = await transition(
      tx,
      row,
      ['review'],
      'start',
      { status: 'open', deadline, startedById: actor.id, startedAt: now, lastVpaLeftOut: leftOut?.reason ?? null, lastVpaLeftOutNote: leftOut?.note ?? null },
      timeZone,
      true,
    );
    await tx.tenderInvite.createMany({ data: invite.map((i) => ({ tenderId, vpaId: i.vpaId, isLastVpa: i.isLastVpa })) });
    await recordAudit(tx, {
      at: now,
      actorId: actor.id,
      action: 'tender.started',
      subjectType: 'tender',
      subjectId: tenderId,
      data: { invited: invite.length, lastVpaId: row.lastVpaId, lastVpaInvited: invite.some((i) => i.isLastVpa), lastVpaLeftOut: leftOut?.reason ?? null, deadline: deadline.toISOString() },
    });

    const ctx = await loadTender(tx, tenderId);
    const view = { now, timeZone, rules };
    await refreshCards(tx, ctx, view);
    const sent: TrackedTenderCard[] = [];
    for (const i of invite) {
      const key = keyOf(tenderId, 'invite', i.vpaId);
      await send(tx, key, { type: 'person', personId: i.vpaId }, { kind: 'tenderInvite', model: inviteModel(ctx, i.vpaId, view) }, now);
      sent.push({ key, kind: 'tenderInvite', personId: i.vpaId });
    }
    await trackCards(tx, tenderId, sent);
    return { tenderId, status: fresh.status, version: fresh.version, awardedToId: null };
  });
}
