// Issue 8 through /api/messages: `inaktiv` (community and admin teams; the list with an Conny übergeben, verschieben,
// ausnehmen), `kunden` (a VPA's own clients with the red question mark, personal), `inaktiv bericht`, and
// "fortsetzen". Roles come from the database; a refused or invalid action changes nothing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ERRORS } from '../../src/errors/catalogue.ts';
import { actionByTitle, cardActions, cardText, parseCard } from '../support/cards.ts';
import { BOT_ID, startHarness, type Harness, type InvokeResult } from '../support/harness.ts';
import { assign, createClient, type TestPerson } from '../support/people.ts';
import { NOW, seedCycle, seedStep, seedTask, weeksAgo } from '../inactivity/views-support.ts';

let h: Harness;
let anna: TestPerson; // VPA of the inactive clients
let kim: TestPerson; // community team
let ada: TestPerson; // admin team
let conny: TestPerson; // the Conny account
let due: { id: string; clientId: string; cycle: number }; // Müller: 14 weeks without a task, on the list
let later: { id: string; clientId: string; cycle: number }; // Schulz: 20 weeks, first on the list
let paused: { id: string; clientId: string; cycle: number }; // Korn: replied, paused

const mention = { entities: [{ type: 'mention', mentioned: { id: BOT_ID, name: 'Staffelstab' }, text: '<at>Staffelstab</at>' }] };
const personal = (p: TestPerson) => h.personalConversationOf(p).id;

function card(r: InvokeResult): unknown {
  expect(r.httpStatus).toBe(200);
  expect(r.body?.type).toBe('application/vnd.microsoft.card.adaptive');
  expect(parseCard(r.body?.value).problems).toEqual([]);
  return r.body?.value;
}

beforeEach(async () => {
  h = await startHarness({ now: NOW });
  anna = await h.person('Anna Schneider', ['vpa']);
  kim = await h.person('Kim Hoffmann', ['community']);
  ada = await h.person('Ada Admin', ['admin']);
  conny = await h.person('Conny Meindl', ['conny']);
  for (const p of [anna, kim, ada]) await h.install({ from: p });
  const p = h.db.prisma;
  const since = new Date('2024-03-01T00:00:00Z');
  const mueller = await createClient(p, { number: 'K-1001', name: 'Müller GmbH', class: 'A' });
  const schulz = await createClient(p, { number: 'K-1002', name: 'Schulz & Partner', class: 'B' });
  const korn = await createClient(p, { number: 'K-1003', name: 'Bäckerei Korn', class: 'C' });
  const aktiv = await createClient(p, { number: 'K-1004', name: 'Aktiv AG', class: 'B' });
  for (const c of [mueller, schulz, korn, aktiv]) await assign(p, { clientId: c.id, vpaId: anna.id, from: since });
  await seedTask(p, mueller.id, weeksAgo(14));
  due = await seedCycle(p, { clientId: mueller.id, lastTaskAt: weeksAgo(14), vpaId: anna.id });
  await seedStep(p, due, 'vpa_message', weeksAgo(6));
  await p.clientMark.create({ data: { clientId: mueller.id, vpaId: anna.id, markedAt: weeksAgo(6) } });
  await seedTask(p, schulz.id, weeksAgo(20));
  later = await seedCycle(p, { clientId: schulz.id, lastTaskAt: weeksAgo(20), vpaId: anna.id });
  await p.clientMark.create({ data: { clientId: schulz.id, vpaId: anna.id, markedAt: weeksAgo(12) } });
  await seedTask(p, korn.id, weeksAgo(9));
  paused = await seedCycle(p, { clientId: korn.id, lastTaskAt: weeksAgo(9), vpaId: anna.id, status: 'paused', version: 2 });
  await p.clientMark.create({ data: { clientId: korn.id, vpaId: anna.id, markedAt: weeksAgo(1) } });
  await seedTask(p, aktiv.id, new Date('2026-11-20T09:00:00Z'));
});
afterEach(async () => {
  await h.close();
});

