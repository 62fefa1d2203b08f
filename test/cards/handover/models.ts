// Example view models for the Kundenabgabe and conduct-report cards: realistic defaults for tests and
// for scripts/render-cards.ts, plus maximal ones (every text at the domain's length limit, long lists)
// for the size checks. Each factory takes overrides so a test states only what it is about.
import type { ChallengeView, ChoiceOption, ClientInfo, HandoverApprovalModel, HandoverChallengeModel, HandoverClarifyModel, HandoverCompletedModel, HandoverFacts, HandoverFormModel, HandoverInformClientModel, HandoverRef, HandoverRejectedModel, HandoverReminderModel, HandoverReturnedModel, HandoverReviewModel, HandoverStatusModel, HandoverSubmittedModel, HandoverSuccessorModel, HandoverTrainingReminderModel, TrainingView } from '../../../src/notices/handover.ts';
import type { ConductAcknowledgedModel, ConductFormModel, ConductReceivedModel, ConductReportModel } from '../../../src/notices/conduct.ts';
import type { ConductEscalationModel, ConductReminderModel } from '../../../src/notices/conduct.ts';

/** The domain's limit for typed texts (src/handover/validation.ts TEXT_MAX_LENGTH). */
export const TEXT_MAX = 2000;

/** German text of exactly `length` characters, with umlauts, quotes and line breaks (worst case for JSON size is ü: 2 bytes). */
export function longText(length: number = TEXT_MAX, seed = 'Die Zusammenarbeit mit dem Kunden ist schwierig: „Rückmeldungen“ kommen spät, Absprachen ändern sich häufig.\n'): string {
  return seed.repeat(Math.ceil(length / seed.length)).slice(0, length);
}

/** `length` two-byte characters: the largest a text of that length can be in UTF-8 JSON (apart from escapes). */
export function widestText(length: number = TEXT_MAX): string {
  return 'ü'.repeat(length);
}

export const client: ClientInfo = {
  id: 'cl_mueller',
  number: '10023',
  name: 'Müller GmbH',
  class: 'B',
  workType: 'continuous',
  workTypeLabel: 'kontinuierliche Aufgaben',
  nameWithClass: 'Müller GmbH (B)',
  label: '10023 · Müller GmbH',
};

export const anna = { id: 'p_anna', name: 'Anna Beispiel' };
export const kim = { id: 'p_kim', name: 'Kim Community' };
export const maria = { id: 'p_maria', name: 'Maria Manager' };
export const sven = { id: 'p_sven', name: 'Sven Nachfolger' };
export const petra = { id: 'p_petra', name: 'Petra Kundenmanagerin' };

export function ref(overrides: Partial<HandoverRef> = {}): HandoverRef {
  return {
    requestId: 'req_1',
    version: 3,
    status: 'awaiting_approval',
    statusLabel: 'Wartet auf Freigabe',
    open: true,
    withdrawn: false,
    withdrawnText: null,
    ...overrides,
  };
}

export const withdrawnRef = ref({
  status: 'withdrawn',
  statusLabel: 'Zurückgezogen',
  open: false,
  withdrawn: true,
  withdrawnText: 'Zurückgezogen von Anna Beispiel am 24.11.2026, 10:00 Uhr',
});

export const challenges: ChallengeView[] = [
  {
    id: 'stingy',
    title: 'Kunde „knausrig“ mit Budgets',
    text: 'Ein knappes Budget ist für sich allein kein Grund für einen Wechsel: Ein anderer VPA hätte mit dem Kunden die gleichen Probleme. Sprich das Budget bitte offen beim Kunden an.',
  },
  {
    id: 'no_measures',
    title: 'Maßnahmen fehlen',
    text: 'Wenn die Zusammenarbeit nicht klappt, ist ein Wechsel erst sinnvoll, wenn mehrere Maßnahmen zur Verbesserung versucht wurden.',
  },
];

export function facts(overrides: Partial<HandoverFacts> = {}): HandoverFacts {
  return {
    client,
    vpa: anna,
    serviceLengthText: '2 Jahre, 3 Monate',
    serviceSinceText: '15.08.2024',
    vpaChanges12Months: 1,
    lastTaskText: '12.11.2026',
    reasonCategory: 'needs_changed',
    reasonCategoryLabel: 'Bedarf des Kunden hat sich geändert',
    reason: 'Der Kunde braucht jetzt vor allem Buchhaltung und DATEV-Kenntnisse; das kann ich nicht abdecken.',
    measures: 'Zwei Gespräche mit dem Kunden geführt und eine Schulung angefragt, die es nicht gibt.',
    clientWantsTraining: true,
    clientWantsTrainingLabel: 'ja',
    successorNotes: 'Der Kunde schreibt am liebsten per E-Mail, Termine immer dienstags.',
    challenges: [],
    flaggedForCommunity: false,
    submittedAtText: '20.11.2026, 09:15 Uhr',
    ...overrides,
  };
}

