// Acceptance 1 (issue 10): scheduled checks across the week of 22–31 March 2027 with an injected clock. Good Friday
// (26 March) and Easter Monday (29 March) are public holidays, summer time starts on Sunday 28 March: the checks go
// out at 09:00 and 14:00 local time on every working day (08:00/13:00 UTC before the change, 07:00/12:00 UTC after),
// none on the holidays or the weekend, none twice – also when ticks are replayed, and when `tick --now` and the
// in-process scheduler run at the same instants.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli.ts';
import { silentLogger } from '../../src/log/logger.ts';
import { dueSlot, shiftCheckJob, shiftJobs } from '../../src/shift/index.ts';
import { addWorkingHours } from '../../src/time/working-hours.ts';
import { FixedClock } from '../../src/time/clock.ts';
import { createTickScheduler } from '../../src/tick/scheduler.ts';
import { TICK_JOBS } from '../../src/tick/jobs.ts';
import { berlin, bindShiftChannel, item, onPlan, outbox, person, shiftConfig, testDatabase, tick, TZ, type TestDatabase } from './support.ts';
import { TEST_DATABASE_URL } from '../support/db.ts';
import type { Config } from '../../src/config/config.ts';

const DATES = ['2027-03-22', '2027-03-23', '2027-03-24', '2027-03-25', '2027-03-26', '2027-03-27', '2027-03-28', '2027-03-29', '2027-03-30', '2027-03-31'];
const WORKING = ['2027-03-22', '2027-03-23', '2027-03-24', '2027-03-25', '2027-03-30', '2027-03-31'];

let db: TestDatabase;
let config: Config;
async function seedPlan(target: TestDatabase): Promise<void> {
  const anna = await person(target.prisma, 'Anna Früh', ['shift']);
  const ben = await person(target.prisma, 'Ben Spät', ['shift']);
  await person(target.prisma, 'Mia Managerin', ['vpa_manager']);
  for (const date of DATES) {
    await onPlan(target.prisma, date, 'früh', anna.id, { from: '08:00', until: '14:00' });
    await onPlan(target.prisma, date, 'spät', ben.id, { from: '13:00', until: '19:00', lead: true });
  }
  await item(target.prisma, 'chat-1', 'chat', berlin('2027-03-19T10:00'));
}

beforeEach(async () => {
  db = await testDatabase('sqlite');
  config = shiftConfig(db);
  await seedPlan(db);
});
afterEach(async () => {
  await db.destroy();
});

/**
 * Every 30 minutes from Monday 22 March 00:00 to Wednesday 31 March 23:30 local time (steps in UTC, so the night of
 * the change has one hour less), plus one minute before each check time: a check never goes out early.
 */
function instants(): Date[] {
  const out: Date[] = [];
  for (let t = berlin('2027-03-22T00:00').getTime(); t < berlin('2027-04-01T00:00').getTime(); t += 30 * 60_000) out.push(new Date(t));
  for (const d of DATES) out.push(berlin(`${d}T08:59`), berlin(`${d}T13:59`));
  return out.sort((a, b) => a.getTime() - b.getTime());
}

const checkSends = async () => (await outbox(db.prisma)).filter((r) => r.kind === 'shiftCheck' && r.mode === 'send');

