// Defect 9: an urgent conduct report that no manager acknowledges within N working hours (default 4) reminds
// every manager once, then goes to the admin team once. Against the database, through runTick with explicit
// instants. Report: Friday 27.11.2026, 15:00 Berlin; working hours Mon–Fri 09:00–17:00.
import { describe, expect, it } from 'vitest';
import { acknowledgeConduct } from '../../src/conduct/acknowledge-conduct.ts';
import { conductEscalationJobs, escalateAdminKey, remindManagersKey } from '../../src/conduct/index.ts';
import { reportConduct } from '../../src/conduct/report-conduct.ts';
import { loadConfig, type Config } from '../../src/config/config.ts';
import { silentLogger } from '../../src/log/logger.ts';
import type { ConductEscalationModel, ConductReminderModel, ConductReportModel } from '../../src/notices/conduct.ts';
import { runTick } from '../../src/tick/run-tick.ts';
import { TICK_JOBS } from '../../src/tick/jobs.ts';
import { cli } from '../cli/harness.ts';
import { TEST_DATABASE_URL, type TestDatabase } from '../support/db.ts';
import { createPerson, type TestPerson } from '../support/people.ts';
import { actorOf, bindPurpose, outbox, recipientsOf, updatesOf, type OutboxRow, type World, useWorld } from '../handover/support.ts';

const TZ = 'Europe/Berlin';
const berlin = (local: string) => {
  // Winter time in all these tests: Berlin is UTC+1.
  const d = new Date(`${local}:00+01:00`);
  if (Number.isNaN(d.getTime())) throw new Error(local);
  return d;
};
const REPORTED = berlin('2026-11-27T15:00'); // Friday
const MANAGERS_DUE = berlin('2026-11-30T11:00'); // Monday: Fri 15–17 + Mon 9–11
const ADMIN_DUE = berlin('2026-11-30T15:00'); // Monday: 4 working hours after the reminder
const ms = (d: Date, delta: number) => new Date(d.getTime() + delta);

function modelOf<T>(row: OutboxRow | undefined): T {
  if (!row) throw new Error('no such outbox row');
  return row.message.notice.model as T;
}

async function report(db: TestDatabase, w: World, now = REPORTED): Promise<string> {
  const r = await reportConduct({
    db: db.prisma,
    timeZone: TZ,
    actor: w.actors.anna,
    now,
    input: { clientId: w.client.id, whatHappened: 'Der Kunde hat mich im Call mehrfach beleidigt und angeschrien.', occurredDate: '2026-11-27', occurredTime: '10:30', evidence: 'https://example.de/chat/123' },
  });
  if (r.outcome !== 'reported') throw new Error(r.outcome);
  return r.reportId;
}

