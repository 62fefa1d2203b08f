// View models of the tender's cards, from a loaded tender (src/tender/context.ts). German texts live here.
import { clientInfo } from '../clients/client-info.ts';
import type { ChoiceOption } from '../notices/common.ts';
import type {
  TenderApplicantView,
  TenderCancellationView,
  TenderDeadlineModel,
  TenderInviteModel,
  TenderInviteState,
  TenderLastVpaView,
  TenderLeaveOutReason,
  TenderListItem,
  TenderResultModel,
  TenderReviewModel,
  TenderStatus,
  TenderTaskView,
} from '../notices/tender.ts';
import { formatDate, formatDateTime, formatIsoDate } from '../time/format.ts';
import type { TenderContext } from './context.ts';
import { defaultDeadlineDate, lastVpaStanding, type TenderRules } from './rules.ts';

export const TENDER_STATUS_LABELS: Record<TenderStatus, string> = {
  review: 'Wartet auf den Start der Umfrage',
  open: 'Umfrage läuft',
  awarded: 'Vergeben',
  cancelled: 'Abgebrochen',
};

/** For the choice on the card. */
export const LEAVE_OUT_LABELS: Record<TenderLeaveOutReason, string> = { absent: 'abwesend (länger)', competence: 'fehlende Kompetenz' };
/** For sentences ("… warum X nicht eingeladen wird (abwesend)"). */
export const LEAVE_OUT_SHORT: Record<TenderLeaveOutReason, string> = { absent: 'abwesend', competence: 'fehlende Kompetenz' };

export interface ViewOptions {
  now: Date;
  timeZone: string;
  rules: TenderRules;
}

export function taskView(ctx: TenderContext, timeZone: string): TenderTaskView {
  const competence = ctx.task.competence.trim();
  return { title: ctx.task.title.trim() || '(ohne Titel)', competence: competence === '' ? null : competence, createdAtText: formatDateTime(ctx.task.createdAt, timeZone) };
}

function isLeaveOutReason(v: string | null): v is TenderLeaveOutReason {
  return v === 'absent' || v === 'competence';
}

function absenceText(p: { absentFrom: Date | null; absentUntil: Date | null }, absentNow: boolean, timeZone: string): string | null {
  if (!absentNow || !p.absentFrom) return null;
  const from = formatDate(p.absentFrom, timeZone);
  return p.absentUntil ? `abwesend vom ${from} bis ${formatDate(p.absentUntil, timeZone)}` : `abwesend seit ${from}, ohne Enddatum`;
}

function lastVpaView(ctx: TenderContext, o: ViewOptions): TenderLastVpaView | null {
  const p = ctx.lastVpa;
  if (!p) return null;
  const s = lastVpaStanding(p, ctx.task, o.now, o.rules);
  const leftOut = isLeaveOutReason(ctx.tender.lastVpaLeftOut) ? { reasonLabel: LEAVE_OUT_SHORT[ctx.tender.lastVpaLeftOut], note: ctx.tender.lastVpaLeftOutNote ?? '' } : null;
  const applied = ctx.applications.find((a) => a.person.id === p.id);
  return {
    person: { id: p.id, name: p.name },
    isVpa: s.isVpa,
    absentNow: s.absentNow,
    absentLong: s.absentLong,
    absenceText: absenceText(p, s.absentNow, o.timeZone),
    takesNewClients: p.takesNewClients,
    hasCompetence: s.hasCompetence,
    leaveOutReasons: ctx.status === 'review' && s.isVpa ? s.leaveOutReasons.map((r) => ({ value: r, label: LEAVE_OUT_LABELS[r] })) : [],
    invited: ctx.status === 'review' ? null : ctx.invites.some((i) => i.person.id === p.id),
    leftOut,
    appliedAtText: applied ? formatDateTime(applied.at, o.timeZone) : null,
  };
}

/** Why the last VPA cannot be offered the task, as the end of "X ist …" / "X …" ("länger abwesend und ohne …"). */
export function notOfferablePhrase(reasons: readonly TenderLeaveOutReason[], competence: string): { ist: string; aber: string } {
  const absent = reasons.includes('absent');
  const comp = reasons.includes('competence');
  if (absent && comp) return { ist: `ist länger abwesend und ohne die Kompetenz „${competence}“`, aber: `ist aber länger abwesend und hat die Kompetenz „${competence}“ nicht` };
  if (absent) return { ist: 'ist länger abwesend', aber: 'ist aber länger abwesend' };
  return { ist: `hat die Kompetenz „${competence}“ nicht`, aber: `hat aber die Kompetenz „${competence}“ nicht` };
}

