// View models for the inactivity list, clients and report card tests.
import type { ClientInfo, InactivityClientRow, InactivityClientsModel, InactivityListModel, InactivityListRow, InactivityReplyModel, InactivityReportModel, InactivityVpaModel } from '../../../src/notices/inactivity.ts';
import { REACTIVATION_TIPS } from '../../../src/inactivity/tips.ts';

export function clientNo(i: number, overrides: Partial<ClientInfo> = {}): ClientInfo {
  const name = overrides.name ?? `Kunde ${i} GmbH`;
  const cls = overrides.class ?? 'B';
  return {
    id: `cl_${i}`,
    number: String(10000 + i),
    name,
    class: cls,
    workType: 'continuous',
    workTypeLabel: 'kontinuierliche Aufgaben',
    nameWithClass: `${name} (${cls})`,
    label: `${10000 + i} · ${name}`,
    ...overrides,
  };
}

export function listRow(i: number, overrides: Partial<InactivityListRow> = {}): InactivityListRow {
  return {
    ref: { cycleId: `3f0c1a2e-0000-4000-8000-${String(i).padStart(12, '0')}`, clientId: `cl_${i}`, version: 2 },
    client: clientNo(i),
    vpaName: 'Anna Schneider',
    lastTaskText: '14.08.2026',
    weeksInactive: 14,
    inactiveText: 'seit 14 Wochen ohne Aufgabe',
    postponedText: null,
    ...overrides,
  };
}

export function listModel(overrides: Partial<InactivityListModel> = {}): InactivityListModel {
  return {
    rows: [
      listRow(1, { client: clientNo(1, { name: 'Müller GmbH', class: 'A' }), weeksInactive: 20, inactiveText: 'seit 20 Wochen ohne Aufgabe', lastTaskText: '06.07.2026' }),
      listRow(2, { client: clientNo(2, { name: 'Schulz & Partner' }), vpaName: 'Ben Vogel', postponedText: 'War verschoben bis 16.11.2026: VPA *klärt* das mit dem Kunden' }),
    ],
    asOfText: 'Stand 23.11.2026, 10:00 Uhr',
    listAfterWeeks: 12,
    minDate: '2026-11-24',
    autoHandover: false,
    doneText: null,
    ...overrides,
  };
}

export function clientRow(i: number, overrides: Partial<InactivityClientRow> = {}): InactivityClientRow {
  return {
    client: clientNo(i),
    marked: false,
    lastTaskText: '20.11.2026 (vor 3 Tagen)',
    servingSinceText: 'seit 15.08.2024 (2 Jahre, 3 Monate)',
    statusText: null,
    resume: null,
    ...overrides,
  };
}

export function clientsModel(overrides: Partial<InactivityClientsModel> = {}): InactivityClientsModel {
  return {
    personName: 'Anna Schneider',
    rows: [
      clientRow(1, {
        client: clientNo(1, { name: 'Müller GmbH', class: 'A' }),
        marked: true,
        lastTaskText: '14.08.2026 (vor 14 Wochen)',
        statusText: '8-Wochen-Nachricht in deinem Namen gesendet am 09.10.2026. Der Kunde steht auf der Liste des Inactive Managements und kann jederzeit an Conny übergeben werden.',
      }),
      clientRow(2, {
        client: clientNo(2, { name: 'Schulz & Partner' }),
        marked: true,
        lastTaskText: '20.09.2026 (vor 9 Wochen)',
        statusText: 'Der Kunde hat geantwortet; die Erinnerungen ruhen. Wenn nichts mehr zu klären ist, tippe auf „fortsetzen“.',
        resume: { cycleId: 'cyc_2', clientId: 'cl_2', version: 3 },
      }),
      clientRow(3, { client: clientNo(3, { name: 'Bäckerei Korn', class: 'C' }) }),
    ],
    markedCount: 2,
    tips: [...REACTIVATION_TIPS],
    asOfText: 'Stand 23.11.2026, 10:00 Uhr',
    ...overrides,
  };
}