export function training(overrides: Partial<TrainingView> = {}): TrainingView {
  return {
    wanted: true,
    givenAtText: null,
    receivedAtText: null,
    completed: false,
    completedAtText: null,
    text: 'Einarbeitung: steht noch aus',
    ...overrides,
  };
}

export const categories: ChoiceOption[] = [
  { value: 'needs_changed', label: 'Bedarf des Kunden hat sich geändert' },
  { value: 'collaboration', label: 'Zusammenarbeit klappt nicht' },
  { value: 'long_inactive', label: 'Kunde war länger inaktiv' },
  { value: 'other', label: 'Anderer Grund' },
];

export function clientChoices(count: number): ChoiceOption[] {
  return Array.from({ length: count }, (_, i) => ({ value: `cl_${String(i).padStart(22, '0')}`, label: `${10000 + i} · Kundin Größenwahn & Söhne GmbH Nr. ${i}` }));
}

export function vpaChoices(count: number): ChoiceOption[] {
  return Array.from({ length: count }, (_, i) => ({ value: `p_${String(i).padStart(24, '0')}`, label: `Vorname${i} Nachname-Müller (verfügbar, ${i % 7} Kunden)` }));
}

export function formModel(overrides: Partial<HandoverFormModel> = {}): HandoverFormModel {
  return {
    clients: [
      { value: 'cl_mueller', label: '10023 · Müller GmbH' },
      { value: 'cl_schulz', label: '10051 · Schulz & Partner' },
    ],
    noClients: false,
    categories,
    values: { clientId: '', reasonCategory: '', reason: '', measures: '', clientWantsTraining: null, successorNotes: '' },
    fieldErrors: {},
    limits: { reasonMinLength: 10, textMaxLength: TEXT_MAX },
    formId: 'form_abgeben_1',
    ...overrides,
  };
}

export function challengeModel(overrides: Partial<HandoverChallengeModel> = {}): HandoverChallengeModel {
  return {
    client,
    intro: 'Danke, dass du dein Anliegen offen schilderst. Ein VPA-Wechsel ist möglich, sollte aber die Ausnahme bleiben.',
    challenges,
    closing: 'Du kannst die Anfrage trotzdem einreichen. Das Community-Team schaut sie sich dann besonders genau an.',
    draft: {
      clientId: 'cl_mueller',
      reasonCategory: 'collaboration',
      reason: 'Der Kunde ist knausrig mit Budgets.',
      measures: 'keine',
      clientWantsTraining: false,
      successorNotes: 'Rechnungen immer per Post.',
    },
    formId: 'form_abgeben_1',
    ...overrides,
  };
}

export function submittedModel(overrides: Partial<HandoverSubmittedModel> = {}): HandoverSubmittedModel {
  return {
    ref: ref({ version: 1, status: 'submitted', statusLabel: 'Eingereicht – wartet auf das Community-Team' }),
    facts: facts(),
    timeline: [{ atText: '20.11.2026, 09:15 Uhr', text: 'Eingereicht von Anna Beispiel' }],
    nextStepText: 'Das Community-Team prüft deine Anfrage und meldet sich bei dir.',
    actions: { withdraw: true },
    ...overrides,
  };
}

export function reviewModel(overrides: Partial<HandoverReviewModel> = {}): HandoverReviewModel {
  return {
    ref: ref({ version: 2, status: 'in_review', statusLabel: 'In Prüfung beim Community-Team' }),
    facts: facts({ challenges, flaggedForCommunity: true }),
    reviewer: kim,
    timeline: [
      { atText: '20.11.2026, 09:15 Uhr', text: 'Eingereicht von Anna Beispiel' },
      { atText: '20.11.2026, 11:00 Uhr', text: 'Prüfung übernommen von Kim Community' },
    ],
    mediationNote: null,
    followUpAtText: null,
    proposal: null,
    decision: null,
    outcomeText: null,
    actions: { startReview: false, returnRequest: true, requestClarification: true, proposeSuccessor: true },
    defaults: {
      returnMessage: 'Danke für deine Anfrage. Die Gründe reichen für einen VPA-Wechsel nicht aus; bitte betreue Müller GmbH (B) weiterhin.',
      clarifyMessage: 'Bitte sprich die Probleme zuerst selbst beim Kunden an. Wir unterstützen dich dabei.',
    },
    successorChoices: [
      { value: 'p_sven', label: 'Sven Nachfolger (verfügbar)' },
      { value: 'p_lea', label: 'Lea Lang (abwesend bis 30.11.2026)' },
    ],
    onboardingEfforts: [
      { value: 'hoch', label: 'hoch' },
      { value: 'mittel', label: 'mittel' },
      { value: 'gering', label: 'gering' },
    ],
    ...overrides,
  };
}

