// The VPA's cards about their request: submitted (where it stands), returned, clarify, rejected.
import type { HandoverClarifyModel, HandoverRejectedModel, HandoverReturnedModel, HandoverSubmittedModel } from '../../notices/handover.ts';
import type { HandoverContext } from '../context.ts';
import { clientInfo } from '../../clients/client-info.ts';
import { formatDate } from '../../time/format.ts';
import { allows } from '../states.ts';
import { at, facts, nextStepText, ref, timeline } from './shared.ts';

export const DEFAULT_RETURN_MESSAGE =
  'Danke für deine Anfrage. Wir haben sie uns genau angesehen und halten einen VPA-Wechsel im Moment nicht für sinnvoll: ' +
  'Ein Wechsel bedeutet für den Kunden oft Wissensverlust, Vertrauensverlust und zusätzlichen Aufwand, und ein anderer VPA ' +
  'hätte mit ihm die gleichen Probleme. Bitte betreue den Kunden weiterhin – wenn es Schwierigkeiten gibt, unterstützen wir dich gern.';

export const DEFAULT_CLARIFY_MESSAGE =
  'Bitte sprich die Probleme zunächst selbst beim Kunden an und versucht, sie gemeinsam zu klären. Wir nehmen deine Situation ' +
  'und deine Bedenken ernst und unterstützen dich dabei – wenn du möchtest, vermitteln wir auch zwischen dir und dem Kunden. ' +
  'Sag uns bitte Bescheid, wie das Gespräch gelaufen ist.';


export function submittedModel(ctx: HandoverContext): HandoverSubmittedModel {
  return { ref: ref(ctx), facts: facts(ctx), timeline: timeline(ctx), nextStepText: nextStepText(ctx, 'vpa'), actions: { withdraw: allows(ctx.request.status, 'withdraw') } };
}

export function keepSupportingText(ctx: HandoverContext): string {
  return `Bitte betreue ${ctx.client.name} (${ctx.client.class}) weiterhin.`;
}

export function returnedModel(ctx: HandoverContext): HandoverReturnedModel {
  return {
    ref: ref(ctx),
    client: clientInfo(ctx.client),
    reviewer: ctx.reviewer ?? { id: '', name: 'Community-Team' },
    message: ctx.request.returnMessage ?? DEFAULT_RETURN_MESSAGE,
    keepSupportingText: keepSupportingText(ctx),
  };
}

export function clarifyModel(ctx: HandoverContext): HandoverClarifyModel {
  const r = ctx.request;
  return {
    ref: ref(ctx),
    client: clientInfo(ctx.client),
    reviewer: ctx.reviewer ?? { id: '', name: 'Community-Team' },
    message: r.clarifyMessage ?? DEFAULT_CLARIFY_MESSAGE,
    mediation: !!r.mediationNote,
    followUpText: r.followUpAt ? `Wir melden uns spätestens am ${formatDate(r.followUpAt, ctx.timeZone)} wieder bei dir.` : null,
    answerText: r.clarificationAnswer === 'resolved' ? 'Du hast gemeldet: geklärt, du behältst den Kunden.' : r.clarificationAnswer === 'unresolved' ? `Du hast gemeldet: nicht geklärt – ${r.clarificationNote ?? ''}`.trim() : null,
    actions: { withdraw: allows(r.status, 'withdraw'), answer: allows(r.status, 'answerClarification') },
  };
}

export function rejectedModel(ctx: HandoverContext): HandoverRejectedModel {
  const r = ctx.request;
  return {
    ref: ref(ctx),
    client: clientInfo(ctx.client),
    decidedBy: ctx.decidedBy ?? { id: '', name: 'unbekannt' },
    decidedAtText: r.decidedAt ? at(ctx, r.decidedAt) : '',
    rejectionReason: r.rejectionReason ?? '',
    keepSupportingText: keepSupportingText(ctx),
  };
}