export function reportModelFixture(overrides: Partial<InactivityReportModel> = {}): InactivityReportModel {
  return {
    asOfText: 'Stand 23.11.2026, 10:00 Uhr',
    periodText: '01.12.2025 – 23.11.2026',
    today: [
      { label: 'nur markiert', clients: 2, paused: 0 },
      { label: '8-Wochen-Nachricht gesendet', clients: 5, paused: 1 },
      { label: 'auf der Liste', clients: 3, paused: 0 },
      { label: 'verschoben', clients: 1, paused: 0 },
      { label: 'bei Conny, noch keine Nachricht', clients: 0, paused: 0 },
      { label: 'bei Conny: Vorstellung Conny', clients: 4, paused: 0 },
      { label: 'bei Conny: Erinnerung nach 16 Wochen', clients: 2, paused: 1 },
      { label: 'bei Conny: Erinnerung nach 20 Wochen', clients: 6, paused: 0 },
      { label: 'bei Conny: E-Mail nach einem Jahr', clients: 9, paused: 0 },
    ],
    todayTotal: 32,
    excludedNow: 2,
    months: [
      { label: 'Oktober 2026', total: 3, parts: [{ label: '8-Wochen-Nachricht', count: 2 }, { label: 'Erinnerung nach 16 Wochen', count: 1 }] },
      { label: 'November 2026', total: 0, parts: [] },
    ],
    reactivatedTotal: 3,
    effect: [
      { label: '8-Wochen-Nachricht', reactivated: 2, shareText: '66,7 %', sent: 10, reactivatedOfSent: 2, rateText: '20,0 %' },
      { label: 'Vorstellung Conny', reactivated: 0, shareText: '0,0 %', sent: 4, reactivatedOfSent: 0, rateText: '0,0 %' },
      { label: 'Erinnerung nach 16 Wochen', reactivated: 1, shareText: '33,3 %', sent: 3, reactivatedOfSent: 1, rateText: '33,3 %' },
      { label: 'Erinnerung nach 20 Wochen', reactivated: 0, shareText: '0,0 %', sent: 0, reactivatedOfSent: 0, rateText: '–' },
      { label: 'E-Mail nach einem Jahr', reactivated: 0, shareText: '0,0 %', sent: 0, reactivatedOfSent: 0, rateText: '–' },
      { label: 'ohne Nachricht', reactivated: 0, shareText: '0,0 %', sent: null, reactivatedOfSent: null, rateText: '–' },
    ],
    ...overrides,
  };
}

export function vpaModel(overrides: Partial<InactivityVpaModel> = {}): InactivityVpaModel {
  return {
    ref: { cycleId: 'cyc_1', clientId: 'cl_1', version: 1 },
    client: clientNo(1),
    lastTaskText: '05.10.2026 (vor 8 Wochen)',
    servingSinceText: 'seit 15.08.2024 (2 Jahre, 3 Monate)',
    clientMessage: 'Guten Tag,\n\nich hoffe, es geht Ihnen gut! Gibt es etwas, das ich für Sie übernehmen kann?\n\nViele Grüße\nAnna',
    clientMessageWhen: 'jetzt',
    tips: ['Schreib dem Kunden persönlich.', 'Schlag konkrete Aufgaben vor, die er früher gegeben hat.'],
    nextStepText: 'Stellt der Kunde bis zum 28.12.2026 keine neue Aufgabe ein, übernimmt das Inactive Management (Konto Conny).',
    ...overrides,
  };
}

export function replyModel(overrides: Partial<InactivityReplyModel> = {}): InactivityReplyModel {
  return {
    ref: { cycleId: 'cyc_1', clientId: 'cl_1', version: 2 },
    client: clientNo(1),
    handledBy: 'Anna Schneider',
    repliedAtText: '30.11.2026, 10:00 Uhr',
    text: 'Der Kunde hat geantwortet. Weitere automatische Erinnerungen ruhen, bis jemand „fortsetzen“ drückt oder der Kunde eine Aufgabe einstellt.',
    resumedText: null,
    actions: { resume: true },
    ...overrides,
  };
}
