// Example view models for the tender cards: realistic defaults and maximal ones for the size checks. Each factory
// takes overrides so a test states only what it is about.
import type { TenderDeadlineModel, TenderInviteModel, TenderLastVpaView, TenderListModel, TenderResultModel, TenderReviewModel } from '../../../src/notices/tender.ts';
import { client } from '../handover/models.ts';

export const lena = { id: 'p_lena', name: 'Lena Letzte' };
export const ben = { id: 'p_ben', name: 'Ben Bereit' };
export const carla = { id: 'p_carla', name: 'Carla Lohn' };

export const task = { title: 'Quartalsabschluss vorbereiten', competence: 'Buchhaltung', createdAtText: '24.11.2026, 09:00 Uhr' };

export function lastVpa(overrides: Partial<TenderLastVpaView> = {}): TenderLastVpaView {
  return {
    person: lena,
    isVpa: true,
    absentNow: false,
    absentLong: false,
    absenceText: null,
    takesNewClients: false,
    hasCompetence: true,
    leaveOutReasons: [],
    invited: null,
    leftOut: null,
    appliedAtText: null,
    ...overrides,
  };
}

export function reviewModel(overrides: Partial<TenderReviewModel> = {}): TenderReviewModel {
  return {
    tenderId: 'tnd_1',
    version: 1,
    status: 'review',
    statusLabel: 'Wartet auf den Start der Umfrage',
    client,
    task,
    history: { lastStepText: 'Vorstellung durch Conny (Woche 12)', lastTaskBeforeText: '12.03.2026' },
    lastVpa: lastVpa(),
    lastVpaText: 'Lena Letzte betreute den Kunden zuletzt und wird immer eingeladen, auch ohne Wunsch nach neuen Kunden. Bewirbt sich Lena Letzte, bekommt Lena Letzte die Aufgabe sofort.',
    deadlineInput: { value: '2026-11-26', min: '2026-11-24' },
    deadlineText: null,
    deadlinePassed: false,
    startedText: null,
    invitees: [],
    applicants: [],
    award: null,
    cancellation: null,
    actions: { start: true, award: false, cancel: true, extend: false },
    awardChoices: [],
    ...overrides,
  };
}

/** Started, Ben and Carla applied. */
export function openReviewModel(overrides: Partial<TenderReviewModel> = {}): TenderReviewModel {
  return reviewModel({
    version: 4,
    status: 'open',
    statusLabel: 'Umfrage läuft',
    lastVpa: lastVpa({ invited: true }),
    lastVpaText: 'Lena Letzte betreute den Kunden zuletzt und wird immer eingeladen, auch ohne Wunsch nach neuen Kunden. Bewirbt sich Lena Letzte, bekommt Lena Letzte die Aufgabe sofort.',
    deadlineText: '26.11.2026, 23:59 Uhr',
    startedText: 'Gestartet von Ada Admin am 24.11.2026, 10:05 Uhr',
    invitees: [
      { person: ben, isLastVpa: false },
      { person: carla, isLastVpa: false },
      { person: lena, isLastVpa: true },
    ],
    applicants: [
      { person: ben, atText: '24.11.2026, 11:00 Uhr', isLastVpa: false },
      { person: carla, atText: '24.11.2026, 11:30 Uhr', isLastVpa: false },
    ],
    deadlineInput: { value: '2026-11-27', min: '2026-11-27' },
    actions: { start: false, award: true, cancel: true, extend: true },
    awardChoices: [
      { value: ben.id, label: ben.name },
      { value: carla.id, label: carla.name },
    ],
    ...overrides,
  });
}

export function inviteModel(overrides: Partial<TenderInviteModel> = {}): TenderInviteModel {
  return {
    tenderId: 'tnd_1',
    recipientId: ben.id,
    client,
    task,
    deadlineText: '26.11.2026, 23:59 Uhr',
    isLastVpa: false,
    state: 'open',
    stateText: 'Bewirb dich bis 26.11.2026, 23:59 Uhr, wenn du die Aufgabe übernehmen möchtest. Das Admin-Team vergibt sie danach.',
    actions: { apply: true },
    ...overrides,
  };
}

