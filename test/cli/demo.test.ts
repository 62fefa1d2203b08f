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
  };
}

describe('demo', () => {
  it('creates people of every role and prints who is who with their aadObjectId', async () => {
    const r = await cli(db.url, ['demo'], { clock: new FixedClock(now) });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Demo-Daten angelegt (Stichtag 23.11.2026): 13 Personen, 15 Kunden');
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
    expect(clients.length).toBeGreaterThanOrEqual(15);
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
});
