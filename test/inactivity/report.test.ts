// The sequence report on a hand-computed scenario: rows seeded directly, every count worked out below by hand.
// Defaults: 8-week message, list after 12 weeks, Conny reminders after 16 and 20 weeks, the e-mail after 52.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.ts';
import { defaultReportPeriod, inactivityReport, percentText, reportModel, reportPeriod, type InactivityReport } from '../../src/inactivity/report.ts';
import { testDatabase, type TestDatabase } from '../support/db.ts';
import { berlin, NOW, seedCycle, seedExclusion, seedStep, TZ, weeksAgo } from './views-support.ts';

const config = loadConfig({ DATABASE_URL: 'file:unused', LOG_LEVEL: 'silent' }).inactivity;

let db: TestDatabase;
beforeEach(async () => {
  db = await testDatabase('sqlite');
});
afterEach(async () => {
  await db.destroy();
});

/**
 * Today (running and paused cycles):
 *   A running, 9 weeks, nothing sent yet                         -> nur markiert
 *   B running, 10 weeks, 8-week message sent 10.11.               -> 8-Wochen-Nachricht gesendet
 *   C paused,  10 weeks, 8-week message sent 10.11.               -> 8-Wochen-Nachricht gesendet (paused)
 *   D running, 13 weeks, 8-week message sent 27.10.               -> auf der Liste
 *   E running, 13 weeks, postponed until tomorrow                 -> verschoben
 *   F running, 13 weeks, postponement over                        -> auf der Liste
 *   G with Conny, only the 8-week message sent (01.10.)           -> bei Conny, noch keine Nachricht
 *   H with Conny, introduction sent 02.11.                        -> Vorstellung Conny
 *   I paused, with Conny, intro 20.08., reminder 1 sent 03.11.    -> Erinnerung nach 16 Wochen (paused)
 *   J with Conny, intro skipped, reminders 1 and 2 sent (June/July) -> Erinnerung nach 20 Wochen
 *   K with Conny, e-mail sent 30.09.                              -> E-Mail nach einem Jahr
 *   L with Conny, intro sent 10.10., reminder 1 skipped 01.11.    -> Vorstellung Conny (a skipped step is not reached)
 *   Z ended (not counted)
 * Excluded today: x1 (for good, twice), x2 (until next year); x3's break is over -> 2.
 *
 * Reactivations, period 01.09.–30.11.2026 (Berlin):
 *   R1 15.09. after the 8-week message (sent 20.08., before the period)
 *   R2 01.10. 00:30 Berlin (30.09. 22:30 UTC: October) after the 8-week message (sent 10.09.)
 *   R3 20.10. after the introduction (sent 05.10.; its 8-week message 01.08. is before the period)
 *   R4 10.11. after reminder 1 (sent 01.11.; its introduction 20.09. was in the period too)
 *   R5 12.11. after reminder 2 (sent 05.11.)
 *   R6 20.11. before any message ('none'); R9 15.11. without a recorded message (null -> 'none')
 *   R7 31.08. 23:59 Berlin: before the period, not counted
 * Months: September 1 (8-week 1); October 2 (8-week 1, intro 1); November 4 (reminder 1, reminder 2, none 2). Total 7.
 * Effect (sent in the period -> reactivated right after it):
 *   8-week message: R2, B, C, D, G = 5 -> 1 (R2)          20 %
 *   introduction:   R3, R4, H, L = 4 -> 1 (R3)            25 %
 *   reminder 1:     R4, I = 2 -> 1 (R4)                   50 %
 *   reminder 2:     R5 = 1 -> 1                           100 %
 *   e-mail:         K = 1 -> 0                            0 %
 */
