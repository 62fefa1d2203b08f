// `inaktiv`: who is on the inactive-management list — the running cycle reached the list (lastTaskAt + 12 local
// weeks), not with Conny, not postponed, not excluded — longest-inactive first, and who may see it.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.ts';
import { inactiveList, inactiveListEntries } from '../../src/inactivity/list-model.ts';
import type { Actor } from '../../src/identity/find-actor.ts';
import { assign, createClient, createPerson } from '../support/people.ts';
import { testDatabase, type TestDatabase } from '../support/db.ts';
import { actorOf, NOW, seedCycle, seedExclusion, seedTask, TZ, weeksAgo } from './views-support.ts';

const config = loadConfig({ DATABASE_URL: 'file:unused', LOG_LEVEL: 'silent' });
const inactivity = config.inactivity;

let db: TestDatabase;
let kim: Actor;
let anna: { id: string };
beforeEach(async () => {
  db = await testDatabase('sqlite');
  kim = await actorOf(db.prisma, (await createPerson(db.prisma, { name: 'Kim Community', roles: ['community'] })).id);
  anna = await createPerson(db.prisma, { name: 'Anna Schneider', roles: ['vpa'] });
});
afterEach(async () => {
  await db.destroy();
});

async function client(number: string, name: string, cls = 'B') {
  const c = await createClient(db.prisma, { number, name, class: cls });
  await assign(db.prisma, { clientId: c.id, vpaId: anna.id, from: new Date('2025-01-06T00:00:00Z') });
  return c;
}

const list = (actor: Actor | null = kim, now = NOW) => inactiveList({ db: db.prisma, actor, now, timeZone: TZ, config: inactivity });

