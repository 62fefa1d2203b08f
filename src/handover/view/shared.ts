// Parts every handover card shows: where the request stands, the facts the wiki asks to weigh, the timeline,
// the decision and the training state. Pure functions of a loaded HandoverContext; German display values here,
// once, so every card shows the same words.
import { AppError } from '../../errors/catalogue.ts';
import type { ChallengeView, HandoverDecisionView, HandoverFacts, HandoverRef, PersonInfo, TimelineEntry, TrainingView } from '../../notices/handover.ts';
import { CHALLENGES, isChallengeId } from '../challenges.ts';
import type { HandoverContext } from '../context.ts';
import { clientInfo } from '../../clients/client-info.ts';
import { formatDate, formatDateTime } from '../../time/format.ts';
import { serviceLength, vpaChangesLast12Months } from '../../assignments/history.ts';
import { HANDOVER_STATUS_LABELS, REASON_CATEGORY_LABELS, isHandoverStatus, isReasonCategory, yesNo } from '../labels.ts';
import { isOpenStatus } from '../states.ts';

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

export const at = (ctx: HandoverContext, d: Date) => formatDateTime(d, ctx.timeZone);

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
    vpaChanges12Months: r.vpaChanges12Months ?? vpaChangesLast12Months(ctx.assignments, ctx.now, { timeZone: ctx.timeZone, ignoreVpaIds: ctx.connyIds }),
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

export const name = (p: PersonInfo | null) => p?.name ?? 'unbekannt';

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

/** A card-specific part of the context (context.ts cardContext); missing means a wiring mistake, so it is loud. */
export function loaded<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new AppError('INTERNAL', { detail: `handover context: ${what} not loaded for this card` });
  return value;
}
