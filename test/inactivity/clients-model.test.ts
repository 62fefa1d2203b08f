// `kunden`: a VPA's current clients, the ones with the red question mark first with where their messages stand and
// the wiki's tips; "fortsetzen" only for a cycle the client's reply paused; nobody else's clients.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.ts';
import { agoText, vpaClients } from '../../src/inactivity/clients-model.ts';
import { REACTIVATION_TIPS } from '../../src/inactivity/tips.ts';
import type { Actor } from '../../src/identity/find-actor.ts';
import { assign, createClient, createPerson } from '../support/people.ts';
import { testDatabase, type TestDatabase } from '../support/db.ts';
import { actorOf, NOW, seedCycle, seedStep, seedTask, TZ, weeksAgo } from './views-support.ts';

const config = loadConfig({ DATABASE_URL: 'file:unused', LOG_LEVEL: 'silent' });

let db: TestDatabase;
let anna: Actor;
let ben: Actor;
beforeEach(async () => {
  db = await testDatabase('sqlite');
  anna = await actorOf(db.prisma, (await createPerson(db.prisma, { name: 'Anna Schneider', roles: ['vpa'] })).id);
  ben = await actorOf(db.prisma, (await createPerson(db.prisma, { name: 'Ben Vogel', roles: ['vpa'] })).id);
});
afterEach(async () => {
  await db.destroy();
});

const clients = (actor: Actor | null = anna) => vpaClients({ db: db.prisma, actor, now: NOW, timeZone: TZ, config: config.inactivity });

async function mark(clientId: string, vpaId: string, markedAt: Date) {
  await db.prisma.clientMark.create({ data: { clientId, vpaId, markedAt } });
}

