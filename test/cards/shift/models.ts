// Example view models of the shift cards, for the card tests and the card pictures (scripts/render-cards.ts).
import type { ShiftAlertModel, ShiftCheckModel, ShiftEscalationModel, ShiftItemView, ShiftPlanModel, ShiftReportModel } from '../../../src/notices/shift.ts';

export function itemView(overrides: Partial<ShiftItemView> = {}): ShiftItemView {
  return {
    id: 'chat-1',
    kind: 'chat',
    kindLabel: 'Chat',
    clientText: '10023 · Müller GmbH',
    subject: 'Rückfrage zur Rechnung',
    receivedText: '22.03.2027, 10:40 Uhr',
    ageText: 'seit 3 Std. 20 Min.',
    deadlineText: '22.03.2027, 14:40 Uhr',
    state: 'near',
    stateText: 'Frist in 40 Min.',
    ...overrides,
  };
}

export function checkModel(overrides: Partial<ShiftCheckModel> = {}): ShiftCheckModel {
  return {
    checkId: 'chk_1',
    version: 1,
    slotText: 'Montag, 22.03.2027, 14:00 Uhr',
    onShift: [
      { id: 'p_anna', name: 'Anna Früh' },
      { id: 'p_tom', name: 'Tom Ohne-Id' },
    ],
    mentions: [{ id: '29:anna', name: 'Anna Früh' }],
    unstaffed: false,
    kinds: [
      { kind: 'chat', label: 'Unbeantwortete Chats', open: 2, oldest: itemView() },
      { kind: 'mail', label: 'Unbeantwortete Mails', open: 1, oldest: itemView({ id: 'mail-1', kind: 'mail', kindLabel: 'Mail', clientText: '10031 · Schulz Handel KG', receivedText: '19.03.2027, 13:35 Uhr', ageText: 'seit 3 Tagen' }) },
      { kind: 'task', label: 'Neue Aufgaben', open: 0, oldest: null },
    ],
    urgent: [
      itemView({ id: 'mail-1', kind: 'mail', kindLabel: 'Mail', clientText: '10031 · Schulz Handel KG', subject: 'Angebot', receivedText: '19.03.2027, 13:35 Uhr', ageText: 'seit 3 Tagen', deadlineText: '22.03.2027, 13:35 Uhr', state: 'overdue', stateText: 'überfällig seit 25 Min.' }),
      itemView(),
    ],
    urgentMore: 0,
    allDone: false,
    checklist: ['Chats', 'Mails (wie du die Anfragen bearbeitest, steht in der Anleitung)', 'Neue Aufgaben'],
    responseText: 'Reaktionszeiten (Arbeitszeit Mo–Fr 9–17 Uhr): Chats 4 Std., Mails 8 Std. (1 Arbeitstag), neue Aufgaben 4 Std.',
    links: [
      { title: 'Video zum Prozess', url: 'https://wiki.example.de/conny/video' },
      { title: 'Anleitung: Mails beantworten', url: 'https://wiki.example.de/conny/mails' },
    ],
    acknowledged: null,
    actions: { acknowledge: true },
    ...overrides,
  };
}

export const allDoneCheck = (): ShiftCheckModel =>
  checkModel({ kinds: checkModel().kinds.map((k) => ({ ...k, open: 0, oldest: null })), urgent: [], allDone: true, links: [] });

export const acknowledgedCheck = (): ShiftCheckModel => checkModel({ version: 2, acknowledged: { by: { id: 'p_anna', name: 'Anna Früh' }, atText: '22.03.2027, 14:12 Uhr' }, actions: { acknowledge: false } });

export function escalationModel(overrides: Partial<ShiftEscalationModel> = {}): ShiftEscalationModel {
  return {
    step: 'lead',
    text: 'Der Schicht-Check von 09:00 Uhr ist seit 60 Minuten nicht geprüft. In der Schicht: Anna Früh, Tom Ohne-Id. Bitte sorge dafür, dass das Konto Conny geprüft wird.',
    check: checkModel({ mentions: [] }),
    ...overrides,
  };
}

export function alertModel(overrides: Partial<ShiftAlertModel> = {}): ShiftAlertModel {
  return {
    itemId: 'chat-1',
    version: 1,
    item: itemView(),
    mentions: [{ id: '29:anna', name: 'Anna Früh' }],
    onShift: [{ id: 'p_anna', name: 'Anna Früh' }],
    unstaffed: false,
    shareText: 'Schon 75 % der Reaktionszeit (4 Std. Arbeitszeit) sind vorbei. Frist: 22.03.2027, 12:40 Uhr.',
    answered: null,
    actions: { done: true },
    ...overrides,
  };
}