function lastVpaText(ctx: TenderContext, view: TenderLastVpaView | null): string {
  if (!view) return 'Für diesen Kunden ist kein früherer VPA bekannt.';
  const n = view.person.name;
  const lead = `${n} betreute den Kunden zuletzt`;
  if (!view.isVpa) return `${lead}, ist aber nicht mehr als VPA eingetragen und wird deshalb nicht eingeladen.`;
  if (ctx.status === 'awarded' && ctx.awardedTo?.id === view.person.id && view.appliedAtText) return `${lead}, hat sich beworben und die Aufgabe bekommen.`;
  if (view.leftOut) return `${lead} und wurde nicht eingeladen (${view.leftOut.reasonLabel}).`;
  if (ctx.status === 'review' && view.leaveOutReasons.length > 0) {
    const phrase = notOfferablePhrase(
      view.leaveOutReasons.map((r) => r.value as TenderLeaveOutReason),
      ctx.task.competence.trim(),
    );
    return `${lead}, ${phrase.aber}: Die Aufgabe kann ${n} nicht angeboten werden. Haltet beim Start fest, warum.`;
  }
  if (view.appliedAtText) return `${lead} und hat sich beworben: Die Aufgabe geht an ${n}.`;
  const always = `${lead} und wird immer eingeladen${view.takesNewClients ? '' : ', auch ohne Wunsch nach neuen Kunden'}.`;
  return `${always} Bewirbt sich ${n}, bekommt ${n} die Aufgabe sofort.`;
}

function awardChoices(ctx: TenderContext): ChoiceOption[] {
  const lastId = ctx.lastVpa?.id;
  const applied = ctx.applications.map((a) => a.person);
  const preferred = applied.filter((p) => p.id === lastId);
  return (preferred.length > 0 ? preferred : applied).map((p) => ({ value: p.id, label: p.name }));
}

export function deadlinePassed(ctx: TenderContext, now: Date): boolean {
  return !!ctx.tender.deadline && now.getTime() >= ctx.tender.deadline.getTime();
}

function awardView(ctx: TenderContext, o: ViewOptions): TenderReviewModel['award'] {
  const t = ctx.tender;
  if (ctx.status !== 'awarded' || !ctx.awardedTo) return null;
  const awardedAtText = t.awardedAt ? formatDateTime(t.awardedAt, o.timeZone) : '';
  const automatic = t.awardedById === null;
  return {
    winner: ctx.awardedTo,
    automatic,
    text: automatic
      ? `Vergeben an ${ctx.awardedTo.name} am ${awardedAtText} – automatisch: ${ctx.awardedTo.name} hat den Kunden zuletzt betreut und sich beworben.`
      : `Vergeben an ${ctx.awardedTo.name} am ${awardedAtText} von ${ctx.awardedBy?.name ?? 'unbekannt'}.`,
  };
}

export function cancellationView(ctx: TenderContext, o: Pick<ViewOptions, 'timeZone'>): TenderCancellationView | null {
  const c = ctx.cancellation;
  if (ctx.status !== 'cancelled' || !c) return null;
  return { text: `Abgebrochen von ${c.by?.name ?? 'unbekannt'} am ${formatDateTime(c.at, o.timeZone)}. Die Aufgabe wird nicht über diese Umfrage vergeben; der Kunde bleibt zugeordnet wie bisher.`, reason: c.reason };
}

/**
 * The date input of "Frist verlängern": the default deadline from now, but never before the day after the current
 * deadline (a later deadline only), nor before today.
 */
export function extendInput(ctx: TenderContext, o: ViewOptions): { value: string; min: string } {
  const today = formatIsoDate(o.now, o.timeZone);
  const d = ctx.tender.deadline;
  const dayAfter = d && d.getTime() > o.now.getTime() ? formatIsoDate(new Date(d.getTime() + 24 * 3_600_000), o.timeZone) : today;
  const min = dayAfter > today ? dayAfter : today;
  const value = defaultDeadlineDate(o.now, o.timeZone, o.rules);
  return { value: value > min ? value : min, min };
}

function applicantViews(ctx: TenderContext, o: ViewOptions): TenderApplicantView[] {
  const lastId = ctx.lastVpa?.id;
  return ctx.applications.map((a) => ({ person: a.person, atText: formatDateTime(a.at, o.timeZone), isLastVpa: a.person.id === lastId }));
}

/** What every tender card starts with: which tender, its state, the client and the task. */
function headerOf(ctx: TenderContext, o: ViewOptions) {
  return { tenderId: ctx.tender.id, version: ctx.tender.version, status: ctx.status, statusLabel: TENDER_STATUS_LABELS[ctx.status], client: clientInfo(ctx.client), task: taskView(ctx, o.timeZone) };
}

