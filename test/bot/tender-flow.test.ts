// Issue 8 through /api/messages: a reactivated client's new task is reviewed by the admin team, the admin starts the
// tender, two VPAs apply, the admin awards it, the client is reassigned (standalone platform: to-do cards for the
// client message and the reassignment). The last VPA applying wins at once. `umfragen` lists open tenders.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openReactivationReview } from '../../src/tender/index.ts';
import { answeredCard, cardText } from '../support/cards.ts';
import { executeByVerb } from '../cards/handover/helpers.ts';
import { startHarness, type Harness } from '../support/harness.ts';
import { assign, createClient, type TestPerson } from '../support/people.ts';

const NOW = new Date('2026-11-23T09:00:00Z'); // Monday, 10:00 in Berlin

let h: Harness;
let ada: TestPerson; // admin
let lena: TestPerson; // the last VPA, takes no new clients
let ben: TestPerson;
let carla: TestPerson;
let conny: TestPerson;
let client: { id: string; number: string; name: string };
let tenderId: string;

beforeEach(async () => {
  h = await startHarness({ now: NOW });
  ada = await h.person('Ada Admin', ['admin']);
  lena = await h.person('Lena Letzte', ['vpa']);
  ben = await h.person('Ben Bereit', ['vpa']);
  carla = await h.person('Carla Klug', ['vpa']);
  conny = await h.person('Conny Kundenpflege', ['conny']);
  await h.db.prisma.person.update({ where: { id: lena.id }, data: { takesNewClients: false } });
  client = await createClient(h.db.prisma, { number: 'K-2001', name: 'Schulz Handel KG', class: 'A', workType: 'continuous' });
  await assign(h.db.prisma, { clientId: client.id, vpaId: lena.id, from: new Date('2024-01-01T00:00:00Z'), to: new Date('2026-06-01T00:00:00Z') });
  await assign(h.db.prisma, { clientId: client.id, vpaId: conny.id, from: new Date('2026-06-01T00:00:00Z') });
  await h.db.prisma.task.create({ data: { id: 'task-1', clientId: client.id, createdAt: new Date('2026-11-23T08:00:00Z'), title: 'Messeplanung 2027', competence: '', sourceKey: 'platform:task-1' } });
  for (const p of [ada, lena, ben, carla, conny]) await h.install({ from: p });
  // The inactivity process opens the review inside its own transaction.
  const opened = await h.db.prisma.$transaction((tx) => openReactivationReview(tx, { clientId: client.id, taskId: 'task-1', cycleId: null, lastVpaId: lena.id, lastStep: '20-Wochen-Erinnerung', now: NOW, timeZone: 'Europe/Berlin' }));
  tenderId = opened.tenderId;
  await h.drainOutbox();
});

afterEach(async () => {
  await h.close();
});

const personal = (p: TestPerson) => h.personalConversationOf(p).id;
const card = answeredCard;
const tender = () => h.db.prisma.tender.findUniqueOrThrow({ where: { id: tenderId } });
const currentVpas = async () =>
  (await h.db.prisma.assignment.findMany({ where: { clientId: client.id, from: { lte: h.clock.now() }, OR: [{ to: null }, { to: { gt: h.clock.now() } }] } })).map((a) => a.vpaId).sort();

async function startFromCard(): Promise<void> {
  const review = h.cardsTo(personal(ada)).find((c) => cardText(c).includes('Reaktivierter Kunde'));
  expect(review, 'the admin gets the review card').toBeDefined();
  expect(cardText(review)).toContain('20-Wochen-Erinnerung');
  // The card's own submit carries the tender's reference; Teams adds the inputs (the deadline) to it.
  const data = executeByVerb(review, 'tender.start').data as { tenderId: string; version: number };
  expect(data).toEqual({ tenderId, version: 1 });
  const answer = card(await h.invoke('tender.start', { ...data, deadline: '2026-11-25' }, { from: ada }));
  expect(cardText(answer)).toContain('Umfrage läuft');
  await h.drainOutbox();
}

