// Pure builders of the handover view models from a loaded HandoverContext. German display values are computed
// here, once, so every card shows the same words.
import type {
  ChallengeView,
  HandoverApprovalModel,
  HandoverClarifyModel,
  HandoverCompletedModel,
  HandoverDecisionView,
  HandoverFacts,
  HandoverInformClientModel,
  HandoverRef,
  HandoverRejectedModel,
  HandoverReminderModel,
  HandoverReminderReason,
  HandoverReturnedModel,
  HandoverReviewModel,
  HandoverSubmittedModel,
  HandoverSuccessorModel,
  HandoverTrainingReminderModel,
  PersonInfo,
  TimelineEntry,
  TrackedHandoverKind,
  TrainingView,
} from '../notices/handover.ts';
import type { Notice } from '../notices/types.ts';
import { CHALLENGES, isChallengeId } from './challenges.ts';
import type { HandoverContext } from './context.ts';
import { clientInfo } from '../clients/client-info.ts';

export { clientInfo };
import { formatDate, formatDateTime } from '../time/format.ts';
import { serviceLength, vpaChangesLast12Months } from '../assignments/history.ts';
import {
  HANDOVER_STATUS_LABELS,
  ONBOARDING_EFFORTS,
  REASON_CATEGORY_LABELS,
  isHandoverStatus,
  isReasonCategory,
  yesNo,
} from './labels.ts';
import { allows, isOpenStatus } from './states.ts';

export const APPROVAL_TITLE = 'Anfrage von VPA: VPA Wechsel';

/** The wiki's template lines, in order. */
export const APPROVAL_TEMPLATE_LABELS = ['VPA', 'KUNDE (Klasse)', 'VPA Wechsel 12mon', 'Einarbeitungsaufwand', 'Grund', 'Nachfolger'] as const;

export const DEFAULT_RETURN_MESSAGE =
  'Danke für deine Anfrage. Wir haben sie uns genau angesehen und halten einen VPA-Wechsel im Moment nicht für sinnvoll: ' +
  'Ein Wechsel bedeutet für den Kunden oft Wissensverlust, Vertrauensverlust und zusätzlichen Aufwand, und ein anderer VPA ' +
  'hätte mit ihm die gleichen Probleme. Bitte betreue den Kunden weiterhin – wenn es Schwierigkeiten gibt, unterstützen wir dich gern.';

export const DEFAULT_CLARIFY_MESSAGE =
  'Bitte sprich die Probleme zunächst selbst beim Kunden an und versucht, sie gemeinsam zu klären. Wir nehmen deine Situation ' +
  'und deine Bedenken ernst und unterstützen dich dabei – wenn du möchtest, vermitteln wir auch zwischen dir und dem Kunden. ' +
  'Sag uns bitte Bescheid, wie das Gespräch gelaufen ist.';


export function statusLabel(status: string): string {
  return isHandoverStatus(status) ? HANDOVER_STATUS_LABELS[status] : status;
}

export function reasonCategoryLabel(category: string): string {
  return isReasonCategory(category) ? REASON_CATEGORY_LABELS[category] : category;
}

export function challengeViews(json: string): ChallengeView[] {
  let ids: unknown;
  try {
    ids = JSON.parse(json);
  } catch {
    ids = [];
  }
  if (!Array.isArray(ids)) return [];
  return ids.filter((id): id is string => typeof id === 'string' && isChallengeId(id)).map((id) => {
    const c = CHALLENGES[id as keyof typeof CHALLENGES];
    return { id: c.id, title: c.title, text: c.text };
  });
}

const at = (ctx: HandoverContext, d: Date) => formatDateTime(d, ctx.timeZone);

export function ref(ctx: HandoverContext): HandoverRef {
  const r = ctx.request;
  return {
    requestId: r.id,
    version: r.version,
    status: r.status,
    statusLabel: statusLabel(r.status),
    open: isOpenStatus(r.status),
    withdrawn: r.status === 'withdrawn',
    withdrawnText: r.withdrawnAt ? `Zurückgezogen von ${ctx.vpa.name} am ${at(ctx, r.withdrawnAt)}` : null,
  };
}