export function approvalModel(overrides: Partial<HandoverApprovalModel> = {}): HandoverApprovalModel {
  return {
    ref: ref(),
    title: 'Anfrage von VPA: VPA Wechsel',
    template: [
      { label: 'VPA', value: 'Anna Beispiel' },
      { label: 'KUNDE (Klasse)', value: 'Müller GmbH (B)' },
      { label: 'VPA Wechsel 12mon', value: '1' },
      { label: 'Einarbeitungsaufwand', value: 'hoch' },
      { label: 'Grund', value: 'Bedarf des Kunden hat sich geändert – der Kunde braucht jetzt Buchhaltung mit DATEV.' },
      { label: 'Nachfolger', value: 'Sven Nachfolger' },
    ],
    facts: [
      { label: 'Aufgabenart', value: 'kontinuierliche Aufgaben' },
      { label: 'Betreut seit', value: '15.08.2024 (2 Jahre, 3 Monate)' },
      { label: 'Einarbeitung gewünscht', value: 'ja' },
      { label: 'Maßnahmen', value: 'Zwei Gespräche mit dem Kunden geführt.' },
    ],
    refundCheck: true,
    proposedBy: kim,
    proposedAtText: '21.11.2026, 14:00 Uhr',
    decision: { state: 'pending', label: 'Wartet auf Freigabe', byName: null, atText: null, rejectionReason: null },
    decidable: true,
    closable: false,
    completionError: null,
    closedText: null,
    managerTeamsUserIds: ['29:maria', '29:petra'],
    ...overrides,
  };
}

export const approvedDecision: HandoverApprovalModel['decision'] = {
  state: 'approved',
  label: 'Freigegeben von Maria Manager am 24.11.2026, 10:05 Uhr',
  byName: 'Maria Manager',
  atText: '24.11.2026, 10:05 Uhr',
  rejectionReason: null,
};

export const rejectedDecision: HandoverApprovalModel['decision'] = {
  state: 'rejected',
  label: 'Abgelehnt von Petra Kundenmanagerin am 24.11.2026, 10:07 Uhr',
  byName: 'Petra Kundenmanagerin',
  atText: '24.11.2026, 10:07 Uhr',
  rejectionReason: 'Der Kunde hatte dieses Jahr schon einen Wechsel; bitte erst ein Vermittlungsgespräch.',
};

export function returnedModel(overrides: Partial<HandoverReturnedModel> = {}): HandoverReturnedModel {
  return {
    ref: ref({ version: 3, status: 'returned', statusLabel: 'Zurückgespielt – bitte betreue den Kunden weiter', open: false }),
    client,
    reviewer: kim,
    message: 'Danke für deine Offenheit. Ein knappes Budget allein reicht für einen Wechsel nicht; lass uns gemeinsam mit dem Kunden sprechen.',
    keepSupportingText: 'Bitte betreue Müller GmbH (B) weiterhin.',
    ...overrides,
  };
}

export function clarifyModel(overrides: Partial<HandoverClarifyModel> = {}): HandoverClarifyModel {
  return {
    ref: ref({ version: 3, status: 'clarifying', statusLabel: 'Klärung mit dem Kunden' }),
    client,
    reviewer: kim,
    message: 'Bitte sprich die verspäteten Rückmeldungen direkt beim Kunden an und schlag feste Zeiten vor.',
    mediation: true,
    followUpText: 'Wir melden uns spätestens am 02.12.2026 wieder bei dir.',
    answerText: null,
    actions: { withdraw: true, answer: true },
    ...overrides,
  };
}

export function rejectedModel(overrides: Partial<HandoverRejectedModel> = {}): HandoverRejectedModel {
  return {
    ref: ref({ version: 5, status: 'rejected', statusLabel: 'Abgelehnt', open: false }),
    client,
    decidedBy: petra,
    decidedAtText: '24.11.2026, 10:07 Uhr',
    rejectionReason: 'Der Kunde hatte dieses Jahr schon einen Wechsel; bitte erst ein Vermittlungsgespräch.',
    keepSupportingText: 'Bitte betreue Müller GmbH (B) weiterhin.',
    ...overrides,
  };
}

