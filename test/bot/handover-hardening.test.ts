// Issue 7 defects 1, 3, 4, 5, 6, 7 through /api/messages, with the database checked after each step.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runTick } from '../../src/tick/run-tick.ts';
import { silentLogger } from '../../src/log/logger.ts';
import { loadConfig } from '../../src/config/config.ts';
import { actionByTitle, answeredCard, cardActions, cardText } from '../support/cards.ts';
import { startHarness, type ConversationSpec, type Harness, type InvokeResult } from '../support/harness.ts';
import { assign, createClient, type TestPerson } from '../support/people.ts';
import { TEST_DATABASE_URL } from '../support/db.ts';

const NOW = new Date('2026-11-23T09:00:00Z'); // Monday, 10:00 in Berlin
const SUMMARY = 'Der Kunde braucht tägliche Buchhaltung nach DATEV; Anna hat das mehrfach versucht, es passt fachlich nicht.';

let h: Harness;
let anna: TestPerson; // the VPA handing over
let ben: TestPerson; // the successor
let kim: TestPerson; // community team
let paula: TestPerson; // community team AND VPA manager
let maria: TestPerson; // VPA manager
let carl: TestPerson; // client manager
let client: { id: string; number: string; name: string };
let approvalChannel: ConversationSpec;

async function setup(kind: 'sqlite' | 'postgres'): Promise<void> {
  h = await startHarness({ kind, now: NOW });
  anna = await h.person('Anna Schneider', ['vpa']);
  ben = await h.person('Ben Wagner', ['vpa']);
  kim = await h.person('Kim Hoffmann', ['community']);
  paula = await h.person('Paula Doppelrolle', ['community', 'vpa_manager']);
  maria = await h.person('Maria Weber', ['vpa_manager']);
  carl = await h.person('Carl Klein', ['client_manager']);
  client = await createClient(h.db.prisma, { number: 'K-2001', name: 'Schmidt Handel GmbH', class: 'B', workType: 'continuous' });
  await assign(h.db.prisma, { clientId: client.id, vpaId: anna.id, from: new Date('2024-03-01T00:00:00Z') });
  for (const p of [anna, ben, kim, paula, maria, carl]) await h.install({ from: p });
  approvalChannel = h.channel('austausch');
  await h.install({ from: maria, conversation: approvalChannel });
  await h.message('kanal freigabe', { from: maria, conversation: approvalChannel });
  await h.drainOutbox();
}

afterEach(async () => {
  await h?.close();
});

const card = answeredCard;
const request = () => h.db.prisma.handoverRequest.findFirstOrThrow({ where: { clientId: client.id }, orderBy: { createdAt: 'desc' } });
const personal = (p: TestPerson) => h.personalConversationOf(p).id;
const audits = () => h.db.prisma.auditEvent.count();

async function submit(training = 'true'): Promise<string> {
  card(
    await h.invoke(
      'handover.submit',
      { clientId: client.id, reasonCategory: 'needs_changed', reason: 'Der Kunde braucht inzwischen täglich Buchhaltung nach DATEV, das kann ich nicht abdecken.', measures: 'Mehrfach besprochen.', clientWantsTraining: training, successorNotes: 'Zugänge im Passwortsafe.' },
      { from: anna },
    ),
  );
  return (await request()).id;
}

async function propose(by: TestPerson, successor: TestPerson = ben, caseSummary: string = SUMMARY): Promise<InvokeResult> {
  const r = await request();
  return h.invoke('handover.propose', { requestId: r.id, version: r.version, successorId: successor.id, onboardingEffort: 'mittel', caseSummary }, { from: by });
}

async function approve(by: TestPerson = carl): Promise<void> {
  const r = await request();
  card(await h.invoke('handover.approve', { requestId: r.id, version: r.version }, { from: by, conversation: approvalChannel }));
  expect((await request()).status).toBe('approved');
}

describe('1. four eyes', () => {
  beforeEach(() => setup('sqlite'));
  it('whoever proposed the change cannot approve it, even holding a manager role; another manager can', async () => {
    await submit();
    card(await propose(paula));
    const r = await request();
    expect(r).toMatchObject({ status: 'awaiting_approval', reviewerId: paula.id });
    const before = await audits();
    const refused = card(await h.invoke('handover.approve', { requestId: r.id, version: r.version }, { from: paula, conversation: approvalChannel }));
    expect(cardText(refused)).toContain('Vier-Augen-Prinzip');
    expect(await request()).toMatchObject({ status: 'awaiting_approval', version: r.version, decidedById: null });
    expect(await audits()).toBe(before);
    const rejectRefused = card(await h.invoke('handover.reject', { requestId: r.id, version: r.version, rejectionReason: 'Bitte nicht.' }, { from: paula, conversation: approvalChannel }));
    expect(cardText(rejectRefused)).toContain('Vier-Augen-Prinzip');
    await approve(maria);
  });

  it('the reviewer may not propose themself as successor', async () => {
    await h.db.prisma.personRole.create({ data: { personId: kim.id, role: 'vpa' } });
    await submit();
    const before = await audits();
    expect(cardText(card(await propose(kim, kim)))).toContain('nicht selbst als Nachfolger');
    expect((await request()).status).toBe('submitted');
    expect(await audits()).toBe(before);
  });
});

