// View models of shift duty for the Conny account (process 3, src/shift, docs/schichtdienst.md): the scheduled check
// card with its counts and "geprüft", the alert card for an item near its response deadline ("erledigt" in standalone
// mode), the escalation of an unacknowledged check, today's and tomorrow's shift plan, and the report.
// Ids for Action.Execute data travel in the model: `checkId` + `version`, `itemId`, `assignmentId`.
import type { ChoiceOption, PersonInfo } from './common.ts';

export type ShiftItemKind = 'chat' | 'mail' | 'task';

/** A Teams @mention: `<at>name</at>` in the text plus an entity with the person's Teams user id (or Entra object id). */
export interface ShiftMention {
  id: string;
  name: string;
}

/** How far an open item is from its response deadline. */
export type ShiftItemState = 'overdue' | 'near' | 'ok' | 'answered';

/** One item of the Conny account as a card shows it. */
export interface ShiftItemView {
  id: string;
  kind: ShiftItemKind;
  /** "Chat", "Mail", "Neue Aufgabe" */
  kindLabel: string;
  /** "10023 · Müller GmbH", or the number alone for a client the bot does not know. */
  clientText: string;
  /** The subject, or "" */
  subject: string;
  /** "22.03.2027, 09:15 Uhr" */
  receivedText: string;
  /** "seit 2 Std. 10 Min." (at the moment the card stands for) */
  ageText: string;
  /** "22.03.2027, 13:15 Uhr" */
  deadlineText: string;
  state: ShiftItemState;
  /** "überfällig seit 20 Min.", "Frist in 45 Min.", "beantwortet am …" */
  stateText: string;
}

/** The open items of one kind. */
export interface ShiftKindSummary {
  kind: ShiftItemKind;
  /** "Unbeantwortete Chats" */
  label: string;
  open: number;
  oldest: ShiftItemView | null;
}

export interface ShiftLink {
  title: string;
  url: string;
}

/** The scheduled check (the `schicht` channel with @mentions, or each person on shift 1:1); updated in place on "geprüft". */
export interface ShiftCheckModel {
  checkId: string;
  version: number;
  /** "Montag, 22.03.2027, 09:00 Uhr" */
  slotText: string;
  /** Who is on shift at the check's time (absent people left out). */
  onShift: PersonInfo[];
  /** The people to @mention (channel posts only; people with a known Teams id). */
  mentions: ShiftMention[];
  /** Nobody is on shift: the card says so (it then also goes to the shift lead and the VPA managers). */
  unstaffed: boolean;
  kinds: ShiftKindSummary[];
  /** Open items past or near their deadline, most urgent first (at most a handful; `urgentMore` counts the rest). */
  urgent: ShiftItemView[];
  urgentMore: number;
  /** Nothing open: the card says "alles erledigt". */
  allDone: boolean;
  /** The wiki's checklist: Chats, Mails, Neue Aufgaben. */
  checklist: string[];
  /** "Reaktionszeiten (Arbeitszeit): Chats 4 Std., Mails 8 Std. (1 Arbeitstag), neue Aufgaben 4 Std." */
  responseText: string;
  links: ShiftLink[];
  acknowledged: { by: PersonInfo; atText: string } | null;
  actions: { acknowledge: boolean };
}

/** An unacknowledged check, to the shift lead (then the VPA managers), 1:1; updated in place on "geprüft". */
export interface ShiftEscalationModel {
  step: 'lead' | 'managers';
  /** "Der Schicht-Check von 09:00 Uhr ist seit 60 Minuten nicht geprüft." */
  text: string;
  check: ShiftCheckModel;
}

/** An item that reached its alert share of the response time, to the people on shift; updated when it is answered. */
export interface ShiftAlertModel {
  itemId: string;
  version: number;
  item: ShiftItemView;
  mentions: ShiftMention[];
  onShift: PersonInfo[];
  unstaffed: boolean;
  /** "Schon 75 % der Reaktionszeit (4 Std. Arbeitszeit) sind vorbei." */
  shareText: string;
  answered: { text: string } | null;
  /** `erledigt` only in standalone mode (with a platform, the platform reports the answer). */
  actions: { done: boolean };
}

export interface ShiftPlanRow {
  assignmentId: string;
  shift: string;
  person: PersonInfo;
  lead: boolean;
  /** "08:00–14:00 Uhr", "ganztags" */
  timeText: string;
  /** "abwesend" when the person is absent on that day, else null. */
  absenceText: string | null;
}

export interface ShiftPlanDay {
  /** YYYY-MM-DD */
  date: string;
  /** "Heute, Montag, 22.03.2027" */
  dateText: string;
  workingDay: boolean;
  rows: ShiftPlanRow[];
}

/** `schichtplan`: today and tomorrow; the shift lead (and the managers) may add and remove entries. */
export interface ShiftPlanModel {
  days: ShiftPlanDay[];
  canEdit: boolean;
  /** Whom an entry may name: people with the role `shift`. */
  people: ChoiceOption[];
  dateChoices: ChoiceOption[];
  /** A line about the last change ("Eingetragen: …"), or null. */
  notice: string | null;
}

export interface ShiftReportCheck {
  slot: string;
  /** "Mo 22.03.2027 09:00" */
  slotText: string;
  onShiftNames: string[];
  acknowledgedBy: string | null;
  /** Minutes from posting to "geprüft", or null when never acknowledged. */
  minutesToAcknowledge: number | null;
  escalatedToLead: boolean;
  escalatedToManagers: boolean;
}

export interface ShiftReportKind {
  kind: ShiftItemKind;
  label: string;
  responseHours: number;
  /** Items received in the period. */
  received: number;
  answeredInTime: number;
  answeredLate: number;
  /** Still open and past the deadline at the report's time. */
  openOverdue: number;
  /** Still open, deadline not reached yet. */
  openInTime: number;
  /** answeredLate + openOverdue */
  misses: number;
}

/** `schicht bericht` and `staffelstab shifts report`: checks, who acknowledged, how fast, response-time misses per kind. */
export interface ShiftReportModel {
  from: string;
  to: string;
  /** "01.03.2027 – 31.03.2027" */
  periodText: string;
  generatedAtText: string;
  checks: ShiftReportCheck[];
  totals: {
    checks: number;
    acknowledged: number;
    unacknowledged: number;
    /** Rounded to whole minutes; null without acknowledged checks. */
    averageMinutesToAcknowledge: number | null;
    maxMinutesToAcknowledge: number | null;
    escalatedToLead: number;
    escalatedToManagers: number;
  };
  /** Checks acknowledged per person, most first. */
  byPerson: { name: string; checks: number }[];
  kinds: ShiftReportKind[];
}

/** The kinds of this module, merged into NoticeModels (src/notices/types.ts). */
export interface ShiftNoticeModels {
  shiftCheck: ShiftCheckModel;
  shiftEscalation: ShiftEscalationModel;
  shiftAlert: ShiftAlertModel;
  shiftPlan: ShiftPlanModel;
  shiftReport: ShiftReportModel;
}
