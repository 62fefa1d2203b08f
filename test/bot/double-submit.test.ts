// Issue 7, defect 14: the same form twice. A double (or twentyfold) click on "Meldung senden" or "Anfrage
// einreichen" sends invokes with different activity ids, so the invoke receipts do not catch them. Each
// form instance carries a formId (made when the form is built, kept through field errors and the
// challenge card): one form makes at most one conduct report / handover request, and every further
// submit of it gets the same answer without new rows or messages. Also on PostgreSQL when
// TEST_DATABASE_URL is set.
import { afterEach, describe, expect, it } from 'vitest';
import { actionByTitle, answeredCard, cardText } from '../support/cards.ts';
import { TEST_DATABASE_URL } from '../support/db.ts';
import { startHarness, type Harness } from '../support/harness.ts';
import { assign, createClient, type TestPerson } from '../support/people.ts';

const NOW = new Date('2026-11-23T09:00:00Z');
const TIMES = 20;

let h: Harness;
let anna: TestPerson; // VPA serving the client
let kim: TestPerson; // community team
let maria: TestPerson; // VPA manager
let carl: TestPerson; // client manager
let client: { id: string };

async function setup(kind: 'sqlite' | 'postgres') {
  h = await startHarness({ kind, now: NOW });
  anna = await h.person('Anna Schneider', ['vpa']);
  kim = await h.person('Kim Hoffmann', ['community']);
  maria = await h.person('Maria Weber', ['vpa_manager']);
  carl = await h.person('Carl Klein', ['client_manager']);
  client = await createClient(h.db.prisma, { number: 'K-1001', name: 'Müller Consulting GmbH', class: 'A' });
  await assign(h.db.prisma, { clientId: client.id, vpaId: anna.id, from: new Date('2024-03-01T00:00:00Z') });
  for (const p of [anna, kim, maria, carl]) await h.install({ from: p });
  await h.drainOutbox();
}

const card = answeredCard;
const personal = (p: TestPerson) => h.personalConversationOf(p).id;
/** What Teams sends for the card's submit button: the button's data merged with the inputs. */
const submitData = (form: unknown, title: string, inputs: Record<string, unknown>) => ({ ...(actionByTitle(form, title).data as Record<string, unknown> | undefined), ...inputs });
/** The same submit clicked `times` times at once; each click is its own invoke (own activity id). */
const clicks = (verb: string, data: Record<string, unknown>, times = TIMES) => Promise.all(Array.from({ length: times }, () => h.invoke(verb, data, { from: anna })));

const conductInputs = (overrides: Record<string, unknown> = {}) => ({
  clientId: client.id,
  whatHappened: 'Der Kunde hat mich im Call mehrfach beleidigt und angeschrien.',
  occurredDate: '2026-11-20',
  occurredTime: '14:30',
  evidence: '',
  ...overrides,
});
const handoverInputs = (overrides: Record<string, unknown> = {}) => ({
  clientId: client.id,
  reasonCategory: 'needs_changed',
  reason: 'Der Kunde braucht inzwischen täglich Buchhaltung nach DATEV, das kann ich fachlich nicht abdecken.',
  measures: 'Mit dem Kunden besprochen, er wünscht ausdrücklich eine Person mit Buchhaltungserfahrung.',
  clientWantsTraining: 'true',
  successorNotes: 'Zugänge liegen im Passwortsafe.',
  ...overrides,
});

afterEach(async () => {
  await h.close();
});