export function informClientModel(overrides: Partial<HandoverInformClientModel> = {}): HandoverInformClientModel {
  return {
    ref: ref({ version: 5, status: 'approved', statusLabel: 'Freigegeben – Übergabe läuft' }),
    client,
    successor: sven,
    decidedBy: maria,
    decidedAtText: '24.11.2026, 10:05 Uhr',
    howToInform: [
      'Sag dem Kunden persönlich (Telefon oder Videocall), dass Sven Nachfolger übernimmt.',
      'Erkläre kurz, warum, und dass alle Absprachen übergeben werden.',
      'Stell den Kontakt her, am besten in einer gemeinsamen E-Mail.',
    ],
    training: training(),
    informed: { done: true, atText: '25.11.2026, 09:30 Uhr', trainingWantedDefault: true },
    actions: { confirmClientInformed: false, confirmTrainingGiven: true },
    ...overrides,
  };
}

export function successorModel(overrides: Partial<HandoverSuccessorModel> = {}): HandoverSuccessorModel {
  return {
    ref: ref({ version: 5, status: 'approved', statusLabel: 'Freigegeben – Übergabe läuft' }),
    client,
    previousVpa: anna,
    successorNotes: 'Der Kunde schreibt am liebsten per E-Mail, Termine immer dienstags.',
    onboardingEffort: 'mittel',
    trainingIntro: 'Der Kunde wünscht eine Einarbeitung durch Anna Beispiel.',
    training: training({ givenAtText: '26.11.2026, 09:00 Uhr', text: 'Einarbeitung: erfolgt am 26.11.2026, 09:00 Uhr – Bestätigung des Nachfolgers fehlt noch' }),
    actions: { confirmTrainingReceived: true },
    ...overrides,
  };
}

export function trainingReminderModel(overrides: Partial<HandoverTrainingReminderModel> = {}): HandoverTrainingReminderModel {
  return {
    ref: ref({ version: 5, status: 'approved', statusLabel: 'Freigegeben – Übergabe läuft' }),
    client,
    step: 'given',
    otherPerson: sven,
    text: 'Die Einarbeitung von Sven Nachfolger für Müller GmbH (B) ist noch nicht bestätigt. Bitte bestätige sie, sobald sie erfolgt ist.',
    training: training(),
    actions: { confirmTrainingGiven: true, confirmTrainingReceived: false },
    ...overrides,
  };
}

export function reminderModel(overrides: Partial<HandoverReminderModel> = {}): HandoverReminderModel {
  return {
    ref: ref(),
    reason: 'decision',
    title: 'Freigabe steht aus',
    text: 'Diese Anfrage wartet seit mehr als 2 Arbeitstagen auf eine Freigabe.',
    client,
    vpa: anna,
    reasonCategoryLabel: 'Bedarf des Kunden hat sich geändert',
    sinceText: 'seit 21.11.2026, 14:00 Uhr',
    mediationNote: null,
    note: null,
    closeActions: false,
    statusAction: true,
    ...overrides,
  };
}

export function completedModel(overrides: Partial<HandoverCompletedModel> = {}): HandoverCompletedModel {
  return {
    ref: ref({ version: 7, status: 'completed', statusLabel: 'Abgeschlossen', open: false }),
    client,
    previousVpa: anna,
    successor: sven,
    completedAtText: '27.11.2026, 16:30 Uhr',
    audience: 'vpa',
    text: 'Sven Nachfolger betreut Müller GmbH (B) ab jetzt. Danke für die Übergabe!',
    ...overrides,
  };
}

export function statusModel(overrides: Partial<HandoverStatusModel> = {}): HandoverStatusModel {
  return {
    personName: 'Maria Manager',
    sections: [
      {
        id: 'own',
        title: 'Deine Anfragen',
        items: [
          {
            requestId: 'req_1',
            version: 3,
            client,
            vpa: anna,
            status: 'awaiting_approval',
            statusLabel: 'Wartet auf Freigabe',
            sinceText: 'seit 21.11.2026',
            nextStepText: 'Ein VPA-Manager oder Kundenmanager entscheidet.',
          },
        ],
      },
      {
        id: 'decision',
        title: 'Zur Freigabe',
        items: [
          {
            requestId: 'req_2',
            version: 4,
            client: { ...client, id: 'cl_schulz', number: '10051', name: 'Schulz & Partner', class: 'A', nameWithClass: 'Schulz & Partner (A)', label: '10051 · Schulz & Partner' },
            vpa: sven,
            status: 'awaiting_approval',
            statusLabel: 'Wartet auf Freigabe',
            sinceText: 'seit 22.11.2026',
            nextStepText: 'Du kannst freigeben oder ablehnen.',
          },
        ],
      },
    ],
    openConductReports: [{ reportId: 'rep_1', client, reportedAtText: '23.11.2026, 08:40 Uhr' }],
    empty: false,
    ...overrides,
  };
}

