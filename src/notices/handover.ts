// View models of the Kundenabgabe (handover) notices. Every display value is computed in src/ (names, German
// labels, times in the business time zone), so a card in cards/ only lays them out. Ids needed for
// Action.Execute data travel in the model: `requestId` + `version`. Which buttons to show is in `actions`; the
// bot additionally checks the viewer's role (e.g. `handoverApproval.decidable` is true for everyone while a
// decision is pending — the bot shows the buttons only to VPA managers and client managers, everyone else gets
// the read-only view of the same model).
import type { ChoiceOption, ClientInfo, LabeledValue, PersonInfo } from './common.ts';

export type { ChoiceOption, ClientInfo, LabeledValue, PersonInfo } from './common.ts';

/** Where a request stands; every handover model carries it. */
export interface HandoverRef {
  requestId: string;
  /** Send back in Action.Execute data: a click on an older version is refused as stale. */
  version: number;
  /** `submitted`, `in_review`, `clarifying`, `awaiting_approval`, `approved`, `completed`, `returned`, `rejected`, `withdrawn`. */
  status: string;
  /** German, e.g. "Wartet auf Freigabe". */
  statusLabel: string;
  /** True while the request is open (submitted … approved). */
  open: boolean;
  /** True once the VPA withdrew it: every card says so. */
  withdrawn: boolean;
  /** "Zurückgezogen vom VPA am 24.11.2026, 10:00 Uhr", or null. */
  withdrawnText: string | null;
}

export interface ChallengeView {
  /** `hard_to_reach`, `stingy`, `choosing_clients`, `no_measures`. */
  id: string;
  title: string;
  text: string;
}

/** The facts the wiki asks to consider before deciding. */
export interface HandoverFacts {
  client: ClientInfo;
  vpa: PersonInfo;
  /** "2 Jahre, 3 Monate", or null when the VPA no longer serves the client. */
  serviceLengthText: string | null;
  /** "15.08.2024", or null. */
  serviceSinceText: string | null;
  /** VPA changes of this client in the last 12 months, computed from the assignment history. */
  vpaChanges12Months: number;
  /** Date of the client's last task ("12.08.2026"), or null when none is recorded. */
  lastTaskText: string | null;
  reasonCategory: string;
  reasonCategoryLabel: string;
  reason: string;
  measures: string;
  clientWantsTraining: boolean;
  /** "ja" / "nein". */
  clientWantsTrainingLabel: string;
  successorNotes: string;
  /** The challenges that fired when the VPA submitted (the VPA submitted anyway). */
  challenges: ChallengeView[];
  flaggedForCommunity: boolean;
  submittedAtText: string;
}

export interface TimelineEntry {
  atText: string;
  text: string;
}

export interface HandoverDecisionView {
  state: 'pending' | 'approved' | 'rejected' | 'withdrawn';
  /** "Freigegeben von Maria Manager am 24.11.2026, 10:05 Uhr", "Wartet auf Freigabe", "Zurückgezogen vom VPA …". */
  label: string;
  byName: string | null;
  atText: string | null;
  rejectionReason: string | null;
}

export interface TrainingView {
  /** The client wants a handover training (Einarbeitung). */
  wanted: boolean;
  givenAtText: string | null;
  receivedAtText: string | null;
  completed: boolean;
  completedAtText: string | null;
  /** German one-liner, e.g. "Einarbeitung: erfolgt am 26.11.2026, 09:00 Uhr – Bestätigung des Nachfolgers fehlt noch". */
  text: string;
}

// ---------------------------------------------------------------------------------------------------------
// The request form (abgeben) and the immediate challenge

export type HandoverField = 'clientId' | 'reasonCategory' | 'reason' | 'measures' | 'clientWantsTraining' | 'successorNotes';

export interface HandoverFormValues {
  clientId: string;
  reasonCategory: string;
  reason: string;
  measures: string;
  /** null: not answered yet. */
  clientWantsTraining: boolean | null;
  successorNotes: string;
}

export interface HandoverFormModel {
  /** The VPA's own current clients without an open request, sorted by label. */
  clients: ChoiceOption[];
  /** True when the VPA has no client to hand over (the card says so instead of showing the form). */
  noClients: boolean;
  categories: ChoiceOption[];
  /** Values to prefill (after an invalid submission: what the VPA typed). */
  values: HandoverFormValues;
  /** German message per invalid field; empty on first display. */
  fieldErrors: Partial<Record<HandoverField, string>>;
  limits: { reasonMinLength: number; textMaxLength: number };
  /**
   * This form instance, sent back with the submit (and kept through field errors and the challenge card):
   * one form makes at most one request, however often it is submitted.
   */
  formId: string;
}