/** The `inaktiv` list card a person gets in their 1:1 chat. */
async function listCard(from: TestPerson = kim): Promise<unknown> {
  await h.message('inaktiv', { from });
  return h.cardsTo(personal(from)).at(-1);
}

function rowOf(listCardJson: unknown, cycleId: string): number {
  const action = cardActions(listCardJson).find((a) => a.verb === 'inactivity.postpone' && (a.data as { cycleId: string }).cycleId === cycleId);
  if (!action) throw new Error(`cycle ${cycleId} is not on the list`);
  return (action.data as { row: number }).row;
}

describe('inaktiv', () => {
  it('shows the community team the clients due for Conny, longest-inactive first', async () => {
    const list = await listCard();
    expect(parseCard(list).problems).toEqual([]);
    const text = cardText(list);
    expect(text).toContain('2 Kunden warten auf eine Entscheidung.');
    expect(text.indexOf('**Schulz & Partner (B)** · K-1002')).toBeGreaterThan(0);
    expect(text.indexOf('**Schulz & Partner (B)**')).toBeLessThan(text.indexOf('**Müller GmbH (A)**'));
    expect(text).toContain('VPA: Anna Schneider · letzte Aufgabe: 18.08.2026 · seit 14 Wochen ohne Aufgabe');
    // The paused and the active client are not on it.
    expect(text).not.toContain('Bäckerei Korn');
    expect(text).not.toContain('Aktiv AG');
    expect(cardActions(list).filter((a) => a.verb === 'inactivity.handover')).toHaveLength(2);
  });

  it('works in a channel for the admin team, and refuses a VPA', async () => {
    const channel = h.channel('inaktiv');
    await h.install({ from: ada, conversation: channel });
    await h.message('<at>Staffelstab</at> inaktiv', { from: ada, conversation: channel, extra: mention });
    expect(cardText(h.cardsTo(channel.id).at(-1))).toContain('Müller GmbH (A)');

    const before = h.deliveredTo(personal(anna)).length;
    await h.message('inaktiv', { from: anna });
    const answers = h.deliveredTo(personal(anna)).slice(before);
    expect(answers).toHaveLength(1);
    expect(h.textsTo(personal(anna)).at(-1)).toBe(`${ERRORS.FORBIDDEN_ROLE.de} „inaktiv“ können nur das Community-Team und das Admin-Team nutzen.`);
    expect(JSON.stringify(answers)).not.toContain('Müller');
    const r = await h.invoke('inactivity.handover', { cycleId: due.id, version: 1 }, { from: anna });
    expect(cardText(card(r))).toContain(ERRORS.FORBIDDEN_ROLE.de);
    expect((await h.db.prisma.inactivityCycle.findUniqueOrThrow({ where: { id: due.id } })).connyAt).toBeNull();
  });

  it('verschieben without a reason is refused in German and changes nothing', async () => {
    const list = await listCard();
    const row = rowOf(list, due.id);
    const r = await h.invoke('inactivity.postpone', { cycleId: due.id, version: 1, row, [`postponeReason-${row}`]: '   ', [`postponeUntil-${row}`]: '2026-12-15' }, { from: kim });
    expect(cardText(card(r))).toContain('Bitte gib einen Grund an.');
    const cycle = await h.db.prisma.inactivityCycle.findUniqueOrThrow({ where: { id: due.id } });
    expect(cycle).toMatchObject({ postponedUntil: null, postponeReason: null, version: 1 });
    expect(await h.db.prisma.auditEvent.count({ where: { subjectId: due.id } })).toBe(0);

    const noDate = await h.invoke('inactivity.postpone', { cycleId: due.id, version: 1, row, [`postponeReason-${row}`]: 'VPA spricht mit dem Kunden' }, { from: kim });
    expect(cardText(card(noDate))).toContain('Bitte gib an, wann der Kunde wieder auf die Liste kommt.');
    expect((await h.db.prisma.inactivityCycle.findUniqueOrThrow({ where: { id: due.id } })).version).toBe(1);
  });

  it('verschieben with reason and date takes the client off the list until that day', async () => {
    const list = await listCard();
    const row = rowOf(list, due.id);
    const r = await h.invoke('inactivity.postpone', { cycleId: due.id, version: 1, row, [`postponeReason-${row}`]: 'VPA spricht mit dem Kunden', [`postponeUntil-${row}`]: '2026-12-15' }, { from: kim });
    const answer = card(r);
    expect(cardText(answer)).toContain('Müller GmbH (A) ist verschoben und kommt am 15.12.2026 wieder auf die Liste.');
    expect(cardText(answer)).toContain('1 Kunde wartet auf eine Entscheidung.');
    expect(cardText(answer)).not.toContain('**Müller GmbH (A)**');
    const cycle = await h.db.prisma.inactivityCycle.findUniqueOrThrow({ where: { id: due.id } });
    expect(cycle.postponedUntil?.toISOString()).toBe('2026-12-14T23:00:00.000Z');
    expect(cycle.postponeReason).toBe('VPA spricht mit dem Kunden');
  });

  it('ausnehmen for an agreed break ends the cycle; the break includes the given day', async () => {
    const list = await listCard();
    const row = rowOf(list, later.id);
    const r = await h.invoke('inactivity.exclude', { cycleId: later.id, clientId: later.clientId, version: 1, row, [`excludeReason-${row}`]: 'Elternzeit, mit dem VPA vereinbart', [`excludeUntil-${row}`]: '2027-01-31' }, { from: kim });
    const answer = card(r);
    expect(cardText(answer)).toContain('Schulz & Partner (B) ist bis einschließlich 31.01.2027 ausgenommen.');
    expect(cardText(answer)).not.toContain('**Schulz & Partner (B)**');
    const exclusion = await h.db.prisma.inactivityExclusion.findFirstOrThrow({ where: { clientId: later.clientId } });
    expect(exclusion).toMatchObject({ reason: 'Elternzeit, mit dem VPA vereinbart', byId: kim.id });
    expect(exclusion.until?.toISOString()).toBe('2027-01-31T23:00:00.000Z');
    expect((await h.db.prisma.inactivityCycle.findUniqueOrThrow({ where: { id: later.id } })).status).toBe('ended');
  });

  it('an Conny übergeben hands the client to the Conny account and answers with the list', async () => {
    await listCard();
    const r = await h.invoke('inactivity.handover', { cycleId: due.id, version: 1 }, { from: kim });
    const answer = card(r);
    expect(cardText(answer)).toContain('Müller GmbH (A) ist an Conny übergeben.');
    expect(cardText(answer)).not.toContain('**Müller GmbH (A)**');
    const cycle = await h.db.prisma.inactivityCycle.findUniqueOrThrow({ where: { id: due.id } });
    expect(cycle.connyAt?.toISOString()).toBe(NOW.toISOString());
    expect(cycle.connyById).toBe(kim.id);
    const current = await h.db.prisma.assignment.findMany({ where: { clientId: due.clientId, to: null } });
    expect(current.map((a) => a.vpaId)).toEqual([conny.id]);
    // A second click on the old card is refused as stale.
    const again = await h.invoke('inactivity.handover', { cycleId: due.id, version: 1 }, { from: kim });
    expect(cardText(card(again))).toContain(ERRORS.INACTIVITY_STALE.de);
  });

  it('inaktiv bericht shows the report to the community team', async () => {
    await h.message('inaktiv bericht', { from: kim });
    const report = h.cardsTo(personal(kim)).at(-1);
    expect(parseCard(report).problems).toEqual([]);
    expect(cardText(report)).toContain('Inaktive Kunden: Bericht');
    expect(cardText(report)).toContain('auf der Liste\n2');
  });
});

