// Acceptance 2 (issue 10): a deadline alert fires once when an item reaches the alert share of its response time
// (default 75 % of 4 working hours for a chat = 3 hours); answering the item (on the platform: the inbox kernel as
// the webhook handler calls it; standalone: "erledigt") updates the alert card and stops further alerts.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Config } from '../../src/config/config.ts';
import { answerInboxItem } from '../../src/inbox/index.ts';
import { markInboxItemAnswered } from '../../src/shift/index.ts';
import type { Actor } from '../../src/identity/find-actor.ts';
import { berlin, bindShiftChannel, item, onPlan, outbox, person, shiftConfig, testDatabase, tick, type TestDatabase } from './support.ts';

let db: TestDatabase;
let config: Config;
beforeEach(async () => {
  db = await testDatabase('sqlite');
  config = shiftConfig(db, { SHIFT_CHECK_TIMES: '07:00' });
  const anna = await person(db.prisma, 'Anna Früh', ['shift']);
  await onPlan(db.prisma, '2027-03-22', 'früh', anna.id);
  await db.prisma.client.create({ data: { id: 'cl_1', number: 'K-1001', name: 'Müller GmbH', class: 'B', workType: 'continuous' } });
  // Monday 22 March 2027, 09:00: a chat (deadline 13:00, alert at 12:00) and a mail (8 hours: deadline 17:00, alert 15:00).
  await item(db.prisma, 'chat-1', 'chat', berlin('2027-03-22T09:00'), { subject: 'Rückfrage Rechnung' });
  await item(db.prisma, 'mail-1', 'mail', berlin('2027-03-22T09:00'));
});
afterEach(async () => {
  await db.destroy();
});

const alerts = async () => (await outbox(db.prisma)).filter((r) => r.kind === 'shiftAlert');
const at = (t: string) => berlin(`2027-03-22T${t}`);

describe('deadline alerts', () => {
  it('fires once at the threshold; an answer on the platform updates the card and stops further alerts', async () => {
    await tick(db.prisma, config, at('11:59'));
    expect(await alerts()).toEqual([]);
    const lines = await tick(db.prisma, config, at('12:00'));
    expect(lines).toContain('Frist-Hinweis: Chat chat-1 (Kunde K-1001) an Schicht 1:1');
    const [sent] = await alerts();
    expect(sent).toMatchObject({ key: 'shift:alert:chat-1:p_anna', mode: 'send', recipient: 'p_anna' });
    expect(sent?.model).toMatchObject({
      itemId: 'chat-1',
      answered: null,
      actions: { done: true },
      item: { kindLabel: 'Chat', clientText: 'K-1001 · Müller GmbH', subject: 'Rückfrage Rechnung', state: 'near', stateText: 'Frist in 1 Std.', deadlineText: '22.03.2027, 13:00 Uhr' },
    });
    for (const t of ['12:01', '12:30', '13:30']) await tick(db.prisma, config, at(t));
    expect((await alerts()).map((r) => r.key)).toEqual(['shift:alert:chat-1:p_anna']);
    expect(await db.prisma.auditEvent.count({ where: { action: 'shift.alerted', subjectId: 'chat-1' } })).toBe(1);

    // The platform reports the answer (webhook handler → inbox kernel, which knows nothing of cards).
    await db.prisma.$transaction((tx) => answerInboxItem(tx, { id: 'chat-1', answeredAt: at('13:40'), via: 'webhook' }, at('13:40')));
    expect(await tick(db.prisma, config, at('13:41'))).toContain('Frist-Hinweis zu chat-1 aktualisiert: beantwortet');
    const update = (await alerts()).find((r) => r.mode === 'update');
    expect(update).toMatchObject({ key: 'shift:alert:chat-1:p_anna:v2', recipient: 'update:shift:alert:chat-1:p_anna' });
    expect(update?.model).toMatchObject({ answered: { text: 'Beantwortet am 22.03.2027, 13:40 Uhr (laut Plattform).' }, actions: { done: false }, item: { state: 'answered' } });
    for (const t of ['13:42', '15:00', '16:00']) await tick(db.prisma, config, at(t));
    // The mail alerted once at 15:00; the chat nothing more.
    expect((await alerts()).map((r) => r.key)).toEqual(['shift:alert:chat-1:p_anna', 'shift:alert:chat-1:p_anna:v2', 'shift:alert:mail-1:p_anna']);
  });

  it('an item answered before its threshold never alerts', async () => {
    await db.prisma.$transaction((tx) => answerInboxItem(tx, { id: 'chat-1', answeredAt: at('11:00'), via: 'reconcile' }, at('11:00')));
    for (const t of ['12:00', '13:00', '14:00']) await tick(db.prisma, config, at(t));
    expect((await alerts()).map((r) => r.key)).toEqual([]);
    expect(await tick(db.prisma, config, at('15:00'))).toEqual(['Frist-Hinweis: Mail mail-1 (Kunde K-1001) an Schicht 1:1']);
  });

  it('"erledigt" (standalone) answers the item and updates its card at once; the tick job adds nothing', async () => {
    await bindShiftChannel(db.prisma, 'p_anna');
    await tick(db.prisma, config, at('12:00'));
    const [sent] = await alerts();
    expect(sent).toMatchObject({ key: 'shift:alert:chat-1:channel', recipient: 'channel:schicht' });
    expect(sent?.model).toMatchObject({ mentions: [{ id: '29:anna', name: 'Anna Früh' }] });
    const actor: Actor = { id: 'p_anna', name: 'Anna Früh', email: 'p_anna@example.de', aadObjectId: null, teamsUserId: '29:anna', roles: ['shift'] };
    expect(await markInboxItemAnswered({ db: db.prisma, actor, now: at('12:05'), timeZone: 'Europe/Berlin', itemId: 'chat-1', rules: config })).toEqual({ changed: true });
    expect((await alerts()).map((r) => r.key)).toEqual(['shift:alert:chat-1:channel', 'shift:alert:chat-1:channel:v2']);
    expect((await alerts())[1]?.model).toMatchObject({ answered: { text: 'Beantwortet am 22.03.2027, 12:05 Uhr (in Teams).' }, mentions: [] });
    expect(await markInboxItemAnswered({ db: db.prisma, actor, now: at('12:06'), timeZone: 'Europe/Berlin', itemId: 'chat-1', rules: config })).toEqual({ changed: false });
    await tick(db.prisma, config, at('12:10'));
    expect((await alerts()).map((r) => r.key)).toEqual(['shift:alert:chat-1:channel', 'shift:alert:chat-1:channel:v2']);
    const row = await db.prisma.inboxItem.findUniqueOrThrow({ where: { id: 'chat-1' } });
    expect(row).toMatchObject({ answeredVia: 'teams', answeredAt: at('12:05') });
    // Somebody without a shift role and not on the plan may not close it.
    const stranger: Actor = { ...actor, id: 'p_x', roles: ['vpa'] };
    await expect(markInboxItemAnswered({ db: db.prisma, actor: stranger, now: at('12:07'), timeZone: 'Europe/Berlin', itemId: 'mail-1', rules: config })).rejects.toMatchObject({ code: 'SHIFT_NOT_ON_DUTY' });
  });
});
