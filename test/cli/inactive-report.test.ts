// `inactive report`: the sequence report as a table for people, CSV for spreadsheets and JSON, for a period of local
// days; a bad date is refused in German and English.
import { parse } from 'csv-parse/sync';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testDatabase, type TestDatabase } from '../support/db.ts';
import { berlin, seedCycle, seedStep } from '../inactivity/views-support.ts';
import { cli } from './harness.ts';

let db: TestDatabase;
beforeEach(async () => {
  db = await testDatabase('sqlite');
  const p = db.prisma;
  // Today: one client marked only, one with the 8-week message (paused), one with Conny's introduction.
  await seedCycle(p, { lastTaskAt: berlin('2026-09-20T10:00') });
  const b = await seedCycle(p, { lastTaskAt: berlin('2026-09-01T10:00'), status: 'paused' });
  await seedStep(p, b, 'vpa_message', berlin('2026-10-27T10:00'));
  const c = await seedCycle(p, { lastTaskAt: berlin('2026-07-01T10:00'), connyAt: berlin('2026-10-01T09:00') });
  await seedStep(p, c, 'conny_intro', berlin('2026-10-01T10:00'));
  // Reactivated in October after the 8-week message, in November after the 16-week reminder.
  const r1 = await seedCycle(p, { lastTaskAt: berlin('2026-07-01T10:00'), status: 'reactivated', reactivatedAt: berlin('2026-10-05T12:00'), reactivatedAfter: 'vpa_message' });
  await seedStep(p, r1, 'vpa_message', berlin('2026-08-26T10:00'));
  const r2 = await seedCycle(p, { lastTaskAt: berlin('2026-06-01T10:00'), status: 'reactivated', reactivatedAt: berlin('2026-11-10T12:00'), reactivatedAfter: 'conny_reminder_1' });
  await seedStep(p, r2, 'conny_reminder_1', berlin('2026-09-21T10:00'));
});
afterEach(async () => {
  await db.destroy();
});

const ARGS = ['inactive', 'report', '--from', '2026-10-01', '--to', '2026-11-30'];

