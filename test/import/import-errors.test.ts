// Bad files: every problem is reported by line and column in German and English, the exit code is not 0,
// and nothing at all is written (acceptance 5 of issue 3).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cli, fixture } from '../cli/harness.ts';
import { testDatabase, type TestDatabase } from '../support/db.ts';

let db: TestDatabase;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'staffelstab-import-'));
let n = 0;

function csvFile(content: string | Buffer): string {
  const file = path.join(dir, `f${n++}.csv`);
  fs.writeFileSync(file, content);
  return file;
}

async function counts() {
  return {
    people: await db.prisma.person.count(),
    roles: await db.prisma.personRole.count(),
    clients: await db.prisma.client.count(),
    assignments: await db.prisma.assignment.count(),
    tasks: await db.prisma.task.count(),
    audit: await db.prisma.auditEvent.count(),
  };
}

beforeEach(async () => {
  db = await testDatabase('sqlite');
});
afterEach(async () => {
  await db.destroy();
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function seedBasics(): Promise<void> {
  for (const kind of ['people', 'clients', 'assignments']) expect((await cli(db.url, ['import', kind, fixture(`${kind}.csv`)])).code).toBe(0);
}

describe('one bad row', () => {
  it('imports nothing and names the row and the reason', async () => {
    const r = await cli(db.url, ['import', 'people', fixture('people-one-bad-row.csv')]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('Die Importdatei enthält Fehler; es wurde nichts übernommen.');
    expect(r.stderr).toContain('Zeile 4, Spalte email: keine gültige E-Mail-Adresse / row 4, column email: not a valid e-mail address');
    expect(r.stderr).not.toMatch(/Zeile [235]/);
    expect(r.stderr).not.toMatch(/\bat .*\.ts:\d+/); // no stack trace
    expect(r.stdout).toBe('');
    expect(await counts()).toEqual({ people: 0, roles: 0, clients: 0, assignments: 0, tasks: 0, audit: 0 });
  });

  it('reports every bad row of a file, each with its column', async () => {
    const r = await cli(db.url, ['import', 'people', fixture('people-many-bad-rows.csv')]);
    expect(r.code).toBe(1);
    const lines = r.stderr.split('\n').filter((l) => l.trim().startsWith('Zeile'));
    expect(lines.map((l) => l.trim().split(':')[0])).toEqual([
      'Zeile 3, Spalte aadObjectId',
      'Zeile 3, Spalte roles',
      'Zeile 4, Spalte name',
      'Zeile 4, Spalte absentFrom',
      'Zeile 4, Spalte takesNewClients',
      'Zeile 5, Spalte absentUntil',
    ]);
    expect(r.stderr).toContain('unbekannte Rolle „boss“');
    expect(r.stderr).toContain('row 4, column takesNewClients: must be true or false');
    expect(await counts()).toMatchObject({ people: 0, audit: 0 });
  });

  it('writes nothing when only the last row fails a database check', async () => {
    await seedBasics();
    const before = await counts();
    const file = csvFile('clientNumber,createdAt,title\nK-2001,2026-11-01T10:00:00Z,Eins\nK-2002,2026-11-02T10:00:00Z,Zwei\nK-9999,2026-11-03T10:00:00Z,Drei\n');
    const r = await cli(db.url, ['import', 'tasks', file]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Zeile 4, Spalte clientNumber: Kunde K-9999 ist nicht eingetragen');
    expect(await counts()).toEqual(before);
  });

  it('rolls back the rows already written when another row has a bad value', async () => {
    await seedBasics();
    const before = await counts();
    const r = await cli(db.url, ['import', 'tasks', fixture('tasks-one-bad-date.csv')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Zeile 4, Spalte createdAt: kein gültiges Datum (ISO-8601');
    expect(await counts()).toEqual(before);
  });
});

describe('file problems', () => {
  it('names a missing required column', async () => {
    const r = await cli(db.url, ['import', 'clients', csvFile('number,name,class\nK-1,Foo,A\n')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Zeile 1, Spalte workType: Spalte fehlt in der Kopfzeile / row 1, column workType: column missing from the header row');
  });

  it('explains a semicolon-separated file', async () => {
    const r = await cli(db.url, ['import', 'clients', csvFile('number;name;class;workType\nK-1;Foo;A;continuous\n')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Semikolons');
  });

  it('names a row with the wrong number of fields and the start line of a multi-line row', async () => {
    const r = await cli(db.url, ['import', 'clients', csvFile('number,name,class,workType,notes\nK-1,"Foo\nGmbH",A,continuous,"zwei\nZeilen"\nK-2,Bar,B\nK-3,"Baz\nAG",C,weekly,\n')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Zeile 5: Zeile hat 3 statt 5 Felder (Kommas oder Anführungszeichen prüfen) / row 5: row has 3 fields instead of 5');
    // Field-count problems come first (the file cannot be read as a table); fix them and the row checks follow.
    const fixed = await cli(db.url, ['import', 'clients', csvFile('number,name,class,workType,notes\nK-1,"Foo\nGmbH",A,continuous,"zwei\nZeilen"\nK-3,"Baz\nAG",C,weekly,\n')]);
    expect(fixed.stderr).toContain('Zeile 5, Spalte workType: nur continuous (laufende Aufgaben) oder one-off (einmalige Aufgaben) erlaubt');
    expect(await db.prisma.client.count()).toBe(0);
  });

  it('reports broken quoting', async () => {
    const r = await cli(db.url, ['import', 'clients', csvFile('number,name,class,workType\nK-1,"Foo,A,continuous\n')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Die CSV-Datei ist hier nicht lesbar');
  });

  it('refuses a file that is not UTF-8', async () => {
    const latin1 = Buffer.from('number,name,class,workType\nK-1,B\xe4ckerei M\xfcller,A,continuous\n', 'latin1');
    const r = await cli(db.url, ['import', 'clients', csvFile(latin1)]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('nicht UTF-8');
    expect(await db.prisma.client.count()).toBe(0);
  });

  it('accepts UTF-8 with and without BOM alike, ignores extra columns and blank lines', async () => {
    const body = 'Kommentar,number,name,class,workType\nx,K-1,Bäckerei Müller,A,continuous\n\ny,K-2,Grüße & Söhne,B,ONE-OFF\n';
    expect((await cli(db.url, ['import', 'clients', csvFile(`\uFEFF${body}`)])).code).toBe(0);
    const again = await cli(db.url, ['import', 'clients', csvFile(body)]);
    expect(again.stdout).toContain('0 neu, 0 aktualisiert, 2 unverändert');
    const clients = await db.prisma.client.findMany({ orderBy: { number: 'asc' } });
    expect(clients.map((c) => [c.number, c.name, c.workType])).toEqual([
      ['K-1', 'Bäckerei Müller', 'continuous'],
      ['K-2', 'Grüße & Söhne', 'one-off'],
    ]);
  });

  it('names a missing file and an unknown kind, listing the available kinds', async () => {
    const missing = await cli(db.url, ['import', 'people', path.join(dir, 'gibt-es-nicht.csv')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('gibt es nicht');
    const unknown = await cli(db.url, ['import', 'kunden', fixture('clients.csv')]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('Die Importart „kunden“ gibt es nicht. Verfügbar sind: people, clients, assignments, tasks, shifts, inbox.');
  });
});

describe('references and history', () => {
  it('requires the client, the person and, for a new assignment, the role vpa', async () => {
    await seedBasics();
    const before = await counts();
    const file = csvFile(
      [
        'clientNumber,vpaEmail,from,to',
        'K-9999,petra.lehmann@example.de,2026-01-01,',
        'K-2003,niemand@example.de,2026-01-01,',
        'K-2003,miriam.oezdemir@example.de,2026-10-01,',
        'K-2002,petra.lehmann@example.de,2026-01-01,2025-12-01',
      ].join('\n'),
    );
    const r = await cli(db.url, ['import', 'assignments', file]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Zeile 2, Spalte clientNumber: Kunde K-9999 ist nicht eingetragen (zuerst clients importieren)');
    expect(r.stderr).toContain('Zeile 3, Spalte vpaEmail: keine Person mit dieser E-Mail-Adresse eingetragen');
    expect(r.stderr).toContain('Zeile 4, Spalte vpaEmail: diese Person hat nicht die Rolle vpa / row 4, column vpaEmail: this person does not have the role vpa');
    expect(r.stderr).toContain('Zeile 5, Spalte to: muss nach from liegen / row 5, column to: must be after from');
    expect(await counts()).toEqual(before);
  });

  it('refuses a second current assignment and overlapping periods', async () => {
    await seedBasics();
    const before = await counts();
    // K-2002 is Petra's since 2026-02-01 (current); K-2001 was Stefan's until 2026-05-01.
    const file = csvFile(
      [
        'clientNumber,vpaEmail,from,to',
        'K-2002,stefan.kaiser@example.de,2026-10-01,',
        'K-2001,stefan.kaiser@example.de,2026-04-01,2026-04-20',
        'K-2003,petra.lehmann@example.de,2024-01-01,2024-06-01',
        'K-2003,petra.lehmann@example.de,2024-05-01,2024-07-01',
      ].join('\n'),
    );
    const r = await cli(db.url, ['import', 'assignments', file]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Zeile 2, Spalte to: Kunde K-2002 hätte mehrere aktuelle Zuordnungen (ohne to)');
    expect(r.stderr).toContain('Zeile 3, Spalte from: Zeitraum überschneidet sich bei Kunde K-2001 mit der Zuordnung von stefan.kaiser@example.de ab 15.01.2024 bis 01.05.2026 (bereits eingetragen)');
    expect(r.stderr).toContain('Zeile 5, Spalte from: Zeitraum überschneidet sich bei Kunde K-2003 mit der Zuordnung von petra.lehmann@example.de ab 01.01.2024 bis 01.06.2024 (Zeile 4)');
    expect(await counts()).toEqual(before);
  });

  it('refuses duplicate rows within a file', async () => {
    await seedBasics();
    const r = await cli(db.url, ['import', 'clients', csvFile('number,name,class,workType\nK-7,A,A,continuous\nK-7,B,B,one-off\n')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Zeile 3, Spalte number: kommt schon in Zeile 2 vor');
    const p = await cli(db.url, ['import', 'people', csvFile('aadObjectId,name,email,roles\n11111111-1111-4111-8111-111111111111,A,a@example.de,vpa\n22222222-2222-4222-8222-222222222222,B,A@example.de,vpa\n')]);
    expect(p.stderr).toContain('Zeile 3, Spalte email: kommt schon in Zeile 2 vor');
    const t = await cli(db.url, ['import', 'tasks', csvFile('clientNumber,createdAt,title\nK-2001,2026-11-01T10:00:00Z,X\nK-2001,2026-11-01T11:00:00+01:00,X\n')]);
    expect(t.stderr).toContain('Zeile 3: dieselbe Aufgabe (Kunde, createdAt, title) steht schon in Zeile 2');
  });

  it('refuses an e-mail that belongs to another person and an e-mail whose person has another aadObjectId', async () => {
    await seedBasics();
    const before = await counts();
    const file = csvFile(
      [
        'aadObjectId,name,email,roles',
        // Petra's id with Stefan's address.
        '0f8fad5b-d9cb-469f-a165-70867728950e,Petra Lehmann,stefan.kaiser@example.de,vpa',
        // Miriam's address with a new id.
        '99999999-9999-4999-8999-999999999999,Miriam Özdemir,miriam.oezdemir@example.de,vpa_manager',
      ].join('\n'),
    );
    const r = await cli(db.url, ['import', 'people', file]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Zeile 2, Spalte email: gehört bereits zu einer anderen Person (Stefan Kaiser');
    expect(r.stderr).toContain('Zeile 3, Spalte aadObjectId: die Person mit dieser E-Mail-Adresse hat die aadObjectId 16fd2706-8baf-433b-82eb-8c7fada847da');
    expect(await counts()).toEqual(before);
  });
});

describe('updates', () => {
  it('the roles column is the complete role set; a missing optional column leaves fields alone, an empty cell clears them', async () => {
    await seedBasics();
    const file = csvFile(
      [
        'aadObjectId,name,email,roles,absentFrom',
        // Stefan: community dropped, admin added, absence cleared; competences and takesNewClients not in the file.
        '7C9E6679-7425-40DE-944B-E07FC1F90AE7,Stefan Kaiser,stefan.kaiser@example.de,vpa|admin,',
        // Matched by e-mail (any case): new name.
        '0f8fad5b-d9cb-469f-a165-70867728950e,Petra Lehmann-Roth,PETRA.LEHMANN@example.de,vpa,',
        // Unchanged.
        '16fd2706-8baf-433b-82eb-8c7fada847da,Miriam Özdemir,miriam.oezdemir@example.de,vpa_manager,',
      ].join('\n'),
    );
    const r = await cli(db.url, ['import', 'people', file]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('0 neu, 2 aktualisiert, 1 unverändert');
    const stefan = await db.prisma.person.findUniqueOrThrow({ where: { email: 'stefan.kaiser@example.de' }, include: { roles: true } });
    expect(stefan.roles.map((x) => x.role).sort()).toEqual(['admin', 'vpa']);
    expect(stefan.absentFrom).toBeNull();
    expect(stefan.absentUntil?.toISOString()).toBe('2027-01-14T23:00:00.000Z');
    expect(stefan.competences).toBe('Englisch');
    expect(stefan.takesNewClients).toBe(false);
    expect((await db.prisma.person.findUniqueOrThrow({ where: { email: 'petra.lehmann@example.de' } })).name).toBe('Petra Lehmann-Roth');
  });

  it('closing the current assignment and handing over in one file', async () => {
    await seedBasics();
    const file = csvFile(['clientNumber,vpaEmail,from,to', 'K-2002,petra.lehmann@example.de,2026-02-01,2026-11-01', 'K-2002,stefan.kaiser@example.de,2026-11-01,'].join('\n'));
    const r = await cli(db.url, ['import', 'assignments', file]);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('1 neu, 1 aktualisiert, 0 unverändert');
    const history = await db.prisma.assignment.findMany({ where: { client: { number: 'K-2002' } }, include: { vpa: true }, orderBy: { from: 'asc' } });
    expect(history.map((a) => [a.vpa.email, a.to?.toISOString() ?? null])).toEqual([
      ['petra.lehmann@example.de', '2026-10-31T23:00:00.000Z'],
      ['stefan.kaiser@example.de', null],
    ]);
  });

  it('updates a task competence; a different title is a different task', async () => {
    await seedBasics();
    expect((await cli(db.url, ['import', 'tasks', fixture('tasks.csv')])).code).toBe(0);
    const file = csvFile('clientNumber,createdAt,title,competence\nK-2001,2026-11-02T08:15:00Z,Quartalsbericht vorbereiten,Controlling\nK-2001,2026-11-02T08:15:00Z,Quartalsbericht,\n');
    const r = await cli(db.url, ['import', 'tasks', file]);
    expect(r.stdout).toContain('1 neu, 1 aktualisiert, 0 unverändert');
    expect((await db.prisma.task.findFirstOrThrow({ where: { title: 'Quartalsbericht vorbereiten' } })).competence).toBe('Controlling');
    expect(await db.prisma.task.count()).toBe(5);
  });
});
