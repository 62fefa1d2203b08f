// Acceptance 4 (issue 10): the shift report's figures for a scenario computed by hand. Monday 22 and Tuesday 23 March
// 2027, checks at 09:00 and 14:00, Anna on the early shift, Ben (lead) on the late one, Mia VPA manager; default
// settings (chats and new tasks 4 working hours, mails 8, escalation after 60 + 60 minutes); report at Tue 16:00.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Config } from '../../src/config/config.ts';
import type { Actor } from '../../src/identity/find-actor.ts';
import { acknowledgeShiftCheck, shiftReport, shiftReportPeriod } from '../../src/shift/index.ts';
import { berlin, item, onPlan, person, shiftConfig, testDatabase, tick, type TestDatabase } from './support.ts';

let db: TestDatabase;
let config: Config;
const actor = (id: string, name: string): Actor => ({ id, name, email: `${id}@example.de`, aadObjectId: null, teamsUserId: null, roles: ['shift'] });
const mon = (t: string) => berlin(`2027-03-22T${t}`);
const tue = (t: string) => berlin(`2027-03-23T${t}`);

async function ack(slot: string, who: Actor, at: Date): Promise<void> {
  const check = await db.prisma.shiftCheck.findUniqueOrThrow({ where: { slot } });
  await acknowledgeShiftCheck({ db: db.prisma, actor: who, now: at, timeZone: 'Europe/Berlin', checkId: check.id, rules: config });
}

beforeEach(async () => {
  db = await testDatabase('sqlite');
  config = shiftConfig(db);
  await person(db.prisma, 'Anna Früh', ['shift']);
  await person(db.prisma, 'Ben Spät', ['shift']);
  await person(db.prisma, 'Mia Managerin', ['vpa_manager']);
  for (const d of ['2027-03-22', '2027-03-23']) {
    await onPlan(db.prisma, d, 'früh', 'p_anna', { from: '08:00', until: '14:00' });
    await onPlan(db.prisma, d, 'spät', 'p_ben', { from: '13:00', until: '19:00', lead: true });
  }
  // Items (deadline = receipt + working hours, Mon–Fri 09–17):
  await item(db.prisma, 'chat-1', 'chat', mon('09:00'), { answeredAt: mon('12:00') }); // deadline Mon 13:00: in time
  await item(db.prisma, 'chat-2', 'chat', mon('15:00'), { answeredAt: tue('10:30') }); // 2 h Mon + 2 h Tue = Tue 11:00: in time
  await item(db.prisma, 'chat-3', 'chat', tue('10:00')); // deadline Tue 14:00, open at 16:00: overdue
  await item(db.prisma, 'mail-1', 'mail', mon('10:00'), { answeredAt: tue('11:00') }); // 7 h Mon + 1 h Tue = Tue 10:00: late
  await item(db.prisma, 'mail-2', 'mail', tue('15:30')); // deadline Wed 14:30: open, in time
  await item(db.prisma, 'task-1', 'task', mon('16:30'), { answeredAt: tue('09:45') }); // 0.5 h Mon + 3.5 h Tue = Tue 12:30: in time
  await item(db.prisma, 'task-2', 'task', berlin('2027-03-21T23:00')); // Sunday: before the period, not counted
  await item(db.prisma, 'task-3', 'task', tue('11:00'), { answeredAt: tue('15:30') }); // deadline Tue 15:00: late

  await tick(db.prisma, config, mon('09:00')); // check A
  await ack('2027-03-22T09:00', actor('p_anna', 'Anna Früh'), mon('09:20')); // 20 minutes
  await tick(db.prisma, config, mon('14:00')); // check B
  await ack('2027-03-22T14:00', actor('p_ben', 'Ben Spät'), mon('14:45')); // 45 minutes
  await tick(db.prisma, config, tue('09:00')); // check C
  await tick(db.prisma, config, tue('10:00')); // C -> lead
  await tick(db.prisma, config, tue('11:00')); // C -> VPA managers
  await ack('2027-03-23T09:00', actor('p_ben', 'Ben Spät'), tue('11:30')); // 150 minutes
  await tick(db.prisma, config, tue('14:00')); // check D, never acknowledged
  await tick(db.prisma, config, tue('15:00')); // D -> lead (managers would follow at 16:00)
});
afterEach(async () => {
  await db.destroy();
});

describe('shift report', () => {
  it('matches the hand-computed figures', async () => {
    const report = await shiftReport({ db: db.prisma, now: tue('16:00'), rules: config, from: '2027-03-22', to: '2027-03-23' });
    expect(report.checks.map((c) => [c.slot, c.acknowledgedBy, c.minutesToAcknowledge, c.escalatedToLead, c.escalatedToManagers, c.onShiftNames])).toEqual([
      ['2027-03-22T09:00', 'Anna Früh', 20, false, false, ['Anna Früh']],
      ['2027-03-22T14:00', 'Ben Spät', 45, false, false, ['Ben Spät']],
      ['2027-03-23T09:00', 'Ben Spät', 150, true, true, ['Anna Früh']],
      ['2027-03-23T14:00', null, null, true, false, ['Ben Spät']],
    ]);
    // (20 + 45 + 150) / 3 = 71.67 -> 72
    expect(report.totals).toEqual({ checks: 4, acknowledged: 3, unacknowledged: 1, averageMinutesToAcknowledge: 72, maxMinutesToAcknowledge: 150, escalatedToLead: 2, escalatedToManagers: 1 });
    expect(report.byPerson).toEqual([
      { name: 'Ben Spät', checks: 2 },
      { name: 'Anna Früh', checks: 1 },
    ]);
    expect(report.kinds.map((k) => [k.kind, k.responseHours, k.received, k.answeredInTime, k.answeredLate, k.openOverdue, k.openInTime, k.misses])).toEqual([
      ['chat', 4, 3, 2, 0, 1, 0, 1],
      ['mail', 8, 2, 0, 1, 0, 1, 1],
      ['task', 4, 2, 1, 1, 0, 0, 1],
    ]);
    expect(report.periodText).toBe('22.03.2027 – 23.03.2027');
  });

  it('a one-day period and the default period; bad periods are refused', async () => {
    const monday = await shiftReport({ db: db.prisma, now: tue('16:00'), rules: config, from: '2027-03-22', to: '2027-03-22' });
    expect(monday.totals.checks).toBe(2);
    expect(monday.kinds.map((k) => k.received)).toEqual([2, 1, 1]);
    expect(shiftReportPeriod({}, tue('16:00'), 'Europe/Berlin')).toEqual({ from: '2027-03-01', to: '2027-03-23' });
    expect(() => shiftReportPeriod({ from: '2027-03-24', to: '2027-03-23' }, tue('16:00'), 'Europe/Berlin')).toThrow(expect.objectContaining({ code: 'SHIFT_REPORT_PERIOD_INVALID' }));
    expect(() => shiftReportPeriod({ from: '2027-02-30' }, tue('16:00'), 'Europe/Berlin')).toThrow(expect.objectContaining({ code: 'SHIFT_REPORT_PERIOD_INVALID' }));
  });
});