describe('tender through /api/messages', () => {
  it('admin starts, two VPAs apply, the admin awards: the client is reassigned and everyone is told', async () => {
    await startFromCard();
    // Invited: Ben, Carla and always Lena (the last VPA, although she takes no new clients); never Conny.
    for (const p of [lena, ben, carla]) expect(h.cardsTo(personal(p)).some((c) => cardText(c).includes('Messeplanung 2027')), p.name).toBe(true);
    expect(h.cardsTo(personal(conny)).some((c) => cardText(c).includes('Umfrage'))).toBe(false);
    expect(cardText(h.cardsTo(personal(lena)).at(-1))).toContain('bekommst du die Aufgabe sofort');

    const applied = card(await h.invoke('tender.apply', { tenderId }, { from: ben }));
    expect(cardText(applied)).toContain('Du hast dich am 23.11.2026, 10:00 Uhr beworben');
    card(await h.invoke('tender.apply', { tenderId }, { from: carla }));
    // "bewerben" from a channel (a forwarded card) is refused without data.
    const fromChannel = await h.invoke('tender.apply', { tenderId }, { from: ben, conversation: h.channel('team') });
    expect(cardText(fromChannel.body?.value)).toContain('1:1-Chat');
    // A VPA cannot award.
    const forbidden = await h.invoke('tender.award', { tenderId, version: (await tender()).version, winnerId: ben.id }, { from: ben });
    expect(cardText(forbidden.body?.value)).toContain('Berechtigung');
    await h.drainOutbox();

    const awarded = card(await h.invoke('tender.award', { tenderId, version: (await tender()).version, winnerId: carla.id }, { from: ada }));
    expect(cardText(awarded)).toContain('Vergeben an Carla Klug');
    expect(await tender()).toMatchObject({ status: 'awarded', awardedToId: carla.id, awardedById: ada.id });
    expect(await currentVpas()).toEqual([carla.id]);
    // Standalone platform: Carla gets the client message to send in her name, the admin team the reassignment.
    const todos = await h.db.prisma.platformTodo.findMany({ where: { clientId: client.id }, orderBy: { kind: 'asc' } });
    expect(todos.map((t) => [t.kind, t.senderId])).toEqual([
      ['chat', carla.id],
      ['reassign', null],
    ]);
    expect(todos[0]!.text).toContain('Carla Klug');

    await h.drainOutbox();
    expect(h.cardsTo(personal(carla)).some((c) => cardText(c).includes('Die Aufgabe ist deine'))).toBe(true);
    expect(h.cardsTo(personal(ben)).some((c) => cardText(c).includes('Die Aufgabe ist vergeben'))).toBe(true);
    // Lena did not apply: her invitation now says the task is awarded, but she gets no result of her own.
    expect(cardText(h.cardsTo(personal(lena)).at(-1))).toContain('Die Aufgabe ist vergeben.');
    expect(h.cardsTo(personal(lena)).some((c) => cardText(c).includes('Danke für deine Bewerbung'))).toBe(false);
    // The admin's review card is edited in place with the winner.
    const edits = h.connector.deliveries().filter((d) => d.method === 'PUT' && d.conversationId === personal(ada));
    const last = (edits.at(-1)?.body as { attachments: { content: unknown }[] }).attachments[0]!.content;
    expect(cardText(last)).toContain('Vergeben an Carla Klug');
  });

  it('the last VPA applying wins at once, whoever applied before', async () => {
    await startFromCard();
    card(await h.invoke('tender.apply', { tenderId }, { from: ben }));
    const won = card(await h.invoke('tender.apply', { tenderId }, { from: lena }));
    expect(cardText(won)).toContain('Die Aufgabe ist deine');
    expect(await tender()).toMatchObject({ status: 'awarded', awardedToId: lena.id, awardedById: null });
    expect(await currentVpas()).toEqual([lena.id]);
  });

  it('umfragen shows the admin the open tenders; others may not use it', async () => {
    await h.message('umfragen', { from: ada });
    const list = h.cardsTo(personal(ada)).at(-1);
    expect(cardText(list)).toContain('Offene Umfragen');
    expect(cardText(list)).toContain('Schulz Handel KG (A)');
    await h.message('umfragen', { from: ben });
    expect(h.textsTo(personal(ben)).at(-1)).toContain('Admin-Team');
  });
});
