// Issue 7, defect 2 (bot side): `status` and everything about a conduct report or a handover form is
// personal. Typed in a channel or group chat, the bot answers there with one line and sends the card 1:1
// (through the outbox). The status card's "Aktualisieren" answers only in a 1:1 chat. The approval card's
// refresh answers only in a conversation the approval card of that request was posted to.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { actionByTitle, cardActions, cardInputIds, cardText, parseCard } from '../support/cards.ts';
import { startHarness, BOT_ID, type ConversationSpec, type Harness, type InvokeResult } from '../support/harness.ts';
import { assign, createClient, type TestPerson } from '../support/people.ts';

const NOW = new Date('2026-11-23T09:00:00Z');

let h: Harness;
let anna: TestPerson; // VPA, hands Müller over and reported Schmidt
let ben: TestPerson; // successor
let otto: TestPerson; // another VPA
let kim: TestPerson; // community team
let maria: TestPerson; // VPA manager
let carl: TestPerson; // client manager
let approvalChannel: ConversationSpec;
let requestId: string;

// What must never reach a channel or group chat through `status`, a form or a foreign refresh.
const HANDED_OVER = { number: 'K-1001', name: 'Müller Consulting GmbH' };
const REPORTED = { number: 'K-2002', name: 'Schmidt Bau AG' };
const SECRETS = [HANDED_OVER.number, HANDED_OVER.name, REPORTED.number, REPORTED.name];

const CASE_SUMMARY = 'Fachlicher Wechsel: der Kunde braucht jetzt Buchhaltung.';
const mention = { entities: [{ type: 'mention', mentioned: { id: BOT_ID, name: 'Staffelstab' }, text: '<at>Staffelstab</at>' }] };
const personal = (p: TestPerson) => h.personalConversationOf(p).id;

function card(r: InvokeResult): unknown {
  expect(r.httpStatus).toBe(200);
  expect(r.body?.type).toBe('application/vnd.microsoft.card.adaptive');
  expect(parseCard(r.body?.value).problems).toEqual([]);
  return r.body?.value;
}

/** Everything the fake connector delivered to a conversation, as one string. */
const everythingDeliveredTo = (conversationId: string) => JSON.stringify(h.deliveredTo(conversationId).map((d) => d.body));

function expectNoClientData(what: string, where: string): void {
  for (const secret of SECRETS) expect(what, `${secret} in ${where}`).not.toContain(secret);
}

beforeEach(async () => {
  h = await startHarness({ now: NOW });
  anna = await h.person('Anna Schneider', ['vpa']);
  ben = await h.person('Ben Wagner', ['vpa']);
  otto = await h.person('Otto Berg', ['vpa']);
  kim = await h.person('Kim Hoffmann', ['community']);
  maria = await h.person('Maria Weber', ['vpa_manager']);
  carl = await h.person('Carl Klein', ['client_manager']);
  const handedOver = await createClient(h.db.prisma, { ...HANDED_OVER, class: 'A' });
  const reported = await createClient(h.db.prisma, { ...REPORTED, class: 'B' });
  for (const c of [handedOver, reported]) await assign(h.db.prisma, { clientId: c.id, vpaId: anna.id, from: new Date('2024-03-01T00:00:00Z') });
  for (const p of [anna, ben, otto, kim, maria, carl]) await h.install({ from: p });
  approvalChannel = h.channel('freigabe');
  await h.install({ from: maria, conversation: approvalChannel });
  await h.message('kanal freigabe', { from: maria, conversation: approvalChannel });

  // A handover waiting for approval (posted to the approval channel) and an unacknowledged conduct report.
  card(
    await h.invoke(
      'handover.submit',
      {
        clientId: handedOver.id,
        reasonCategory: 'needs_changed',
        reason: 'Der Kunde braucht inzwischen täglich Buchhaltung nach DATEV, das kann ich fachlich nicht abdecken.',
        measures: 'Mit dem Kunden besprochen, er wünscht ausdrücklich eine Person mit Buchhaltungserfahrung.',
        clientWantsTraining: 'true',
        successorNotes: 'Zugänge liegen im Passwortsafe.',
      },
      { from: anna },
    ),
  );
  const submitted = await h.db.prisma.handoverRequest.findFirstOrThrow();
  requestId = submitted.id;
  card(await h.invoke('handover.review.start', { requestId, version: submitted.version }, { from: kim }));
  const inReview = await h.db.prisma.handoverRequest.findUniqueOrThrow({ where: { id: requestId } });
  card(await h.invoke('handover.propose', { requestId, version: inReview.version, successorId: ben.id, onboardingEffort: 'mittel', caseSummary: CASE_SUMMARY }, { from: kim }));
  card(
    await h.invoke(
      'conduct.submit',
      { clientId: reported.id, whatHappened: 'Der Kunde hat mich am Telefon mehrfach beleidigt.', occurredDate: '2026-11-20', occurredTime: '10:30', evidence: '' },
      { from: anna },
    ),
  );
  await h.drainOutbox();
  expect(await h.db.prisma.handoverRequest.findUniqueOrThrow({ where: { id: requestId } })).toMatchObject({ status: 'awaiting_approval' });
  expect(everythingDeliveredTo(approvalChannel.id), 'the approval card was posted to the approval channel').toContain(HANDED_OVER.name);
});