export function reviewModel(ctx: TenderContext, o: ViewOptions): TenderReviewModel {
  const t = ctx.tender;
  const lastVpa = lastVpaView(ctx, o);
  const award = awardView(ctx, o);
  const open = ctx.status === 'open';
  return {
    ...headerOf(ctx, o),
    history: { lastStepText: ctx.lastStep, lastTaskBeforeText: ctx.lastTaskBefore ? formatDate(ctx.lastTaskBefore, o.timeZone) : null },
    lastVpa,
    lastVpaText: lastVpaText(ctx, lastVpa),
    deadlineInput: open ? extendInput(ctx, o) : { value: defaultDeadlineDate(o.now, o.timeZone, o.rules), min: formatIsoDate(o.now, o.timeZone) },
    deadlineText: t.deadline && ctx.status !== 'review' ? formatDateTime(t.deadline, o.timeZone) : null,
    deadlinePassed: ctx.status === 'open' && deadlinePassed(ctx, o.now),
    startedText: ctx.startedBy && t.startedAt ? `Gestartet von ${ctx.startedBy.name} am ${formatDateTime(t.startedAt, o.timeZone)}` : null,
    invitees: ctx.invites.map((i) => ({ person: i.person, isLastVpa: i.isLastVpa })),
    applicants: applicantViews(ctx, o),
    award,
    cancellation: cancellationView(ctx, o),
    actions: { start: ctx.status === 'review', award: open && ctx.applications.length > 0, cancel: ctx.status === 'review' || open, extend: open },
    awardChoices: open ? awardChoices(ctx) : [],
  };
}

/** About the last VPA once the deadline has passed (the wiki: the last VPA is always asked and preferred). */
function lastVpaAfterDeadline(ctx: TenderContext): string {
  const p = ctx.lastVpa;
  if (!p) return 'Für diesen Kunden ist kein früherer VPA bekannt.';
  const lead = `${p.name} betreute den Kunden zuletzt`;
  const invited = ctx.invites.some((i) => i.person.id === p.id);
  if (ctx.applications.some((a) => a.person.id === p.id)) return `${lead} und hat sich beworben.`;
  if (invited) return `${lead}, wurde eingeladen und hat sich nicht beworben. Soll ${p.name} die Aufgabe trotzdem bekommen, fragt nach und verlängert die Frist.`;
  if (isLeaveOutReason(ctx.tender.lastVpaLeftOut)) return `${lead} und wurde nicht eingeladen (${LEAVE_OUT_SHORT[ctx.tender.lastVpaLeftOut]}).`;
  return `${lead}, ist aber nicht mehr als VPA eingetragen und wurde nicht eingeladen.`;
}

export function deadlineModel(ctx: TenderContext, o: ViewOptions): TenderDeadlineModel {
  const t = ctx.tender;
  const open = ctx.status === 'open';
  const passed = open && deadlinePassed(ctx, o.now);
  const deadlineText = t.deadline ? formatDateTime(t.deadline, o.timeZone) : '–';
  const names = ctx.applications.map((a) => a.person.name).join(', ');
  let adviceText = '';
  if (passed) {
    adviceText =
      ctx.applications.length > 0
        ? `Bitte vergebt die Aufgabe: ${ctx.applications.length === 1 ? `beworben hat sich ${names}` : `beworben haben sich ${names}`}. Der Kunde wird beim Vergeben sofort neu zugewiesen.`
        : 'Niemand hat sich bis zur Frist beworben. Ihr könnt die Frist verlängern (die Eingeladenen können sich dann wieder bewerben) oder den Kunden direkt zuweisen (im Plattform-Dashboard) und die Umfrage danach mit einem Grund abbrechen.';
  }
  const cancellation = cancellationView(ctx, o);
  const award = awardView(ctx, o);
  const outcomeText = award ? award.text : cancellation ? `${cancellation.text} Grund: ${cancellation.reason}` : open && !passed ? `Frist verlängert bis ${deadlineText}. Die Eingeladenen können sich wieder bewerben.` : null;
  return {
    ...headerOf(ctx, o),
    deadlineText,
    invitedCount: ctx.invites.length,
    applicants: applicantViews(ctx, o),
    lastVpaText: lastVpaAfterDeadline(ctx),
    adviceText,
    outcomeText,
    deadlineInput: extendInput(ctx, o),
    actions: { award: passed && ctx.applications.length > 0, cancel: passed, extend: passed },
    awardChoices: passed ? awardChoices(ctx) : [],
  };
}