async function seedScenario(): Promise<void> {
  const p = db.prisma;
  await seedCycle(p, { lastTaskAt: weeksAgo(9) });
  const b = await seedCycle(p, { lastTaskAt: weeksAgo(10) });
  await seedStep(p, b, 'vpa_message', berlin('2026-11-10T10:00'));
  const c = await seedCycle(p, { lastTaskAt: weeksAgo(10), status: 'paused' });
  await seedStep(p, c, 'vpa_message', berlin('2026-11-10T10:00'));
  const d = await seedCycle(p, { lastTaskAt: weeksAgo(13) });
  await seedStep(p, d, 'vpa_message', berlin('2026-10-27T10:00'));
  await seedCycle(p, { lastTaskAt: weeksAgo(13), postponedUntil: berlin('2026-11-25T00:00'), postponeReason: 'VPA im Gespräch' });
  await seedCycle(p, { lastTaskAt: weeksAgo(13), postponedUntil: berlin('2026-11-20T00:00'), postponeReason: 'VPA im Gespräch' });
  const g = await seedCycle(p, { lastTaskAt: weeksAgo(13), connyAt: berlin('2026-11-23T16:00') });
  await seedStep(p, g, 'vpa_message', berlin('2026-10-01T10:00'));
  const h = await seedCycle(p, { lastTaskAt: weeksAgo(14), connyAt: berlin('2026-11-02T09:00') });
  await seedStep(p, h, 'conny_intro', berlin('2026-11-02T10:00'));
  const i = await seedCycle(p, { lastTaskAt: weeksAgo(17), connyAt: berlin('2026-08-20T09:00'), status: 'paused' });
  await seedStep(p, i, 'conny_intro', berlin('2026-08-20T10:00'));
  await seedStep(p, i, 'conny_reminder_1', berlin('2026-11-03T10:00'));
  const j = await seedCycle(p, { lastTaskAt: berlin('2026-02-01T10:00'), connyAt: berlin('2026-06-01T09:00') });
  await seedStep(p, j, 'conny_intro', berlin('2026-06-01T10:00'), 'skipped');
  await seedStep(p, j, 'conny_reminder_1', berlin('2026-06-02T10:00'));
  await seedStep(p, j, 'conny_reminder_2', berlin('2026-07-01T10:00'));
  const k = await seedCycle(p, { lastTaskAt: berlin('2025-09-30T10:00'), connyAt: berlin('2026-01-01T09:00') });
  await seedStep(p, k, 'conny_email', berlin('2026-09-30T10:00'));
  const l = await seedCycle(p, { lastTaskAt: weeksAgo(16), connyAt: berlin('2026-10-10T09:00') });
  await seedStep(p, l, 'conny_intro', berlin('2026-10-10T10:00'));
  await seedStep(p, l, 'conny_reminder_1', berlin('2026-11-01T10:00'), 'skipped');
  await seedCycle(p, { lastTaskAt: weeksAgo(30), status: 'ended' });

  await seedExclusion(p, 'x1', berlin('2026-01-01T00:00'), null);
  await seedExclusion(p, 'x1', berlin('2026-06-01T00:00'), null);
  await seedExclusion(p, 'x2', berlin('2026-10-01T00:00'), berlin('2027-01-01T00:00'));
  await seedExclusion(p, 'x3', berlin('2026-09-01T00:00'), berlin('2026-11-01T00:00'));

  const reactivated = (at: string, after: string | null) => seedCycle(p, { lastTaskAt: berlin('2026-05-01T10:00'), status: 'reactivated', reactivatedAt: berlin(at), reactivatedAfter: after });
  const r1 = await reactivated('2026-09-15T12:00', 'vpa_message');
  await seedStep(p, r1, 'vpa_message', berlin('2026-08-20T10:00'));
  const r2 = await reactivated('2026-10-01T00:30', 'vpa_message');
  await seedStep(p, r2, 'vpa_message', berlin('2026-09-10T10:00'));
  const r3 = await reactivated('2026-10-20T12:00', 'conny_intro');
  await seedStep(p, r3, 'vpa_message', berlin('2026-08-01T10:00'));
  await seedStep(p, r3, 'conny_intro', berlin('2026-10-05T10:00'));
  const r4 = await reactivated('2026-11-10T12:00', 'conny_reminder_1');
  await seedStep(p, r4, 'conny_intro', berlin('2026-09-20T10:00'));
  await seedStep(p, r4, 'conny_reminder_1', berlin('2026-11-01T10:00'));
  const r5 = await reactivated('2026-11-12T12:00', 'conny_reminder_2');
  await seedStep(p, r5, 'conny_reminder_2', berlin('2026-11-05T10:00'));
  await reactivated('2026-11-20T12:00', 'none');
  await reactivated('2026-08-31T23:59', 'vpa_message');
  await reactivated('2026-11-15T12:00', null);
}