describe('scheduled checks across a week with public holidays and a daylight-saving change', () => {
  it('pings at 09:00 and 14:00 local time on working days only, once each, to the people on shift then', async () => {
    // The check job alone here (the other shift jobs are run below and in the other acceptance tests).
    for (const at of instants()) await tick(db.prisma, config, at, [shiftCheckJob]);
    const checks = await db.prisma.shiftCheck.findMany({ orderBy: { slot: 'asc' } });
    expect(checks.map((c) => c.slot)).toEqual(WORKING.flatMap((d) => [`${d}T09:00`, `${d}T14:00`]));
    // Local 09:00/14:00: UTC moves by an hour with summer time.
    expect(checks.map((c) => c.dueAt.toISOString())).toEqual([
      ...['22', '23', '24', '25'].flatMap((d) => [`2027-03-${d}T08:00:00.000Z`, `2027-03-${d}T13:00:00.000Z`]),
      ...['30', '31'].flatMap((d) => [`2027-03-${d}T07:00:00.000Z`, `2027-03-${d}T12:00:00.000Z`]),
    ]);
    expect(checks.every((c) => c.postedAt.getTime() === c.dueAt.getTime())).toBe(true);
    // No channel bound: 1:1 to whoever is on shift at the slot (Anna in the morning, Ben at 14:00: Anna's shift ends then).
    const sends = await checkSends();
    expect(sends).toHaveLength(12);
    expect(sends.map((s) => s.recipient)).toEqual(WORKING.flatMap(() => ['p_anna', 'p_ben']));
    expect(sends.map((s) => s.createdAt.toISOString())).toEqual(checks.map((c) => c.dueAt.toISOString()));
    for (const d of ['2027-03-26', '2027-03-27', '2027-03-28', '2027-03-29']) expect(sends.some((s) => s.key.includes(d)), d).toBe(false);

    // Replaying the whole week, or an earlier instant, sends nothing more.
    const before = (await outbox(db.prisma)).length;
    for (const at of instants().filter((_, i) => i % 3 === 0)) expect(await tick(db.prisma, config, at, [shiftCheckJob])).toEqual([]);
    expect((await outbox(db.prisma)).length).toBe(before);
  }, 180_000);

  it('a scheduler that was down posts the current slot late, never a replaced one, and never two at once', async () => {
    // Nothing ran in the morning; at 16:30 only the 14:00 check is due (the 09:00 one was replaced by it).
    const lines = await tick(db.prisma, config, berlin('2027-03-23T16:30'));
    expect(lines.filter((l) => l.startsWith('Schicht-Check'))).toEqual([expect.stringContaining('2027-03-23 14:00')]);
    expect((await db.prisma.shiftCheck.findMany()).map((c) => c.slot)).toEqual(['2027-03-23T14:00']);
    expect(await tick(db.prisma, config, berlin('2027-03-23T10:00'))).toEqual([]);
    expect(await db.prisma.shiftCheck.count()).toBe(1);
  });

  it('posts to the bound channel with @mentions of the people on shift (Teams mention entities)', async () => {
    await bindShiftChannel(db.prisma, 'p_mia');
    await tick(db.prisma, config, berlin('2027-03-30T09:00'));
    const [send] = await checkSends();
    expect(send?.recipient).toBe('channel:schicht');
    expect(send?.model).toMatchObject({ mentions: [{ id: '29:anna', name: 'Anna Früh' }], onShift: [{ id: 'p_anna', name: 'Anna Früh' }], unstaffed: false, slotText: 'Dienstag, 30.03.2027, 09:00 Uhr' });
  });
});

/**
 * The CLI's `tick --now` (its own database connection, as a separate process has) and the server's in-process
 * scheduler, both at the same instants. On SQLite (one writer at a time) they take turns; on PostgreSQL (the
 * database for more than one process) they run at the same time.
 */
async function overlapping(kind: 'sqlite' | 'postgres'): Promise<void> {
  const pdb = kind === 'sqlite' ? db : await testDatabase('postgres');
  try {
    if (kind === 'postgres') await seedPlan(pdb);
    const cfg = shiftConfig(pdb);
    const env = { DATABASE_URL: pdb.url, TZ_BUSINESS: TZ, HOLIDAYS_STATE: 'BY', LOG_LEVEL: 'silent' };
    let errors = '';
    const cliTick = (at: Date) => runCli(['tick', '--now', at.toISOString()], { env, stdout: { write: () => true }, stderr: { write: (t: string) => (errors += t) }, clock: new FixedClock(at), logger: silentLogger });
    const schedulerTick = async (at: Date) => {
      const s = createTickScheduler({ prisma: pdb.prisma, config: cfg, logger: silentLogger, clock: new FixedClock(at), intervalMs: 3_600_000 });
      s.start();
      await s.stop();
      return 0;
    };
    for (const local of ['2027-03-25T09:00', '2027-03-25T09:10', '2027-03-25T14:00', '2027-03-26T09:00', '2027-03-30T09:00', '2027-03-30T10:00', '2027-03-30T11:00']) {
      const at = berlin(local);
      const runs = [() => cliTick(at), () => schedulerTick(at), () => cliTick(at), () => schedulerTick(at)];
      const codes = kind === 'postgres' ? await Promise.all(runs.map((r) => r())) : await runs.reduce<Promise<number[]>>(async (acc, r) => [...(await acc), await r()], Promise.resolve([]));
      expect(codes, errors).toEqual([0, 0, 0, 0]);
    }
    expect((await pdb.prisma.shiftCheck.findMany({ orderBy: { slot: 'asc' } })).map((c) => c.slot)).toEqual(['2027-03-25T09:00', '2027-03-25T14:00', '2027-03-30T09:00']);
    const rows = await outbox(pdb.prisma);
    expect(rows.filter((r) => r.kind === 'shiftCheck').map((r) => r.key).sort()).toEqual(['shift:check:2027-03-25T09:00:p_anna', 'shift:check:2027-03-25T14:00:p_ben', 'shift:check:2027-03-30T09:00:p_anna']);
    // Nobody pressed "geprüft": every check escalated to the lead and then to the managers, each step once (the 25 March
    // checks' later steps at the next ticks that ran). The old chat alerted once.
    expect(rows.filter((r) => r.kind === 'shiftEscalation').map((r) => r.key).sort()).toEqual([
      'shift:check:2027-03-25T09:00:escalate:lead:p_ben',
      'shift:check:2027-03-25T09:00:escalate:managers:p_mia',
      'shift:check:2027-03-25T14:00:escalate:lead:p_ben',
      'shift:check:2027-03-25T14:00:escalate:managers:p_mia',
      'shift:check:2027-03-30T09:00:escalate:lead:p_ben',
      'shift:check:2027-03-30T09:00:escalate:managers:p_mia',
    ]);
    expect(rows.filter((r) => r.kind === 'shiftAlert')).toHaveLength(1);
    expect(await pdb.prisma.auditEvent.count({ where: { action: 'shift.check_posted' } })).toBe(3);
    expect(await pdb.prisma.auditEvent.count({ where: { action: 'shift.escalated' } })).toBe(6);
  } finally {
    if (kind === 'postgres') await pdb.destroy();
  }
}

