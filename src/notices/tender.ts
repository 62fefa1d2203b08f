// View models of the reactivation review and tender (Umfrage, src/tender): a client who was inactive posts a new
// task; the admin team reviews it and asks the VPAs in a tender; the last VPA is always invited (unless absent for
// long or without the competence, with a recorded reason) and wins at once when they apply. Ids for Action.Execute
// data travel in the model: `tenderId` + `version`.
import type { ChoiceOption, ClientInfo, PersonInfo } from './common.ts';

export type TenderStatus = 'review' | 'open' | 'awarded' | 'cancelled';

/** Why the last VPA was not invited (recorded by the admin who started the tender). */
export type TenderLeaveOutReason = 'absent' | 'competence';

/** The new task as the cards show it. */
export interface TenderTaskView {
  /** The task's title, or "(ohne Titel)". */
  title: string;
  /** The competence the task needs, or null when it names none. */
  competence: string | null;
  /** "24.11.2026, 10:00 Uhr" */
  createdAtText: string;
}

/** What the admin team needs to know about the client's inactivity. */
export interface TenderHistoryView {
  /** The last message of the inactivity cycle before the client came back (German label), or null. */
  lastStepText: string | null;
  /** The client's last task before the inactivity ("12.03.2026"), or null. */
  lastTaskBeforeText: string | null;
}

/** The VPA who served the client last (never the Conny account) and what decides whether they are invited. */
export interface TenderLastVpaView {
  person: PersonInfo;
  /** False when the person no longer holds the VPA role: then they are not invited (nothing to record). */
  isVpa: boolean;
  absentNow: boolean;
  /** Absent now, for an absence of at least the configured number of days (LONG_ABSENCE_DAYS), or open-ended. */
  absentLong: boolean;
  /** "abwesend vom 01.11.2026 bis 31.01.2027", "abwesend seit 01.11.2026 (ohne Enddatum)", or null. */
  absenceText: string | null;
  takesNewClients: boolean;
  /** Null when the task names no competence. */
  hasCompetence: boolean | null;
  /**
   * The reasons an admin may record to leave them out: only those that are true. Empty: they must be invited.
   * Not empty: they cannot be offered the task, and starting the tender requires one of these.
   */
  leaveOutReasons: ChoiceOption[];
  /** After the start: whether they were invited, and the admin's recorded reason when not. */
  invited: boolean | null;
  leftOut: { reasonLabel: string; note: string } | null;
  /** "24.11.2026, 11:00 Uhr" when they applied, else null. */
  appliedAtText: string | null;
}

export interface TenderApplicantView {
  person: PersonInfo;
  atText: string;
  isLastVpa: boolean;
}

export interface TenderAwardView {
  winner: PersonInfo;
  /** "Vergeben an Ben Wagner am 24.11.2026, 11:00 Uhr von Ada Admin" or "… automatisch: der letzte VPA hat sich beworben". */
  text: string;
  automatic: boolean;
}

/** The admin team's card (the `admin` channel, or each admin 1:1): the review, then the tender; updated in place. */
export interface TenderReviewModel {
  tenderId: string;
  version: number;
  status: TenderStatus;
  statusLabel: string;
  client: ClientInfo;
  task: TenderTaskView;
  history: TenderHistoryView;
  lastVpa: TenderLastVpaView | null;
  /** One German sentence about the last VPA's place in the tender (always invited, preferred, or left out). */
  lastVpaText: string;
  /** The deadline input: default (now + TENDER_DEADLINE_WORKING_DAYS working days) and earliest date, YYYY-MM-DD. */
  deadlineInput: { value: string; min: string };
  /** "26.11.2026, 23:59 Uhr" once started, else null. */
  deadlineText: string | null;
  deadlinePassed: boolean;
  /** "Gestartet von Ada Admin am 24.11.2026, 10:05 Uhr", or null. */
  startedText: string | null;
  invitees: { person: PersonInfo; isLastVpa: boolean }[];
  applicants: TenderApplicantView[];
  award: TenderAwardView | null;
  /** Once cancelled ("Umfrage abbrechen"): who, when and the admin's reason, for the admin team's cards only. */
  cancellation: TenderCancellationView | null;
  /** start: in review; award: open with applicants; cancel: in review or open; extend: open (a later deadline). */
  actions: { start: boolean; award: boolean; cancel: boolean; extend: boolean };
  /** Whom "vergeben" may choose: the applicants, or only the last VPA when they applied. */
  awardChoices: ChoiceOption[];
}

