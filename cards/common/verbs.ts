// Action.Execute verbs the cards send. The bot's verb table routes each one to its handler;
// import these names there instead of repeating the strings.
export const VERBS = {
  /** Show the help card for the person who pressed the button. */
  helpShow: 'help.show',
  /** Open the handover request form (Kundenabgabe). */
  handoverForm: 'handover.form',
  /** Open the form to report a disrespectful client. */
  conductForm: 'conduct.form',

  // Kundenabgabe (cards/handover). `data` of each verb as the card sends it; Teams merges the card's
  // inputs into `data` keyed by input id (choice sets send their value, the yes/no choice 'true'/'false').
  /** {clientId, reasonCategory, reason, measures, clientWantsTraining, successorNotes, confirmChallenges?: true} */
  handoverSubmit: 'handover.submit',
  /** {requestId, version} */
  handoverWithdraw: 'handover.withdraw',
  /** {requestId, version}: a community member takes the review on. */
  handoverReviewStart: 'handover.review.start',
  /** {requestId, version, returnMessage} ("zurückspielen") */
  handoverReturn: 'handover.return',
  /** {requestId, version, clarifyMessage, mediationNote?, followUpAt? (YYYY-MM-DD)} ("klären lassen") */
  handoverClarify: 'handover.clarify',
  /** {requestId, version, successorId, onboardingEffort, caseSummary} ("Wechsel vorschlagen"; caseSummary fills `Grund:`) */
  handoverPropose: 'handover.propose',
  /** {requestId, version} ("Freigeben") */
  handoverApprove: 'handover.approve',
  /** {requestId, version, rejectionReason} ("Ablehnen") */
  handoverReject: 'handover.reject',
  /** {requestId}: the approval card's Universal Actions refresh (user-specific view). */
  handoverApprovalRefresh: 'handover.approval.refresh',
  /** {requestId, version} ("Einarbeitung erfolgt", the handing-over VPA) */
  handoverTrainingGiven: 'handover.training.given',
  /** {requestId, version} ("Einarbeitung erhalten", the successor) */
  handoverTrainingReceived: 'handover.training.received',
  /** {requestId, version, answer: 'resolved' | 'unresolved', clarificationNote?} ("geklärt, ich behalte den Kunden" / "nicht geklärt") */
  handoverClarificationAnswer: 'handover.clarification.answer',
  /** {requestId, version, trainingWanted: 'true' | 'false'} ("Kunde informiert", the handing-over VPA) */
  handoverClientInformed: 'handover.client.informed',
  /** {requestId, version, completeReason} ("abschließen", a manager, on an approved handover) */
  handoverComplete: 'handover.complete',
  /** {requestId, version, cancelReason} ("abbrechen", a manager, on an approved handover) */
  handoverCancel: 'handover.cancel',
  /** {cycleId, version} ("fortsetzen": resume an inactivity sequence paused by the client's reply) */
  inactivityResume: 'inactivity.resume',
  /** {cycleId} ("Kunde hat geantwortet" on the VPA's inactivity card) */
  inactivityReplied: 'inactivity.replied',
  /** {cycleId, version} ("an Conny übergeben", on the `inaktiv` list) */
  inactivityHandover: 'inactivity.handover',
  /** {cycleId, version, row, postponeReason-<row>, postponeUntil-<row> (YYYY-MM-DD)} ("verschieben", on the `inaktiv` list) */
  inactivityPostpone: 'inactivity.postpone',
  /** {cycleId, clientId, version, row, excludeReason-<row>, excludeUntil-<row>? (YYYY-MM-DD, inclusive)} ("ausnehmen", on the `inaktiv` list) */
  inactivityExclude: 'inactivity.exclude',
  /** {}: the `inaktiv` list as it is now ("Aktualisieren") */
  inactivityList: 'inactivity.list',
  /** {}: the VPA's own clients as they are now (`kunden`, "Aktualisieren", 1:1) */
  inactivityClients: 'inactivity.clients',
  /** {}: the person's open requests ("status"). */
  handoverStatus: 'handover.status',
  /** {clientId, whatHappened, occurredDate (YYYY-MM-DD), occurredTime (HH:mm or ''), evidence} */
  conductSubmit: 'conduct.submit',
  /** {reportId, version} ("erledigt") */
  conductAck: 'conduct.ack',
  /** {todoId} ("erledigt" on a platform to-do: a client message sent by hand, a reassignment entered) */
  platformTodoDone: 'platform.todo.done',
  // Reactivation tender (cards/tender)
  /** {tenderId, version, deadline (YYYY-MM-DD), leaveOutReason?: 'absent' | 'competence', leaveOutNote?} ("Umfrage starten", admin) */
  tenderStart: 'tender.start',
  /** {tenderId} ("bewerben", an invited VPA, 1:1) */
  tenderApply: 'tender.apply',
  /** {tenderId, version, winnerId} ("vergeben", admin) */
  tenderAward: 'tender.award',
  /** {tenderId, version, cancelReason, view?: 'deadline'} ("Umfrage abbrechen", admin) */
  tenderCancel: 'tender.cancel',
  /** {tenderId, version, deadline (YYYY-MM-DD), view?: 'deadline'} ("Frist verlängern", admin) */
  tenderExtend: 'tender.extend',
  // Shift duty for the Conny account (cards/shift)
  /** {checkId, version} ("geprüft" on a check card or its escalation) */
  shiftCheckAck: 'shift.check.ack',
  /** {itemId} ("erledigt" on an alert card, standalone mode) */
  shiftItemDone: 'shift.item.done',
  /** {}: today's and tomorrow's plan as it is now (`schichtplan`, "Aktualisieren") */
  shiftPlanShow: 'shift.plan.show',
  /** {date (YYYY-MM-DD), shift, personId, lead: 'true' | 'false', from?: HH:mm, until?: HH:mm} ("eintragen", shift lead or manager) */
  shiftPlanAdd: 'shift.plan.add',
  /** {assignmentId} ("entfernen", shift lead or manager) */
  shiftPlanRemove: 'shift.plan.remove',
} as const;

export type Verb = (typeof VERBS)[keyof typeof VERBS];