describe('tick --now and the in-process scheduler at the same instants', () => {
  it('SQLite (taking turns): each check, escalation and alert goes out once', () => overlapping('sqlite'), 60_000);
  it.skipIf(!TEST_DATABASE_URL)('PostgreSQL (at the same time): each check, escalation and alert goes out once', () => overlapping('postgres'), 60_000);
  it('both run the registered shift jobs', () => {
    expect(TICK_JOBS.filter((j) => shiftJobs.includes(j))).toEqual([...shiftJobs]);
  });
});

describe('business calendar', () => {
  it('knows the state holidays of HOLIDAYS_STATE (Fronleichnam in Bavaria, not in Berlin)', () => {
    const times = ['09:00', '14:00'];
    expect(dueSlot(berlin('2027-05-27T10:00'), times, TZ, 'BY')).toBeNull();
    expect(dueSlot(berlin('2027-05-27T10:00'), times, TZ, 'BE')?.slot).toBe('2027-05-27T09:00');
    expect(dueSlot(berlin('2027-03-22T08:59'), times, TZ, 'BY')).toBeNull();
    expect(dueSlot(berlin('2027-03-22T13:59'), times, TZ, 'BY')?.slot).toBe('2027-03-22T09:00');
  });

  it('counts response times in working time across Easter and the change to summer time', () => {
    // Thursday 25 March 16:00 + 4 working hours: 1 hour on Thursday, Good Friday to Easter Monday off, 3 hours on Tuesday.
    expect(addWorkingHours(berlin('2027-03-25T16:00'), 4, TZ, 'BY').toISOString()).toBe(berlin('2027-03-30T12:00').toISOString());
    // Received at night: counting starts at 09:00 of the next working day.
    expect(addWorkingHours(berlin('2027-03-23T22:00'), 8, TZ, 'BY').toISOString()).toBe(berlin('2027-03-24T17:00').toISOString());
  });
});

describe('response times on the card', () => {
  it('one full stop after "Std." and the working-day note for 8 hours', async () => {
    const { responseText } = await import('../../src/shift/deadlines.ts');
    const { loadConfig } = await import('../../src/config/config.ts');
    expect(responseText(loadConfig({ LOG_LEVEL: 'silent' }))).toBe('Reaktionszeiten (Arbeitszeit Mo–Fr 9–17 Uhr): Chats 4 Std., Mails 8 Std. (1 Arbeitstag), neue Aufgaben 4 Std.');
    expect(responseText(loadConfig({ LOG_LEVEL: 'silent', SHIFT_RESPONSE_HOURS_TASK: '2.5' }))).toBe('Reaktionszeiten (Arbeitszeit Mo–Fr 9–17 Uhr): Chats 4 Std., Mails 8 Std. (1 Arbeitstag), neue Aufgaben 2 Std. 30 Min.');
  });
});