/** "Umfrage abbrechen": the admin team's record (the reason is shown to the admin team only, never to the VPAs). */
export interface TenderCancellationView {
  /** "Abgebrochen von Ada Admin am 24.11.2026, 12:00 Uhr." */
  text: string;
  reason: string;
}

export type TenderInviteState = 'open' | 'applied' | 'won' | 'lost' | 'closed' | 'cancelled';

/** To each invited VPA, 1:1: the task and "bewerben"; updated in place. */
export interface TenderInviteModel {
  tenderId: string;
  /** The VPA this copy is for. */
  recipientId: string;
  client: ClientInfo;
  task: TenderTaskView;
  deadlineText: string;
  isLastVpa: boolean;
  state: TenderInviteState;
  /** What the state means for this VPA, in German. */
  stateText: string;
  actions: { apply: boolean };
}

/** To the winner and to each applicant who did not get the task, 1:1, once. */
export interface TenderResultModel {
  tenderId: string;
  client: ClientInfo;
  task: TenderTaskView;
  /** `cancelled`: to each applicant when the admin team cancels the tender. */
  outcome: 'won' | 'lost' | 'cancelled';
  text: string;
}

/**
 * To the admin team once, when the application deadline has passed on an open tender: who applied (or that nobody
 * did), what the last VPA did, and "vergeben" / "Frist verlängern" / "Umfrage abbrechen". Tracked: updated in place
 * at every later change (then without buttons once the tender is awarded or cancelled).
 */
export interface TenderDeadlineModel {
  tenderId: string;
  version: number;
  status: TenderStatus;
  statusLabel: string;
  client: ClientInfo;
  task: TenderTaskView;
  /** The deadline that passed: "26.11.2026, 23:59 Uhr". */
  deadlineText: string;
  invitedCount: number;
  applicants: TenderApplicantView[];
  /** One German sentence about the last VPA (invited and no answer, left out, not a VPA, none known). */
  lastVpaText: string;
  /** What the admin team can do now, in German (award; or, nobody applied: extend the deadline or assign directly). */
  adviceText: string;
  /** The current state after a later change ("Vergeben an …", "Abgebrochen …", "Frist verlängert bis …"), else null. */
  outcomeText: string | null;
  /** The same inputs as the review card: a later deadline's default and earliest date (YYYY-MM-DD). */
  deadlineInput: { value: string; min: string };
  actions: { award: boolean; cancel: boolean; extend: boolean };
  awardChoices: ChoiceOption[];
}

export interface TenderListItem {
  tenderId: string;
  client: ClientInfo;
  task: TenderTaskView;
  status: TenderStatus;
  statusLabel: string;
  lastVpaName: string | null;
  /** "Frist: 26.11.2026, 23:59 Uhr", "Frist abgelaufen am …", "wartet auf den Start der Umfrage seit …". */
  stateText: string;
  invitedCount: number;
  applicantNames: string[];
}

/** `umfragen`: the tenders still in review or open, oldest first. */
export interface TenderListModel {
  items: TenderListItem[];
  empty: boolean;
}

/** The kinds of this module, merged into NoticeModels (src/notices/types.ts). */
export interface TenderNoticeModels {
  tenderReview: TenderReviewModel;
  tenderInvite: TenderInviteModel;
  tenderResult: TenderResultModel;
  tenderList: TenderListModel;
  tenderDeadline: TenderDeadlineModel;
}

/** Tender cards that show a tender's live state and are updated at every change. */
export type TrackedTenderKind = 'tenderReview' | 'tenderInvite' | 'tenderDeadline';
