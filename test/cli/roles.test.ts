// `roles grant|revoke`: by e-mail or aadObjectId, idempotent, audited, clear errors for unknown roles and people.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cli, fixture } from './harness.ts';
import { testDatabase, type TestDatabase } from '../support/db.ts';

let db: TestDatabase;
beforeEach(async () => {
  db = await testDatabase('sqlite');
  expect((await cli(db.url, ['import', 'people', fixture('people.csv')])).code).toBe(0);
});
afterEach(async () => {
  await db.destroy();
});

const rolesOf = async (email: string) =>
  (await db.prisma.personRole.findMany({ where: { person: { email } }, orderBy: { role: 'asc' } })).map((r) => r.role);
const auditOf = async (action: string) => db.prisma.auditEvent.findMany({ where: { action } });

describe('roles grant', () => {
  it('grants a role by e-mail (any case) once, with one audit event', async () => {
    const r = await cli(db.url, ['roles', 'grant', 'Petra.Lehmann@EXAMPLE.de', 'client_manager']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Rolle „Kundenmanager“ (client_manager) an Petra Lehmann (petra.lehmann@example.de) vergeben.');
    expect(r.stdout).toContain('Rollen jetzt: vpa, client_manager');
    expect(await rolesOf('petra.lehmann@example.de')).toEqual(['client_manager', 'vpa']);
    const audit = await auditOf('role.granted');
    expect(audit).toHaveLength(1);
    expect(audit[0]?.subjectType).toBe('person');
    expect(JSON.parse(audit[0]?.data ?? '{}')).toEqual({ role: 'client_manager' });

    const again = await cli(db.url, ['roles', 'grant', 'petra.lehmann@example.de', 'client_manager']);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('hat die Rolle „Kundenmanager“ (client_manager) bereits; nichts geändert.');
    expect(await auditOf('role.granted')).toHaveLength(1);
  });

  it('grants by aadObjectId, in upper case too', async () => {
    const r = await cli(db.url, ['roles', 'grant', '0F8FAD5B-D9CB-469F-A165-70867728950E', 'admin']);
    expect(r.code).toBe(0);
    expect(await rolesOf('petra.lehmann@example.de')).toEqual(['admin', 'vpa']);
  });
});

describe('the conny role', () => {
  it('is held by exactly one person: a second grant is refused until the first is revoked', async () => {
    expect((await cli(db.url, ['roles', 'grant', 'petra.lehmann@example.de', 'conny'])).code).toBe(0);
    const second = await cli(db.url, ['roles', 'grant', 'stefan.kaiser@example.de', 'conny']);
    expect(second.code).not.toBe(0);
    expect(second.stderr).toContain('Es gibt genau ein Konto Conny');
    expect(await db.prisma.personRole.count({ where: { role: 'conny' } })).toBe(1);
    expect((await cli(db.url, ['roles', 'revoke', 'petra.lehmann@example.de', 'conny'])).code).toBe(0);
    expect((await cli(db.url, ['roles', 'grant', 'stefan.kaiser@example.de', 'conny'])).code).toBe(0);
  });
});

describe('roles revoke', () => {
  it('revokes a role once, with one audit event', async () => {
    const r = await cli(db.url, ['roles', 'revoke', '7c9e6679-7425-40de-944b-e07fc1f90ae7', 'community']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Rolle „Community-Team“ (community) von Stefan Kaiser (stefan.kaiser@example.de) entzogen.');
    expect(await rolesOf('stefan.kaiser@example.de')).toEqual(['vpa']);
    const again = await cli(db.url, ['roles', 'revoke', 'stefan.kaiser@example.de', 'community']);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('hat die Rolle „Community-Team“ (community) nicht; nichts geändert.');
    expect(await auditOf('role.revoked')).toHaveLength(1);
  });
});

describe('errors', () => {
  it('refuses an unknown role, listing the roles, and changes nothing', async () => {
    const r = await cli(db.url, ['roles', 'grant', 'petra.lehmann@example.de', 'chef']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Die Rolle „chef“ gibt es nicht. Verfügbar sind: vpa, community, vpa_manager, client_manager, shift, admin, conny.');
    expect(r.stderr).toContain('[UNKNOWN_ROLE]');
    expect(await rolesOf('petra.lehmann@example.de')).toEqual(['vpa']);
  });

  it('refuses an unknown person', async () => {
    const r = await cli(db.url, ['roles', 'revoke', 'niemand@example.de', 'vpa']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Es ist keine Person mit der E-Mail-Adresse oder aadObjectId „niemand@example.de“ eingetragen.');
    expect(r.stderr).toContain('[PERSON_NOT_FOUND]');
    expect(await db.prisma.auditEvent.count({ where: { action: { startsWith: 'role.' } } })).toBe(0);
  });

  it('answers a missing argument with a usage error', async () => {
    const r = await cli(db.url, ['roles', 'grant', 'petra.lehmann@example.de']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("Aufruf ungültig / invalid usage: missing required argument 'role'");
  });
});
