// `demo`: a realistic company whose dates follow the clock, covering every inactivity step, VPA changes
// and long service; running it again (even days later, even after trying flows) changes nothing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DateTime } from 'luxon';
import { FixedClock } from '../../src/time/clock.ts';
import { cli } from './harness.ts';
import { testDatabase, type TestDatabase } from '../support/db.ts';

let db: TestDatabase;
const now = new Date('2026-11-23T10:00:00.000Z');
const DAY = 86_400_000;

beforeEach(async () => {
  db = await testDatabase('sqlite');
});
afterEach(async () => {
  await db.destroy();
});

async function snapshot() {
  return {
    people: await db.prisma.person.findMany({ include: { roles: true }, orderBy: { id: 'asc' } }),
    clients: await db.prisma.client.findMany({ orderBy: { id: 'asc' } }),
    assignments: await db.prisma.assignment.findMany({ orderBy: { id: 'asc' } }),
    tasks: await db.prisma.task.findMany({ orderBy: { id: 'asc' } }),
    audit: await db.prisma.auditEvent.count(),
    // What the story of process 2 wrote.
    cycles: await db.prisma.inactivityCycle.findMany({ orderBy: { id: 'asc' } }),
    steps: await db.prisma.inactivityStep.findMany({ orderBy: { id: 'asc' } }),
    marks: await db.prisma.clientMark.findMany({ orderBy: { clientId: 'asc' } }),
    todos: await db.prisma.platformTodo.findMany({ orderBy: { id: 'asc' } }),
    tenders: await db.prisma.tender.findMany({ orderBy: { id: 'asc' } }),
    applications: await db.prisma.tenderApplication.findMany({ orderBy: [{ tenderId: 'asc' }, { vpaId: 'asc' }] }),
    outbox: await db.prisma.outboxMessage.count(),
  };
}

/** The client's newest cycle with its steps (`step:outcome`), for the story's assertions. */
async function processOf(number: string) {
  const client = await db.prisma.client.findUniqueOrThrow({ where: { number } });
  const cycle = await db.prisma.inactivityCycle.findFirst({ where: { clientId: client.id }, orderBy: { cycle: 'desc' } });
  const steps = cycle ? await db.prisma.inactivityStep.findMany({ where: { cycleId: cycle.id }, orderBy: [{ at: 'asc' }, { step: 'asc' }] }) : [];
  const mark = await db.prisma.clientMark.findUnique({ where: { clientId: client.id } });
  const current = await db.prisma.assignment.findMany({ where: { clientId: client.id, to: null } });
  const people = new Map((await db.prisma.person.findMany()).map((p) => [p.id, p.name]));
  const tender = await db.prisma.tender.findFirst({ where: { clientId: client.id } });
  return {
    client,
    cycle,
    steps: steps.map((s) => `${s.step}:${s.outcome}`),
    marked: !!mark,
    vpaNames: current.map((a) => people.get(a.vpaId)),
    tender,
  };
}

const CLI_ENV = { TZ_BUSINESS: 'Europe/Berlin' };