afterEach(async () => {
  await h.close();
});

describe('status typed in a channel or group chat', () => {
  for (const type of ['channel', 'groupChat'] as const) {
    it(`${type}: one line there, the status card 1:1`, async () => {
      const room: ConversationSpec = type === 'channel' ? h.channel('team') : { id: `19:group-${type}@thread.v2`, type };
      await h.message('<at>Staffelstab</at> status', { from: maria, conversation: room, extra: mention });
      await h.drainOutbox();

      const inRoom = h.deliveredTo(room.id);
      expect(inRoom, 'exactly one answer in the shared conversation').toHaveLength(1);
      expect(h.cardsTo(room.id), 'no card in the shared conversation').toEqual([]);
      expect(h.textsTo(room.id)[0]).toMatch(/privat/);
      expectNoClientData(everythingDeliveredTo(room.id), type);

      const statusCard = h.cardsTo(personal(maria)).find((c) => cardActions(c).some((a) => a.verb === 'handover.status'));
      expect(statusCard, 'the status card arrives in the 1:1 chat').toBeDefined();
      expect(cardText(statusCard)).toContain(HANDED_OVER.name);
      expect(cardText(statusCard)).toContain(REPORTED.name);
    });
  }

  it('without a 1:1 chat yet: the channel is asked to open one, nothing about clients, nothing queued', async () => {
    const nora = await h.person('Nora Lang', ['client_manager']);
    const channel = h.channel('team');
    const queuedBefore = await h.db.prisma.outboxMessage.count();
    await h.message('<at>Staffelstab</at> status', { from: nora, conversation: channel, extra: mention });
    await h.drainOutbox();
    expect(h.deliveredTo(channel.id)).toHaveLength(1);
    expect(h.textsTo(channel.id)[0]).toMatch(/1:1-Chat/);
    expectNoClientData(everythingDeliveredTo(channel.id), 'channel');
    expect(await h.db.prisma.outboxMessage.count()).toBe(queuedBefore);
  });

  it('typed in the 1:1 chat, status still answers there directly', async () => {
    await h.message('status', { from: maria });
    const statusCard = h.cardsTo(personal(maria)).find((c) => cardActions(c).some((a) => a.verb === 'handover.status'));
    expect(cardText(statusCard)).toContain(REPORTED.name);
  });
});

describe('the status card’s "Aktualisieren"', () => {
  it('pressed in a channel is refused with a German error and no client data', async () => {
    const channel = h.channel('team');
    const refused = card(await h.invoke('handover.status', {}, { from: maria, conversation: channel }));
    expect(cardText(refused)).toMatch(/1:1-Chat/);
    expectNoClientData(JSON.stringify(refused), 'the invoke answer');
    const inGroup = card(await h.invoke('handover.status', {}, { from: maria, conversation: { id: '19:group-x@thread.v2', type: 'groupChat' } }));
    expectNoClientData(JSON.stringify(inGroup), 'the invoke answer');
  });

  it('in the 1:1 chat shows the presser’s own status', async () => {
    const own = card(await h.invoke('handover.status', {}, { from: maria }));
    expect(cardText(own)).toContain(REPORTED.name);
  });
});

