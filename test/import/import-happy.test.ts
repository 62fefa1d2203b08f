// `import <kind> <file>` for each kind: what lands in the database, the summary printed, the audit event,
// and that the same files imported again change nothing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { taskSourceKey } from '../../src/import/tasks.ts';
import { cli, fixture } from '../cli/harness.ts';
import { testDatabase, type TestDatabase } from '../support/db.ts';

let db: TestDatabase;
beforeEach(async () => {
  db = await testDatabase('sqlite');
});
afterEach(async () => {
  await db.destroy();
});

async function importAll(): Promise<void> {
  for (const kind of ['people', 'clients', 'assignments', 'tasks']) {
    const r = await cli(db.url, ['import', kind, fixture(`${kind}.csv`)]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  }
}

describe('import people', () => {
  it('creates the people with lower-cased e-mails, their roles and the optional columns (file with BOM)', async () => {
    const r = await cli(db.url, ['import', 'people', fixture('people.csv')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Personen importiert (4 Zeilen): 4 neu, 0 aktualisiert, 0 unverändert.');

    const people = await db.prisma.person.findMany({ include: { roles: true }, orderBy: { email: 'asc' } });
    expect(people.map((p) => p.email)).toEqual(['dieter.wolff@example.de', 'miriam.oezdemir@example.de', 'petra.lehmann@example.de', 'stefan.kaiser@example.de']);
    const petra = people.find((p) => p.name === 'Petra Lehmann');
    // The BOM before the first header cell must not hide the aadObjectId column.
    expect(petra?.aadObjectId).toBe('0f8fad5b-d9cb-469f-a165-70867728950e');
    expect(petra?.competences).toBe('Buchhaltung|Recherche');
    const stefan = people.find((p) => p.name === 'Stefan Kaiser');
    expect(stefan?.roles.map((x) => x.role).sort()).toEqual(['community', 'vpa']);
    expect(stefan?.takesNewClients).toBe(false);
    // Dates without a time are the start of that day in Europe/Berlin.
    expect(stefan?.absentFrom?.toISOString()).toBe('2026-11-30T23:00:00.000Z');
    expect(stefan?.absentUntil?.toISOString()).toBe('2027-01-14T23:00:00.000Z');
    expect(people.find((p) => p.email === 'dieter.wolff@example.de')?.name).toBe('Wolff, Dieter');

    const audit = await db.prisma.auditEvent.findMany();
    expect(audit).toHaveLength(1);
    expect(audit[0]?.action).toBe('import.people');
    expect(JSON.parse(audit[0]?.data ?? '{}')).toMatchObject({ file: 'people.csv', rows: 4, created: 4, updated: 0, unchanged: 0 });
  });
});

describe('import clients, assignments, tasks', () => {
  it('imports each kind and links assignments and tasks to clients and VPAs', async () => {
    await importAll();
    const clients = await db.prisma.client.findMany({ orderBy: { number: 'asc' } });
    expect(clients.map((c) => [c.number, c.class, c.workType])).toEqual([
      ['K-2001', 'A', 'continuous'],
      ['K-2002', 'B', 'one-off'],
      ['K-2003', 'C', 'continuous'],
    ]);
    expect(clients[0]?.notes).toBe('Ansprechpartner: Herr Meier, Tel. bevorzugt');

    const history = await db.prisma.assignment.findMany({ where: { client: { number: 'K-2001' } }, include: { vpa: true }, orderBy: { from: 'asc' } });
    expect(history.map((a) => [a.vpa.email, a.from.toISOString(), a.to?.toISOString() ?? null])).toEqual([
      ['stefan.kaiser@example.de', '2024-01-14T23:00:00.000Z', '2026-04-30T22:00:00.000Z'],
      ['petra.lehmann@example.de', '2026-04-30T22:00:00.000Z', null],
    ]);
    const k3 = await db.prisma.assignment.findFirst({ where: { client: { number: 'K-2003' } } });
    expect(k3?.from.toISOString()).toBe('2025-09-01T06:00:00.000Z');

    const tasks = await db.prisma.task.findMany({ include: { client: true }, orderBy: { createdAt: 'asc' } });
    expect(tasks).toHaveLength(4);
    const bericht = tasks.find((t) => t.title === 'Quartalsbericht vorbereiten');
    expect(bericht?.client.number).toBe('K-2001');
    expect(bericht?.createdAt.toISOString()).toBe('2026-11-02T08:15:00.000Z');
    expect(bericht?.competence).toBe('Buchhaltung');
    expect(bericht?.sourceKey).toBe(taskSourceKey('K-2001', new Date('2026-11-02T08:15:00.000Z'), 'Quartalsbericht vorbereiten'));
    // "2026-09-10 10:30" (a spreadsheet's date-time) is a wall time in Europe/Berlin.
    expect(tasks.find((t) => t.title === 'Lieferantenliste aktualisieren')?.createdAt.toISOString()).toBe('2026-09-10T08:30:00.000Z');

    expect((await db.prisma.auditEvent.findMany({ orderBy: { action: 'asc' } })).map((e) => e.action)).toEqual([
      'import.assignments',
      'import.clients',
      'import.people',
      'import.tasks',
    ]);
  });

  it('importing the same files again changes nothing and writes no audit event', async () => {
    await importAll();
    const snapshot = async () => ({
      people: await db.prisma.person.findMany({ include: { roles: true }, orderBy: { id: 'asc' } }),
      clients: await db.prisma.client.findMany({ orderBy: { id: 'asc' } }),
      assignments: await db.prisma.assignment.findMany({ orderBy: { id: 'asc' } }),
      tasks: await db.prisma.task.findMany({ orderBy: { id: 'asc' } }),
      audit: await db.prisma.auditEvent.count(),
    });
    const before = await snapshot();
    for (const [kind, label, rows] of [
      ['people', 'Personen', 4],
      ['clients', 'Kunden', 3],
      ['assignments', 'Zuordnungen', 4],
      ['tasks', 'Aufgaben', 4],
    ] as const) {
      const r = await cli(db.url, ['import', kind, fixture(`${kind}.csv`)]);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain(`${label} importiert (${rows} Zeilen): 0 neu, 0 aktualisiert, ${rows} unverändert.`);
      expect(r.stdout).toContain('Keine Änderungen.');
    }
    expect(await snapshot()).toEqual(before);
  });
});