export function facts(ctx: HandoverContext): HandoverFacts {
  const r = ctx.request;
  const service = serviceLength(ctx.assignments, r.vpaId, ctx.now, ctx.timeZone);
  return {
    client: clientInfo(ctx.client),
    vpa: ctx.vpa,
    serviceLengthText: service?.text ?? null,
    serviceSinceText: service?.sinceText ?? null,
    // Frozen at the proposal (what the managers were shown); live before that.
    vpaChanges12Months: r.vpaChanges12Months ?? vpaChangesLast12Months(ctx.assignments, ctx.now, { timeZone: ctx.timeZone }),
    lastTaskText: ctx.lastTaskAt ? formatDate(ctx.lastTaskAt, ctx.timeZone) : null,
    reasonCategory: r.reasonCategory,
    reasonCategoryLabel: reasonCategoryLabel(r.reasonCategory),
    reason: r.reason,
    measures: r.measures,
    clientWantsTraining: r.clientWantsTraining,
    clientWantsTrainingLabel: yesNo(r.clientWantsTraining),
    successorNotes: r.successorNotes,
    challenges: challengeViews(r.challenges),
    flaggedForCommunity: r.flaggedForCommunity,
    submittedAtText: at(ctx, r.submittedAt),
  };
}

const name = (p: PersonInfo | null) => p?.name ?? 'unbekannt';

function stepText(ctx: HandoverContext, action: string, actor: PersonInfo | null): string | null {
  const r = ctx.request;
  switch (action) {
    case 'handover.submitted':
      return `Eingereicht von ${name(actor)}${r.flaggedForCommunity ? ' (mit Hinweisen aus dem Wiki)' : ''}`;
    case 'handover.review_started':
      return `Prüfung übernommen von ${name(actor)}`;
    case 'handover.returned':
      return `Zurückgespielt von ${name(actor)}`;
    case 'handover.clarification_requested':
      return `Klärung mit dem Kunden erbeten von ${name(actor)}`;
    case 'handover.successor_proposed':
      return `Wechsel zu ${name(ctx.successor)} vorgeschlagen von ${name(actor)}`;
    case 'handover.approved':
      return `Freigegeben von ${name(actor)}`;
    case 'handover.rejected':
      return `Abgelehnt von ${name(actor)}`;
    case 'handover.withdrawn':
      return `Zurückgezogen von ${name(actor)}`;
    case 'handover.training_given':
      return `Einarbeitung erfolgt (bestätigt von ${name(actor)})`;
    case 'handover.training_received':
      return `Einarbeitung erhalten (bestätigt von ${name(actor)})`;
    case 'handover.completed':
      return `Übergabe abgeschlossen: ${name(ctx.successor)} betreut den Kunden`;
    case 'handover.resolved':
      return `Geklärt – ${name(actor)} behält den Kunden`;
    case 'handover.clarification_failed':
      return `Nicht geklärt (Rückmeldung von ${name(actor)})`;
    case 'handover.client_informed':
      return `Kunde informiert (bestätigt von ${name(actor)})`;
    case 'handover.completion_failed':
      return 'Zuordnung konnte nicht geändert werden';
    case 'handover.cancelled':
      return `Abgebrochen von ${name(actor)}`;
    default:
      return null;
  }
}

export function timeline(ctx: HandoverContext): TimelineEntry[] {
  const out: TimelineEntry[] = [];
  for (const s of ctx.steps) {
    const text = stepText(ctx, s.action, s.actor);
    if (text) out.push({ atText: at(ctx, s.at), text });
  }
  return out;
}

export function decisionView(ctx: HandoverContext): HandoverDecisionView {
  const r = ctx.request;
  if (r.decision && r.decidedAt) {
    const approved = r.decision === 'approved';
    return {
      state: approved ? 'approved' : 'rejected',
      label: `${approved ? 'Freigegeben' : 'Abgelehnt'} von ${name(ctx.decidedBy)} am ${at(ctx, r.decidedAt)}`,
      byName: name(ctx.decidedBy),
      atText: at(ctx, r.decidedAt),
      rejectionReason: r.rejectionReason,
    };
  }
  if (r.status === 'withdrawn' && r.withdrawnAt) {
    return { state: 'withdrawn', label: `Zurückgezogen von ${ctx.vpa.name} am ${at(ctx, r.withdrawnAt)}`, byName: ctx.vpa.name, atText: at(ctx, r.withdrawnAt), rejectionReason: null };
  }
  return { state: 'pending', label: 'Wartet auf Freigabe durch einen VPA-Manager oder Kundenmanager', byName: null, atText: null, rejectionReason: null };
}

