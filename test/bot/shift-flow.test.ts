// Issue 10 through /api/messages: the 09:00 check goes to the bound `schicht` channel with a Teams @mention of the
// person on shift; "geprüft" answers with the acknowledged card and edits the channel's message for everyone; a later
// click is told who checked. An alert card's "erledigt" (standalone) closes the item. `schichtplan` lets the day's
// lead change the plan (others may not), `schicht bericht` shows the report.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.ts';
import { silentLogger } from '../../src/log/logger.ts';
import { runTick } from '../../src/tick/run-tick.ts';
import { answeredCard, cardText } from '../support/cards.ts';
import { executeByVerb } from '../cards/handover/helpers.ts';
import { startHarness, type ConversationSpec, type Harness } from '../support/harness.ts';
import type { TestPerson } from '../support/people.ts';
import { berlin, item, onPlan } from '../shift/support.ts';

let h: Harness;
let anna: TestPerson;
let ben: TestPerson;
let mia: TestPerson;
let shiftChannel: ConversationSpec;
const channel = () => shiftChannel;
const ENV = { HOLIDAYS_STATE: 'BY', TZ_BUSINESS: 'Europe/Berlin' };

beforeEach(async () => {
  h = await startHarness({ now: berlin('2027-03-22T08:55'), env: ENV });
  anna = await h.person('Anna Früh', ['shift']);
  ben = await h.person('Ben Spät', ['shift']);
  mia = await h.person('Mia Managerin', ['vpa_manager']);
  for (const p of [anna, ben, mia]) await h.install({ from: p });
  shiftChannel = h.channel('schichtdienst');
  await h.message('<at>Staffelstab</at> kanal schicht', { from: mia, conversation: channel() });
  await onPlan(h.db.prisma, '2027-03-22', 'früh', anna.id, { from: '08:00', until: '14:00' });
  await onPlan(h.db.prisma, '2027-03-22', 'spät', ben.id, { from: '13:00', until: '19:00', lead: true });
  await item(h.db.prisma, 'chat-1', 'chat', berlin('2027-03-22T08:30'), { subject: 'Rückfrage' });
});
afterEach(async () => {
  await h.close();
});

async function tickAt(local: string): Promise<void> {
  h.clock.set(berlin(local));
  const results = await runTick({ prisma: h.db.prisma, now: h.clock.now(), logger: silentLogger, config: loadConfig({ LOG_LEVEL: 'silent', DATABASE_URL: h.db.url, ...ENV }) });
  const failed = results.find((r) => r.error);
  if (failed) throw failed.error;
  await h.drainOutbox();
}

const card = answeredCard;

