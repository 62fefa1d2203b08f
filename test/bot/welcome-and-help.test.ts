// Issue 3, acceptance 2: an activity posted the way the Emulator posts it (no token, serviceUrl of a
// local fake connector) gets the welcome or help card delivered there; the card parses cleanly.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cardActions, cardText, parseCard } from '../support/cards.ts';
import { startHarness, type Harness } from '../support/harness.ts';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.close();
});

function onlyCard(conversationId: string): Record<string, unknown> {
  const cards = h.cardsTo(conversationId);
  expect(cards).toHaveLength(1);
  return cards[0]!;
}

describe('welcome', () => {
  it('greets an Emulator conversation without a token, delivers the card to the fake connector and stores the reference', async () => {
    const anna = await h.person('Anna Schneider', ['vpa']);
    const conversation = h.personalConversationOf(anna);
    expect(await h.install({ from: anna, conversation, channelId: 'emulator' })).toBe(200);

    const card = onlyCard(conversation.id);
    expect(parseCard(card).problems).toEqual([]);
    expect(cardText(card)).toContain('Anna');
    expect(cardActions(card).map((a) => a.verb)).toEqual(expect.arrayContaining(['handover.form', 'help.show']));
    const delivered = h.deliveredTo(conversation.id)[0]!;
    expect(delivered.headers.authorization).toBeUndefined();

    const ref = await h.db.prisma.conversationRef.findUniqueOrThrow({ where: { conversationId: conversation.id } });
    expect(ref.scope).toBe('personal');
    expect(ref.personId).toBe(anna.id);
    expect(ref.serviceUrl).toBe(h.connector.url);
    expect(JSON.parse(ref.reference)).toMatchObject({ conversation: { id: conversation.id }, serviceUrl: h.connector.url });
  });

  it('welcomes a team channel on install and keeps the channel reference without a person', async () => {
    const manager = await h.person('Maria Weber', ['vpa_manager']);
    const channel = h.channel('austausch');
    expect(await h.install({ from: manager, conversation: channel })).toBe(200);
    expect(parseCard(onlyCard(channel.id)).problems).toEqual([]);
    const ref = await h.db.prisma.conversationRef.findUniqueOrThrow({ where: { conversationId: channel.id } });
    expect(ref).toMatchObject({ scope: 'channel', personId: null, tenantId: 'tenant-1' });
  });

  it('greets somebody the bot does not know yet and tells them whom to ask', async () => {
    const stranger = { name: 'Unbekannt', aadObjectId: '00000000-0000-0000-0000-00000000abcd' };
    const conversation = h.personalConversationOf(stranger);
    await h.install({ from: stranger, conversation });
    const card = onlyCard(conversation.id);
    expect(parseCard(card).problems).toEqual([]);
    expect(cardText(card)).toMatch(/Admin-Team/);
    expect(cardActions(card).map((a) => a.verb)).not.toContain('handover.form');
  });
});

describe('hilfe and unknown text', () => {
  it('shows a VPA the VPA commands and not the manager commands', async () => {
    const anna = await h.person('Anna Schneider', ['vpa']);
    const conversation = h.personalConversationOf(anna);
    expect(await h.message('hilfe', { from: anna, conversation })).toBe(200);
    const card = onlyCard(conversation.id);
    expect(parseCard(card).problems).toEqual([]);
    expect(cardText(card)).toContain('abgeben');
    expect(cardText(card)).toContain('melden');
    expect(cardText(card)).not.toContain('kanal freigabe');
  });

  it('shows a VPA manager the channel commands', async () => {
    const maria = await h.person('Maria Weber', ['vpa_manager']);
    const conversation = h.personalConversationOf(maria);
    await h.message('Hilfe', { from: maria, conversation });
    expect(cardText(onlyCard(conversation.id))).toContain('kanal freigabe');
  });

  it('answers text it does not understand with a short help instead of silence', async () => {
    const anna = await h.person('Anna Schneider', ['vpa']);
    const conversation = h.personalConversationOf(anna);
    await h.message('Wie ist das Wetter?', { from: anna, conversation });
    const card = onlyCard(conversation.id);
    expect(cardText(card)).toContain('nicht verstanden');
    expect(parseCard(card).problems).toEqual([]);
  });

  it('understands a command after the bot was @mentioned in a channel', async () => {
    const anna = await h.person('Anna Schneider', ['vpa']);
    const channel = h.channel('team');
    await h.message('<at>Staffelstab</at> hilfe', {
      from: anna,
      conversation: channel,
      extra: { entities: [{ type: 'mention', mentioned: { id: '28:staffelstab-bot', name: 'Staffelstab' }, text: '<at>Staffelstab</at>' }] },
    });
    const card = onlyCard(channel.id);
    expect(cardText(card)).not.toContain('nicht verstanden');
    expect(cardText(card)).toContain('abgeben');
  });

  it('learns the Teams user id (29:...) of a known person for later user-specific views', async () => {
    const anna = await h.person('Anna Schneider', ['vpa'], { email: 'anna@example.de' });
    await h.db.prisma.person.update({ where: { id: anna.id }, data: { teamsUserId: null } });
    await h.message('hilfe', { from: anna });
    const stored = await h.db.prisma.person.findUniqueOrThrow({ where: { id: anna.id } });
    expect(stored.teamsUserId).toBe(anna.teamsUserId);
  });
});