async function report(): Promise<InactivityReport> {
  return inactivityReport({ db: db.prisma, now: NOW, timeZone: TZ, config, ...reportPeriod({ from: '2026-09-01', to: '2026-11-30' }, NOW, TZ) });
}

describe('inactivity sequence report', () => {
  it('counts the clients at each step today', async () => {
    await seedScenario();
    const r = await report();
    expect(r.today.map((t) => [t.bucket, t.label, t.clients, t.paused])).toEqual([
      ['marked', 'nur markiert', 1, 0],
      ['vpa_message', '8-Wochen-Nachricht gesendet', 2, 1],
      ['on_list', 'auf der Liste', 2, 0],
      ['postponed', 'verschoben', 1, 0],
      ['conny_waiting', 'bei Conny, noch keine Nachricht', 1, 0],
      ['conny_intro', 'bei Conny: Vorstellung Conny', 2, 0],
      ['conny_reminder_1', 'bei Conny: Erinnerung nach 16 Wochen', 1, 1],
      ['conny_reminder_2', 'bei Conny: Erinnerung nach 20 Wochen', 1, 0],
      ['conny_email', 'bei Conny: E-Mail nach einem Jahr', 1, 0],
    ]);
    expect(r.todayTotal).toBe(12);
    expect(r.excludedNow).toBe(2);
  });

  it('counts per month (business time zone) how many were reactivated after which message', async () => {
    await seedScenario();
    const r = await report();
    expect(r.from.toISOString()).toBe('2026-08-31T22:00:00.000Z');
    expect(r.to.toISOString()).toBe('2026-11-30T23:00:00.000Z');
    expect(r.columns.map((c) => [c.key, c.label])).toEqual([
      ['vpa_message', '8-Wochen-Nachricht'],
      ['conny_intro', 'Vorstellung Conny'],
      ['conny_reminder_1', 'Erinnerung nach 16 Wochen'],
      ['conny_reminder_2', 'Erinnerung nach 20 Wochen'],
      ['conny_email', 'E-Mail nach einem Jahr'],
      ['none', 'ohne Nachricht'],
    ]);
    expect(r.months.map((m) => [m.month, m.label, m.total, m.counts])).toEqual([
      ['2026-09', 'September 2026', 1, { vpa_message: 1, conny_intro: 0, conny_reminder_1: 0, conny_reminder_2: 0, conny_email: 0, none: 0 }],
      ['2026-10', 'Oktober 2026', 2, { vpa_message: 1, conny_intro: 1, conny_reminder_1: 0, conny_reminder_2: 0, conny_email: 0, none: 0 }],
      ['2026-11', 'November 2026', 4, { vpa_message: 0, conny_intro: 0, conny_reminder_1: 1, conny_reminder_2: 1, conny_email: 0, none: 2 }],
    ]);
    expect(r.reactivatedTotal).toBe(7);
  });

  it('gives each message’s share of the reactivations and its effect on the clients who got it', async () => {
    await seedScenario();
    const r = await report();
    expect(r.effect.map((e) => [e.after, e.reactivated, e.share, e.sent, e.reactivatedOfSent, e.rate])).toEqual([
      ['vpa_message', 2, 2 / 7, 5, 1, 0.2],
      ['conny_intro', 1, 1 / 7, 4, 1, 0.25],
      ['conny_reminder_1', 1, 1 / 7, 2, 1, 0.5],
      ['conny_reminder_2', 1, 1 / 7, 1, 1, 1],
      ['conny_email', 0, 0, 1, 0, 0],
      ['none', 2, 2 / 7, null, null, null],
    ]);
    const model = reportModel(r);
    expect(model.periodText).toBe('01.09.2026 – 30.11.2026');
    expect(model.months.map((m) => [m.label, m.total, m.parts.map((x) => `${x.label} ${x.count}`)])).toEqual([
      ['September 2026', 1, ['8-Wochen-Nachricht 1']],
      ['Oktober 2026', 2, ['8-Wochen-Nachricht 1', 'Vorstellung Conny 1']],
      ['November 2026', 4, ['Erinnerung nach 16 Wochen 1', 'Erinnerung nach 20 Wochen 1', 'ohne Nachricht 2']],
    ]);
    expect(model.effect.map((e) => [e.label, e.shareText, e.rateText])).toEqual([
      ['8-Wochen-Nachricht', '28,6 %', '20,0 %'],
      ['Vorstellung Conny', '14,3 %', '25,0 %'],
      ['Erinnerung nach 16 Wochen', '14,3 %', '50,0 %'],
      ['Erinnerung nach 20 Wochen', '14,3 %', '100,0 %'],
      ['E-Mail nach einem Jahr', '0,0 %', '0,0 %'],
      ['ohne Nachricht', '28,6 %', '–'],
    ]);
  });

  it('on an empty database: every bucket and month at zero, no shares', async () => {
    const r = await inactivityReport({ db: db.prisma, now: NOW, timeZone: TZ, config });
    expect(r.today.every((t) => t.clients === 0)).toBe(true);
    // Default period: this month and the eleven before it.
    expect(r.months.map((m) => m.month)).toEqual(['2025-12', '2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11']);
    expect(r.effect.every((e) => e.share === null && (e.rate === null))).toBe(true);
    expect(percentText(null)).toBe('–');
  });

  it('follows the configured reminders: one reminder week, one reminder column', async () => {
    const one = loadConfig({ DATABASE_URL: 'file:unused', LOG_LEVEL: 'silent', CONNY_REMINDER_WEEKS: '18', CONNY_EMAIL_AFTER_WEEKS: '40' }).inactivity;
    const r = await inactivityReport({ db: db.prisma, now: NOW, timeZone: TZ, config: one });
    expect(r.columns.map((c) => c.label)).toEqual(['8-Wochen-Nachricht', 'Vorstellung Conny', 'Erinnerung nach 18 Wochen', 'E-Mail nach 40 Wochen', 'ohne Nachricht']);
    expect(r.today.map((t) => t.bucket)).not.toContain('conny_reminder_2');
  });

  it('reads the period as local days, both inclusive, and refuses a bad one in German', () => {
    expect(defaultReportPeriod(NOW, TZ).from.toISOString()).toBe('2025-11-30T23:00:00.000Z');
    const p = reportPeriod({ from: '2026-03-29', to: '2026-03-29' }, NOW, TZ);
    // The day summer time starts has 23 hours.
    expect([p.from.toISOString(), p.to.toISOString()]).toEqual(['2026-03-28T23:00:00.000Z', '2026-03-29T22:00:00.000Z']);
    expect(() => reportPeriod({ from: '2026-13-01' }, NOW, TZ)).toThrow(expect.objectContaining({ code: 'INACTIVITY_INPUT_INVALID', userMessage: '„2026-13-01“ ist kein gültiges Datum. Bitte als JJJJ-MM-TT angeben, z. B. 2026-01-31.' }));
    expect(() => reportPeriod({ from: '2026-11-02', to: '2026-11-01' }, NOW, TZ)).toThrow(expect.objectContaining({ userMessage: 'Der Zeitraum ist leer: „von“ muss vor „bis“ liegen.' }));
  });
});
