// "erledigt" on a platform to-do through /api/messages: the to-do is queued by the standalone gateway (as the
// inactivity process will), the cards arrive at the fake Bot Connector, clicks come back as invokes.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createStandaloneGateway } from '../../src/platform/index.ts';
import { actionByTitle, answeredCard, cardActions, cardText } from '../support/cards.ts';
import { startHarness, type ConversationSpec, type Harness } from '../support/harness.ts';
import { createClient, type TestPerson } from '../support/people.ts';

const NOW = new Date('2026-11-23T09:00:00Z'); // 10:00 in Berlin
const TEXT = 'Guten Tag,\n\nich bin weiterhin gern für Müller GmbH da. Gibt es etwas, das ich Ihnen abnehmen kann?\n\nViele Grüße\nAnna';

let h: Harness;
let anna: TestPerson; // VPA, the to-do's sender
let ben: TestPerson; // another VPA
let conny: TestPerson; // the Conny account
let sam: TestPerson; // shift
let sina: TestPerson; // shift
let ada: TestPerson; // admin
let client: { id: string; number: string; name: string };
const gateway = createStandaloneGateway();

beforeEach(async () => {
  h = await startHarness({ now: NOW });
  anna = await h.person('Anna Schneider', ['vpa']);
  ben = await h.person('Ben Wagner', ['vpa']);
  conny = await h.person('Conny Meindl', ['conny']);
  sam = await h.person('Sam Schicht', ['shift']);
  sina = await h.person('Sina Schicht', ['shift']);
  ada = await h.person('Ada Admin', ['admin']);
  client = await createClient(h.db.prisma, { number: 'K-1001', name: 'Müller Consulting GmbH', class: 'A' });
  for (const p of [anna, ben, conny, sam, sina, ada]) await h.install({ from: p });
  await h.drainOutbox();
});

afterEach(async () => {
  await h.close();
});

const personal = (p: TestPerson) => h.personalConversationOf(p).id;
const card = answeredCard;
const todoCardsIn = (conversationId: string) => h.cardsTo(conversationId).filter((c) => cardText(c).includes('Müller Consulting GmbH') && cardText(c).includes('Aufgabe'));
const edits = (conversationId: string) => h.connector.deliveries().filter((d) => d.method === 'PUT' && d.conversationId === conversationId);
const editedCard = (conversationId: string) => (edits(conversationId).at(-1)!.body as { attachments: { content: unknown }[] }).attachments[0]!.content;

async function chatTodo(senderId: string, key: string): Promise<string> {
  await h.db.prisma.$transaction((tx) => gateway.sendChat(tx, { clientId: client.id, senderId, text: TEXT, idempotencyKey: key }, NOW));
  await h.drainOutbox();
  return (await h.db.prisma.platformTodo.findUniqueOrThrow({ where: { idempotencyKey: key } })).id;
}

/** Everything "erledigt" could change. */
async function state(): Promise<string> {
  const [todos, audit, out] = await Promise.all([
    h.db.prisma.platformTodo.findMany({ orderBy: { id: 'asc' } }),
    h.db.prisma.auditEvent.findMany({ where: { action: { startsWith: 'platform.' } }, orderBy: { id: 'asc' } }),
    h.db.prisma.outboxMessage.findMany({ orderBy: { id: 'asc' } }),
  ]);
  return JSON.stringify({ todos, audit, out });
}

