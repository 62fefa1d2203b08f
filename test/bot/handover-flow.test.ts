// Issue 4 acceptance, each through /api/messages with the database checked.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { vpaChangesLast12Months } from '../../src/assignments/history.ts';
import { actionByTitle, answeredCard, cardActions, cardText } from '../support/cards.ts';
import { startHarness, type ConversationSpec, type Harness } from '../support/harness.ts';
import { assign, createClient, type TestPerson } from '../support/people.ts';

const NOW = new Date('2026-11-23T09:00:00Z');

let h: Harness;
let anna: TestPerson; // the VPA handing over
let ben: TestPerson; // the successor
let kim: TestPerson; // community team
let maria: TestPerson; // VPA manager
let carl: TestPerson; // client manager
let otto: TestPerson; // another VPA, not serving the client
let client: { id: string; number: string; name: string };
let approvalChannel: ConversationSpec;

async function setup(kind: 'sqlite' | 'postgres' = 'sqlite') {
  h = await startHarness({ kind, now: NOW });
  anna = await h.person('Anna Schneider', ['vpa']);
  ben = await h.person('Ben Wagner', ['vpa']);
  otto = await h.person('Otto Berg', ['vpa']);
  kim = await h.person('Kim Hoffmann', ['community']);
  maria = await h.person('Maria Weber', ['vpa_manager']);
  carl = await h.person('Carl Klein', ['client_manager']);
  client = await createClient(h.db.prisma, { number: 'K-1001', name: 'Müller Consulting GmbH', class: 'A', workType: 'continuous' });
  await assign(h.db.prisma, { clientId: client.id, vpaId: otto.id, from: new Date('2023-01-01T00:00:00Z'), to: new Date('2024-03-01T00:00:00Z') });
  await assign(h.db.prisma, { clientId: client.id, vpaId: anna.id, from: new Date('2024-03-01T00:00:00Z') });
  // Everyone has a 1:1 chat with the bot; the approval channel is bound by a manager.
  for (const p of [anna, ben, otto, kim, maria, carl]) await h.install({ from: p });
  approvalChannel = h.channel('austausch');
  await h.install({ from: maria, conversation: approvalChannel });
  await h.message('kanal freigabe', { from: maria, conversation: approvalChannel });
  await h.drainOutbox();
}

afterEach(async () => {
  await h.close();
});

const validForm = () => ({
  clientId: client.id,
  reasonCategory: 'needs_changed',
  reason: 'Der Kunde braucht inzwischen täglich Buchhaltung nach DATEV, das kann ich fachlich nicht abdecken.',
  measures: 'Mit dem Kunden besprochen, er wünscht ausdrücklich eine Person mit Buchhaltungserfahrung.',
  clientWantsTraining: 'true',
  successorNotes: 'Zugänge liegen im Passwortsafe, wöchentlicher Call dienstags.',
});

const card = answeredCard;
const request = () => h.db.prisma.handoverRequest.findFirstOrThrow({ where: { clientId: client.id }, orderBy: { createdAt: 'desc' } });
const personal = (p: TestPerson) => h.personalConversationOf(p).id;
const countOf = (action: string) => h.db.prisma.auditEvent.count({ where: { action } });

async function submitAndPropose(): Promise<string> {
  card(await h.invoke('handover.submit', validForm(), { from: anna }));
  const r = await request();
  card(await h.invoke('handover.review.start', { requestId: r.id, version: r.version }, { from: kim }));
  const r2 = await request();
  card(await h.invoke('handover.propose', { requestId: r.id, version: r2.version, successorId: ben.id, onboardingEffort: 'mittel', caseSummary: 'Der Kunde braucht Buchhaltung nach DATEV, die der VPA nicht abdecken kann.' }, { from: kim }));
  await h.drainOutbox();
  return r.id;
}