export function trainingView(ctx: HandoverContext): TrainingView {
  const r = ctx.request;
  const given = r.trainingGivenAt ? at(ctx, r.trainingGivenAt) : null;
  const received = r.trainingReceivedAt ? at(ctx, r.trainingReceivedAt) : null;
  const completed = r.status === 'completed';
  const completedAtText = r.completedAt ? at(ctx, r.completedAt) : null;
  const wanted = trainingWanted(ctx);
  let text: string;
  if (!r.clientInformedAt && r.status === 'approved') text = `Noch offen: Der VPA informiert den Kunden und klärt, ob er eine Einarbeitung wünscht (laut Anfrage: ${yesNo(r.clientWantsTraining)}).`;
  else if (!wanted) text = 'Der Kunde wünscht keine Einarbeitung.';
  else if (given && received) text = `Einarbeitung abgeschlossen (erfolgt am ${given}, erhalten am ${received}).`;
  else if (given) text = `Einarbeitung erfolgt am ${given} – die Bestätigung von ${name(ctx.successor)} fehlt noch.`;
  else if (received) text = `${name(ctx.successor)} hat die Einarbeitung am ${received} bestätigt – die Bestätigung von ${ctx.vpa.name} fehlt noch.`;
  else if (completed) text = 'Die Übergabe wurde ohne Bestätigung der Einarbeitung abgeschlossen.';
  else text = 'Einarbeitung: noch offen.';
  return { wanted, givenAtText: given, receivedAtText: received, completed, completedAtText, text };
}

/** The client's wish as recorded at "Kunde informiert"; before that the form's answer. */
export function trainingWanted(ctx: Pick<HandoverContext, 'request'>): boolean {
  return ctx.request.trainingWanted ?? ctx.request.clientWantsTraining;
}

/** The parts of a context the next-step text needs (status lists build it without a full context). */
export type StepParties = Pick<HandoverContext, 'request' | 'vpa' | 'reviewer' | 'successor'>;

/** What happens next. `vpa`: addressed to the requesting VPA; `other`: neutral, for status lists. */
export function nextStepText(ctx: StepParties, audience: 'vpa' | 'other'): string {
  const r = ctx.request;
  const you = audience === 'vpa';
  switch (r.status) {
    case 'submitted':
      return you ? 'Das Community-Team sieht sich deine Anfrage an und meldet sich bei dir.' : 'Wartet auf die Prüfung durch das Community-Team.';
    case 'in_review':
      return `${name(ctx.reviewer)} prüft ${you ? 'deine' : 'die'} Anfrage.`;
    case 'clarifying':
      return you
        ? `Bitte sprich die Probleme zunächst selbst beim Kunden an; ${name(ctx.reviewer)} begleitet die Klärung.`
        : `${ctx.vpa.name} klärt die Probleme mit dem Kunden; ${name(ctx.reviewer)} begleitet die Klärung.`;
    case 'awaiting_approval':
      return `Ein VPA-Manager oder Kundenmanager entscheidet über den Wechsel zu ${name(ctx.successor)}.`;
    case 'approved':
      if (r.completionError) return `Die Zuordnung konnte nicht geändert werden: ${r.completionError} Ein Manager schließt die Übergabe ab oder bricht sie ab.`;
      if (!r.clientInformedAt) return you ? 'Bitte informiere den Kunden über den Wechsel und bestätige „Kunde informiert“.' : `${ctx.vpa.name} informiert den Kunden über den Wechsel.`;
      if (!r.trainingGivenAt) return you ? `Bitte arbeite ${name(ctx.successor)} ein und bestätige „Einarbeitung erfolgt“.` : `${ctx.vpa.name} arbeitet ${name(ctx.successor)} ein.`;
      return `Die Bestätigung der Einarbeitung durch ${name(ctx.successor)} fehlt noch.`;
    case 'resolved':
      return you ? 'Du hast die Probleme mit dem Kunden geklärt und betreust ihn weiter.' : `Geklärt; ${ctx.vpa.name} betreut den Kunden weiterhin.`;
    case 'cancelled':
      return you ? 'Die Übergabe wurde abgebrochen; bitte betreue den Kunden weiterhin.' : `Abgebrochen; ${ctx.vpa.name} betreut den Kunden weiterhin.`;
    case 'completed':
      return `${name(ctx.successor)} betreut den Kunden jetzt.`;
    case 'returned':
      return you ? 'Bitte betreue den Kunden weiterhin.' : `${ctx.vpa.name} betreut den Kunden weiterhin.`;
    case 'rejected':
      return you ? 'Der Wechsel wurde abgelehnt; bitte betreue den Kunden weiterhin.' : `Abgelehnt; ${ctx.vpa.name} betreut den Kunden weiterhin.`;
    case 'withdrawn':
      return you ? 'Du hast die Anfrage zurückgezogen.' : `${ctx.vpa.name} hat die Anfrage zurückgezogen.`;
    default:
      return '';
  }
}