describe('platform to-do: erledigt through /api/messages', () => {
  it('the VPA gets the to-do 1:1 with the exact text; "erledigt" closes it and the card is edited (PUT) to who and when', async () => {
    const todoId = await chatTodo(anna.id, 'inactivity:c1:week8');
    const [sent, ...more] = todoCardsIn(personal(anna));
    expect(more).toEqual([]);
    expect(cardText(sent)).toContain(TEXT);
    expect(actionByTitle(sent, 'erledigt')).toMatchObject({ verb: 'platform.todo.done', data: { todoId } });

    const answered = card(await h.invoke('platform.todo.done', { todoId }, { from: anna }));
    expect(cardText(answered)).toContain('Erledigt von Anna Schneider am 23.11.2026, 10:00 Uhr');
    expect(cardActions(answered)).toEqual([]);
    expect(await h.db.prisma.platformTodo.findUniqueOrThrow({ where: { id: todoId } })).toMatchObject({ status: 'done', doneById: anna.id, doneAt: NOW });
    expect(await h.db.prisma.auditEvent.count({ where: { action: 'platform.todo_done', subjectId: todoId, actorId: anna.id } })).toBe(1);

    await h.drainOutbox();
    expect(edits(personal(anna))).toHaveLength(1);
    expect(cardText(editedCard(personal(anna)))).toContain('Erledigt von Anna Schneider am 23.11.2026, 10:00 Uhr');
    expect(cardActions(editedCard(personal(anna)))).toEqual([]);
  });

  it('Conny’s message to each shift person: one click closes it for everyone; a second click is told who did it, and changes nothing', async () => {
    const todoId = await chatTodo(conny.id, 'inactivity:c1:conny_intro');
    for (const p of [sam, sina]) expect(cardText(todoCardsIn(personal(p))[0])).toContain('im Namen von Conny Meindl (Account Conny)');
    expect(todoCardsIn(personal(conny))).toEqual([]);
    expect(todoCardsIn(personal(ada))).toEqual([]);

    card(await h.invoke('platform.todo.done', { todoId }, { from: sam }));
    await h.drainOutbox();
    for (const p of [sam, sina]) {
      expect(edits(personal(p)), p.name).toHaveLength(1);
      expect(cardText(editedCard(personal(p)))).toContain('Erledigt von Sam Schicht am 23.11.2026, 10:00 Uhr');
      expect(cardActions(editedCard(personal(p)))).toEqual([]);
    }

    const before = await state();
    const again = card(await h.invoke('platform.todo.done', { todoId }, { from: sina }));
    expect(cardText(again)).toContain('Erledigt von Sam Schicht am 23.11.2026, 10:00 Uhr');
    expect(cardActions(again)).toEqual([]);
    await h.drainOutbox();
    expect(await state()).toBe(before);
    expect(edits(personal(sina))).toHaveLength(1);
  });

  it('Conny’s message to the bound schicht channel: anyone on shift closes it there, the channel post is edited', async () => {
    const channel: ConversationSpec = h.channel('schicht');
    await h.install({ from: ada, conversation: channel });
    await h.message('kanal schicht', { from: ada, conversation: channel });
    await h.drainOutbox();
    const todoId = await chatTodo(conny.id, 'inactivity:c1:week16');
    expect(todoCardsIn(channel.id)).toHaveLength(1);
    expect(todoCardsIn(personal(sam))).toEqual([]);

    // A VPA in the channel may not close it (the card did reach the channel, so the refusal is about the person).
    const before = await state();
    const refused = card(await h.invoke('platform.todo.done', { todoId }, { from: ben, conversation: channel }));
    expect(cardText(refused)).toContain('PLATFORM_TO_DO_NOT_YOURS');
    expect(await state()).toBe(before);

    const answered = card(await h.invoke('platform.todo.done', { todoId }, { from: sina, conversation: { ...channel, id: `${channel.id};messageid=1700000000000` } }));
    expect(cardText(answered)).toContain('Erledigt von Sina Schicht');
    await h.drainOutbox();
    expect(edits(channel.id)).toHaveLength(1);
    expect(cardText(editedCard(channel.id))).toContain('Erledigt von Sina Schicht am 23.11.2026, 10:00 Uhr');
  });

  it('a VPA who is not the recipient is refused, and nothing changes', async () => {
    const todoId = await chatTodo(anna.id, 'inactivity:c1:week8');
    const before = await state();
    // From Ben's own chat: the card was never sent there, so the answer shows nothing of it.
    const refused = card(await h.invoke('platform.todo.done', { todoId }, { from: ben }));
    expect(cardText(refused)).toContain('CARD_NOT_IN_THIS_CONVERSATION');
    expect(cardText(refused)).not.toContain('Müller');
    // Even from Anna's chat (a forged invoke): Ben is not the one it was sent to.
    const forged = card(await h.invoke('platform.todo.done', { todoId }, { from: ben, conversation: h.personalConversationOf(anna) }));
    expect(cardText(forged)).toContain('PLATFORM_TO_DO_NOT_YOURS');
    expect(cardText(forged)).not.toContain('Müller');
    await h.drainOutbox();
    expect(await state()).toBe(before);
    expect((await h.db.prisma.platformTodo.findUniqueOrThrow({ where: { id: todoId } })).status).toBe('open');
    expect(edits(personal(anna))).toEqual([]);
  });

  it('an unknown to-do and an invalid payload are refused', async () => {
    expect(cardText(card(await h.invoke('platform.todo.done', { todoId: 'nope' }, { from: anna })))).toContain('PLATFORM_TO_DO_NOT_FOUND');
    expect(cardText(card(await h.invoke('platform.todo.done', {}, { from: anna })))).toContain('INVALID_PAYLOAD');
  });
});