describe('Kundenabgabe through /api/messages', () => {
  beforeEach(() => setup());

  it('1. submit, propose, approve, train: everyone is told, the card shows the decision, the assignment moves, 12-month changes count it', async () => {
    const submitted = card(await h.invoke('handover.submit', validForm(), { from: anna }));
    expect(cardText(submitted)).toContain('Müller Consulting GmbH');
    await h.drainOutbox();
    const review = h.cardsTo(personal(kim)).find((c) => cardText(c).includes('Müller Consulting GmbH'));
    expect(review, 'the community team gets the review card').toBeDefined();

    const requestId = await submitAndProposeFromReview();
    const posted = h.cardsTo(approvalChannel.id).find((c) => cardText(c).includes('Anfrage von VPA: VPA Wechsel'));
    expect(posted, 'the approval request is posted to the approval channel').toBeDefined();
    const text = cardText(posted);
    for (const label of ['VPA', 'KUNDE (Klasse)', 'VPA Wechsel 12mon', 'Einarbeitungsaufwand', 'Grund', 'Nachfolger']) expect(text).toContain(label);
    expect(text).toContain('Müller Consulting GmbH (A)');
    expect(text).toContain('Ben Wagner');
    // Everyone sees the read-only card; managers get the buttons through refresh.
    expect(cardActions(posted).map((a) => a.title)).not.toContain('Freigeben');
    const refreshed = card(await h.invoke('handover.approval.refresh', { requestId }, { from: carl, conversation: approvalChannel }));
    expect(actionByTitle(refreshed, 'Freigeben').verb).toBe('handover.approve');
    const forVpa = card(await h.invoke('handover.approval.refresh', { requestId }, { from: otto, conversation: approvalChannel }));
    expect(cardActions(forVpa).map((a) => a.title)).not.toContain('Freigeben');

    const r = await request();
    const decided = card(await h.invoke('handover.approve', { requestId, version: r.version }, { from: carl, conversation: approvalChannel }));
    expect(cardText(decided)).toContain('Carl Klein');
    const afterDecision = await request();
    expect(afterDecision.status).toBe('approved');
    await h.drainOutbox();
    // The posted message itself is edited for everyone (PUT), showing the decision, who and when.
    const edit = h.connector.deliveries().find((d) => d.method === 'PUT' && d.conversationId === approvalChannel.id);
    expect(edit, 'the channel post is edited').toBeDefined();
    const editedCard = (edit!.body as { attachments: { content: unknown }[] }).attachments[0]!.content;
    expect(cardText(editedCard)).toMatch(/Freigegeben/);
    expect(cardText(editedCard)).toContain('Carl Klein');
    expect(h.cardsTo(personal(anna)).some((c) => /informier/i.test(cardText(c))), 'the VPA is told to inform the client').toBe(true);
    expect(h.cardsTo(personal(ben)).some((c) => cardText(c).includes('Passwortsafe')), 'the successor gets the notes').toBe(true);

    // Wiki step 4: the VPA informs the client first and records the client's training wish.
    expect((await h.db.prisma.assignment.findMany({ where: { clientId: client.id, to: null } })).map((a) => a.vpaId)).toEqual([anna.id]);
    const informed = await request();
    card(await h.invoke('handover.client.informed', { requestId, version: informed.version, trainingWanted: 'true' }, { from: anna }));
    // Training: the VPA confirms, the successor confirms; then the assignment moves.
    card(await h.invoke('handover.training.given', { requestId }, { from: anna }));
    expect((await request()).status).toBe('approved');
    card(await h.invoke('handover.training.received', { requestId }, { from: ben }));
    expect((await request()).status).toBe('completed');
    const assignments = await h.db.prisma.assignment.findMany({ where: { clientId: client.id }, orderBy: { from: 'asc' } });
    expect(assignments.at(-1)).toMatchObject({ vpaId: ben.id, to: null });
    expect(assignments.find((a) => a.vpaId === anna.id)?.to).not.toBeNull();
    expect(vpaChangesLast12Months(assignments.map((a) => ({ vpaId: a.vpaId, from: a.from, to: a.to })), NOW, { timeZone: 'Europe/Berlin' })).toBe(1);
    expect(await countOf('handover.completed')).toBe(1);
  });

  it('2. a VPA without that client, a VPA pressing Freigeben and a forged approver are refused; nothing changes', async () => {
    const notMine = card(await h.invoke('handover.submit', validForm(), { from: otto }));
    expect(cardText(notMine)).toContain('nur Kunden abgeben, die du zurzeit selbst betreust');
    expect(await h.db.prisma.handoverRequest.count()).toBe(0);

    const requestId = await submitAndPropose();
    const before = await request();
    const audits = await h.db.prisma.auditEvent.count();
    const byVpa = card(await h.invoke('handover.approve', { requestId, version: before.version }, { from: otto, conversation: approvalChannel }));
    expect(cardText(byVpa)).toContain('Berechtigung');
    const forged = card(await h.invoke('handover.approve', { requestId, version: before.version, actorId: maria.id, decidedById: maria.id, from: maria.aadObjectId }, { from: anna, conversation: approvalChannel }));
    expect(cardText(forged)).toContain('Berechtigung');
    const after = await request();
    expect(after).toMatchObject({ status: 'awaiting_approval', version: before.version, decidedById: null });
    expect(await h.db.prisma.auditEvent.count()).toBe(audits);
  });

  it('3. two managers deciding at once give exactly one decision; the same invoke twice is processed once', async () => {
    const requestId = await submitAndPropose();
    const r = await request();
    const [a, b] = await Promise.all([
      h.invoke('handover.approve', { requestId, version: r.version }, { from: maria, conversation: approvalChannel }),
      h.invoke('handover.reject', { requestId, version: r.version, rejectionReason: 'Bitte erst ein Gespräch mit dem Kunden.' }, { from: carl, conversation: approvalChannel }),
    ]);
    const texts = [cardText(card(a)), cardText(card(b))];
    expect((await countOf('handover.approved')) + (await countOf('handover.rejected'))).toBe(1);
    const final = await request();
    const winner = final.decidedById === maria.id ? maria : carl;
    expect(texts.some((t) => t.includes(winner.name)), 'the loser is told who decided').toBe(true);

    // A re-delivered invoke (same activity id) is processed once and gets the same answer.
    await h.close();
    await setup();
    const id2 = await submitAndPropose();
    const r2 = await request();
    const extra = { id: 'invoke-activity-42' };
    const first = await h.invoke('handover.approve', { requestId: id2, version: r2.version }, { from: maria, conversation: approvalChannel, extra });
    const second = await h.invoke('handover.approve', { requestId: id2, version: r2.version }, { from: maria, conversation: approvalChannel, extra });
    expect(second.body).toEqual(first.body);
    expect(await countOf('handover.approved')).toBe(1);
  });

  it('4. "knausrig" gets the wiki\'s challenge; zurückspielen ends the request and the VPA is told to keep the client', async () => {
    const challenged = card(await h.invoke('handover.submit', { ...validForm(), reasonCategory: 'other', reason: 'Der Kunde ist total knausrig mit Budgets und zahlt nie extra.' }, { from: anna }));
    expect(cardText(challenged)).toMatch(/anderer VPA hätte|gleichen Probleme/);
    expect(await h.db.prisma.handoverRequest.count()).toBe(0);
    const confirm = actionByTitle(challenged, 'Trotzdem einreichen');
    card(await h.invoke('handover.submit', confirm.data as Record<string, unknown>, { from: anna }));
    const r = await request();
    expect(r.status).toBe('submitted');
    expect(r.challenges).toContain('stingy');

    card(await h.invoke('handover.return', { requestId: r.id, version: r.version, returnMessage: 'Bitte betreue den Kunden weiter; lass uns über die Budgets sprechen.' }, { from: kim }));
    const returned = await request();
    expect(returned.status).toBe('returned');
    expect(returned.openClientId).toBeNull();
    await h.drainOutbox();
    expect(h.cardsTo(personal(anna)).map((c) => cardText(c)).join('\n---\n')).toContain('lass uns über die Budgets sprechen');
    const current = await h.db.prisma.assignment.findFirstOrThrow({ where: { clientId: client.id, to: null } });
    expect(current.vpaId).toBe(anna.id);
  });

  it('5. a conduct report reaches every manager 1:1 within the same turn\'s outbox and nobody else', async () => {
    const res = card(await h.invoke('conduct.submit', { clientId: client.id, whatHappened: 'Der Kunde hat mich im Call mehrfach beleidigt und angeschrien.', occurredDate: '2026-11-20', occurredTime: '14:30', evidence: '' }, { from: anna }));
    expect(cardText(res)).toMatch(/Manager/);
    const rows = await h.db.prisma.outboxMessage.findMany({ where: { status: 'pending' } });
    const recipients = rows.map((row) => JSON.parse(row.notice) as { mode: string; recipient?: { type: string; personId?: string }; notice: { kind: string } }).filter((m) => m.notice.kind === 'conductReport');
    expect(recipients.map((m) => m.recipient).sort((x, y) => String(x?.personId).localeCompare(String(y?.personId)))).toEqual(
      [maria.id, carl.id].sort().map((personId) => ({ type: 'person', personId })),
    );
    await h.drainOutbox();
    expect(h.cardsTo(personal(maria)).some((c) => cardText(c).includes('beleidigt'))).toBe(true);
    expect(h.cardsTo(personal(carl)).some((c) => cardText(c).includes('beleidigt'))).toBe(true);
    for (const other of [ben, otto, kim]) expect(h.cardsTo(personal(other)).some((c) => cardText(c).includes('beleidigt'))).toBe(false);
    expect(h.cardsTo(approvalChannel.id).some((c) => cardText(c).includes('beleidigt'))).toBe(false);
  });
});

async function submitAndProposeFromReview(): Promise<string> {
  const r = await request();
  card(await h.invoke('handover.review.start', { requestId: r.id, version: r.version }, { from: kim }));
  const r2 = await request();
  card(await h.invoke('handover.propose', { requestId: r.id, version: r2.version, successorId: ben.id, onboardingEffort: 'mittel', caseSummary: 'Der Kunde braucht Buchhaltung nach DATEV, die der VPA nicht abdecken kann.' }, { from: kim }));
  await h.drainOutbox();
  return r.id;
}