describe('shift duty through /api/messages', () => {
  it('posts the check with a mention, "geprüft" edits it for everyone, a later click is told who checked', async () => {
    await tickAt('2027-03-22T09:00');
    const posted = h.cardsTo(channel().id).find((c) => cardText(c).includes('Schicht-Check'));
    expect(posted).toBeDefined();
    expect(cardText(posted)).toContain('<at>Anna Früh</at>: bitte prüft jetzt das Konto Conny.');
    expect((posted as { msteams: unknown }).msteams).toEqual({ width: 'Full', entities: [{ type: 'mention', text: '<at>Anna Früh</at>', mentioned: { id: anna.teamsUserId, name: 'Anna Früh' } }] });
    const data = executeByVerb(posted, 'shift.check.ack').data as Record<string, unknown>;

    h.clock.set(berlin('2027-03-22T09:12'));
    const answered = card(await h.invoke('shift.check.ack', data, { from: anna, conversation: channel() }));
    expect(cardText(answered)).toContain('Geprüft von Anna Früh am 22.03.2027, 09:12 Uhr');
    await h.drainOutbox();
    const edits = h.connector.deliveries().filter((d) => d.method === 'PUT' && d.conversationId === channel().id);
    expect(edits).toHaveLength(1);
    expect(cardText((edits[0]!.body as { attachments: { content: unknown }[] }).attachments[0]!.content)).toContain('Geprüft von Anna Früh');

    const later = await h.invoke('shift.check.ack', data, { from: ben, conversation: channel() });
    expect(later.body).toMatchObject({ type: 'application/vnd.microsoft.activity.message', value: 'Schon erledigt: Anna Früh hat diesen Schicht-Check am 22.03.2027, 09:12 Uhr geprüft.' });
    // The lead is never told: it was acknowledged in time.
    await tickAt('2027-03-22T10:30');
    expect(h.cardsTo(h.personalConversationOf(ben).id).some((c) => cardText(c).includes('nicht geprüft'))).toBe(false);
  });

  it('"erledigt" on the alert card closes the item and shows who answered', async () => {
    await tickAt('2027-03-22T11:30'); // chat received 08:30, counted from 09:00: alert at 12:00
    expect(h.cardsTo(channel().id).some((c) => cardText(c).includes('Frist-Hinweis'))).toBe(false);
    await tickAt('2027-03-22T12:00');
    const alert = h.cardsTo(channel().id).find((c) => cardText(c).includes('Frist-Hinweis'));
    expect(alert).toBeDefined();
    const done = card(await h.invoke('shift.item.done', executeByVerb(alert, 'shift.item.done').data as Record<string, unknown>, { from: anna, conversation: channel() }));
    expect(cardText(done)).toContain('Beantwortet am 22.03.2027, 12:00 Uhr (in Teams).');
    expect((await h.db.prisma.inboxItem.findUniqueOrThrow({ where: { id: 'chat-1' } })).answeredVia).toBe('teams');
    // Mia (a manager) may, a VPA may not.
    const vpa = await h.person('Vera Vpa', ['vpa']);
    const refused = await h.invoke('shift.item.done', { itemId: 'chat-1' }, { from: vpa });
    expect(cardText(refused.body?.value)).toContain('nur die Schicht, die Schichtleitung oder ein Manager');
  });

  it('schichtplan: the lead adds and removes entries; someone else on shift may only look', async () => {
    await h.message('schichtplan', { from: ben });
    const plan = h.cardsTo(h.personalConversationOf(ben).id).at(-1);
    expect(cardText(plan)).toContain('**Ben Spät** (Schichtleitung)');
    const added = card(await h.invoke('shift.plan.add', { date: '2027-03-22', personId: anna.id, shift: 'spät', lead: 'false', from: '14:00', until: '' }, { from: ben }));
    expect(cardText(added)).toContain('Eingetragen: Anna Früh, spät, 2027-03-22.');
    expect(await h.db.prisma.shiftAssignment.count({ where: { date: '2027-03-22', personId: anna.id } })).toBe(2);
    const entry = await h.db.prisma.shiftAssignment.findFirstOrThrow({ where: { shift: 'spät', personId: anna.id } });
    const removed = card(await h.invoke('shift.plan.remove', { assignmentId: entry.id }, { from: ben }));
    expect(cardText(removed)).toContain('Entfernt: Anna Früh, spät, 2027-03-22.');

    await h.message('schichtplan', { from: anna });
    const annasPlan = h.cardsTo(h.personalConversationOf(anna).id).at(-1);
    expect(cardText(annasPlan)).toContain('Anna Früh');
    const refused = await h.invoke('shift.plan.add', { date: '2027-03-22', personId: anna.id, shift: 'spät', lead: 'true' }, { from: anna });
    expect(cardText(refused.body?.value)).toContain('Den Schichtplan ändern können nur die Schichtleitung des Tages und die Manager.');
    expect(await h.db.prisma.shiftAssignment.count({ where: { personId: anna.id } })).toBe(1);
  });

  it('schicht bericht shows the report; a VPA may not use it', async () => {
    await tickAt('2027-03-22T09:00');
    await h.message('schicht bericht 2027-03-22 2027-03-22', { from: mia });
    const report = h.cardsTo(h.personalConversationOf(mia).id).at(-1);
    expect(cardText(report)).toContain('Schichtbericht Konto Conny');
    expect(cardText(report)).toContain('Mo 22.03.2027 09:00: nicht geprüft');
    const vpa = await h.person('Vera Vpa', ['vpa']);
    await h.install({ from: vpa });
    await h.message('schicht bericht', { from: vpa });
    expect(h.textsTo(h.personalConversationOf(vpa).id).at(-1)).toContain('„schicht bericht“ können nur die Schicht, VPA-Manager und Kundenmanager nutzen.');
  });
});
