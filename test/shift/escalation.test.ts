// Acceptance 3 (issue 10): a check nobody marks "geprüft" goes to the shift lead after SHIFT_ESCALATE_LEAD_MINUTES
// (60) and to the VPA managers another SHIFT_ESCALATE_MANAGERS_MINUTES (60) later, each exactly once and in the
// audit log; an acknowledged check never escalates. "geprüft" records who and when, updates every copy, and a later
// click is told who checked.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Config } from '../../src/config/config.ts';
import type { Actor } from '../../src/identity/find-actor.ts';
import { acknowledgeShiftCheck } from '../../src/shift/index.ts';
import { berlin, onPlan, outbox, person, shiftConfig, testDatabase, tick, type TestDatabase } from './support.ts';

let db: TestDatabase;
let config: Config;
const DATE = '2027-03-23';
const at = (t: string) => berlin(`${DATE}T${t}`);
const actor = (id: string, name: string, roles: Actor['roles']): Actor => ({ id, name, email: `${id}@example.de`, aadObjectId: null, teamsUserId: null, roles });

beforeEach(async () => {
  db = await testDatabase('sqlite');
  config = shiftConfig(db, { SHIFT_ESCALATE_LEAD_MINUTES: '60', SHIFT_ESCALATE_MANAGERS_MINUTES: '45' });
  await person(db.prisma, 'Anna Früh', ['shift']);
  await person(db.prisma, 'Lea Leitung', ['shift']);
  await person(db.prisma, 'Mia Managerin', ['vpa_manager']);
  await person(db.prisma, 'Kai Kundenmanager', ['client_manager']);
  await onPlan(db.prisma, DATE, 'früh', 'p_anna', { from: '08:00', until: '14:00' });
});
afterEach(async () => {
  await db.destroy();
});

/** Ticks every 5 minutes from 09:00 to 12:00. */
async function morning(): Promise<void> {
  for (let m = 0; m <= 180; m += 5) await tick(db.prisma, config, new Date(at('09:00').getTime() + m * 60_000));
}

const escalations = async () => (await outbox(db.prisma)).filter((r) => r.kind === 'shiftEscalation' && r.mode === 'send').map((r) => [r.recipient, r.createdAt.toISOString()]);

describe('escalation of an unacknowledged check', () => {
  it('goes to the lead after 60 minutes and to the VPA managers 45 minutes later, each once', async () => {
    await onPlan(db.prisma, DATE, 'spät', 'p_lea', { from: '13:00', until: '19:00', lead: true });
    await morning();
    expect(await escalations()).toEqual([
      ['p_lea', at('10:00').toISOString()],
      ['p_mia', at('10:45').toISOString()],
    ]);
    const audit = await db.prisma.auditEvent.findMany({ where: { action: 'shift.escalated' }, orderBy: { at: 'asc' } });
    expect(audit.map((a) => [a.at.toISOString(), (JSON.parse(a.data) as { step: string }).step])).toEqual([
      [at('10:00').toISOString(), 'lead'],
      [at('10:45').toISOString(), 'managers'],
    ]);
    // Replaying the morning changes nothing.
    await morning();
    expect(await escalations()).toHaveLength(2);
    // Whoever presses "geprüft" on the escalation closes it for every copy (the check card and both escalations).
    await acknowledgeShiftCheck({ db: db.prisma, actor: actor('p_mia', 'Mia Managerin', ['vpa_manager']), now: at('11:00'), timeZone: 'Europe/Berlin', checkId: (await db.prisma.shiftCheck.findFirstOrThrow()).id, rules: config });
    const updates = (await outbox(db.prisma)).filter((r) => r.mode === 'update');
    expect(updates.map((u) => u.recipient).sort()).toEqual([
      'update:shift:check:2027-03-23T09:00:escalate:lead:p_lea',
      'update:shift:check:2027-03-23T09:00:escalate:managers:p_mia',
      'update:shift:check:2027-03-23T09:00:p_anna',
    ]);
  });

  it('an acknowledged check never escalates; the card shows who and when; a later click is told who checked', async () => {
    await onPlan(db.prisma, DATE, 'spät', 'p_lea', { lead: true });
    await tick(db.prisma, config, at('09:00'));
    const check = await db.prisma.shiftCheck.findFirstOrThrow();
    await acknowledgeShiftCheck({ db: db.prisma, actor: actor('p_anna', 'Anna Früh', ['shift']), now: at('09:25'), timeZone: 'Europe/Berlin', checkId: check.id, rules: config });
    expect(await db.prisma.shiftCheck.findFirstOrThrow()).toMatchObject({ acknowledgedById: 'p_anna', acknowledgedAt: at('09:25'), version: 2 });
    const [update] = (await outbox(db.prisma)).filter((r) => r.mode === 'update');
    expect(update).toMatchObject({ key: 'shift:check:2027-03-23T09:00:p_anna:v2', recipient: 'update:shift:check:2027-03-23T09:00:p_anna' });
    expect(update?.model).toMatchObject({ acknowledged: { by: { id: 'p_anna', name: 'Anna Früh' }, atText: '23.03.2027, 09:25 Uhr' }, actions: { acknowledge: false } });
    await expect(
      acknowledgeShiftCheck({ db: db.prisma, actor: actor('p_lea', 'Lea Leitung', ['shift']), now: at('09:30'), timeZone: 'Europe/Berlin', checkId: check.id, rules: config }),
    ).rejects.toMatchObject({ code: 'SHIFT_ALREADY_CHECKED', userMessage: 'Schon erledigt: Anna Früh hat diesen Schicht-Check am 23.03.2027, 09:25 Uhr geprüft.' });
    await morning();
    expect(await escalations()).toEqual([]);
    expect(await db.prisma.auditEvent.count({ where: { action: 'shift.acknowledged' } })).toBe(1);
  });

  it('without a lead on the plan the VPA managers are told at the lead step, once (no second step)', async () => {
    await morning();
    expect(await escalations()).toEqual([['p_mia', at('10:00').toISOString()]]);
    const audit = await db.prisma.auditEvent.findMany({ where: { action: 'shift.escalated' } });
    expect(audit.map((a) => JSON.parse(a.data) as Record<string, unknown>)).toEqual([expect.objectContaining({ step: 'lead', fallbackToManagers: true, recipients: ['p_mia'] })]);
  });

  it('nobody on shift: the check says so and goes to the lead and the VPA managers; people without the role may not acknowledge', async () => {
    await onPlan(db.prisma, DATE, 'spät', 'p_lea', { from: '13:00', until: '19:00', lead: true });
    await db.prisma.person.update({ where: { id: 'p_anna' }, data: { absentFrom: berlin('2027-03-22T00:00'), absentUntil: berlin('2027-03-23T00:00') } });
    await tick(db.prisma, config, at('09:00'));
    const sends = (await outbox(db.prisma)).filter((r) => r.kind === 'shiftCheck');
    expect(sends.map((s) => s.recipient).sort()).toEqual(['p_lea', 'p_mia']);
    expect(sends[0]?.model).toMatchObject({ unstaffed: true, onShift: [] });
    const check = await db.prisma.shiftCheck.findFirstOrThrow();
    await expect(acknowledgeShiftCheck({ db: db.prisma, actor: actor('p_x', 'Xaver', ['vpa']), now: at('09:05'), timeZone: 'Europe/Berlin', checkId: check.id, rules: config })).rejects.toMatchObject({ code: 'SHIFT_NOT_ON_DUTY' });
    expect((await db.prisma.shiftCheck.findFirstOrThrow()).acknowledgedAt).toBeNull();
  });
});
