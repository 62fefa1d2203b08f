// Issue 8 through /api/messages: the admin cancels a running tender from the review card ("Umfrage abbrechen", with
// a reason); the invitations are updated in place, the applicant is told; refusals for an outdated card, a missing
// reason and a VPA. Then the deadline reminder: a tick after the deadline puts one card before the admin, whose
// "vergeben" and "Frist verlängern" work from that card.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openReactivationReview, tenderJobs } from '../../src/tender/index.ts';
import { runTick } from '../../src/tick/run-tick.ts';
import { silentLogger } from '../../src/log/logger.ts';
import { answeredCard, cardText } from '../support/cards.ts';
import { executeByVerb } from '../cards/handover/helpers.ts';
import { testConfig } from '../handover/support.ts';
import { startHarness, type Harness } from '../support/harness.ts';
import { assign, createClient, type TestPerson } from '../support/people.ts';

const NOW = new Date('2026-11-23T09:00:00Z'); // Monday, 10:00 in Berlin
const AFTER_DEADLINE = new Date('2026-11-26T08:00:00Z'); // Thursday; the deadline was Wednesday 23:59

let h: Harness;
let ada: TestPerson; // admin
let lena: TestPerson; // the last VPA
let ben: TestPerson;
let conny: TestPerson;
let tenderId: string;

beforeEach(async () => {
  h = await startHarness({ now: NOW });
  ada = await h.person('Ada Admin', ['admin']);
  lena = await h.person('Lena Letzte', ['vpa']);
  ben = await h.person('Ben Bereit', ['vpa']);
  conny = await h.person('Conny Kundenpflege', ['conny']);
  const client = await createClient(h.db.prisma, { number: 'K-2001', name: 'Schulz Handel KG', class: 'A', workType: 'continuous' });
  await assign(h.db.prisma, { clientId: client.id, vpaId: lena.id, from: new Date('2024-01-01T00:00:00Z'), to: new Date('2026-06-01T00:00:00Z') });
  await assign(h.db.prisma, { clientId: client.id, vpaId: conny.id, from: new Date('2026-06-01T00:00:00Z') });
  await h.db.prisma.task.create({ data: { id: 'task-1', clientId: client.id, createdAt: new Date('2026-11-23T08:00:00Z'), title: 'Messeplanung 2027', competence: '', sourceKey: 'platform:task-1' } });
  for (const p of [ada, lena, ben, conny]) await h.install({ from: p });
  const opened = await h.db.prisma.$transaction((tx) => openReactivationReview(tx, { clientId: client.id, taskId: 'task-1', cycleId: null, lastVpaId: lena.id, lastStep: '20-Wochen-Erinnerung', now: NOW, timeZone: 'Europe/Berlin' }));
  tenderId = opened.tenderId;
  await h.drainOutbox();
  const review = h.cardsTo(personal(ada)).find((c) => cardText(c).includes('Reaktivierter Kunde'));
  card(await h.invoke('tender.start', { ...(executeByVerb(review, 'tender.start').data as object), deadline: '2026-11-25' }, { from: ada }));
  await h.drainOutbox();
});

afterEach(async () => {
  await h.close();
});

const personal = (p: TestPerson) => h.personalConversationOf(p).id;
const card = answeredCard;
const tender = () => h.db.prisma.tender.findUniqueOrThrow({ where: { id: tenderId } });
const edits = (p: TestPerson) => h.connector.deliveries().filter((d) => d.method === 'PUT' && d.conversationId === personal(p));
const lastEdit = (p: TestPerson) => (edits(p).at(-1)?.body as { attachments: { content: unknown }[] }).attachments[0]!.content;