export const answeredAlert = (): ShiftAlertModel =>
  alertModel({ version: 2, mentions: [], item: itemView({ state: 'answered', stateText: 'beantwortet am 22.03.2027, 12:05 Uhr' }), answered: { text: 'Beantwortet am 22.03.2027, 12:05 Uhr (in Teams).' }, actions: { done: false } });

export function planModel(overrides: Partial<ShiftPlanModel> = {}): ShiftPlanModel {
  return {
    days: [
      {
        date: '2027-03-22',
        dateText: 'Heute, Montag, 22.03.2027',
        workingDay: true,
        rows: [
          { assignmentId: 'sa_1', shift: 'früh', person: { id: 'p_anna', name: 'Anna Früh' }, lead: false, timeText: '08:00–14:00 Uhr', absenceText: null },
          { assignmentId: 'sa_2', shift: 'spät', person: { id: 'p_ben', name: 'Ben Spät' }, lead: true, timeText: '13:00–19:00 Uhr', absenceText: null },
          { assignmentId: 'sa_3', shift: 'spät', person: { id: 'p_carla', name: 'Carla Krank' }, lead: false, timeText: '13:00–19:00 Uhr', absenceText: 'abwesend' },
        ],
      },
      { date: '2027-03-23', dateText: 'Morgen, Dienstag, 23.03.2027', workingDay: true, rows: [] },
    ],
    canEdit: true,
    people: [
      { value: 'p_anna', label: 'Anna Früh' },
      { value: 'p_ben', label: 'Ben Spät' },
    ],
    dateChoices: [
      { value: '2027-03-22', label: 'Heute, Montag, 22.03.2027' },
      { value: '2027-03-23', label: 'Morgen, Dienstag, 23.03.2027' },
    ],
    notice: null,
    ...overrides,
  };
}

export function reportModel(): ShiftReportModel {
  return {
    from: '2027-03-22',
    to: '2027-03-23',
    periodText: '22.03.2027 – 23.03.2027',
    generatedAtText: '23.03.2027, 16:00 Uhr',
    checks: [
      { slot: '2027-03-22T09:00', slotText: 'Mo 22.03.2027 09:00', onShiftNames: ['Anna Früh'], acknowledgedBy: 'Anna Früh', minutesToAcknowledge: 20, escalatedToLead: false, escalatedToManagers: false },
      { slot: '2027-03-22T14:00', slotText: 'Mo 22.03.2027 14:00', onShiftNames: ['Ben Spät'], acknowledgedBy: 'Ben Spät', minutesToAcknowledge: 45, escalatedToLead: false, escalatedToManagers: false },
      { slot: '2027-03-23T09:00', slotText: 'Di 23.03.2027 09:00', onShiftNames: ['Anna Früh'], acknowledgedBy: 'Ben Spät', minutesToAcknowledge: 150, escalatedToLead: true, escalatedToManagers: true },
      { slot: '2027-03-23T14:00', slotText: 'Di 23.03.2027 14:00', onShiftNames: ['Ben Spät'], acknowledgedBy: null, minutesToAcknowledge: null, escalatedToLead: true, escalatedToManagers: false },
    ],
    totals: { checks: 4, acknowledged: 3, unacknowledged: 1, averageMinutesToAcknowledge: 72, maxMinutesToAcknowledge: 150, escalatedToLead: 2, escalatedToManagers: 1 },
    byPerson: [
      { name: 'Ben Spät', checks: 2 },
      { name: 'Anna Früh', checks: 1 },
    ],
    kinds: [
      { kind: 'chat', label: 'Unbeantwortete Chats', responseHours: 4, received: 3, answeredInTime: 2, answeredLate: 0, openOverdue: 1, openInTime: 0, misses: 1 },
      { kind: 'mail', label: 'Unbeantwortete Mails', responseHours: 8, received: 2, answeredInTime: 0, answeredLate: 1, openOverdue: 0, openInTime: 1, misses: 1 },
      { kind: 'task', label: 'Neue Aufgaben', responseHours: 4, received: 2, answeredInTime: 1, answeredLate: 1, openOverdue: 0, openInTime: 0, misses: 1 },
    ],
  };
}