for (const kind of ['sqlite', 'postgres'] as const) {
  describe.skipIf(kind === 'postgres' && !TEST_DATABASE_URL)(`one form, one report / one request (${kind})`, () => {
    it(`${TIMES} quick "Meldung senden" on one form: one conduct report, one card per manager, the same answer every time`, async () => {
      await setup(kind);
      const form = card(await h.invoke('conduct.form', {}, { from: anna }));
      const data = submitData(form, 'Meldung senden', conductInputs());
      const answers = await clicks('conduct.submit', data);
      const first = card(answers[0]!);
      expect(cardText(first)).toMatch(/Manager/);
      for (const a of answers) expect(a.body).toEqual(answers[0]!.body);

      expect(await h.db.prisma.conductReport.count()).toBe(1);
      expect(await h.db.prisma.auditEvent.count({ where: { action: 'conduct.reported' } })).toBe(1);
      expect(await h.db.prisma.outboxMessage.count()).toBe(2);
      await h.drainOutbox();
      for (const m of [maria, carl]) expect(h.cardsTo(personal(m)).filter((c) => cardText(c).includes('beleidigt')), m.name).toHaveLength(1);
      // The report remembers its form.
      expect(typeof data.formId).toBe('string');
      expect((await h.db.prisma.conductReport.findFirstOrThrow()).formId).toBe(data.formId);

      // A later click on the same form: the same answer again, nothing new.
      const later = await h.invoke('conduct.submit', data, { from: anna });
      expect(later.body).toEqual(answers[0]!.body);
      expect(await h.db.prisma.conductReport.count()).toBe(1);
      expect(await h.db.prisma.outboxMessage.count()).toBe(2);

      // A new form is a new report.
      const again = card(await h.invoke('conduct.form', {}, { from: anna }));
      const data2 = submitData(again, 'Meldung senden', conductInputs({ whatHappened: 'Der Kunde hat mich heute wieder beleidigt.' }));
      expect(data2.formId).not.toBe(data.formId);
      card(await h.invoke('conduct.submit', data2, { from: anna }));
      expect(await h.db.prisma.conductReport.count()).toBe(2);
    });

    it(`${TIMES} quick "Anfrage einreichen" on one form: one handover request, one card each, the same answer every time`, async () => {
      await setup(kind);
      const form = card(await h.invoke('handover.form', {}, { from: anna }));
      const data = submitData(form, 'Anfrage einreichen', handoverInputs());
      const answers = await clicks('handover.submit', data);
      const first = card(answers[0]!);
      expect(cardText(first)).toContain('Deine Abgabeanfrage');
      for (const a of answers) expect(a.body).toEqual(answers[0]!.body);

      expect(await h.db.prisma.handoverRequest.count()).toBe(1);
      expect(await h.db.prisma.auditEvent.count({ where: { action: 'handover.submitted' } })).toBe(1);
      const messages = await h.db.prisma.outboxMessage.count();
      await h.drainOutbox();
      expect(h.cardsTo(personal(kim)).filter((c) => cardText(c).includes('Müller Consulting GmbH')), 'one review card').toHaveLength(1);
      expect(typeof data.formId).toBe('string');
      expect((await h.db.prisma.handoverRequest.findFirstOrThrow()).formId).toBe(data.formId);

      const later = await h.invoke('handover.submit', data, { from: anna });
      expect(later.body).toEqual(answers[0]!.body);
      expect(await h.db.prisma.handoverRequest.count()).toBe(1);
      expect(await h.db.prisma.outboxMessage.count()).toBe(messages);
    });

    it('the challenge card keeps the form: "Bearbeiten" reopens it, "Trotzdem einreichen" clicked many times makes one request', async () => {
      await setup(kind);
      const form = card(await h.invoke('handover.form', {}, { from: anna }));
      const formId = (actionByTitle(form, 'Anfrage einreichen').data as { formId?: unknown } | undefined)?.formId;
      const stingy = handoverInputs({ reasonCategory: 'other', reason: 'Der Kunde ist total knausrig mit Budgets und zahlt nie extra.', measures: '' });
      const challenged = card(await h.invoke('handover.submit', submitData(form, 'Anfrage einreichen', stingy), { from: anna }));
      expect(cardText(challenged)).toMatch(/anderer VPA hätte|gleichen Probleme/);
      expect(await h.db.prisma.handoverRequest.count()).toBe(0);

      const edit = actionByTitle(challenged, 'Bearbeiten');
      const reopened = card(await h.invoke('handover.form', edit.data as Record<string, unknown>, { from: anna }));
      expect((actionByTitle(reopened, 'Anfrage einreichen').data as { formId?: unknown } | undefined)?.formId).toBe(formId);

      const confirm = actionByTitle(challenged, 'Trotzdem einreichen').data as Record<string, unknown>;
      expect(confirm.formId).toBe(formId);
      const answers = await clicks('handover.submit', confirm, 10);
      for (const a of answers) expect(cardText(card(a))).toContain('Deine Abgabeanfrage');
      expect(await h.db.prisma.handoverRequest.count()).toBe(1);
      expect(typeof formId).toBe('string');
    });
  });
}

describe('form instance ids (sqlite)', () => {
  it('an invalid submission comes back as the same form instance; fixing it makes one report', async () => {
    await setup('sqlite');
    const form = card(await h.invoke('conduct.form', {}, { from: anna }));
    const formId = (actionByTitle(form, 'Meldung senden').data as { formId?: unknown } | undefined)?.formId;
    expect(typeof formId).toBe('string');
    const invalid = card(await h.invoke('conduct.submit', submitData(form, 'Meldung senden', conductInputs({ whatHappened: 'doof' })), { from: anna }));
    expect(cardText(invalid)).toContain('Bitte prüfe die markierten Angaben');
    expect((actionByTitle(invalid, 'Meldung senden').data as { formId?: unknown }).formId).toBe(formId);
    const fixed = submitData(invalid, 'Meldung senden', conductInputs());
    await Promise.all([h.invoke('conduct.submit', fixed, { from: anna }), h.invoke('conduct.submit', fixed, { from: anna })]);
    expect(await h.db.prisma.conductReport.count()).toBe(1);

    const hform = card(await h.invoke('handover.form', {}, { from: anna }));
    const hformId = (actionByTitle(hform, 'Anfrage einreichen').data as { formId?: unknown } | undefined)?.formId;
    const hinvalid = card(await h.invoke('handover.submit', submitData(hform, 'Anfrage einreichen', handoverInputs({ reason: 'kurz' })), { from: anna }));
    expect((actionByTitle(hinvalid, 'Anfrage einreichen').data as { formId?: unknown }).formId).toBe(hformId);
  });

  it('a submit without formId (a card sent before this change) still works', async () => {
    await setup('sqlite');
    expect(cardText(card(await h.invoke('conduct.submit', conductInputs(), { from: anna })))).toMatch(/Manager/);
    expect(await h.db.prisma.conductReport.count()).toBe(1);
    expect(cardText(card(await h.invoke('handover.submit', handoverInputs(), { from: anna })))).toContain('Deine Abgabeanfrage');
    expect(await h.db.prisma.handoverRequest.findFirstOrThrow()).toMatchObject({ formId: null });
  });

  it('a formId of another person\'s report is not answered with their report', async () => {
    await setup('sqlite');
    const otto = await h.person('Otto Berg', ['vpa']);
    await assign(h.db.prisma, { clientId: client.id, vpaId: otto.id, from: new Date('2023-01-01T00:00:00Z'), to: new Date('2024-03-01T00:00:00Z') });
    const form = card(await h.invoke('conduct.form', {}, { from: anna }));
    const data = submitData(form, 'Meldung senden', conductInputs());
    card(await h.invoke('conduct.submit', data, { from: anna }));
    const forged = card(await h.invoke('conduct.submit', data, { from: otto }));
    expect(cardText(forged)).not.toContain('Müller Consulting GmbH ist als dringend');
    expect(cardText(forged)).toMatch(/ungültig/);
    expect(await h.db.prisma.conductReport.count()).toBe(1);
  });
});