describe('the approval card’s refresh', () => {
  it('from a conversation the card was not posted to is refused and shows nothing about the request', async () => {
    const elsewhere = [h.channel('team'), h.personalConversationOf(otto), h.personalConversationOf(maria)];
    for (const conversation of elsewhere) {
      for (const from of [maria, otto]) {
        const r = card(await h.invoke('handover.approval.refresh', { requestId }, { from, conversation }));
        expectNoClientData(JSON.stringify(r), `refresh in ${conversation.id}`);
        expect(cardText(r)).not.toContain('Ben Wagner');
        expect(cardActions(r).map((a) => a.title)).not.toContain('Freigeben');
        expect(cardText(r)).toContain('CARD_NOT_IN_THIS_CONVERSATION');
      }
    }
  });

  it('in the approval channel (also as a thread reply) gives managers the buttons and everyone else the read-only card', async () => {
    const forCarl = card(await h.invoke('handover.approval.refresh', { requestId }, { from: carl, conversation: approvalChannel }));
    expect(cardText(forCarl)).toContain(HANDED_OVER.name);
    expect(actionByTitle(forCarl, 'Freigeben').verb).toBe('handover.approve');
    const inThread = { ...approvalChannel, id: `${approvalChannel.id};messageid=1700000000000` };
    const forOtto = card(await h.invoke('handover.approval.refresh', { requestId }, { from: otto, conversation: inThread }));
    expect(cardText(forOtto)).toContain(HANDED_OVER.name);
    expect(cardActions(forOtto).map((a) => a.title)).not.toContain('Freigeben');
  });

  it('in a manager’s 1:1 chat when the card was sent there (no approval channel)', async () => {
    await h.db.prisma.channelBinding.deleteMany({ where: { purpose: 'freigabe' } });
    // A second request, proposed while no approval channel is bound: the card goes 1:1 to each manager.
    const second = await createClient(h.db.prisma, { number: 'K-3003', name: 'Weber Logistik', class: 'B' });
    await assign(h.db.prisma, { clientId: second.id, vpaId: otto.id, from: new Date('2024-03-01T00:00:00Z') });
    card(
      await h.invoke(
        'handover.submit',
        { clientId: second.id, reasonCategory: 'needs_changed', reason: 'Der Kunde braucht jetzt Lohnbuchhaltung, die ich nicht anbiete.', measures: 'Gespräch geführt.', clientWantsTraining: 'false', successorNotes: '' },
        { from: otto },
      ),
    );
    const r = await h.db.prisma.handoverRequest.findFirstOrThrow({ where: { clientId: second.id } });
    card(await h.invoke('handover.review.start', { requestId: r.id, version: r.version }, { from: kim }));
    const r2 = await h.db.prisma.handoverRequest.findUniqueOrThrow({ where: { id: r.id } });
    card(await h.invoke('handover.propose', { requestId: r.id, version: r2.version, successorId: ben.id, onboardingEffort: 'gering', caseSummary: CASE_SUMMARY }, { from: kim }));
    await h.drainOutbox();
    const forMaria = card(await h.invoke('handover.approval.refresh', { requestId: r.id }, { from: maria }));
    expect(actionByTitle(forMaria, 'Freigeben').verb).toBe('handover.approve');
    const forAnna = card(await h.invoke('handover.approval.refresh', { requestId: r.id }, { from: anna }));
    expect(cardText(forAnna)).not.toContain('Weber Logistik');
  });
});

describe('the forms typed in a channel', () => {
  for (const [command, verb] of [
    ['melden', 'conduct.submit'],
    ['abgeben', 'handover.submit'],
  ] as const) {
    it(`${command}: one line in the channel, the form 1:1`, async () => {
      const channel = h.channel('team');
      const before = h.cardsTo(personal(anna)).length;
      await h.message(`<at>Staffelstab</at> ${command}`, { from: anna, conversation: channel, extra: mention });
      await h.drainOutbox();
      expect(h.deliveredTo(channel.id)).toHaveLength(1);
      expect(h.cardsTo(channel.id)).toEqual([]);
      expect(h.textsTo(channel.id)[0]).toMatch(/privat/);
      expectNoClientData(everythingDeliveredTo(channel.id), 'channel');

      const form = h.cardsTo(personal(anna)).slice(before).find((c) => cardActions(c).some((a) => a.verb === verb));
      expect(form, `the ${command} form arrives in the 1:1 chat`).toBeDefined();
      expect(cardInputIds(form)).toContain('clientId');
      expect(JSON.stringify(form)).toContain(REPORTED.name);
    });
  }
});

describe('personal card actions pressed outside the 1:1 chat', () => {
  // Their cards only ever go 1:1; a click from a channel or group chat is forwarded or forged. It gets an error
  // card without client data, and nothing changes.
  for (const [verb, from] of [
    ['handover.form', 'anna'],
    ['conduct.form', 'anna'],
    ['handover.submit', 'anna'],
    ['handover.withdraw', 'anna'],
    ['handover.client.informed', 'anna'],
    ['handover.training.given', 'anna'],
    ['conduct.ack', 'maria'],
  ] as const) {
    it(`${verb} in a channel is refused with no client data`, async () => {
      const channel = h.channel('team');
      const who = from === 'anna' ? anna : maria;
      const before = await h.db.prisma.auditEvent.count();
      const refused = card(await h.invoke(verb, { requestId, reportId: 'x', version: 1, trainingWanted: 'false' }, { from: who, conversation: channel }));
      expect(cardText(refused)).toMatch(/1:1-Chat/);
      expectNoClientData(JSON.stringify(refused), 'the invoke answer');
      expect(await h.db.prisma.auditEvent.count()).toBe(before);
    });
  }
});