export interface HandoverChallengeModel {
  client: ClientInfo;
  intro: string;
  challenges: ChallengeView[];
  closing: string;
  /** The submitted values: "trotzdem einreichen" sends them again with `confirmChallenges: true`, "bearbeiten" reopens the form. */
  draft: HandoverFormValues;
  /** The form instance the draft came from; both buttons send it along. */
  formId: string;
}

// ---------------------------------------------------------------------------------------------------------
// Cards that show one request (updated in place at every state change)

/** To the VPA: the request was received; where it stands. */
export interface HandoverSubmittedModel {
  ref: HandoverRef;
  facts: HandoverFacts;
  timeline: TimelineEntry[];
  /** What happens next, in German. */
  nextStepText: string;
  actions: { withdraw: boolean };
}

/** To the community team (review channel, or 1:1 when no channel is bound). */
export interface HandoverReviewModel {
  ref: HandoverRef;
  facts: HandoverFacts;
  reviewer: PersonInfo | null;
  timeline: TimelineEntry[];
  /** The reviewer's mediation note (klären lassen), internal to the team. */
  mediationNote: string | null;
  followUpAtText: string | null;
  /** The proposed change once "Wechsel vorschlagen" was used. */
  proposal: { successor: PersonInfo; onboardingEffort: string; refundCheck: boolean } | null;
  decision: HandoverDecisionView | null;
  /** One-line outcome once the review is done ("Zurückgespielt von Kim am …"), else null. */
  outcomeText: string | null;
  actions: { startReview: boolean; returnRequest: boolean; requestClarification: boolean; proposeSuccessor: boolean };
  /** Prefilled, editable texts for zurückspielen / klären lassen. */
  defaults: { returnMessage: string; clarifyMessage: string };
  /** VPAs who may succeed (every VPA except the current one), available ones first. */
  successorChoices: ChoiceOption[];
  onboardingEfforts: ChoiceOption[];
}

/** The approval request in the `freigabe` channel, in the wiki's template. */
export interface HandoverApprovalModel {
  ref: HandoverRef;
  /** "Anfrage von VPA: VPA Wechsel" */
  title: string;
  /**
   * Exactly the wiki's template lines, in order: `VPA`, `KUNDE (Klasse)`, `VPA Wechsel 12mon`, `Einarbeitungsaufwand`,
   * `Grund`, `Nachfolger`.
   */
  template: LabeledValue[];
  /** Further facts the wiki asks to consider: Aufgabenart, betreut seit, Einarbeitung gewünscht, Erstattung prüfen, Maßnahmen. */
  facts: LabeledValue[];
  /** True when the onboarding effort is "hoch": a refund to the client must be checked. */
  refundCheck: boolean;
  proposedBy: PersonInfo | null;
  proposedAtText: string | null;
  decision: HandoverDecisionView;
  /** True while a decision is possible; the bot shows "Freigeben"/"Ablehnen" only to managers. */
  decidable: boolean;
  /** True while the handover is approved and not completed: managers may "abschließen" or "abbrechen". */
  closable: boolean;
  /** Why the assignment could not move, when it could not (managers decide then). */
  completionError: string | null;
  /** "Abgeschlossen von … : Grund" / "Abgebrochen von … : Grund", once a manager closed it. */
  closedText: string | null;
  /** Teams user ids (29:…) of the managers, at most 60, for `refresh.userIds`. */
  managerTeamsUserIds: string[];
}

/** To the VPA after zurückspielen. */
export interface HandoverReturnedModel {
  ref: HandoverRef;
  client: ClientInfo;
  reviewer: PersonInfo;
  /** The reviewer's (editable) message. */
  message: string;
  /** "Bitte betreue Müller GmbH (B) weiterhin." */
  keepSupportingText: string;
}

/** To the VPA after klären lassen. */
export interface HandoverClarifyModel {
  ref: HandoverRef;
  client: ClientInfo;
  reviewer: PersonInfo;
  message: string;
  /** True when the community team mediates. */
  mediation: boolean;
  /** "Wir melden uns spätestens am 02.12.2026 wieder bei dir." or null. */
  followUpText: string | null;
  /** The VPA's answer, once given: "geklärt" or "nicht geklärt: …". */
  answerText: string | null;
  actions: { withdraw: boolean; answer: boolean };
}

/** To the VPA after a rejection. */
export interface HandoverRejectedModel {
  ref: HandoverRef;
  client: ClientInfo;
  decidedBy: PersonInfo;
  decidedAtText: string;
  rejectionReason: string;
  keepSupportingText: string;
}

/** To the VPA after approval: inform the client (and how), give the training when wanted. */
export interface HandoverInformClientModel {
  ref: HandoverRef;
  client: ClientInfo;
  successor: PersonInfo;
  decidedBy: PersonInfo;
  decidedAtText: string;
  /** How to inform the client, as bullet points. */
  howToInform: string[];
  training: TrainingView;
  /** "Kunde informiert" with the client's training wish; `trainingWantedDefault` is the form's answer. */
  informed: { done: boolean; atText: string | null; trainingWantedDefault: boolean };
  actions: { confirmClientInformed: boolean; confirmTrainingGiven: boolean };
}