describe('help', () => {
  it('lists kunden for VPAs and inaktiv, inaktiv bericht for the community and admin teams', async () => {
    const listed = async (p: TestPerson) => {
      await h.message('hilfe', { from: p });
      return cardText(h.cardsTo(personal(p)).at(-1));
    };
    const vpa = await listed(anna);
    expect(vpa).toContain('**kunden** – ');
    expect(vpa).not.toContain('**inaktiv** – ');
    for (const p of [kim, ada]) {
      const text = await listed(p);
      expect(text).toContain('**inaktiv** – ');
      expect(text).toContain('**inaktiv bericht** – ');
      expect(text).not.toContain('**kunden** – ');
    }
  });
});

describe('kunden', () => {
  it('typed in a channel: one line there, the card with the red question mark 1:1', async () => {
    const channel = h.channel('team');
    await h.install({ from: anna, conversation: channel });
    const before = h.deliveredTo(channel.id).length; // the welcome card
    await h.message('<at>Staffelstab</at> kunden', { from: anna, conversation: channel, extra: mention });
    await h.drainOutbox();
    const inChannel = h.deliveredTo(channel.id).slice(before);
    expect(inChannel.map((d) => (d.body as { text?: string }).text)).toEqual(['Ich habe dir deine Kundenliste privat in unseren 1:1-Chat geschickt.']);
    expect(JSON.stringify(h.deliveredTo(channel.id).map((d) => d.body))).not.toContain('Müller');
    const own = h.cardsTo(personal(anna)).at(-1);
    expect(parseCard(own).problems).toEqual([]);
    const text = cardText(own);
    expect(text).toContain('4 Kunden, davon 3 inaktiv');
    expect(text).toContain('❓ **Schulz & Partner (B)** · K-1002');
    expect(text).toContain('❓ **Müller GmbH (A)** · K-1001');
    expect(text).toContain('**Aktiv AG (B)** · K-1004');
    expect(text).not.toContain('❓ **Aktiv AG');
    expect(text).toContain('So kannst du inaktive Kunden selbst wieder aktivieren');
    expect(actionByTitle(own, 'fortsetzen').data).toEqual({ cycleId: paused.id, version: 2, view: 'clients' });
  });

  it('is for VPAs; its refresh answers only 1:1', async () => {
    await h.message('kunden', { from: kim });
    expect(h.textsTo(personal(kim)).at(-1)).toContain('„kunden“ können nur VPAs nutzen.');
    const channel = h.channel('team');
    const r = await h.invoke('inactivity.clients', {}, { from: anna, conversation: channel });
    expect(cardText(card(r))).toContain(ERRORS.PERSONAL_ONLY.de);
    const own = await h.invoke('inactivity.clients', {}, { from: anna });
    expect(cardText(card(own))).toContain('Deine Kunden');
  });
});