describe('inactive report', () => {
  it('prints a table by default', async () => {
    const r = await cli(db.url, ARGS);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      [
        'Inaktive Kunden – Ablaufbericht, Stand 23.11.2026 11:00:00 (Europe/Berlin)',
        '',
        'Heute (laufende und pausierte Vorgänge, je bei der letzten Nachricht):',
        'Stand                                 Kunden  davon pausiert',
        'nur markiert                               1               0',
        '8-Wochen-Nachricht gesendet                1               1',
        'auf der Liste                              0               0',
        'verschoben                                 0               0',
        'bei Conny, noch keine Nachricht            0               0',
        'bei Conny: Vorstellung Conny               1               0',
        'bei Conny: Erinnerung nach 16 Wochen       0               0',
        'bei Conny: Erinnerung nach 20 Wochen       0               0',
        'bei Conny: E-Mail nach einem Jahr          0               0',
        'Summe                                      3               1',
        'Ausgenommen: 0',
        '',
        'Reaktiviert je Monat, nach welcher Nachricht (01.10.2026 – 30.11.2026):',
        'Monat    8-Wochen-Nachricht  Vorstellung Conny  Erinnerung nach 16 Wochen  Erinnerung nach 20 Wochen  E-Mail nach einem Jahr  ohne Nachricht  Summe',
        '2026-10                   1                  0                          0                          0                       0               0      1',
        '2026-11                   0                  0                          1                          0                       0               0      1',
        '',
        'Wirkung der Nachrichten im Zeitraum:',
        'Nachricht                  reaktiviert  Anteil  Empfänger  danach reaktiviert  Quote',
        '8-Wochen-Nachricht                   1  50,0 %          1                   0  0,0 %',
        'Vorstellung Conny                    0   0,0 %          1                   0  0,0 %',
        'Erinnerung nach 16 Wochen            1  50,0 %          0                   0      –',
        'Erinnerung nach 20 Wochen            0   0,0 %          0                   0      –',
        'E-Mail nach einem Jahr               0   0,0 %          0                   0      –',
        'ohne Nachricht                       0   0,0 %          –                   –      –',
        '',
        'Anteil: an allen Reaktivierungen im Zeitraum. Empfänger: Kunden, die die Nachricht im Zeitraum bekamen; Quote: wie viele',
        'von ihnen danach eine neue Aufgabe einstellten, bevor die nächste Nachricht kam.',
        '',
      ].join('\n'),
    );
  });

  it('prints one tidy CSV table', async () => {
    const r = await cli(db.url, [...ARGS, '--format', 'csv']);
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('section,month,key,label,count,total,share');
    expect(lines).toContain('today,,marked,nur markiert,1,3,0.3333');
    expect(lines).toContain('today_paused,,vpa_message,8-Wochen-Nachricht gesendet,1,1,1');
    expect(lines).toContain('today,,on_list,auf der Liste,0,3,0');
    expect(lines).toContain('excluded,,excluded,ausgenommen,0,,');
    expect(lines).toContain('reactivated,2026-10,vpa_message,8-Wochen-Nachricht,1,1,1');
    expect(lines).toContain('reactivated,2026-11,conny_reminder_1,Erinnerung nach 16 Wochen,1,1,1');
    expect(lines).toContain('reactivated,2026-11,none,ohne Nachricht,0,1,0');
    expect(lines).toContain('reactivated_share,,conny_reminder_1,Erinnerung nach 16 Wochen,1,2,0.5');
    expect(lines).toContain('effect,,vpa_message,8-Wochen-Nachricht,0,1,0');
    expect(lines).toContain('effect,,conny_reminder_2,Erinnerung nach 20 Wochen,0,0,');
    expect(lines.some((l) => l.startsWith('effect,,none'))).toBe(false);
    // 9 today + 9 paused + 1 excluded + 2 months x 6 + 6 shares + 5 effects, and the header.
    expect(lines).toHaveLength(1 + 9 + 9 + 1 + 12 + 6 + 5);
    // A label with a comma is quoted: every row has the seven columns.
    const rows = parse(r.stdout, { relaxColumnCount: false }) as string[][];
    expect(rows.every((row) => row.length === 7)).toBe(true);
    expect(lines).toContain('today,,conny_waiting,"bei Conny, noch keine Nachricht",0,3,0');
  });

  it('prints the typed report as JSON', async () => {
    const r = await cli(db.url, [...ARGS, '--format', 'json']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as Record<string, unknown> & { months: { month: string; total: number; counts: Record<string, number> }[]; effect: { after: string; rate: number | null }[] };
    expect(json).toMatchObject({ timeZone: 'Europe/Berlin', from: '2026-09-30T22:00:00.000Z', to: '2026-11-30T23:00:00.000Z', todayTotal: 3, excludedNow: 0, reactivatedTotal: 2 });
    expect(json.months.map((m) => [m.month, m.total, m.counts.vpa_message, m.counts.conny_reminder_1])).toEqual([
      ['2026-10', 1, 1, 0],
      ['2026-11', 1, 0, 1],
    ]);
    expect(json.effect.find((e) => e.after === 'conny_intro')?.rate).toBe(0);
  });

  it('refuses a malformed date and an unknown format', async () => {
    const bad = await cli(db.url, ['inactive', 'report', '--from', '1.10.2026']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('Fehler: „1.10.2026“ ist kein gültiges Datum. Bitte als JJJJ-MM-TT angeben, z. B. 2026-01-31.');
    expect(bad.stderr).toContain('[INACTIVITY_INPUT_INVALID]');
    const format = await cli(db.url, [...ARGS, '--format', 'xlsx']);
    expect(format.code).toBe(2);
    expect(format.stderr).toContain('xlsx');
  });
});