export function submittedModel(ctx: HandoverContext): HandoverSubmittedModel {
  return { ref: ref(ctx), facts: facts(ctx), timeline: timeline(ctx), nextStepText: nextStepText(ctx, 'vpa'), actions: { withdraw: allows(ctx.request.status, 'withdraw') } };
}

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
  const absent = (c: HandoverContext['successorCandidates'][number]) =>
    !!c.absentFrom && c.absentFrom.getTime() <= now && (!c.absentUntil || c.absentUntil.getTime() >= now);
  return ctx.successorCandidates
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
    actions: { startReview: allows(r.status, 'startReview'), returnRequest: reviewable, requestClarification: reviewable, proposeSuccessor: reviewable },
    defaults: { returnMessage: DEFAULT_RETURN_MESSAGE, clarifyMessage: DEFAULT_CLARIFY_MESSAGE },
    successorChoices: reviewable ? successorChoices(ctx) : [],
    onboardingEfforts: ONBOARDING_EFFORTS.map((e) => ({ value: e, label: e })),
  };
}

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
    managerTeamsUserIds: ctx.managerTeamsUserIds,
  };
}

function closedText(ctx: HandoverContext): string | null {
  const r = ctx.request;
  if (!r.closedById || !r.closeReason) return null;
  const by = ctx.steps.findLast((s) => s.action === 'handover.cancelled' || s.action === 'handover.completed')?.actor;
  const verb = r.status === 'cancelled' ? 'Abgebrochen' : 'Abgeschlossen';
  return `${verb} von ${name(by ?? null)}: ${r.closeReason}`;
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

export function howToInform(ctx: HandoverContext): string[] {
  const successor = name(ctx.successor);
  const lines = [
    `Informiere ${ctx.client.name} bitte selbst und persönlich über den Wechsel – am besten auf eurem gewohnten Weg (Chat oder Telefon), bevor sich ${successor} meldet.`,
    `Stelle ${successor} als neuen VPA vor und nenne den Zeitpunkt der Übergabe.`,
    'Erkläre den Grund kurz, sachlich und wertschätzend, und sag dazu, dass die Betreuung nahtlos weitergeht.',
  ];
  lines.push('Frag den Kunden, ob er eine umfassende Einarbeitung von ' + successor + ' durch dich wünscht, und bestätige dann „Kunde informiert“ mit seiner Antwort.');
  lines.push(`Wünscht er eine Einarbeitung, arbeite ${successor} umfassend ein (laufende Aufgaben, Zugänge, Gepflogenheiten des Kunden) und bestätige danach „Einarbeitung erfolgt“. Bis zur Übergabe bist du weiter für den Kunden da.`);
  return lines;
}

export function informClientModel(ctx: HandoverContext): HandoverInformClientModel {
  const r = ctx.request;
  return {
    ref: ref(ctx),
    client: clientInfo(ctx.client),
    successor: ctx.successor ?? { id: '', name: 'unbekannt' },
    decidedBy: ctx.decidedBy ?? { id: '', name: 'unbekannt' },
    decidedAtText: r.decidedAt ? at(ctx, r.decidedAt) : '',
    howToInform: howToInform(ctx),
    training: trainingView(ctx),
    informed: { done: !!r.clientInformedAt, atText: r.clientInformedAt ? at(ctx, r.clientInformedAt) : null, trainingWantedDefault: trainingWanted(ctx) },
    actions: {
      confirmClientInformed: r.status === 'approved' && !r.clientInformedAt,
      confirmTrainingGiven: r.status === 'approved' && !!r.clientInformedAt && trainingWanted(ctx) && !r.trainingGivenAt,
    },
  };
}

export function successorModel(ctx: HandoverContext): HandoverSuccessorModel {
  const r = ctx.request;
  return {
    ref: ref(ctx),
    client: clientInfo(ctx.client),
    previousVpa: ctx.vpa,
    successorNotes: r.successorNotes,
    onboardingEffort: r.onboardingEffort ?? '–',
    trainingIntro: !r.clientInformedAt
      ? `${ctx.vpa.name} informiert den Kunden jetzt über den Wechsel und klärt, ob er eine Einarbeitung wünscht. Du bekommst Bescheid.`
      : trainingWanted(ctx)
        ? `Der Kunde wünscht eine Einarbeitung durch ${ctx.vpa.name}. Bitte bestätige, sobald du sie erhalten hast.`
        : 'Der Kunde wünscht keine Einarbeitung; du betreust ihn ab der Übergabe.',
    training: trainingView(ctx),
    actions: { confirmTrainingReceived: r.status === 'approved' && !!r.clientInformedAt && trainingWanted(ctx) && !r.trainingReceivedAt },
  };
}

export function trainingReminderModel(ctx: HandoverContext, step: 'given' | 'received'): HandoverTrainingReminderModel {
  const r = ctx.request;
  const successor = ctx.successor ?? { id: '', name: 'unbekannt' };
  const text =
    step === 'given'
      ? `Der Wechsel von ${ctx.client.name} zu ${successor.name} ist freigegeben. Bitte arbeite ${successor.name} ein und bestätige danach „Einarbeitung erfolgt“.`
      : `${ctx.vpa.name} hat die Einarbeitung für ${ctx.client.name} als erfolgt bestätigt. Bitte bestätige, dass du sie erhalten hast – dann wird der Kunde dir zugeordnet.`;
  const open = r.status === 'approved' && !!r.clientInformedAt && trainingWanted(ctx);
  return {
    ref: ref(ctx),
    client: clientInfo(ctx.client),
    step,
    otherPerson: step === 'given' ? successor : ctx.vpa,
    text,
    training: trainingView(ctx),
    actions: { confirmTrainingGiven: step === 'given' && open && !r.trainingGivenAt, confirmTrainingReceived: step === 'received' && open && !r.trainingReceivedAt },
  };
}

export function reminderModel(ctx: HandoverContext, reason: HandoverReminderReason, since: Date, workingDays: number): HandoverReminderModel {
  const r = ctx.request;
  const client = clientInfo(ctx.client);
  const days = `${workingDays} ${workingDays === 1 ? 'Arbeitstag' : 'Arbeitstagen'}`;
  const successor = name(ctx.successor);
  const open = r.status === 'approved' && !r.clientInformedAt ? '„Kunde informiert“' : !r.trainingGivenAt ? '„Einarbeitung erfolgt“' : '„Einarbeitung erhalten“';
  const texts: Record<HandoverReminderReason, [string, string]> = {
    review: ['Abgabe-Anfrage wartet auf Prüfung', `Die Anfrage von ${ctx.vpa.name} zur Abgabe von ${client.nameWithClass} wartet seit ${days} auf eine Prüfung durch das Community-Team.`],
    decision: ['Freigabe ausstehend', `Der vorgeschlagene VPA-Wechsel für ${client.nameWithClass} (${ctx.vpa.name} → ${successor}) wartet seit ${days} auf eine Entscheidung.`],
    followUp: ['Wiedervorlage: Klärung mit dem Kunden', `Heute ist die Wiedervorlage für die Klärung zwischen ${ctx.vpa.name} und ${client.nameWithClass}. Bitte frag nach, wie es steht, und entscheide über den weiteren Weg.`],
    clarificationResolved: ['Geklärt: der VPA behält den Kunden', `${ctx.vpa.name} hat die Probleme mit ${client.nameWithClass} geklärt und betreut den Kunden weiter. Die Anfrage ist abgeschlossen.`],
    clarificationUnresolved: ['Nicht geklärt: die Anfrage liegt wieder bei dir', `${ctx.vpa.name} konnte die Probleme mit ${client.nameWithClass} nicht klären. Bitte sieh dir die Rückmeldung an und entscheide über den weiteren Weg.`],
    inform: ['Bitte informiere den Kunden', `Der Wechsel von ${client.nameWithClass} zu ${successor} ist seit ${days} freigegeben. Bitte informiere den Kunden und bestätige „Kunde informiert“.`],
    trainingGiven: ['Einarbeitung noch nicht bestätigt', `Bitte arbeite ${successor} für ${client.nameWithClass} ein und bestätige danach „Einarbeitung erfolgt“.`],
    trainingReceived: ['Erhalt der Einarbeitung noch nicht bestätigt', `${ctx.vpa.name} hat die Einarbeitung für ${client.nameWithClass} bestätigt. Bitte bestätige, dass du sie erhalten hast.`],
    stepOverdueManagers: ['Übergabe stockt', `Die freigegebene Übergabe von ${client.nameWithClass} (${ctx.vpa.name} → ${successor}) wartet trotz Erinnerung auf ${open}. Bitte hakt nach – oder schließt die Übergabe ab bzw. brecht sie ab.`],
    completionFailed: ['Übergabe konnte nicht abgeschlossen werden', `Die Zuordnung von ${client.nameWithClass} konnte nicht zu ${successor} wechseln. ${r.completionError ?? ''} Bitte schließt die Übergabe ab oder brecht sie ab.`.trim()],
    cancelled: ['Übergabe abgebrochen', `Die Übergabe von ${client.nameWithClass} an ${successor} wurde abgebrochen. ${ctx.vpa.name} betreut den Kunden weiterhin.`],
  };
  const [title, text] = texts[reason];
  const forManagers = reason === 'stepOverdueManagers' || reason === 'completionFailed';
  return {
    ref: ref(ctx),
    reason,
    title,
    text,
    client,
    vpa: ctx.vpa,
    reasonCategoryLabel: reasonCategoryLabel(r.reasonCategory),
    sinceText: `seit ${at(ctx, since)}`,
    mediationNote: reason === 'followUp' || reason === 'clarificationUnresolved' ? r.mediationNote : null,
    note: reason === 'clarificationUnresolved' ? r.clarificationNote : reason === 'cancelled' ? r.closeReason : null,
    closeActions: forManagers && allows(r.status, 'complete'),
  };
}

export function completedModel(ctx: HandoverContext, audience: 'vpa' | 'successor'): HandoverCompletedModel {
  const successor = ctx.successor ?? { id: '', name: 'unbekannt' };
  const completedAtText = ctx.request.completedAt ? at(ctx, ctx.request.completedAt) : '';
  const text =
    audience === 'vpa'
      ? `Die Übergabe von ${ctx.client.name} an ${successor.name} ist abgeschlossen. Danke für die Einarbeitung.`
      : `Die Übergabe ist abgeschlossen: Du betreust ${ctx.client.name} (${ctx.client.class}) ab jetzt.`;
  return { ref: ref(ctx), client: clientInfo(ctx.client), previousVpa: ctx.vpa, successor, completedAtText, audience, text };
}

/** The current model of a tracked card, for its in-place update. */
export function trackedNotice(kind: TrackedHandoverKind, ctx: HandoverContext, step?: 'given' | 'received'): Notice {
  switch (kind) {
    case 'handoverSubmitted':
      return { kind, model: submittedModel(ctx) };
    case 'handoverReview':
      return { kind, model: reviewModel(ctx) };
    case 'handoverApproval':
      return { kind, model: approvalModel(ctx) };
    case 'handoverClarify':
      return { kind, model: clarifyModel(ctx) };
    case 'handoverInformClient':
      return { kind, model: informClientModel(ctx) };
    case 'handoverSuccessor':
      return { kind, model: successorModel(ctx) };
    case 'handoverTrainingReminder':
      return { kind, model: trainingReminderModel(ctx, step ?? 'given') };
  }
}