describe('inaktiv: who is on the list', () => {
  it('lists running cycles from the list time on, not with Conny, not postponed, paused, ended or excluded; longest-inactive first', async () => {
    const twenty = await client('10001', 'Zwanzig AG', 'A');
    const twelve = await client('10002', 'Grenzfall KG');
    const almost = await client('10003', 'Fast GmbH');
    const conny = await client('10004', 'Bei Conny GmbH');
    const postponed = await client('10005', 'Verschoben GmbH');
    const wasPostponed = await client('10006', 'War Verschoben GmbH');
    const paused = await client('10007', 'Geantwortet GmbH');
    const ended = await client('10008', 'Beendet GmbH');
    const excluded = await client('10009', 'Pause GmbH');
    const pauseOver = await client('10010', 'Pause Vorbei GmbH');

    await seedCycle(db.prisma, { clientId: twenty.id, lastTaskAt: weeksAgo(20), vpaId: anna.id, version: 3 });
    // Exactly 12 local weeks ago (across the end of summer time): due now.
    await seedCycle(db.prisma, { clientId: twelve.id, lastTaskAt: weeksAgo(12), vpaId: anna.id });
    await seedTask(db.prisma, twelve.id, weeksAgo(12));
    // One hour short of 12 weeks: not yet.
    await seedCycle(db.prisma, { clientId: almost.id, lastTaskAt: weeksAgo(12, 1), vpaId: anna.id });
    await seedCycle(db.prisma, { clientId: conny.id, lastTaskAt: weeksAgo(14), vpaId: anna.id, connyAt: weeksAgo(2) });
    await seedCycle(db.prisma, { clientId: postponed.id, lastTaskAt: weeksAgo(15), vpaId: anna.id, postponedUntil: new Date(NOW.getTime() + 60_000), postponeReason: 'VPA im Gespräch' });
    await seedCycle(db.prisma, { clientId: wasPostponed.id, lastTaskAt: weeksAgo(16), vpaId: anna.id, postponedUntil: weeksAgo(1), postponeReason: 'VPA im Gespräch' });
    await seedTask(db.prisma, wasPostponed.id, new Date('2026-01-10T10:00:00Z'));
    await seedCycle(db.prisma, { clientId: paused.id, lastTaskAt: weeksAgo(13), vpaId: anna.id, status: 'paused' });
    await seedCycle(db.prisma, { clientId: ended.id, lastTaskAt: weeksAgo(13), vpaId: anna.id, status: 'ended' });
    await seedCycle(db.prisma, { clientId: excluded.id, lastTaskAt: weeksAgo(13), vpaId: anna.id });
    await seedExclusion(db.prisma, excluded.id, weeksAgo(1), new Date('2027-01-01T00:00:00Z'));
    await seedCycle(db.prisma, { clientId: pauseOver.id, lastTaskAt: weeksAgo(13), vpaId: null });
    await seedExclusion(db.prisma, pauseOver.id, weeksAgo(5), weeksAgo(1));

    const model = await list();
    expect(model.rows.map((r) => r.client.nameWithClass)).toEqual(['Zwanzig AG (A)', 'War Verschoben GmbH (B)', 'Pause Vorbei GmbH (B)', 'Grenzfall KG (B)']);
    const [first, second, third, fourth] = model.rows;
    expect(first).toMatchObject({ vpaName: 'Anna Schneider', weeksInactive: 20, inactiveText: 'seit 20 Wochen ohne Aufgabe', lastTaskText: 'keine (zugeordnet seit 07.07.2026)', postponedText: null });
    expect(first!.ref).toMatchObject({ clientId: twenty.id, version: 3 });
    // Its tasks are older than the cycle's start (the assignment): both dates are shown.
    expect(second).toMatchObject({ weeksInactive: 16, lastTaskText: '10.01.2026 (zugeordnet seit 04.08.2026)', postponedText: 'War verschoben bis 17.11.2026: VPA im Gespräch' });
    expect(third).toMatchObject({ vpaName: '–', weeksInactive: 13 });
    expect(fourth).toMatchObject({ weeksInactive: 12, lastTaskText: '01.09.2026' });
    expect(model).toMatchObject({ asOfText: 'Stand 24.11.2026, 10:00 Uhr', listAfterWeeks: 12, minDate: '2026-11-25', autoHandover: false, doneText: null });

    // An hour later the one that was short of 12 weeks is due too.
    expect((await inactiveListEntries(db.prisma, new Date(NOW.getTime() + 3_600_000), TZ, inactivity)).map((e) => e.clientId)).toContain(almost.id);
  });

  it('is for the community and admin teams only', async () => {
    const admin = await actorOf(db.prisma, (await createPerson(db.prisma, { name: 'Ada Admin', roles: ['admin'] })).id);
    await expect(list(admin)).resolves.toMatchObject({ rows: [] });
    await expect(list(await actorOf(db.prisma, anna.id))).rejects.toMatchObject({ code: 'FORBIDDEN_ROLE' });
    await expect(list(null)).rejects.toMatchObject({ code: 'NOT_REGISTERED' });
  });

  it('after an action says what was done on top of the refreshed list', async () => {
    const c = await client('10011', 'Müller GmbH', 'A');
    const cycle = await seedCycle(db.prisma, { clientId: c.id, lastTaskAt: weeksAgo(14), vpaId: anna.id });
    const done = (d: Parameters<typeof inactiveList>[0]['done']) => inactiveList({ db: db.prisma, actor: kim, now: NOW, timeZone: TZ, config: inactivity, done: d });
    expect((await done({ action: 'handover', cycleId: cycle.id })).doneText).toBe('Müller GmbH (A) ist an Conny übergeben. Conny stellt sich dem Kunden im nächsten Sendefenster vor.');
    expect((await done({ action: 'postpone', cycleId: cycle.id, until: new Date('2026-12-14T23:00:00Z') })).doneText).toBe('Müller GmbH (A) ist verschoben und kommt am 15.12.2026 wieder auf die Liste.');
    expect((await done({ action: 'exclude', clientId: c.id, until: new Date('2027-01-31T23:00:00Z') })).doneText).toBe('Müller GmbH (A) ist bis einschließlich 31.01.2027 ausgenommen.');
    expect((await done({ action: 'exclude', clientId: c.id, until: null })).doneText).toBe('Müller GmbH (A) ist dauerhaft ausgenommen.');
  });
});
