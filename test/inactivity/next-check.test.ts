// The step job reads only cycles whose `nextCheckAt` has come (issue 8, acceptance 6: one pass over 100,000 clients).
// The rule (src/inactivity/schedule.ts `nextCheckAt`) must never hide a cycle that a scan of every cycle would act
// on: the property test checks that end to end; here the rule's cases by hand, and the job's use of the column.
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.ts';
import { handOverToConny, inactivityJobs, nextCheckAt, plannedSteps, type CycleTimes } from '../../src/inactivity/index.ts';
import { silentLogger } from '../../src/log/logger.ts';
import { gatewayFor } from '../../src/platform/index.ts';
import { runTick } from '../../src/tick/run-tick.ts';
import { testDatabase } from '../support/db.ts';
import { berlin, seed, weeksAfter, type Scenario } from './support.ts';

const rules = loadConfig({ LOG_LEVEL: 'silent' });
const TZ = rules.businessTimeZone;
const L = berlin('2026-11-02T10:00'); // a Monday
const plans = (c: CycleTimes) => plannedSteps(c, rules.inactivity, TZ);
const none = () => false;

describe('nextCheckAt (pure)', () => {
  it('a running cycle: the first unrecorded step’s due time; nothing left: null', () => {
    const running: CycleTimes = { lastTaskAt: L, connyAt: null, paused: false };
    expect(nextCheckAt(plans(running), running, none)).toEqual(weeksAfter(L, 8));
    expect(nextCheckAt(plans(running), running, (s) => s === 'vpa_message')).toBeNull();
  });

  it('with Conny: the introduction at the hand-over, then 16 weeks, 20 weeks, the e-mail', () => {
    const C = weeksAfter(L, 13);
    const conny: CycleTimes = { lastTaskAt: L, connyAt: C, paused: false };
    const recorded = new Set<string>(['vpa_message']);
    expect(nextCheckAt(plans(conny), conny, (s) => recorded.has(s))).toEqual(C);
    recorded.add('conny_intro');
    expect(nextCheckAt(plans(conny), conny, (s) => recorded.has(s))).toEqual(weeksAfter(L, 16));
    recorded.add('conny_reminder_1');
    expect(nextCheckAt(plans(conny), conny, (s) => recorded.has(s))).toEqual(weeksAfter(L, 20));
    recorded.add('conny_reminder_2');
    expect(nextCheckAt(plans(conny), conny, (s) => recorded.has(s))).toEqual(weeksAfter(L, 52));
    recorded.add('conny_email');
    expect(nextCheckAt(plans(conny), conny, (s) => recorded.has(s))).toBeNull();
  });

  it('paused: only when a step goes stale (it is skipped then), not while it merely waits', () => {
    const paused: CycleTimes = { lastTaskAt: L, connyAt: null, paused: true };
    // The 8-week message waits while paused and is skipped from the list time (12 weeks).
    expect(nextCheckAt(plans(paused), paused, none)).toEqual(weeksAfter(L, 12));
  });

  it('paused, with a step the client reached too late (handed over after 16 weeks): skipped at its own time', () => {
    const C = weeksAfter(L, 17);
    const paused: CycleTimes = { lastTaskAt: L, connyAt: C, paused: true };
    expect(nextCheckAt(plans(paused), paused, (s) => s === 'vpa_message' || s === 'conny_intro')).toEqual(weeksAfter(L, 16));
  });
});

describe('the step job and nextCheckAt', () => {
  const scenario: Scenario = { assignedFrom: berlin('2026-01-05T08:00'), clients: [{ tasks: [L], newTasks: [], handOvers: [], replies: [] }], ticks: [], autoHandover: false, holidaysState: undefined };

  it('stores the next check after each pass, reads nothing before it, and a hand-over makes the cycle due at once', async () => {
    const db = await testDatabase('sqlite');
    try {
      const config = loadConfig({ DATABASE_URL: db.url, LOG_LEVEL: 'silent' });
      const seeded = await seed(db.prisma, scenario);
      const tick = (now: Date) => runTick({ prisma: db.prisma, now, logger: silentLogger, config, jobs: inactivityJobs });
      const cycle = () => db.prisma.inactivityCycle.findFirstOrThrow({ where: { clientId: seeded.clientIds[0]! } });

      await tick(berlin('2026-12-28T10:00')); // 8 weeks, Monday in the window: cycle started and the message sent
      expect((await db.prisma.inactivityStep.findMany()).map((s) => s.step)).toEqual(['vpa_message']);
      expect((await cycle()).nextCheckAt).toBeNull(); // nothing more until someone hands over

      // A cycle whose next check lies ahead (here: none) is not read: a hand-over written behind the use case's back
      // (connyAt without resetting the next check) goes unnoticed, which shows the job no longer scans every cycle.
      const c = await cycle();
      await db.prisma.inactivityCycle.update({ where: { id: c.id }, data: { connyAt: berlin('2027-01-25T10:00') } });
      await tick(berlin('2027-01-26T10:00'));
      expect(await db.prisma.inactivityStep.count({ where: { step: 'conny_intro' } })).toBe(0);

      // Through the use case the cycle's next check is reset, and the next pass sends Conny's introduction.
      await db.prisma.inactivityCycle.update({ where: { id: c.id }, data: { connyAt: null } });
      await handOverToConny({ db: db.prisma, actor: seeded.actor, now: berlin('2027-01-26T11:00'), timeZone: TZ, cycleId: c.id, gateway: gatewayFor(config) });
      expect((await cycle()).nextCheckAt).toEqual(L);
      await tick(berlin('2027-01-26T11:01'));
      expect(await db.prisma.inactivityStep.count({ where: { step: 'conny_intro', outcome: 'sent' } })).toBe(1);
      expect((await cycle()).nextCheckAt).toEqual(weeksAfter(L, 16));
    } finally {
      await db.destroy();
    }
  });
});
