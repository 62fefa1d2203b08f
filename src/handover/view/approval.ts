// The approval request in the wiki's template (VPA · KUNDE (Klasse) · VPA Wechsel 12mon · Einarbeitungsaufwand ·
// Grund · Nachfolger), for the `freigabe` channel and the managers.
import type { HandoverApprovalModel } from '../../notices/handover.ts';
import type { HandoverContext } from '../context.ts';
import { allows } from '../states.ts';
import { at, decisionView, facts, loaded, name, ref } from './shared.ts';

export const APPROVAL_TITLE = 'Anfrage von VPA: VPA Wechsel';

/** The wiki's template lines, in order. */
export const APPROVAL_TEMPLATE_LABELS = ['VPA', 'KUNDE (Klasse)', 'VPA Wechsel 12mon', 'Einarbeitungsaufwand', 'Grund', 'Nachfolger'] as const;

export function approvalModel(ctx: HandoverContext): HandoverApprovalModel {
  const r = ctx.request;
  const f = facts(ctx);
  const effort = r.onboardingEffort ?? '–';
  const template = [
    { label: 'VPA', value: ctx.vpa.name },
    { label: 'KUNDE (Klasse)', value: f.client.nameWithClass },
    { label: 'VPA Wechsel 12mon', value: String(f.vpaChanges12Months) },
    { label: 'Einarbeitungsaufwand', value: r.refundCheck ? `${effort} (Erstattung prüfen)` : effort },
    { label: 'Grund', value: r.caseSummary ?? `${f.reasonCategoryLabel}: ${r.reason}` },
    { label: 'Nachfolger', value: name(ctx.successor) },
  ];
  const extra = [
    { label: 'Begründung des VPA', value: `${f.reasonCategoryLabel}: ${r.reason}` },
    { label: 'Kundennummer', value: f.client.number },
    { label: 'Aufgaben', value: f.client.workTypeLabel },
    { label: 'Betreut seit', value: f.serviceSinceText ? `${f.serviceSinceText} (${f.serviceLengthText})` : '–' },
    { label: 'Einarbeitung gewünscht', value: f.clientWantsTrainingLabel },
    { label: 'Maßnahmen', value: r.measures || '–' },
  ];
  if (f.challenges.length) extra.push({ label: 'Hinweise aus dem Wiki', value: f.challenges.map((c) => c.title).join(', ') });
  return {
    ref: ref(ctx),
    title: APPROVAL_TITLE,
    template,
    facts: extra,
    refundCheck: r.refundCheck,
    proposedBy: ctx.reviewer,
    proposedAtText: r.proposedAt ? at(ctx, r.proposedAt) : null,
    decision: decisionView(ctx),
    decidable: allows(r.status, 'decide'),
    closable: allows(r.status, 'complete'),
    completionError: r.status === 'approved' ? r.completionError : null,
    closedText: closedText(ctx),
    managerTeamsUserIds: loaded(ctx.managerTeamsUserIds, 'managerTeamsUserIds'),
  };
}

function closedText(ctx: HandoverContext): string | null {
  const r = ctx.request;
  if (!r.closedById || !r.closeReason) return null;
  const by = ctx.steps.findLast((s) => s.action === 'handover.cancelled' || s.action === 'handover.completed')?.actor;
  const verb = r.status === 'cancelled' ? 'Abgebrochen' : 'Abgeschlossen';
  return `${verb} von ${name(by ?? null)}: ${r.closeReason}`;
}