describe('fortsetzen', () => {
  it('resumes a paused cycle: on the kunden card the refreshed list, elsewhere a short card', async () => {
    const r = await h.invoke('inactivity.resume', { cycleId: paused.id, version: 2, view: 'clients' }, { from: anna });
    const refreshed = card(r);
    expect(cardText(refreshed)).toContain('Deine Kunden');
    expect(cardActions(refreshed).some((a) => a.verb === 'inactivity.resume')).toBe(false);
    const cycle = await h.db.prisma.inactivityCycle.findUniqueOrThrow({ where: { id: paused.id } });
    expect(cycle).toMatchObject({ status: 'running', pausedAt: null, version: 3 });

    // Pressed again on the reply card (e.g. by the shift): the short answer names who resumed.
    const shift = await h.person('Sam Schicht', ['shift']);
    const again = await h.invoke('inactivity.resume', { cycleId: paused.id, version: 2 }, { from: shift });
    expect(cardText(card(again))).toBe('Die automatischen Erinnerungen an Bäckerei Korn (C) laufen weiter. Fortgesetzt von Anna Schneider am 24.11.2026, 10:00 Uhr.');
  });

  it('is refused for people without one of the roles', async () => {
    const manager = await h.person('Maria Weber', ['vpa_manager']);
    const r = await h.invoke('inactivity.resume', { cycleId: paused.id, version: 2 }, { from: manager });
    expect(cardText(card(r))).toContain(ERRORS.FORBIDDEN_ROLE.de);
    expect((await h.db.prisma.inactivityCycle.findUniqueOrThrow({ where: { id: paused.id } })).status).toBe('paused');
  });
});