describe('Umfrage abbrechen through /api/messages', () => {
  it('the admin cancels from the card with a reason: cards updated, the applicant told, nothing else moves', async () => {
    card(await h.invoke('tender.apply', { tenderId }, { from: ben }));
    await h.drainOutbox();
    const current = (await tender()).version;
    // The review card's own "Umfrage abbrechen" carries the tender's reference; Teams adds the typed reason.
    const review = edits(ada).length > 0 ? lastEdit(ada) : h.cardsTo(personal(ada)).find((c) => cardText(c).includes('Reaktivierter Kunde'));
    const cancelData = executeByVerb(review, 'tender.cancel').data as { tenderId: string; version: number };
    expect(cancelData).toEqual({ tenderId, version: current });
    // A VPA cannot cancel; an empty reason is refused; both change nothing.
    expect(cardText((await h.invoke('tender.cancel', { ...cancelData, cancelReason: 'Kunde direkt zugewiesen' }, { from: ben })).body?.value)).toContain('Berechtigung');
    expect(cardText((await h.invoke('tender.cancel', { ...cancelData, cancelReason: '  ' }, { from: ada })).body?.value)).toContain('mindestens 5 Zeichen');
    expect((await tender()).status).toBe('open');

    const answer = card(await h.invoke('tender.cancel', { ...cancelData, cancelReason: 'Kunde wurde direkt Ben Bereit zugewiesen.' }, { from: ada }));
    expect(cardText(answer)).toContain('Status: **Abgebrochen**');
    expect(cardText(answer)).toContain('Kunde wurde direkt Ben Bereit zugewiesen.');
    expect(await tender()).toMatchObject({ status: 'cancelled' });
    await h.drainOutbox();
    // Lena's and Ben's invitations are edited in place; the reason stays with the admin team.
    for (const p of [lena, ben]) {
      expect(cardText(lastEdit(p))).toContain('Das Admin-Team hat die Umfrage abgebrochen');
      expect(cardText(lastEdit(p))).not.toContain('direkt Ben Bereit');
    }
    // Ben applied: he also gets a message of his own; Lena did not.
    expect(h.cardsTo(personal(ben)).some((c) => cardText(c).includes('Die Umfrage ist abgebrochen'))).toBe(true);
    expect(h.cardsTo(personal(lena)).some((c) => cardText(c).includes('Die Umfrage ist abgebrochen'))).toBe(false);
    expect(await h.db.prisma.platformTodo.count()).toBe(0);

    // The old card (outdated version) and a second click are refused with a clear message.
    const again = await h.invoke('tender.cancel', { ...cancelData, cancelReason: 'Noch einmal abbrechen' }, { from: ada });
    expect(cardText(again.body?.value)).toMatch(/nicht mehr aktuell|bereits .* abgebrochen/);
    expect(await h.db.prisma.auditEvent.count({ where: { subjectId: tenderId, action: 'tender.cancelled' } })).toBe(1);
  });

  it('the deadline reminder reaches the admin once; "vergeben" works from it and it shows the award', async () => {
    card(await h.invoke('tender.apply', { tenderId }, { from: ben }));
    await h.drainOutbox();
    h.clock.set(AFTER_DEADLINE);
    const tick = () => runTick({ prisma: h.db.prisma, now: AFTER_DEADLINE, logger: silentLogger, config: testConfig(), jobs: tenderJobs });
    await tick();
    await tick();
    await h.drainOutbox();
    const reminders = h.cardsTo(personal(ada)).filter((c) => cardText(c).includes('Frist abgelaufen'));
    expect(reminders).toHaveLength(1);
    expect(cardText(reminders[0])).toContain('Ben Bereit');
    expect(cardText(reminders[0])).toContain('wurde eingeladen und hat sich nicht beworben');
    const award = executeByVerb(reminders[0], 'tender.award');
    const answer = card(await h.invoke('tender.award', { ...(award.data as object), winnerId: ben.id }, { from: ada }));
    // The answer is the reminder itself, now with the outcome and no buttons.
    expect(cardText(answer)).toContain('Frist abgelaufen');
    expect(cardText(answer)).toContain('Vergeben an Ben Bereit');
    expect(await tender()).toMatchObject({ status: 'awarded', awardedToId: ben.id });
  });

  it('nobody applied: "Frist verlängern" from the reminder re-opens the tender for the invitees', async () => {
    h.clock.set(AFTER_DEADLINE);
    await runTick({ prisma: h.db.prisma, now: AFTER_DEADLINE, logger: silentLogger, config: testConfig(), jobs: tenderJobs });
    await h.drainOutbox();
    const reminder = h.cardsTo(personal(ada)).find((c) => cardText(c).includes('Frist abgelaufen'));
    expect(cardText(reminder)).toContain('Niemand hat sich bis zur Frist beworben');
    const extend = executeByVerb(reminder, 'tender.extend');
    const answer = card(await h.invoke('tender.extend', { ...(extend.data as object), deadline: '2026-11-30' }, { from: ada }));
    expect(cardText(answer)).toContain('Frist verlängert bis 30.11.2026, 23:59 Uhr');
    await h.drainOutbox();
    expect(cardText(lastEdit(ben))).toContain('Bewirb dich bis 30.11.2026, 23:59 Uhr');
    card(await h.invoke('tender.apply', { tenderId }, { from: ben }));
    expect(await h.db.prisma.tenderApplication.count({ where: { tenderId } })).toBe(1);
  });
});
