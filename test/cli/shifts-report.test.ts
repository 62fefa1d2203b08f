// `staffelstab shifts report`: the shift report as a table, CSV and JSON for a period; a bad period changes nothing
// and says why.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FixedClock } from '../../src/time/clock.ts';
import { cli } from './harness.ts';
import { berlin, item, onPlan, person, shiftConfig, testDatabase, tick, type TestDatabase } from '../shift/support.ts';
import { acknowledgeShiftCheck } from '../../src/shift/index.ts';

let db: TestDatabase;
const NOW = berlin('2027-03-22T16:00');
beforeEach(async () => {
  db = await testDatabase('sqlite');
  const config = shiftConfig(db);
  await person(db.prisma, 'Anna Früh', ['shift']);
  await onPlan(db.prisma, '2027-03-22', 'früh', 'p_anna');
  await item(db.prisma, 'chat-1', 'chat', berlin('2027-03-22T09:00'), { answeredAt: berlin('2027-03-22T14:00') });
  await tick(db.prisma, config, berlin('2027-03-22T09:00'));
  const check = await db.prisma.shiftCheck.findFirstOrThrow();
  await acknowledgeShiftCheck({ db: db.prisma, actor: { id: 'p_anna', name: 'Anna Früh', email: 'a@example.de', aadObjectId: null, teamsUserId: null, roles: ['shift'] }, now: berlin('2027-03-22T09:12'), timeZone: 'Europe/Berlin', checkId: check.id, rules: config });
  await tick(db.prisma, config, berlin('2027-03-22T14:00'));
});
afterEach(async () => {
  await db.destroy();
});

const run = (args: string[]) => cli(db.url, ['shifts', 'report', ...args], { clock: new FixedClock(NOW), env: { HOLIDAYS_STATE: 'BY' } });

describe('shifts report', () => {
  it('prints the table by default', async () => {
    const r = await run(['--from', '2027-03-22', '--to', '2027-03-22']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Schichtbericht Konto Conny, 22.03.2027 – 22.03.2027 (Stand 22.03.2027, 16:00 Uhr)');
    expect(r.stdout).toContain('Checks: 2, geprüft: 1, nicht geprüft: 1; Minuten bis „geprüft“: Schnitt 12, längste 12');
    expect(r.stdout).toMatch(/Mo 22\.03\.2027 09:00\s+Anna Früh\s+12/);
    // chat-1: deadline 13:00, answered 14:00 -> late.
    expect(r.stdout).toMatch(/Unbeantwortete Chats\s+4\s+1\s+0\s+1\s+0\s+0\s+1/);
  });

  it('writes CSV and JSON with the same figures', async () => {
    const csv = await run(['--from', '2027-03-22', '--to', '2027-03-22', '--format', 'csv']);
    expect(csv.code).toBe(0);
    const lines = csv.stdout.trim().split('\n');
    expect(lines[0]).toBe('section,key,label,a,b,c,d,e,f');
    expect(lines).toContain('check,2027-03-22T09:00,Mo 22.03.2027 09:00,Anna Früh,12,0,0,Anna Früh,');
    expect(lines).toContain('kind,chat,Unbeantwortete Chats,4,1,0,1,0,0|1');
    expect(lines).toContain('person,Anna Früh,Anna Früh,1,,,,,');
    const json = await run(['--from', '2027-03-22', '--to', '2027-03-22', '--format', 'json']);
    const report = JSON.parse(json.stdout) as { totals: { checks: number; acknowledged: number; averageMinutesToAcknowledge: number }; kinds: { kind: string; misses: number }[] };
    expect(report.totals).toMatchObject({ checks: 2, acknowledged: 1, averageMinutesToAcknowledge: 12 });
    expect(report.kinds.map((k) => [k.kind, k.misses])).toEqual([
      ['chat', 1],
      ['mail', 0],
      ['task', 0],
    ]);
  });

  it('refuses a bad period', async () => {
    const r = await run(['--from', '2027-03-23', '--to', '2027-03-22']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Das Ende des Zeitraums liegt vor seinem Anfang.');
  });
});