describe('6. the reviewer describes the case', () => {
  beforeEach(() => setup('sqlite'));
  it('"Wechsel vorschlagen" requires a short description; it fills Grund:, and the VPA\'s words stay in the details', async () => {
    await submit();
    const tooShort = card(await propose(kim, ben, 'kurz'));
    expect(cardText(tooShort)).toContain('schildere den Fall');
    expect((await request()).status).toBe('submitted');
    card(await propose(kim));
    await h.drainOutbox();
    const posted = h.cardsTo(approvalChannel.id).find((c) => cardText(c).includes('Anfrage von VPA: VPA Wechsel'));
    expect(posted).toBeDefined();
    const lines = cardText(posted);
    expect(lines).toMatch(new RegExp(`Grund:?\\s*${SUMMARY.slice(0, 40)}`));
    expect(lines).toContain('Begründung des VPA');
    expect(lines).toContain('das kann ich nicht abdecken');
  });
});

describe('5. clarification', () => {
  beforeEach(() => setup('sqlite'));
  it('"geklärt, ich behalte den Kunden" ends the request as resolved and frees the client', async () => {
    const id = await submit();
    const r = await request();
    card(await h.invoke('handover.clarify', { requestId: id, version: r.version, clarifyMessage: 'Bitte sprich erst mit dem Kunden.' }, { from: kim }));
    await h.drainOutbox();
    const clarifyCard = h.cardsTo(personal(anna)).find((c) => cardText(c).includes('zuerst mit dem Kunden'));
    expect(clarifyCard).toBeDefined();
    expect(actionByTitle(clarifyCard, 'geklärt, ich behalte den Kunden').verb).toBe('handover.clarification.answer');
    const c = await request();
    card(await h.invoke('handover.clarification.answer', { requestId: id, version: c.version, answer: 'resolved' }, { from: anna }));
    expect(await request()).toMatchObject({ status: 'resolved', openClientId: null, clarificationAnswer: 'resolved' });
    await h.drainOutbox();
    expect(h.cardsTo(personal(kim)).some((x) => cardText(x).includes('Geklärt'))).toBe(true);
    // The client is free for a new request.
    await submit();
    expect(await h.db.prisma.handoverRequest.count({ where: { clientId: client.id } })).toBe(2);
  });

  it('"nicht geklärt" with a note hands it back to the reviewer, who is told; only the VPA may answer', async () => {
    const id = await submit();
    const r = await request();
    card(await h.invoke('handover.clarify', { requestId: id, version: r.version, clarifyMessage: 'Bitte sprich erst mit dem Kunden.' }, { from: kim }));
    const c = await request();
    const byOther = card(await h.invoke('handover.clarification.answer', { requestId: id, version: c.version, answer: 'resolved' }, { from: ben }));
    expect(cardText(byOther)).toContain('nur der VPA');
    const noNote = card(await h.invoke('handover.clarification.answer', { requestId: id, version: c.version, answer: 'unresolved' }, { from: anna }));
    expect(cardText(noNote)).toContain('was noch offen ist');
    expect((await request()).status).toBe('clarifying');
    card(await h.invoke('handover.clarification.answer', { requestId: id, version: c.version, answer: 'unresolved', clarificationNote: 'Der Kunde will weiterhin DATEV, das kann ich nicht.' }, { from: anna }));
    expect(await request()).toMatchObject({ status: 'in_review', reviewerId: kim.id, clarificationAnswer: 'unresolved' });
    await h.drainOutbox();
    expect(h.cardsTo(personal(kim)).some((x) => cardText(x).includes('Der Kunde will weiterhin DATEV'))).toBe(true);
  });

  it('a clarification without a follow-up date still reminds the reviewer after the configured working days, once', async () => {
    const id = await submit();
    const r = await request();
    card(await h.invoke('handover.clarify', { requestId: id, version: r.version, clarifyMessage: 'Bitte sprich erst mit dem Kunden.' }, { from: kim }));
    const config = loadConfig({ DATABASE_URL: h.db.url, LOG_LEVEL: 'silent' });
    const tick = (now: Date) => runTick({ prisma: h.db.prisma, now, logger: silentLogger, config });
    const lines = async (now: Date) => (await tick(now)).flatMap((x) => x.lines).filter((l) => l.includes('Wiedervorlage'));
    expect(await lines(new Date('2026-11-25T08:59:00Z'))).toEqual([]); // Wed 09:59 Berlin: not yet 2 working days
    expect(await lines(new Date('2026-11-25T09:00:00Z'))).toEqual(['Erinnerung an Kim Hoffmann: Kundenabgabe K-2001 (Schmidt Handel GmbH) – Wiedervorlage der Klärung ist fällig']);
    expect(await lines(new Date('2026-11-25T09:00:00Z'))).toEqual([]);
    expect(await lines(new Date('2026-11-30T09:00:00Z'))).toEqual([]);
  });
});