/** To the successor after approval. */
export interface HandoverSuccessorModel {
  ref: HandoverRef;
  client: ClientInfo;
  previousVpa: PersonInfo;
  successorNotes: string;
  onboardingEffort: string;
  /** "Der Kunde wünscht eine Einarbeitung durch Anna Beispiel." or "Der Kunde wünscht keine Einarbeitung." */
  trainingIntro: string;
  training: TrainingView;
  actions: { confirmTrainingReceived: boolean };
}

/** To the VPA (step `given`) or the successor (step `received`) when the training confirmation is overdue. */
export interface HandoverTrainingReminderModel {
  ref: HandoverRef;
  client: ClientInfo;
  step: 'given' | 'received';
  /** The other side of the training. */
  otherPerson: PersonInfo;
  text: string;
  training: TrainingView;
  actions: { confirmTrainingGiven: boolean; confirmTrainingReceived: boolean };
}

/** Review overdue (community/reviewer), decision overdue (managers), mediation follow-up due (reviewer). */
export type HandoverReminderReason =
  | 'review'
  | 'decision'
  | 'followUp'
  | 'clarificationResolved'
  | 'clarificationUnresolved'
  | 'inform'
  | 'trainingGiven'
  | 'trainingReceived'
  | 'stepOverdueManagers'
  | 'completionFailed'
  | 'cancelled';

export interface HandoverReminderModel {
  ref: HandoverRef;
  reason: HandoverReminderReason;
  title: string;
  text: string;
  client: ClientInfo;
  vpa: PersonInfo;
  reasonCategoryLabel: string;
  /** "seit 20.11.2026, 10:00 Uhr" */
  sinceText: string;
  mediationNote: string | null;
  /** The VPA's note with "nicht geklärt", or a manager's reason for "abbrechen". */
  note: string | null;
  /** For managers: "abschließen" and "abbrechen" (each with a reason) while the handover is approved. */
  closeActions: boolean;
  /** "Status anzeigen" answers only in the 1:1 chat: a reminder posted to a channel leaves it out. */
  statusAction: boolean;
}

/** To the VPA and the successor when the handover completes after the training confirmations. */
export interface HandoverCompletedModel {
  ref: HandoverRef;
  client: ClientInfo;
  previousVpa: PersonInfo;
  successor: PersonInfo;
  completedAtText: string;
  audience: 'vpa' | 'successor';
  text: string;
}

// ---------------------------------------------------------------------------------------------------------
// status

export interface HandoverStatusItem {
  requestId: string;
  version: number;
  client: ClientInfo;
  vpa: PersonInfo;
  status: string;
  statusLabel: string;
  /** "seit 20.11.2026" — when the request entered its current state. */
  sinceText: string;
  /** What happens next / who has to act, in German. */
  nextStepText: string;
}

export interface HandoverStatusSection {
  /** `own`, `successor`, `review`, `decision`, `conduct`. */
  id: string;
  title: string;
  items: HandoverStatusItem[];
}

export interface HandoverStatusModel {
  personName: string;
  sections: HandoverStatusSection[];
  /** Open conduct reports (managers only): not yet acknowledged by anyone. */
  openConductReports: { reportId: string; client: ClientInfo; reportedAtText: string }[];
  /** True when there is nothing to show. */
  empty: boolean;
}

/** The kinds of this module, merged into NoticeModels (src/notices/types.ts). */
export interface HandoverNoticeModels {
  handoverForm: HandoverFormModel;
  handoverChallenge: HandoverChallengeModel;
  handoverSubmitted: HandoverSubmittedModel;
  handoverReview: HandoverReviewModel;
  handoverApproval: HandoverApprovalModel;
  handoverReturned: HandoverReturnedModel;
  handoverClarify: HandoverClarifyModel;
  handoverRejected: HandoverRejectedModel;
  handoverInformClient: HandoverInformClientModel;
  handoverSuccessor: HandoverSuccessorModel;
  handoverTrainingReminder: HandoverTrainingReminderModel;
  handoverReminder: HandoverReminderModel;
  handoverCompleted: HandoverCompletedModel;
  handoverStatus: HandoverStatusModel;
}

/** Handover cards that show a request's live state and are updated in place at every state change. */
export type TrackedHandoverKind =
  | 'handoverSubmitted'
  | 'handoverReview'
  | 'handoverApproval'
  | 'handoverClarify'
  | 'handoverInformClient'
  | 'handoverSuccessor'
  | 'handoverTrainingReminder';
