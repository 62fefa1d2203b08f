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
  /** {}: the person's open requests ("status"). */
  handoverStatus: 'handover.status',
  /** {clientId, whatHappened, occurredDate (YYYY-MM-DD), occurredTime (HH:mm or ''), evidence} */
  conductSubmit: 'conduct.submit',
  /** {reportId, version} ("erledigt") */
  conductAck: 'conduct.ack',
} as const;

export type Verb = (typeof VERBS)[keyof typeof VERBS];
