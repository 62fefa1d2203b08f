// The all-or-nothing import on PostgreSQL: a file whose last row fails a database check leaves no trace,
// and a good file is written in full, with its audit event.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cli, fixture } from '../cli/harness.ts';
import { TEST_DATABASE_URL, testDatabase, type TestDatabase } from '../support/db.ts';

describe.skipIf(!TEST_DATABASE_URL)('import on PostgreSQL', () => {
  let db: TestDatabase;
  beforeEach(async () => {
    db = await testDatabase('postgres');
  });
  afterEach(async () => {
    await db.destroy();
  });

  it('imports everything or nothing, and a second import changes nothing', async () => {
    for (const kind of ['people', 'clients']) expect((await cli(db.url, ['import', kind, fixture(`${kind}.csv`)])).code).toBe(0);

    const bad = await cli(db.url, ['import', 'people', fixture('people-one-bad-row.csv')]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('Zeile 4, Spalte email: keine gültige E-Mail-Adresse / row 4, column email: not a valid e-mail address');

    // Three good rows, then one referring to a client that does not exist: nothing of it may stay.
    const before = { assignments: await db.prisma.assignment.count(), audit: await db.prisma.auditEvent.count() };
    const partial = await cli(db.url, ['import', 'assignments', fixture('assignments-unknown-client.csv')]);
    expect(partial.code).toBe(1);
    expect(partial.stderr).toContain('Zeile 5, Spalte clientNumber: Kunde K-2999 ist nicht eingetragen');
    expect({ assignments: await db.prisma.assignment.count(), audit: await db.prisma.auditEvent.count() }).toEqual(before);

    // A bad date in one row: the good rows are written inside the transaction, which then rolls back.
    const badDate = await cli(db.url, ['import', 'tasks', fixture('tasks-one-bad-date.csv')]);
    expect(badDate.code).toBe(1);
    expect(badDate.stderr).toContain('Zeile 4, Spalte createdAt: kein gültiges Datum');
    expect(await db.prisma.task.count()).toBe(0);
    expect(await db.prisma.auditEvent.count()).toBe(before.audit);

    for (const kind of ['assignments', 'tasks']) expect((await cli(db.url, ['import', kind, fixture(`${kind}.csv`)])).code).toBe(0);
    expect(await db.prisma.assignment.count()).toBe(4);
    expect(await db.prisma.task.count()).toBe(4);
    const audit = await db.prisma.auditEvent.count();
    for (const kind of ['people', 'clients', 'assignments', 'tasks']) {
      const again = await cli(db.url, ['import', kind, fixture(`${kind}.csv`)]);
      expect(again.stdout).toContain('Keine Änderungen.');
    }
    expect(await db.prisma.auditEvent.count()).toBe(audit);
  });
});