for (const kind of ['sqlite', 'postgres'] as const) {
  describe.skipIf(kind === 'postgres' && !TEST_DATABASE_URL)(`conduct escalation on ${kind}`, () => {
    let db: TestDatabase;
    let w: World;
    let config: Config;
    let admins: TestPerson[];
    useWorld(kind, (d, x) => {
      db = d;
      w = x;
      config = loadConfig({ DATABASE_URL: d.url, TZ_BUSINESS: TZ, CONDUCT_ESCALATION_WORKING_HOURS: '4' });
    });

    async function withAdmins(): Promise<TestPerson[]> {
      admins = [await createPerson(db.prisma, { name: 'Ada Admin', roles: ['admin'] }), await createPerson(db.prisma, { name: 'Otto Admin', roles: ['admin'] })];
      return admins;
    }

    async function tick(now: Date): Promise<string[]> {
      const results = await runTick({ prisma: db.prisma, now, logger: silentLogger, config, jobs: conductEscalationJobs });
      for (const r of results) if (r.error) throw r.error;
      return results.flatMap((r) => r.lines.map((l) => `[${r.job}] ${l}`));
    }

    const reminders = async () => recipientsOf(await outbox(db.prisma), 'conductReminder');
    const escalations = async () => recipientsOf(await outbox(db.prisma), 'conductEscalation');

    it('is registered with the tick', () => {
      expect(TICK_JOBS.map((j) => j.name)).toEqual(expect.arrayContaining(['conduct.remindManagers', 'conduct.escalateAdmin']));
      expect(conductEscalationJobs.map((j) => j.name)).toEqual(['conduct.remindManagers', 'conduct.escalateAdmin']);
    });

    it('reported Friday 15:00: not due Friday 18:00 nor Monday 09:30; every manager is reminded once on Monday 11:00 (4 working hours)', async () => {
      await withAdmins();
      const id = await report(db, w);
      const sent = (await outbox(db.prisma)).length;
      for (const now of [berlin('2026-11-27T18:00'), berlin('2026-11-28T12:00'), berlin('2026-11-30T09:30'), ms(MANAGERS_DUE, -1)]) {
        expect(await tick(now), now.toISOString()).toEqual([]);
      }
      expect((await outbox(db.prisma)).length).toBe(sent);

      expect(await tick(MANAGERS_DUE)).toEqual(['[conduct.remindManagers] Erinnerung an Maria Managerin, Nils Kundenmanager: dringende Meldung zu Kunde 10023 (Müller GmbH) seit 4 Arbeitsstunden nicht zur Kenntnis genommen']);
      const rows = await outbox(db.prisma);
      // every manager 1:1, not the reporter, not the admins, no channel
      expect(await reminders()).toEqual([w.maria.id, w.nils.id].sort());
      const model = modelOf<ConductReminderModel>(rows.find((r) => r.idempotencyKey === `conduct:${id}:remind:managers:${w.maria.id}`));
      expect(model).toMatchObject({
        reportId: id,
        client: { nameWithClass: 'Müller GmbH (B)' },
        reporter: { name: 'Anna Beispiel' },
        whatHappened: 'Der Kunde hat mich im Call mehrfach beleidigt und angeschrien.',
        occurredAtText: '27.11.2026, 10:30 Uhr',
        reportedAtText: '27.11.2026, 15:00 Uhr',
        workingHours: 4,
        recipientId: w.maria.id,
        actions: { acknowledge: true },
      });
      expect(model.text).toBe(
        'Die dringende Meldung von Anna Beispiel über Müller GmbH (B) vom 27.11.2026, 15:00 Uhr hat seit 4 Arbeitsstunden noch niemand zur Kenntnis genommen. ' +
          'Bitte sieh sie dir an und kümmere dich darum – ohne Reaktion geht sie an das Admin-Team.',
      );
      expect((await db.prisma.reminderClaim.findUniqueOrThrow({ where: { key: remindManagersKey(id) } })).at).toEqual(MANAGERS_DUE);
      const audit = await db.prisma.auditEvent.findMany({ where: { subjectId: id, action: 'conduct.reminded' } });
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({ actorId: null, subjectType: 'conduct' });
      expect(audit[0]!.data).not.toContain('beleidigt');
      // not the admin team yet
      expect(await escalations()).toEqual([]);

      // later ticks before the admin step: nothing new
      expect(await tick(MANAGERS_DUE)).toEqual([]);
      expect(await tick(ms(ADMIN_DUE, -1))).toEqual([]);
      expect(await reminders()).toEqual([w.maria.id, w.nils.id].sort());
    });

    it('exactly one reminder per manager when the tick runs twice at the same instant and when two ticks run at once', async () => {
      await withAdmins();
      await report(db, w);
      const [a, b] = await Promise.all([tick(MANAGERS_DUE), tick(MANAGERS_DUE)]);
      expect(a.length + b.length).toBe(1);
      expect(await tick(MANAGERS_DUE)).toEqual([]);
      expect(await reminders()).toEqual([w.maria.id, w.nils.id].sort());

      const [c, d] = await Promise.all([tick(ADMIN_DUE), tick(ADMIN_DUE)]);
      expect(c.length + d.length).toBe(1);
      expect(await tick(ADMIN_DUE)).toEqual([]);
      expect(await escalations()).toEqual(admins.map((p) => p.id).sort());
      expect(await reminders()).toHaveLength(2);
    });

    it('goes to every admin 1:1 once, 4 working hours after the managers’ reminder — with the reporter’s text, not to the reporter', async () => {
      await withAdmins();
      // the reporter also holds the admin role: she is not sent her own report's escalation
      await db.prisma.personRole.create({ data: { personId: w.anna.id, role: 'admin' } });
      const id = await report(db, w);
      await tick(MANAGERS_DUE);
      expect(await tick(ms(ADMIN_DUE, -1))).toEqual([]);
      expect(await tick(ADMIN_DUE)).toEqual(['[conduct.escalateAdmin] Eskalation an Ada Admin, Otto Admin: dringende Meldung zu Kunde 10023 (Müller GmbH) hat kein Manager zur Kenntnis genommen']);
      const rows = await outbox(db.prisma);
      expect(await escalations()).toEqual(admins.map((p) => p.id).sort());
      const model = modelOf<ConductEscalationModel>(rows.find((r) => r.idempotencyKey === `conduct:${id}:escalate:admin:${admins[0]!.id}`));
      expect(model).toMatchObject({
        reportId: id,
        client: { label: '10023 · Müller GmbH' },
        reporter: { id: w.anna.id, name: 'Anna Beispiel' },
        whatHappened: 'Der Kunde hat mich im Call mehrfach beleidigt und angeschrien.',
        evidence: 'https://example.de/chat/123',
        occurredAtText: '27.11.2026, 10:30 Uhr',
        reportedAtText: '27.11.2026, 15:00 Uhr',
        remindedAtText: '30.11.2026, 11:00 Uhr',
        managers: [
          { id: w.maria.id, name: 'Maria Managerin' },
          { id: w.nils.id, name: 'Nils Kundenmanager' },
        ],
      });
      expect(model.text).toContain('Kein VPA-Manager und kein Kundenmanager hat die dringende Meldung von Anna Beispiel über Müller GmbH (B) vom 27.11.2026, 15:00 Uhr zur Kenntnis genommen');
      expect(await db.prisma.auditEvent.count({ where: { subjectId: id, action: 'conduct.escalated' } })).toBe(1);
      expect(await db.prisma.reminderClaim.findUnique({ where: { key: escalateAdminKey(id) } })).not.toBeNull();

      // once: the same instant, a week later
      const count = rows.length;
      expect(await tick(ADMIN_DUE)).toEqual([]);
      expect(await tick(berlin('2026-12-07T10:00'))).toEqual([]);
      expect((await outbox(db.prisma)).length).toBe(count);
    });

    it('never goes to the admin channel, even when one is bound: a conduct report is personal', async () => {
      await withAdmins();
      await bindPurpose(db.prisma, 'admin', admins[0]!.id);
      await report(db, w);
      await tick(MANAGERS_DUE);
      const lines = await tick(ADMIN_DUE);
      expect(lines).toHaveLength(1);
      expect(lines[0]).not.toContain('Kanal');
      expect((await escalations()).filter((e) => e.startsWith('channel:'))).toEqual([]);
      expect(await escalations()).toEqual(admins.map((a) => a.id).sort());
      // the managers' reminder is never a channel message either
      expect(await reminders()).toEqual([w.maria.id, w.nils.id].sort());
    });

    it('the admin step counts from when the managers were actually reminded, not from report time + 8 working hours', async () => {
      await withAdmins();
      await report(db, w);
      // the scheduler did not run until Monday 16:00: the reminder goes out then, the admin step waits
      expect(await tick(berlin('2026-11-30T16:00'))).toHaveLength(1);
      expect(await escalations()).toEqual([]);
      // Mon 16–17 + Tue 09–12
      expect(await tick(berlin('2026-12-01T11:59'))).toEqual([]);
      expect(await tick(berlin('2026-12-01T12:00'))).toHaveLength(1);
      expect(await escalations()).toHaveLength(2);
    });

    it('an acknowledged report never escalates', async () => {
      await withAdmins();
      const id = await report(db, w);
      await acknowledgeConduct({ db: db.prisma, timeZone: TZ, actor: w.actors.maria, now: berlin('2026-11-27T16:00'), reportId: id });
      for (const now of [MANAGERS_DUE, ADMIN_DUE, berlin('2026-12-07T10:00'), berlin('2027-03-01T10:00')]) expect(await tick(now)).toEqual([]);
      expect(await reminders()).toEqual([]);
      expect(await escalations()).toEqual([]);
      expect(await db.prisma.reminderClaim.count()).toBe(0);
    });

    it('an acknowledgement after the managers’ reminder stops the admin step and updates every reminder card', async () => {
      await withAdmins();
      const id = await report(db, w);
      await tick(MANAGERS_DUE);
      await acknowledgeConduct({ db: db.prisma, timeZone: TZ, actor: w.actors.nils, now: berlin('2026-11-30T12:00'), reportId: id });
      for (const now of [ADMIN_DUE, berlin('2026-12-07T10:00')]) expect(await tick(now)).toEqual([]);
      expect(await escalations()).toEqual([]);
      expect(await db.prisma.reminderClaim.findUnique({ where: { key: escalateAdminKey(id) } })).toBeNull();
      // the reminders were tracked like the report cards: each now shows the acknowledgement, without a button
      const rows = await outbox(db.prisma);
      const update = updatesOf(rows, `conduct:${id}:remind:managers:${w.maria.id}`);
      expect(update).toHaveLength(1);
      const notice = update[0]!.notice;
      expect(notice.kind).toBe('conductReport');
      expect(notice.model as ConductReportModel).toMatchObject({ recipientId: w.maria.id, acknowledgements: [{ person: { id: w.nils.id } }], actions: { acknowledge: true } });
      expect(updatesOf(rows, `conduct:${id}:remind:managers:${w.nils.id}`)).toHaveLength(1);
    });

    it('an acknowledgement through the reminder (same action, any manager) counts', async () => {
      await withAdmins();
      const id = await report(db, w);
      await tick(MANAGERS_DUE);
      const reminder = modelOf<ConductReminderModel>((await outbox(db.prisma)).find((r) => r.idempotencyKey === `conduct:${id}:remind:managers:${w.maria.id}`));
      expect(await acknowledgeConduct({ db: db.prisma, timeZone: TZ, actor: await actorOf(db.prisma, w.maria.id), now: ms(MANAGERS_DUE, 60_000), reportId: reminder.reportId })).toMatchObject({ first: true });
      expect(await tick(ADMIN_DUE)).toEqual([]);
    });

    it('without any admin the escalation waits (nothing claimed) and goes out once an admin is registered', async () => {
      const id = await report(db, w);
      await tick(MANAGERS_DUE);
      expect(await tick(ADMIN_DUE)).toEqual([]);
      expect(await db.prisma.reminderClaim.findUnique({ where: { key: escalateAdminKey(id) } })).toBeNull();
      const ada = await createPerson(db.prisma, { name: 'Ada Admin', roles: ['admin'] });
      expect(await tick(ms(ADMIN_DUE, 60_000))).toHaveLength(1);
      expect(await escalations()).toEqual([ada.id]);
    });

    it('each report has its own steps', async () => {
      await withAdmins();
      const first = await report(db, w);
      const second = await report(db, w, berlin('2026-11-30T10:00')); // Monday: due Monday 14:00
      expect(await tick(MANAGERS_DUE)).toHaveLength(1);
      expect(await tick(berlin('2026-11-30T14:00'))).toHaveLength(1);
      const keys = (await db.prisma.reminderClaim.findMany({ orderBy: { key: 'asc' } })).map((c) => c.key);
      expect(keys).toEqual([remindManagersKey(first), remindManagersKey(second)].sort());
      expect(await reminders()).toHaveLength(4);
    });
  });
}

describe('through the tick CLI', () => {
  let db: TestDatabase;
  let w: World;
  useWorld('sqlite', (d, x) => {
    db = d;
    w = x;
  });

  it('`tick --now` (registered jobs) reminds the managers once and says so', async () => {
    await report(db, w);
    const early = await cli(db.url, ['tick', '--now', '2026-11-30T10:59']);
    expect(early.code).toBe(0);
    // (The test world's client has had no task for years, so the inactivity jobs have lines of their own.)
    expect(early.stdout).not.toContain('[conduct.');
    const due = await cli(db.url, ['tick', '--now', '2026-11-30T11:00']);
    expect(due.code).toBe(0);
    expect(due.stdout).toContain('- [conduct.remindManagers] Erinnerung an Maria Managerin, Nils Kundenmanager: dringende Meldung zu Kunde 10023 (Müller GmbH) seit 4 Arbeitsstunden nicht zur Kenntnis genommen');
    const again = await cli(db.url, ['tick', '--now', '2026-11-30T11:00']);
    expect(again.stdout).toContain('Nichts fällig.');
    expect(recipientsOf(await outbox(db.prisma), 'conductReminder')).toEqual([w.maria.id, w.nils.id].sort());
  });
});
