// `import shifts` and `import inbox` (issue 10): all or nothing, row-by-row German/English errors, the same file
// twice changes nothing.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cli } from '../cli/harness.ts';
import { person, testDatabase, type TestDatabase } from '../shift/support.ts';

let db: TestDatabase;
let dir: string;
beforeEach(async () => {
  db = await testDatabase('sqlite');
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shift-import-'));
  await person(db.prisma, 'Anna Früh', ['shift']);
  await person(db.prisma, 'Ben Spät', ['shift']);
  await db.prisma.client.create({ data: { id: 'cl_1', number: 'K-1001', name: 'Müller GmbH', class: 'B', workType: 'continuous' } });
});
afterEach(async () => {
  await db.destroy();
  fs.rmSync(dir, { recursive: true, force: true });
});

function file(name: string, lines: string[]): string {
  const p = path.join(dir, name);
  fs.writeFileSync(p, `${lines.join('\n')}\n`);
  return p;
}

describe('import shifts', () => {
  const good = ['date,shift,email,lead,from,until', '2027-03-22,früh,p_anna@example.de,,08:00,14:00', '2027-03-22,spät,P_BEN@example.de,true,13:00,19:00', '2027-03-23,ganztags,p_anna@example.de,false,,'];

  it('imports the plan; the same file twice changes nothing; a changed lead is updated', async () => {
    const first = await cli(db.url, ['import', 'shifts', file('shifts.csv', good)]);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain('Schichten importiert (3 Zeilen): 3 neu, 0 aktualisiert, 0 unverändert.');
    const rows = await db.prisma.shiftAssignment.findMany({ orderBy: [{ date: 'asc' }, { shift: 'asc' }] });
    expect(rows.map((r) => [r.date, r.shift, r.personId, r.lead, r.from, r.until])).toEqual([
      ['2027-03-22', 'früh', 'p_anna', false, '08:00', '14:00'],
      ['2027-03-22', 'spät', 'p_ben', true, '13:00', '19:00'],
      ['2027-03-23', 'ganztags', 'p_anna', false, null, null],
    ]);
    const audits = await db.prisma.auditEvent.count();
    const again = await cli(db.url, ['import', 'shifts', file('shifts.csv', good)]);
    expect(again.stdout).toContain('0 neu, 0 aktualisiert, 3 unverändert');
    expect(await db.prisma.auditEvent.count()).toBe(audits);
    const changed = await cli(db.url, ['import', 'shifts', file('shifts2.csv', ['date,shift,email,lead', '2027-03-22,früh,p_anna@example.de,true'])]);
    expect(changed.stdout).toContain('0 neu, 1 aktualisiert, 0 unverändert');
    expect((await db.prisma.shiftAssignment.findFirstOrThrow({ where: { shift: 'früh' } })).from).toBe('08:00');
  });

  it('reports every bad row in German and English and imports nothing', async () => {
    const r = await cli(db.url, [
      'import',
      'shifts',
      file('bad.csv', ['date,shift,email,lead,from,until', '22.03.2027,früh,p_anna@example.de,,,', '2027-03-22,früh,niemand@example.de,,,', '2027-03-22,spät,p_ben@example.de,,14:00,13:00', '2027-03-22,früh,p_anna@example.de,ja,8 Uhr,', '2027-03-23,früh,p_anna@example.de,,,', '2027-03-23,früh,p_anna@example.de,,,']),
    ]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Zeile 2, Spalte date: kein gültiges Datum (JJJJ-MM-TT, z. B. 2027-03-22) / row 2, column date: not a valid date');
    expect(r.stderr).toContain('Zeile 3, Spalte email: keine Person mit dieser E-Mail-Adresse eingetragen (zuerst people importieren)');
    expect(r.stderr).toContain('Zeile 5, Spalte lead: nur true oder false erlaubt');
    expect(r.stderr).toContain('Zeile 4, Spalte until: muss nach from liegen');
    expect(r.stderr).toContain('Zeile 5, Spalte from: keine gültige Uhrzeit (HH:MM, z. B. 08:00)');
    expect(r.stderr).toContain('Zeile 7: dieselbe Person in derselben Schicht am selben Tag steht schon in Zeile 6');
    expect(await db.prisma.shiftAssignment.count()).toBe(0);
  });
});

describe('import inbox', () => {
  const good = ['id,kind,receivedAt,clientNumber,subject,answeredAt', 'c-1,chat,2027-03-22T09:00,K-1001,Rückfrage,', 'm-1,MAIL,2027-03-22 10:15,K-1001,,2027-03-22T11:00', 't-1,task,2027-03-22T11:00,K-9999,Neue Aufgabe,'];

  it('records the items through the inbox kernel; the same file twice changes nothing; a later answer is taken over', async () => {
    const first = await cli(db.url, ['import', 'inbox', file('inbox.csv', good)]);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain('3 neu, 0 aktualisiert, 0 unverändert');
    const items = await db.prisma.inboxItem.findMany({ orderBy: { id: 'asc' } });
    expect(items.map((i) => [i.id, i.kind, i.clientId, i.clientNumber, i.answeredAt?.toISOString() ?? null, i.source])).toEqual([
      ['c-1', 'chat', 'cl_1', 'K-1001', null, 'import'],
      ['m-1', 'mail', 'cl_1', 'K-1001', '2027-03-22T10:00:00.000Z', 'import'],
      ['t-1', 'task', null, 'K-9999', null, 'import'],
    ]);
    expect((await cli(db.url, ['import', 'inbox', file('inbox.csv', good)])).stdout).toContain('0 neu, 0 aktualisiert, 3 unverändert');
    const answered = await cli(db.url, ['import', 'inbox', file('inbox2.csv', ['id,kind,receivedAt,clientNumber,answeredAt', 'c-1,chat,2027-03-22T09:00,K-1001,2027-03-22T09:30'])]);
    expect(answered.stdout).toContain('0 neu, 1 aktualisiert, 0 unverändert');
    expect((await db.prisma.inboxItem.findUniqueOrThrow({ where: { id: 'c-1' } })).answeredVia).toBe('import');
  });

  it('reports every bad row and imports nothing', async () => {
    const r = await cli(db.url, ['import', 'inbox', file('bad.csv', ['id,kind,receivedAt,clientNumber,answeredAt', 'x-1,fax,2027-03-22T09:00,K-1001,', 'x-2,chat,gestern,K-1001,', 'x-3,chat,2027-03-22T09:00,K-1001,2027-03-21T09:00', 'x-4,chat,2027-03-22T09:00,K-1001,', 'x-4,mail,2027-03-22T09:00,K-1001,'])]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Zeile 2, Spalte kind: nur chat, mail, task erlaubt / row 2, column kind: must be one of chat, mail, task');
    expect(r.stderr).toContain('Zeile 3, Spalte receivedAt: kein gültiges Datum');
    expect(r.stderr).toContain('Zeile 4, Spalte answeredAt: liegt vor receivedAt');
    expect(r.stderr).toContain('Zeile 6, Spalte id: dieselbe id steht schon in Zeile 5');
    expect(await db.prisma.inboxItem.count()).toBe(0);
  });
});