export function conductFormModel(overrides: Partial<ConductFormModel> = {}): ConductFormModel {
  return {
    clients: [
      { value: 'cl_mueller', label: '10023 · Müller GmbH' },
      { value: 'cl_schulz', label: '10051 · Schulz & Partner' },
    ],
    noClients: false,
    values: { clientId: '', whatHappened: '', occurredDate: '', occurredTime: '', evidence: '' },
    fieldErrors: {},
    limits: { whatHappenedMinLength: 10, textMaxLength: TEXT_MAX },
    today: '2026-11-24',
    formId: 'form_melden_1',
    ...overrides,
  };
}

export function conductReceivedModel(overrides: Partial<ConductReceivedModel> = {}): ConductReceivedModel {
  return {
    reportId: 'rep_1',
    client,
    managerCount: 3,
    text: 'Danke, dass du das meldest. Die VPA-Manager und Kundenmanager kümmern sich darum und melden sich bei dir.',
    ...overrides,
  };
}

export function conductReportModel(overrides: Partial<ConductReportModel> = {}): ConductReportModel {
  return {
    reportId: 'rep_1',
    version: 1,
    urgent: true,
    client,
    reporter: anna,
    whatHappened: 'Der Kunde hat mich im Call mehrfach angeschrien und als „unfähig“ beschimpft.',
    occurredAtText: '23.11.2026, 16:30 Uhr',
    evidence: 'Aufnahme des Calls liegt im Teams-Ordner „Meldungen“.',
    reportedAtText: '23.11.2026, 17:05 Uhr',
    acknowledgements: [],
    recipientId: maria.id,
    acknowledgedByRecipient: false,
    actions: { acknowledge: true },
    ...overrides,
  };
}

export function conductAcknowledgedModel(overrides: Partial<ConductAcknowledgedModel> = {}): ConductAcknowledgedModel {
  return {
    reportId: 'rep_1',
    client,
    acknowledgedBy: maria,
    atText: '23.11.2026, 17:20 Uhr',
    text: 'Maria Manager hat deine Meldung gesehen und kümmert sich darum.',
    ...overrides,
  };
}

export function conductReminderModel(overrides: Partial<ConductReminderModel> = {}): ConductReminderModel {
  return {
    reportId: 'rep_1',
    version: 1,
    client,
    reporter: anna,
    whatHappened: 'Der Kunde hat mich im Call mehrfach angeschrien und als „unfähig“ beschimpft.',
    occurredAtText: '23.11.2026, 16:30 Uhr',
    evidence: 'Aufnahme des Calls liegt im Teams-Ordner „Meldungen“.',
    reportedAtText: '23.11.2026, 17:05 Uhr',
    workingHours: 4,
    workingHoursText: '4 Arbeitsstunden',
    text:
      'Die dringende Meldung von Anna Beispiel über Müller GmbH (B) vom 23.11.2026, 17:05 Uhr hat seit 4 Arbeitsstunden noch niemand zur Kenntnis genommen. ' +
      'Bitte sieh sie dir an und kümmere dich darum – ohne Reaktion geht sie an das Admin-Team.',
    recipientId: maria.id,
    actions: { acknowledge: true },
    ...overrides,
  };
}

export function conductEscalationModel(overrides: Partial<ConductEscalationModel> = {}): ConductEscalationModel {
  return {
    reportId: 'rep_1',
    client,
    reporter: anna,
    whatHappened: 'Der Kunde hat mich im Call mehrfach angeschrien und als „unfähig“ beschimpft.',
    occurredAtText: '23.11.2026, 16:30 Uhr',
    evidence: 'Aufnahme des Calls liegt im Teams-Ordner „Meldungen“.',
    reportedAtText: '23.11.2026, 17:05 Uhr',
    remindedAtText: '24.11.2026, 13:00 Uhr',
    managers: [maria, petra],
    workingHours: 4,
    workingHoursText: '4 Arbeitsstunden',
    text:
      'Kein VPA-Manager und kein Kundenmanager hat die dringende Meldung von Anna Beispiel über Müller GmbH (B) vom 23.11.2026, 17:05 Uhr zur Kenntnis genommen – ' +
      'auch nicht 4 Arbeitsstunden nach der Erinnerung vom 24.11.2026, 13:00 Uhr. Bitte kümmert euch darum und sprecht mit Anna Beispiel und den Managern.',
    ...overrides,
  };
}