describe('demo', () => {
  it('creates people of every role and prints who is who with their aadObjectId', async () => {
    const r = await cli(db.url, ['demo'], { clock: new FixedClock(now) });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Demo-Daten angelegt (Stichtag 23.11.2026): 13 Personen, 20 Kunden');
    const people = await db.prisma.person.findMany({ include: { roles: true } });
    expect(people.length).toBeGreaterThanOrEqual(12);
    const roles = new Set(people.flatMap((p) => p.roles.map((x) => x.role)));
    expect([...roles].sort()).toEqual(['admin', 'client_manager', 'community', 'conny', 'shift', 'vpa', 'vpa_manager']);
    for (const p of people) {
      expect(p.aadObjectId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
      expect(p.email).toMatch(/^[a-z.]+@demo\.staffelstab\.de$/);
      expect(r.stdout).toContain(p.name);
      expect(r.stdout).toContain(p.aadObjectId ?? '-');
    }
    expect(r.stdout).toContain('User ID');
    expect(people.some((p) => !p.takesNewClients)).toBe(true);
    expect(people.some((p) => p.absentFrom && p.absentUntil && p.absentFrom <= now && p.absentUntil > now)).toBe(true);
    expect(people.some((p) => p.competences.includes('|'))).toBe(true);
  });

  it('gives clients of every class and work type, every inactivity step, VPA changes and long service', async () => {
    await cli(db.url, ['demo'], { clock: new FixedClock(now) });
    const clients = await db.prisma.client.findMany({ include: { tasks: true, assignments: true } });
    expect(clients.length).toBeGreaterThanOrEqual(20);
    expect(new Set(clients.map((c) => c.class))).toEqual(new Set(['A', 'B', 'C']));
    expect(new Set(clients.map((c) => c.workType))).toEqual(new Set(['continuous', 'one-off']));

    const weeksQuiet = clients.map((c) => (now.getTime() - Math.max(...c.tasks.map((t) => t.createdAt.getTime()))) / (7 * DAY));
    expect(weeksQuiet.filter((w) => w < 4).length).toBeGreaterThanOrEqual(4);
    expect(weeksQuiet.some((w) => w >= 8 && w < 10)).toBe(true);
    expect(weeksQuiet.some((w) => w >= 16 && w < 20)).toBe(true);
    expect(weeksQuiet.some((w) => w >= 20 && w < 52)).toBe(true);
    expect(weeksQuiet.some((w) => w >= 52)).toBe(true);

    for (const c of clients) expect(c.assignments.filter((a) => a.to === null)).toHaveLength(1);
    const yearAgo = now.getTime() - 365 * DAY;
    const changesIn12Months = clients.map((c) => c.assignments.filter((a) => a.from.getTime() > yearAgo && c.assignments.some((b) => b.to?.getTime() === a.from.getTime())).length);
    expect(Math.max(...changesIn12Months)).toBeGreaterThanOrEqual(2);
    const longest = Math.max(...clients.flatMap((c) => c.assignments.filter((a) => a.to === null).map((a) => (now.getTime() - a.from.getTime()) / (365 * DAY))));
    expect(longest).toBeGreaterThan(3);

    // Dates are days before the anchor day in Europe/Berlin: assignments start at local midnight.
    const k1001 = clients.find((c) => c.number === 'K-1001');
    expect(DateTime.fromJSDate(k1001?.assignments[0]?.from ?? new Date(0), { zone: 'Europe/Berlin' }).toFormat('HH:mm')).toBe('00:00');
  });

  it('is idempotent: a second run, also days later, changes nothing and keeps the first run\'s dates', async () => {
    await cli(db.url, ['demo'], { clock: new FixedClock(now) });
    const before = await snapshot();
    const again = await cli(db.url, ['demo'], { clock: new FixedClock(now) });
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('bereits vollständig vorhanden (Stichtag 23.11.2026); nichts geändert.');
    const later = await cli(db.url, ['demo'], { clock: new FixedClock(new Date(now.getTime() + 10 * DAY)) });
    expect(later.stdout).toContain('Stichtag 23.11.2026');
    expect(await snapshot()).toEqual(before);
    expect(await db.prisma.auditEvent.count({ where: { action: 'demo.seeded' } })).toBe(1);
  });

  it('leaves what people changed while trying flows alone, and fills in what was removed', async () => {
    await cli(db.url, ['demo'], { clock: new FixedClock(now) });
    // Anna hands K-1001 over to Sophie and becomes a manager.
    const k1001 = await db.prisma.client.findUniqueOrThrow({ where: { number: 'K-1001' } });
    const sophie = await db.prisma.person.findUniqueOrThrow({ where: { email: 'sophie.wagner@demo.staffelstab.de' } });
    await db.prisma.assignment.updateMany({ where: { clientId: k1001.id, to: null }, data: { to: now } });
    await db.prisma.assignment.create({ data: { id: 'handover-1', clientId: k1001.id, vpaId: sophie.id, from: now } });
    expect((await cli(db.url, ['roles', 'revoke', 'anna.schneider@demo.staffelstab.de', 'vpa'])).code).toBe(0);
    expect((await cli(db.url, ['roles', 'grant', 'anna.schneider@demo.staffelstab.de', 'vpa_manager'])).code).toBe(0);
    await db.prisma.task.deleteMany({ where: { client: { number: 'K-1014' } } });
    const before = await snapshot();

    const r = await cli(db.url, ['demo'], { clock: new FixedClock(now) });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('0 Personen, 0 Kunden, 0 Zuordnungen, 6 Aufgaben');
    const after = await snapshot();
    expect(after.people).toEqual(before.people);
    expect(after.assignments).toEqual(before.assignments);
    expect(after.tasks.length).toBe(before.tasks.length + 6);
  });

  describe('process 2 at every step right after demo, played through the real jobs and use cases', () => {
    // A Monday morning, a Sunday after Christmas, and Easter Monday 2027 before the send window opens: the story
    // lands every client at its step whatever the weekday or the holidays.
    for (const anchor of [now, new Date('2026-12-27T15:00:00.000Z'), new Date('2027-03-29T05:00:00.000Z')]) {
      it(`anchor ${anchor.toISOString()}`, async () => {
        const r = await cli(db.url, ['demo'], { clock: new FixedClock(anchor), env: CLI_ENV });
        expect(r.stderr).toBe('');
        expect(r.code).toBe(0);
        expect(r.stdout).toContain('Inaktive Kunden an jedem Schritt (die letzten Wochen wurden mit den echten Tick-Jobs nachgespielt):');
        expect(r.stdout).toContain('K-1020  Umfrage läuft');

        // Just past 8 weeks: the VPA's message went out (a to-do for Felix), red question mark, on Felix's `kunden`.
        const k1009 = await processOf('K-1009');
        expect(k1009.cycle?.status).toBe('running');
        expect(k1009.steps).toEqual(['vpa_message:sent']);
        expect(k1009.marked).toBe(true);
        expect(k1009.vpaNames).toEqual(['Felix Braun']);
        const felix = await db.prisma.person.findUniqueOrThrow({ where: { email: 'felix.braun@demo.staffelstab.de' } });
        expect(await db.prisma.platformTodo.count({ where: { clientId: k1009.client.id, kind: 'chat', senderId: felix.id } })).toBe(1);

        // On the list `inaktiv` (past 12 weeks), not handed over.
        const k1016 = await processOf('K-1016');
        expect(k1016.cycle).toMatchObject({ status: 'running', connyAt: null });
        expect(k1016.steps).toEqual(['vpa_message:sent']);
        expect((anchor.getTime() - k1016.cycle!.lastTaskAt.getTime()) / (7 * DAY)).toBeGreaterThanOrEqual(12);

        // Handed to Conny by Julia: the introduction went out; the client is Conny's.
        const k1017 = await processOf('K-1017');
        expect(k1017.cycle?.connyAt).not.toBeNull();
        expect(k1017.steps).toEqual(['vpa_message:sent', 'conny_intro:sent']);
        expect(k1017.vpaNames).toEqual(['Conny Meindl']);
        const handover = await db.prisma.auditEvent.findFirstOrThrow({ where: { action: 'inactivity.handed_to_conny', subjectId: k1017.cycle!.id } });
        expect(handover.actorId).toBe((await db.prisma.person.findUniqueOrThrow({ where: { email: 'julia.neumann@demo.staffelstab.de' } })).id);

        // After the 16-week reminder; after the 20-week reminder; past a year with the e-mail.
        expect((await processOf('K-1010')).steps).toEqual(['vpa_message:sent', 'conny_intro:sent', 'conny_reminder_1:sent']);
        expect((await processOf('K-1013')).steps).toEqual(['vpa_message:sent', 'conny_intro:sent', 'conny_reminder_1:sent', 'conny_reminder_2:sent']);
        const k1014 = await processOf('K-1014');
        expect(k1014.steps).toContain('conny_email:sent');
        expect(await db.prisma.platformTodo.count({ where: { clientId: k1014.client.id, kind: 'email' } })).toBe(1);

        // Paused by the client's reply: Murat's card offers "fortsetzen".
        const k1018 = await processOf('K-1018');
        expect(k1018.cycle?.status).toBe('paused');
        const replyCards = (await db.prisma.outboxMessage.findMany({ where: { idempotencyKey: { startsWith: `inactivity:${k1018.cycle!.id}:reply:` } } })).map((m) => JSON.parse(m.notice) as { notice: { kind: string; model: { actions: { resume: boolean } } } });
        expect(replyCards.map((m) => [m.notice.kind, m.notice.model.actions.resume])).toEqual([['inactivityReply', true]]);

        // Reactivated: the review waits for the admin team (the last VPA, Lena, is absent for long).
        const k1019 = await processOf('K-1019');
        expect(k1019.cycle).toMatchObject({ status: 'reactivated', reactivatedAfter: 'conny_reminder_1' });
        expect(k1019.marked).toBe(false);
        expect(k1019.tender).toMatchObject({ status: 'review', lastVpaId: (await db.prisma.person.findUniqueOrThrow({ where: { email: 'lena.hoffmann@demo.staffelstab.de' } })).id });
        const sabine = await db.prisma.person.findUniqueOrThrow({ where: { email: 'sabine.koch@demo.staffelstab.de' } });
        expect(await db.prisma.outboxMessage.count({ where: { idempotencyKey: `tender:${k1019.tender!.id}:review:${sabine.id}` } })).toBe(1);

        // A tender open with invites: Jonas (the last VPA) and Murat invited, Murat applied, deadline after "now".
        const k1020 = await processOf('K-1020');
        expect(k1020.tender?.status).toBe('open');
        expect(k1020.tender!.deadline!.getTime()).toBeGreaterThan(anchor.getTime());
        const invites = await db.prisma.tenderInvite.findMany({ where: { tenderId: k1020.tender!.id } });
        const names = new Map((await db.prisma.person.findMany()).map((p) => [p.id, p.name]));
        expect(invites.map((i) => `${names.get(i.vpaId)}${i.isLastVpa ? ' (letzter VPA)' : ''}`).sort()).toEqual(['Jonas Becker (letzter VPA)', 'Murat Yılmaz']);
        expect((await db.prisma.tenderApplication.findMany({ where: { tenderId: k1020.tender!.id } })).map((a) => names.get(a.vpaId))).toEqual(['Murat Yılmaz']);

        // No client became inactive by accident (every other continuous client has work within 8 weeks).
        const cycled = new Set((await db.prisma.inactivityCycle.findMany()).map((c) => c.clientId));
        const numbers = new Map((await db.prisma.client.findMany()).map((c) => [c.id, c.number]));
        expect([...cycled].map((id) => numbers.get(id)).sort()).toEqual(['K-1009', 'K-1010', 'K-1013', 'K-1014', 'K-1016', 'K-1017', 'K-1018', 'K-1019', 'K-1020']);
        // No one is flooded: the shift gets the most cards (one to-do per message in Conny's name), a handful.
        const perConversation = await db.prisma.outboxMessage.groupBy({ by: ['conversationKey'], _count: true });
        expect(Math.max(...perConversation.map((c) => c._count))).toBeLessThanOrEqual(15);

        // Running demo again (a day later) replays nothing.
        const before = await snapshot();
        const again = await cli(db.url, ['demo'], { clock: new FixedClock(new Date(anchor.getTime() + DAY)), env: CLI_ENV });
        expect(again.code).toBe(0);
        expect(await snapshot()).toEqual(before);
        expect(await db.prisma.auditEvent.count({ where: { action: 'demo.story' } })).toBe(1);
      });
    }
  });
});