export function resultModel(overrides: Partial<TenderResultModel> = {}): TenderResultModel {
  return {
    tenderId: 'tnd_1',
    client,
    task,
    outcome: 'won',
    text: 'Die Aufgabe „Quartalsabschluss vorbereiten“ von Müller GmbH (B) ist deine. Der Kunde ist dir ab sofort zugeordnet und erfährt in einer Nachricht in deinem Namen, dass du seine neue Ansprechperson bist.',
    ...overrides,
  };
}

export function listModel(overrides: Partial<TenderListModel> = {}): TenderListModel {
  return {
    empty: false,
    items: [
      {
        tenderId: 'tnd_1',
        client,
        task,
        status: 'open',
        statusLabel: 'Umfrage läuft',
        lastVpaName: 'Lena Letzte',
        stateText: 'Frist: 26.11.2026, 23:59 Uhr',
        invitedCount: 3,
        applicantNames: ['Ben Bereit', 'Carla Lohn'],
      },
      {
        tenderId: 'tnd_2',
        client: { ...client, id: 'cl_2', name: 'Zeta AG', nameWithClass: 'Zeta AG (A)', class: 'A', label: '10077 · Zeta AG', number: '10077' },
        task: { title: 'Reisekosten', competence: null, createdAtText: '24.11.2026, 11:00 Uhr' },
        status: 'review',
        statusLabel: 'Wartet auf den Start der Umfrage',
        lastVpaName: null,
        stateText: 'Wartet seit 24.11.2026, 11:00 Uhr auf den Start',
        invitedCount: 0,
        applicantNames: [],
      },
    ],
    ...overrides,
  };
}

/** Cancelled by Ada after the start: the reason on the admin team's card, no buttons. */
export function cancelledReviewModel(overrides: Partial<TenderReviewModel> = {}): TenderReviewModel {
  return openReviewModel({
    version: 5,
    status: 'cancelled',
    statusLabel: 'Abgebrochen',
    cancellation: { text: 'Abgebrochen von Ada Admin am 24.11.2026, 12:00 Uhr. Die Aufgabe wird nicht über diese Umfrage vergeben; der Kunde bleibt zugeordnet wie bisher.', reason: 'Kunde wurde direkt Ben Bereit zugewiesen.' },
    actions: { start: false, award: false, cancel: false, extend: false },
    awardChoices: [],
    ...overrides,
  });
}

/** The deadline passed on the open tender; Ben applied, Lena (the last VPA) did not answer. */
export function deadlineModel(overrides: Partial<TenderDeadlineModel> = {}): TenderDeadlineModel {
  return {
    tenderId: 'tnd_1',
    version: 5,
    status: 'open',
    statusLabel: 'Umfrage läuft',
    client,
    task,
    deadlineText: '26.11.2026, 23:59 Uhr',
    invitedCount: 3,
    applicants: [{ person: ben, atText: '24.11.2026, 11:00 Uhr', isLastVpa: false }],
    lastVpaText: 'Lena Letzte betreute den Kunden zuletzt, wurde eingeladen und hat sich nicht beworben. Soll Lena Letzte die Aufgabe trotzdem bekommen, fragt nach und verlängert die Frist.',
    adviceText: 'Bitte vergebt die Aufgabe: beworben hat sich Ben Bereit. Der Kunde wird beim Vergeben sofort neu zugewiesen.',
    outcomeText: null,
    deadlineInput: { value: '2026-11-30', min: '2026-11-27' },
    actions: { award: true, cancel: true, extend: true },
    awardChoices: [{ value: ben.id, label: ben.name }],
    ...overrides,
  };
}