describe('4. the wiki\'s order after approval', () => {
  beforeEach(() => setup('sqlite'));
  it('without a training the assignment moves only when the VPA confirms "Kunde informiert"', async () => {
    await submit('true'); // the form says yes, the client later says no
    card(await propose(kim));
    await approve();
    expect((await h.db.prisma.assignment.findMany({ where: { clientId: client.id, to: null } })).map((a) => a.vpaId)).toEqual([anna.id]);
    await h.drainOutbox();
    const informCard = h.cardsTo(personal(anna)).find((c) => cardActions(c).some((a) => a.title === 'Kunde informiert'));
    expect(informCard, 'the VPA gets "Kunde informiert"').toBeDefined();
    expect(cardActions(informCard).map((a) => a.title)).not.toContain('Einarbeitung erfolgt');
    const early = card(await h.invoke('handover.training.given', { requestId: (await request()).id }, { from: anna }));
    expect(cardText(early)).toContain('zuerst „Kunde informiert“');
    const r = await request();
    card(await h.invoke('handover.client.informed', { requestId: r.id, version: r.version, trainingWanted: 'false' }, { from: anna }));
    expect(await request()).toMatchObject({ status: 'completed', trainingWanted: false });
    expect((await h.db.prisma.assignment.findMany({ where: { clientId: client.id, to: null } })).map((a) => a.vpaId)).toEqual([ben.id]);
  });

  it('overdue: the VPA is reminded once, then the managers once', async () => {
    await submit();
    card(await propose(kim));
    await approve();
    const config = loadConfig({ DATABASE_URL: h.db.url, LOG_LEVEL: 'silent' });
    const tick = async (now: Date) => (await runTick({ prisma: h.db.prisma, now, logger: silentLogger, config })).flatMap((x) => x.lines).filter((l) => l.includes('Kundenabgabe'));
    const vpaDue = new Date('2026-11-30T09:00:00Z'); // approved Mon 23 Nov 10:00 Berlin + 5 working days
    expect(await tick(new Date(vpaDue.getTime() - 60_000))).toEqual([]);
    expect(await tick(vpaDue)).toEqual(['Erinnerung an Anna Schneider: Kundenabgabe K-2001 (Schmidt Handel GmbH) – „Kunde informiert“ fehlt noch']);
    expect(await tick(vpaDue)).toEqual([]);
    const managersDue = new Date('2026-12-07T09:00:00Z'); // + 10 working days
    const lines = await tick(managersDue);
    expect(lines).toEqual(['Erinnerung an Carl Klein, Maria Weber, Paula Doppelrolle: Kundenabgabe K-2001 (Schmidt Handel GmbH) – „Kunde informiert“ fehlt noch']);
    expect(await tick(managersDue)).toEqual([]);
  });
});

// SQLite runs one transaction after the other, so the race shows on PostgreSQL (what several instances use).
describe.each(TEST_DATABASE_URL ? (['sqlite', 'postgres'] as const) : (['sqlite'] as const))('7. concurrent training confirmations (%s)', (kind) => {
  beforeEach(() => setup(kind));

  it('the VPA and the successor confirming at the same moment both succeed, and the handover completes once', async () => {
    await submit();
    card(await propose(kim));
    await approve();
    const r = await request();
    card(await h.invoke('handover.client.informed', { requestId: r.id, version: r.version, trainingWanted: 'true' }, { from: anna }));
    const [given, received] = await Promise.all([
      h.invoke('handover.training.given', { requestId: r.id }, { from: anna }),
      h.invoke('handover.training.received', { requestId: r.id }, { from: ben }),
    ]);
    expect(cardText(card(given))).not.toMatch(/nicht mehr aktuell/);
    expect(cardText(card(received))).not.toMatch(/nicht mehr aktuell/);
    const done = await request();
    expect(done.status).toBe('completed');
    expect(done.trainingGivenAt).not.toBeNull();
    expect(done.trainingReceivedAt).not.toBeNull();
    expect(await h.db.prisma.auditEvent.count({ where: { action: 'handover.completed', subjectId: r.id } })).toBe(1);
  });
});

