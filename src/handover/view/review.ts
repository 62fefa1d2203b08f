// The community team's review card: the facts, the timeline and the three ways on (zurückspielen, klären
// lassen, Wechsel vorschlagen with the successor choice).
import type { HandoverReviewModel } from '../../notices/handover.ts';
import type { HandoverContext, SuccessorCandidate } from '../context.ts';
import { formatDate } from '../../time/format.ts';
import { ONBOARDING_EFFORTS } from '../labels.ts';
import { allows } from '../states.ts';
import { DEFAULT_CLARIFY_MESSAGE, DEFAULT_RETURN_MESSAGE } from './request.ts';
import { at, decisionView, facts, loaded, name, ref, timeline } from './shared.ts';

function outcomeText(ctx: HandoverContext): string | null {
  const r = ctx.request;
  if (r.status === 'returned' && r.returnedAt) return `Zurückgespielt von ${name(ctx.reviewer)} am ${at(ctx, r.returnedAt)}`;
  if (r.status === 'withdrawn' && r.withdrawnAt) return `Zurückgezogen von ${ctx.vpa.name} am ${at(ctx, r.withdrawnAt)}`;
  if (r.status === 'resolved' && r.clarificationAnsweredAt) return `Geklärt: ${ctx.vpa.name} behält den Kunden (${at(ctx, r.clarificationAnsweredAt)})`;
  if (r.clarificationAnswer === 'unresolved' && r.status === 'in_review' && r.clarificationNote) return `Nicht geklärt – Rückmeldung von ${ctx.vpa.name}: ${r.clarificationNote}`;
  if (r.decision) return decisionView(ctx).label;
  if (r.status === 'awaiting_approval' && r.proposedAt) return `Wechsel zu ${name(ctx.successor)} vorgeschlagen von ${name(ctx.reviewer)} am ${at(ctx, r.proposedAt)}`;
  return null;
}

function successorChoices(ctx: HandoverContext): { value: string; label: string }[] {
  const now = ctx.now.getTime();
  const absent = (c: SuccessorCandidate) =>
    !!c.absentFrom && c.absentFrom.getTime() <= now && (!c.absentUntil || c.absentUntil.getTime() >= now);
  return loaded(ctx.successorCandidates, 'successorCandidates')
    .map((c) => {
      const notes: string[] = [];
      if (absent(c)) notes.push(c.absentUntil ? `abwesend bis ${formatDate(c.absentUntil, ctx.timeZone)}` : 'abwesend');
      if (!c.takesNewClients) notes.push('nimmt keine neuen Kunden');
      return { value: c.id, label: notes.length ? `${c.name} (${notes.join(', ')})` : c.name, available: notes.length === 0 };
    })
    .sort((a, b) => Number(b.available) - Number(a.available) || a.label.localeCompare(b.label, 'de'))
    .slice(0, 100)
    .map(({ value, label }) => ({ value, label }));
}

export function reviewModel(ctx: HandoverContext): HandoverReviewModel {
  const r = ctx.request;
  const reviewable = allows(r.status, 'proposeSuccessor');
  return {
    ref: ref(ctx),
    facts: facts(ctx),
    reviewer: ctx.reviewer,
    timeline: timeline(ctx),
    mediationNote: r.mediationNote,
    followUpAtText: r.followUpAt ? formatDate(r.followUpAt, ctx.timeZone) : null,
    proposal: ctx.successor && r.onboardingEffort ? { successor: ctx.successor, onboardingEffort: r.onboardingEffort, refundCheck: r.refundCheck } : null,
    decision: r.decision || r.status === 'awaiting_approval' ? decisionView(ctx) : null,
    outcomeText: outcomeText(ctx),
    actions: { startReview: allows(r.status, 'startReview'), returnRequest: reviewable, requestClarification: allows(r.status, 'requestClarification'), proposeSuccessor: reviewable },
    defaults: { returnMessage: DEFAULT_RETURN_MESSAGE, clarifyMessage: DEFAULT_CLARIFY_MESSAGE },
    successorChoices: reviewable ? successorChoices(ctx) : [],
    onboardingEfforts: ONBOARDING_EFFORTS.map((e) => ({ value: e, label: e })),
  };
}