describe('kunden', () => {
  it('lists the VPA’s current clients, the marked ones first with their status, and the tips', async () => {
    const since = new Date('2024-08-14T22:00:00Z'); // 15.08.2024 in Berlin
    const active = await createClient(db.prisma, { number: '10001', name: 'Aktiv GmbH', class: 'A' });
    const noTask = await createClient(db.prisma, { number: '10002', name: 'Bäckerei Korn', class: 'C' });
    const listed = await createClient(db.prisma, { number: '10003', name: 'Müller GmbH', class: 'A' });
    const replied = await createClient(db.prisma, { number: '10004', name: 'Schulz & Partner' });
    const fresh = await createClient(db.prisma, { number: '10005', name: 'Neu Markiert KG' });
    const bens = await createClient(db.prisma, { number: '10006', name: 'Bens Kunde GmbH' });
    const former = await createClient(db.prisma, { number: '10007', name: 'Früher GmbH' });
    const future = await createClient(db.prisma, { number: '10008', name: 'Ab Dezember GmbH' });
    for (const c of [active, noTask, listed, replied, fresh]) await assign(db.prisma, { clientId: c.id, vpaId: anna.id, from: since });
    await assign(db.prisma, { clientId: bens.id, vpaId: ben.id, from: since });
    await mark(bens.id, ben.id, weeksAgo(1));
    await assign(db.prisma, { clientId: former.id, vpaId: anna.id, from: since, to: weeksAgo(2) });
    await assign(db.prisma, { clientId: future.id, vpaId: anna.id, from: new Date('2026-12-01T00:00:00Z') });

    await seedTask(db.prisma, active.id, new Date('2026-11-21T09:00:00Z'));
    await seedTask(db.prisma, listed.id, weeksAgo(14));
    const listedCycle = await seedCycle(db.prisma, { clientId: listed.id, lastTaskAt: weeksAgo(14), vpaId: anna.id });
    await seedStep(db.prisma, listedCycle, 'vpa_message', weeksAgo(6));
    await mark(listed.id, anna.id, weeksAgo(6));
    await seedTask(db.prisma, replied.id, weeksAgo(9));
    const repliedCycle = await seedCycle(db.prisma, { clientId: replied.id, lastTaskAt: weeksAgo(9), vpaId: anna.id, status: 'paused', version: 4 });
    await mark(replied.id, anna.id, weeksAgo(1));
    await seedTask(db.prisma, fresh.id, weeksAgo(8));
    await seedCycle(db.prisma, { clientId: fresh.id, lastTaskAt: weeksAgo(8), vpaId: anna.id });
    await mark(fresh.id, anna.id, NOW);

    const model = await clients();
    expect(model.rows.map((r) => [r.client.nameWithClass, r.marked])).toEqual([
      ['Müller GmbH (A)', true],
      ['Schulz & Partner (B)', true],
      ['Neu Markiert KG (B)', true],
      ['Aktiv GmbH (A)', false],
      ['Bäckerei Korn (C)', false],
    ]);
    expect(model).toMatchObject({ personName: 'Anna Schneider', markedCount: 3, asOfText: 'Stand 24.11.2026, 10:00 Uhr' });
    expect(model.tips).toEqual(REACTIVATION_TIPS);
    const [m, r, f, a, n] = model.rows;
    expect(m).toMatchObject({
      lastTaskText: '18.08.2026 (vor 14 Wochen)',
      servingSinceText: 'seit 15.08.2024 (2 Jahre, 3 Monate)',
      statusText: '8-Wochen-Nachricht in deinem Namen gesendet am 13.10.2026. Der Kunde steht auf der Liste des Inactive Managements und kann jederzeit an Conny übergeben werden.',
      resume: null,
    });
    expect(r).toMatchObject({ statusText: 'Der Kunde hat geantwortet; die Erinnerungen ruhen. Wenn nichts mehr zu klären ist, tippe auf „fortsetzen“.', resume: { cycleId: repliedCycle.id, clientId: replied.id, version: 4 } });
    expect(f).toMatchObject({ lastTaskText: '29.09.2026 (vor 8 Wochen)', statusText: 'Ohne neue Aufgabe bis zum 22.12.2026 übernimmt das Inactive Management (Conny).' });
    expect(a).toMatchObject({ lastTaskText: '21.11.2026 (vor 3 Tagen)', statusText: null, resume: null });
    expect(n).toMatchObject({ lastTaskText: 'noch keine Aufgabe', statusText: null });
  });

  it('says when the inactive-management team postponed the client', async () => {
    const c = await createClient(db.prisma, { number: '10001', name: 'Müller GmbH' });
    await assign(db.prisma, { clientId: c.id, vpaId: anna.id, from: new Date('2025-01-01T00:00:00Z') });
    await seedCycle(db.prisma, { clientId: c.id, lastTaskAt: weeksAgo(13), vpaId: anna.id, postponedUntil: new Date('2026-12-14T23:00:00Z'), postponeReason: 'Urlaub' });
    await mark(c.id, anna.id, weeksAgo(5));
    expect((await clients()).rows[0]?.statusText).toBe('Das Inactive Management hat den Kunden bis 15.12.2026 zurückgestellt.');
  });

  it('is for VPAs only, and an empty list is an empty list', async () => {
    await expect(clients()).resolves.toMatchObject({ rows: [], markedCount: 0 });
    const kim = await actorOf(db.prisma, (await createPerson(db.prisma, { name: 'Kim Community', roles: ['community'] })).id);
    await expect(clients(kim)).rejects.toMatchObject({ code: 'FORBIDDEN_ROLE' });
    await expect(clients(null)).rejects.toMatchObject({ code: 'NOT_REGISTERED' });
  });

  it('says how long ago in days, then weeks', () => {
    const at = (iso: string) => new Date(iso);
    expect(agoText(at('2026-11-24T06:00:00Z'), NOW, TZ)).toBe('heute');
    expect(agoText(at('2026-11-23T23:30:00Z'), NOW, TZ)).toBe('heute');
    expect(agoText(at('2026-11-23T22:30:00Z'), NOW, TZ)).toBe('gestern');
    expect(agoText(at('2026-11-18T09:00:00Z'), NOW, TZ)).toBe('vor 6 Tagen');
    expect(agoText(at('2026-11-17T09:00:00Z'), NOW, TZ)).toBe('vor 1 Woche');
    expect(agoText(at('2026-08-18T09:00:00Z'), NOW, TZ)).toBe('vor 14 Wochen');
  });
});