describe('3. no dead ends', () => {
  beforeEach(() => setup('sqlite'));
  it('a move that fails (client reassigned meanwhile) reaches the managers with its cause; a manager cancels with a reason and the client is free again', async () => {
    await submit();
    card(await propose(kim));
    await approve();
    // An import reassigns the client meanwhile.
    await h.db.prisma.assignment.updateMany({ where: { clientId: client.id, to: null }, data: { to: new Date('2026-11-23T09:30:00Z') } });
    const otto = await h.person('Otto Berg', ['vpa']);
    await assign(h.db.prisma, { clientId: client.id, vpaId: otto.id, from: new Date('2026-11-23T09:30:00Z') });
    h.clock.set(new Date('2026-11-23T10:00:00Z'));
    const r = await request();
    card(await h.invoke('handover.client.informed', { requestId: r.id, version: r.version, trainingWanted: 'false' }, { from: anna }));
    const stuck = await request();
    expect(stuck.status).toBe('approved');
    expect(stuck.completionError).toContain('Otto Berg');
    await h.drainOutbox();
    const toManager = h.cardsTo(personal(maria)).find((c) => cardText(c).includes('Übergabe konnte nicht abgeschlossen werden'));
    expect(toManager, 'managers are told the cause').toBeDefined();
    expect(cardText(toManager)).toContain('Otto Berg');
    expect(cardActions(toManager).map((a) => a.title)).toEqual(expect.arrayContaining(['abschließen', 'abbrechen']));
    // A VPA cannot cancel; a manager without a reason cannot either.
    expect(cardText(card(await h.invoke('handover.cancel', { requestId: r.id, version: stuck.version, closeReason: 'Weil.' }, { from: anna })))).toContain('Berechtigung');
    expect(cardText(card(await h.invoke('handover.cancel', { requestId: r.id, version: stuck.version }, { from: maria })))).toContain('Grund');
    card(await h.invoke('handover.cancel', { requestId: r.id, version: stuck.version, cancelReason: 'Der Kunde wurde bereits Otto zugeordnet.' }, { from: maria }));
    expect(await request()).toMatchObject({ status: 'cancelled', openClientId: null, closedById: maria.id, closeReason: 'Der Kunde wurde bereits Otto zugeordnet.' });
    expect(await h.db.prisma.auditEvent.count({ where: { action: 'handover.cancelled' } })).toBe(1);
    // The approval post shows it for everyone.
    await h.drainOutbox();
    const edits = h.connector.deliveries().filter((d) => d.method === 'PUT' && d.conversationId === approvalChannel.id);
    expect(cardText((edits.at(-1)!.body as { attachments: { content: unknown }[] }).attachments[0]!.content)).toContain('Abgebrochen von Maria Weber');
  });

  it('"abschließen" by a manager completes a stalled handover; an assignment with a future end date counts as current and moves', async () => {
    await h.db.prisma.assignment.updateMany({ where: { clientId: client.id }, data: { to: new Date('2027-06-30T00:00:00Z') } });
    await submit();
    card(await propose(kim));
    await approve();
    const r = await request();
    card(await h.invoke('handover.complete', { requestId: r.id, version: r.version, completeReason: 'Der Kunde ist informiert; Anna ist ab morgen im Urlaub.' }, { from: carl }));
    expect(await request()).toMatchObject({ status: 'completed', closedById: carl.id });
    const rows = await h.db.prisma.assignment.findMany({ where: { clientId: client.id }, orderBy: { from: 'asc' } });
    expect(rows.map((a) => [a.vpaId, a.to?.toISOString() ?? null])).toEqual([
      [anna.id, NOW.toISOString()],
      [ben.id, null],
    ]);
  });

  it('a shared client: only the requesting VPA\'s assignment moves', async () => {
    const otto = await h.person('Otto Berg', ['vpa']);
    await assign(h.db.prisma, { clientId: client.id, vpaId: otto.id, from: new Date('2025-01-01T00:00:00Z') });
    await submit();
    card(await propose(kim));
    await approve();
    const r = await request();
    card(await h.invoke('handover.client.informed', { requestId: r.id, version: r.version, trainingWanted: 'false' }, { from: anna }));
    expect((await request()).status).toBe('completed');
    const current = await h.db.prisma.assignment.findMany({ where: { clientId: client.id, to: null } });
    expect(current.map((a) => a.vpaId).sort()).toEqual([ben.id, otto.id].sort());
  });
});