function inviteState(ctx: TenderContext, personId: string, now: Date): TenderInviteState {
  const applied = ctx.applications.some((a) => a.person.id === personId);
  if (ctx.status === 'awarded') return ctx.awardedTo?.id === personId ? 'won' : applied ? 'lost' : 'closed';
  if (ctx.status === 'cancelled') return 'cancelled';
  if (ctx.status !== 'open') return 'closed';
  if (applied) return 'applied';
  return deadlinePassed(ctx, now) ? 'closed' : 'open';
}

export function inviteModel(ctx: TenderContext, personId: string, o: ViewOptions): TenderInviteModel {
  const invite = ctx.invites.find((i) => i.person.id === personId);
  const isLastVpa = invite?.isLastVpa ?? false;
  const state = inviteState(ctx, personId, o.now);
  const deadlineText = ctx.tender.deadline ? formatDateTime(ctx.tender.deadline, o.timeZone) : '–';
  const applied = ctx.applications.find((a) => a.person.id === personId);
  const stateText: Record<TenderInviteState, string> = {
    open: isLastVpa
      ? 'Du hast diesen Kunden zuletzt betreut. Bewirbst du dich, bekommst du die Aufgabe sofort.'
      : `Bewirb dich bis ${deadlineText}, wenn du die Aufgabe übernehmen möchtest. Das Admin-Team vergibt sie danach.`,
    applied: `Du hast dich am ${applied ? formatDateTime(applied.at, o.timeZone) : '–'} beworben. Das Admin-Team entscheidet; ich sage dir Bescheid.`,
    won: 'Die Aufgabe ist deine: Der Kunde ist dir jetzt zugeordnet.',
    lost: 'Die Aufgabe ging an jemand anderen. Danke für deine Bewerbung!',
    closed: ctx.status === 'awarded' ? 'Die Aufgabe ist vergeben.' : ctx.status === 'open' ? 'Die Frist für Bewerbungen ist abgelaufen.' : 'Die Umfrage ist beendet.',
    cancelled: `Das Admin-Team hat die Umfrage abgebrochen; die Aufgabe wird nicht vergeben.${applied ? ' Danke für deine Bewerbung!' : ''}`,
  };
  return {
    tenderId: ctx.tender.id,
    recipientId: personId,
    client: clientInfo(ctx.client),
    task: taskView(ctx, o.timeZone),
    deadlineText,
    isLastVpa,
    state,
    stateText: stateText[state],
    actions: { apply: state === 'open' },
  };
}

export function resultModel(ctx: TenderContext, outcome: TenderResultModel['outcome'], timeZone: string): TenderResultModel {
  const client = clientInfo(ctx.client);
  const task = taskView(ctx, timeZone);
  const texts: Record<TenderResultModel['outcome'], string> = {
    won: `Die Aufgabe „${task.title}“ von ${client.nameWithClass} ist deine. Der Kunde ist dir ab sofort zugeordnet und erfährt in einer Nachricht in deinem Namen, dass du seine neue Ansprechperson bist.`,
    lost: `Die Aufgabe „${task.title}“ von ${client.nameWithClass} wurde an jemand anderen vergeben. Danke für deine Bewerbung!`,
    cancelled: `Das Admin-Team hat die Umfrage zur Aufgabe „${task.title}“ von ${client.nameWithClass} abgebrochen; die Aufgabe wird nicht vergeben. Danke für deine Bewerbung!`,
  };
  const text = texts[outcome];
  return { tenderId: ctx.tender.id, client, task, outcome, text };
}

export function listItem(ctx: TenderContext, o: Pick<ViewOptions, 'now' | 'timeZone'>): TenderListItem {
  const t = ctx.tender;
  let stateText: string;
  if (ctx.status === 'review') stateText = `Wartet seit ${formatDateTime(t.createdAt, o.timeZone)} auf den Start`;
  else if (ctx.status === 'open' && t.deadline && deadlinePassed(ctx, o.now)) {
    stateText = `Frist abgelaufen am ${formatDateTime(t.deadline, o.timeZone)} – ${ctx.applications.length > 0 ? 'bitte vergeben' : 'keine Bewerbungen'}`;
  } else if (t.deadline) stateText = `Frist: ${formatDateTime(t.deadline, o.timeZone)}`;
  else stateText = TENDER_STATUS_LABELS[ctx.status];
  return {
    tenderId: t.id,
    client: clientInfo(ctx.client),
    task: taskView(ctx, o.timeZone),
    status: ctx.status,
    statusLabel: TENDER_STATUS_LABELS[ctx.status],
    lastVpaName: ctx.lastVpa?.name ?? null,
    stateText,
    invitedCount: ctx.invites.length,
    applicantNames: ctx.applications.map((a) => a.person.name),
  };
}
