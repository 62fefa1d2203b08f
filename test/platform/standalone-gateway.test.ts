// The standalone platform gateway (no PLATFORM_BASE_URL) against the database: every client message becomes a
// to-do card for whoever sends it by hand; the red question mark is the bot's own row. Also gatewayFor, the
// recording test double, and completeTodo's once-only rule under concurrent clicks.
import crypto from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { platformTodoCard } from '../../cards/platform/todo.ts';
import { loadConfig } from '../../src/config/config.ts';
import type { Db } from '../../src/db/client.ts';
import type { PlatformTodoModel } from '../../src/notices/platform.ts';
import { completeTodo, createRecordingGateway, createStandaloneGateway, gatewayFor, type PlatformGateway } from '../../src/platform/index.ts';
import { cardText } from '../support/cards.ts';
import { TEST_DATABASE_URL, testDatabase, type TestDatabase } from '../support/db.ts';
import { createClient, createPerson, type TestPerson } from '../support/people.ts';
import { actorOf, appError, bindPurpose, outbox, type OutboxRow } from '../handover/support.ts';

const NOW = new Date('2026-11-23T09:00:00Z'); // Monday, 10:00 in Berlin
const TZ = 'Europe/Berlin';
const TEXT = 'Guten Tag,\n\nich bin weiterhin gern für Müller GmbH da. Gibt es etwas, das ich Ihnen abnehmen kann?\n\nViele Grüße\nAnna';

interface People {
  anna: TestPerson; // VPA
  ben: TestPerson; // VPA
  conny: TestPerson; // the Conny account
  sam: TestPerson; // shift
  sina: TestPerson; // shift
  ada: TestPerson; // admin
}

const recipients = (rows: OutboxRow[]) =>
  rows.map((r) => (r.message.mode === 'send' ? (r.message.recipient.type === 'person' ? r.message.recipient.personId : `${r.message.recipient.type}:${r.message.recipient.type === 'channel' ? r.message.recipient.purpose : ''}`) : `update:${r.message.updatesKey}`));
const modelOf = (row: OutboxRow | undefined): PlatformTodoModel => {
  if (!row || row.message.notice.kind !== 'platformTodo') throw new Error('no platformTodo row');
  return row.message.notice.model;
};

for (const kind of ['sqlite', 'postgres'] as const) {
  describe.skipIf(kind === 'postgres' && !TEST_DATABASE_URL)(`standalone platform gateway on ${kind}`, () => {
    let db: TestDatabase;
    let p: People;
    let client: { id: string; number: string; name: string };
    let gateway: PlatformGateway;
    let ids = 0;

    beforeEach(async () => {
      db = await testDatabase(kind);
      const person = (name: string, roles: TestPerson['roles']) => createPerson(db.prisma, { name, roles });
      p = {
        anna: await person('Anna Beispiel', ['vpa']),
        ben: await person('Ben Wagner', ['vpa']),
        conny: await person('Conny Meindl', ['conny']),
        sam: await person('Sam Schicht', ['shift']),
        sina: await person('Sina Schicht', ['shift']),
        ada: await person('Ada Admin', ['admin']),
      };
      client = await createClient(db.prisma, { number: '10023', name: 'Müller GmbH', class: 'B' });
      ids = 0;
      gateway = createStandaloneGateway({ newId: () => `todo_${++ids}` });
    });
    afterEach(async () => {
      await db.destroy();
    });

    const inTx = (run: (tx: Parameters<Parameters<Db['$transaction']>[0]>[0]) => Promise<void>) => db.prisma.$transaction(run);
    const chat = (senderId: string, key = 'inactivity:c1:week8', text = TEXT) => inTx((tx) => gateway.sendChat(tx, { clientId: client.id, senderId, text, idempotencyKey: key }, NOW));
    const todos = () => db.prisma.platformTodo.findMany({ orderBy: { createdAt: 'asc' } });
    const audits = (action: string) => db.prisma.auditEvent.findMany({ where: { action } });

    it('a chat in a VPA’s name: one to-do, one card 1:1 to that VPA with the exact German text', async () => {
      await chat(p.anna.id);
      const [todo, ...more] = await todos();
      expect(more).toEqual([]);
      expect(todo).toMatchObject({ id: 'todo_1', kind: 'chat', clientId: client.id, senderId: p.anna.id, subject: '', text: TEXT, status: 'open', doneById: null, idempotencyKey: 'inactivity:c1:week8' });
      expect(JSON.parse(todo!.cards)).toEqual([{ key: 'platform-todo:todo_1:' + p.anna.id, personId: p.anna.id }]);
      const rows = await outbox(db.prisma);
      expect(recipients(rows)).toEqual([p.anna.id]);
      expect(rows[0]!.idempotencyKey).toBe(`platform-todo:todo_1:${p.anna.id}`);
      const model = modelOf(rows[0]);
      expect(model).toMatchObject({ todoId: 'todo_1', kind: 'chat', text: TEXT, subject: '', sender: { id: p.anna.id, name: 'Anna Beispiel', isConny: false }, done: null, actions: { done: true } });
      expect(model.client).toMatchObject({ number: '10023', name: 'Müller GmbH', label: '10023 · Müller GmbH' });
      const shown = cardText(platformTodoCard(model));
      expect(shown).toContain(TEXT);
      expect(shown).toContain('in deinem Namen im Plattform-Chat');
      // One audit event with ids only, never the text.
      const [audit] = await audits('platform.todo_created');
      expect(audit).toMatchObject({ subjectType: 'platform_todo', subjectId: 'todo_1', actorId: null });
      expect(JSON.parse(audit!.data)).toEqual({ kind: 'chat', clientId: client.id, senderId: p.anna.id, recipients: [p.anna.id] });
      expect(audit!.data).not.toContain('Guten Tag');
    });

    it('a chat in Conny’s name goes to the schicht channel when one is bound', async () => {
      await bindPurpose(db.prisma, 'schicht', p.ada.id);
      await chat(p.conny.id, 'conny:c1:intro');
      const rows = await outbox(db.prisma);
      expect(recipients(rows)).toEqual(['channel:schicht']);
      expect(modelOf(rows[0]).sender).toEqual({ id: p.conny.id, name: 'Conny Meindl', isConny: true });
      expect(cardText(platformTodoCard(modelOf(rows[0])))).toContain('im Namen von Conny Meindl (Account Conny)');
      expect(JSON.parse((await todos())[0]!.cards)).toEqual([{ key: 'platform-todo:todo_1:channel', personId: null }]);
    });

    it('without a schicht channel, to every shift person 1:1; without shift people, to the admins', async () => {
      await chat(p.conny.id, 'conny:c1:intro');
      expect(recipients(await outbox(db.prisma)).sort()).toEqual([p.sam.id, p.sina.id].sort());
      await db.prisma.personRole.deleteMany({ where: { role: 'shift' } });
      await chat(p.conny.id, 'conny:c1:week16');
      const second = (await outbox(db.prisma)).filter((r) => r.idempotencyKey.startsWith('platform-todo:todo_2:'));
      expect(recipients(second)).toEqual([p.ada.id]);
    });

    it('an e-mail in Conny’s name shows its subject and text', async () => {
      await inTx((tx) => gateway.sendEmail(tx, { clientId: client.id, senderId: p.conny.id, subject: 'Wir sind weiterhin für Müller GmbH da', text: TEXT, idempotencyKey: 'conny:c1:year1' }, NOW));
      const [todo] = await todos();
      expect(todo).toMatchObject({ kind: 'email', subject: 'Wir sind weiterhin für Müller GmbH da', text: TEXT });
      const rows = await outbox(db.prisma);
      expect(recipients(rows).sort()).toEqual([p.sam.id, p.sina.id].sort());
      const model = modelOf(rows[0]);
      expect(model).toMatchObject({ kind: 'email', subject: 'Wir sind weiterhin für Müller GmbH da', text: TEXT });
      const shown = cardText(platformTodoCard(model));
      expect(shown).toContain('E-Mail');
      expect(shown).toContain('Betreff');
      expect(shown).toContain('Wir sind weiterhin für Müller GmbH da');
    });

    it('the same key twice: one to-do, one card, one audit event (also with a different text)', async () => {
      await chat(p.anna.id, 'k1');
      await chat(p.anna.id, 'k1', 'ein anderer Text');
      await inTx(async (tx) => {
        await gateway.sendChat(tx, { clientId: client.id, senderId: p.anna.id, text: TEXT, idempotencyKey: 'k1' }, NOW);
        await gateway.sendChat(tx, { clientId: client.id, senderId: p.anna.id, text: TEXT, idempotencyKey: 'k1' }, NOW);
      });
      expect(await todos()).toHaveLength(1);
      expect((await todos())[0]!.text).toBe(TEXT);
      expect(await outbox(db.prisma)).toHaveLength(1);
      expect(await audits('platform.todo_created')).toHaveLength(1);
      // Another key is another to-do.
      await chat(p.anna.id, 'k2');
      expect(await todos()).toHaveLength(2);
    });

    it('writes inside the caller’s transaction: when it rolls back, nothing is left', async () => {
      await expect(
        inTx(async (tx) => {
          await gateway.sendChat(tx, { clientId: client.id, senderId: p.anna.id, text: TEXT, idempotencyKey: 'k1' }, NOW);
          await gateway.markInactive(tx, { clientId: client.id, vpaId: p.anna.id, idempotencyKey: 'm1' }, NOW);
          throw new Error('the caller fails');
        }),
      ).rejects.toThrow('the caller fails');
      expect(await todos()).toEqual([]);
      expect(await outbox(db.prisma)).toEqual([]);
      expect(await db.prisma.clientMark.count()).toBe(0);
      expect(await db.prisma.auditEvent.count()).toBe(0);
    });

    it('an unknown client or sender is refused', async () => {
      expect((await appError(inTx((tx) => gateway.sendChat(tx, { clientId: 'nope', senderId: p.anna.id, text: TEXT, idempotencyKey: 'k1' }, NOW)))).code).toBe('CLIENT_NOT_FOUND');
      expect((await appError(inTx((tx) => gateway.sendChat(tx, { clientId: client.id, senderId: 'nobody', text: TEXT, idempotencyKey: 'k1' }, NOW)))).code).toBe('PERSON_NOT_FOUND');
      expect(await todos()).toEqual([]);
    });

    it('markInactive sets the red question mark (once; the VPA may change), clearInactiveMark removes it; no card', async () => {
      await inTx((tx) => gateway.markInactive(tx, { clientId: client.id, vpaId: p.anna.id, idempotencyKey: 'm1' }, NOW));
      expect(await db.prisma.clientMark.findMany()).toEqual([{ clientId: client.id, vpaId: p.anna.id, markedAt: NOW }]);
      const later = new Date(NOW.getTime() + 86_400_000);
      await inTx((tx) => gateway.markInactive(tx, { clientId: client.id, vpaId: null, idempotencyKey: 'm2' }, later));
      expect(await db.prisma.clientMark.findMany()).toEqual([{ clientId: client.id, vpaId: null, markedAt: NOW }]);
      await inTx((tx) => gateway.clearInactiveMark(tx, client.id, later, 'u1'));
      expect(await db.prisma.clientMark.count()).toBe(0);
      await inTx((tx) => gateway.clearInactiveMark(tx, client.id, later, 'u1')); // nothing to clear: fine
      expect(await outbox(db.prisma)).toEqual([]);
      expect(await todos()).toEqual([]);
    });

    it('a reassignment: a to-do "bitte im Plattform-Dashboard neu zuweisen" for the admin team', async () => {
      await inTx((tx) => gateway.reassignClient(tx, { clientId: client.id, fromVpaId: p.anna.id, toVpaId: p.ben.id, idempotencyKey: 'tender:t1:award' }, NOW));
      const [todo] = await todos();
      expect(todo).toMatchObject({ kind: 'reassign', senderId: null, text: 'Neuer VPA: Ben Wagner\nBisher: Anna Beispiel' });
      const rows = await outbox(db.prisma);
      expect(recipients(rows)).toEqual([p.ada.id]);
      expect(cardText(platformTodoCard(modelOf(rows[0])))).toContain('Bitte im Plattform-Dashboard neu zuweisen: Müller GmbH');
      // With the admin channel bound, it goes there; from nobody, it says so.
      await bindPurpose(db.prisma, 'admin', p.ada.id);
      await inTx((tx) => gateway.reassignClient(tx, { clientId: client.id, fromVpaId: null, toVpaId: p.anna.id, idempotencyKey: 'tender:t2:award' }, NOW));
      const second = (await outbox(db.prisma)).filter((r) => r.idempotencyKey.startsWith('platform-todo:todo_2:'));
      expect(recipients(second)).toEqual(['channel:admin']);
      expect(modelOf(second[0]).text).toBe('Neuer VPA: Anna Beispiel\nBisher: niemand');
    });

    it('completeTodo: of concurrent clicks exactly one closes the to-do; every card is updated once', async () => {
      await chat(p.conny.id, 'conny:c1:intro');
      const [todo] = await todos();
      const [sam, sina] = [await actorOf(db.prisma, p.sam.id), await actorOf(db.prisma, p.sina.id)];
      const results = await Promise.allSettled([sam, sina, sam].map((actor) => completeTodo({ db: db.prisma, actor, now: NOW, timeZone: TZ, todoId: todo!.id })));
      const done = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
      // SQLite serialises the transactions; PostgreSQL may answer a loser with a serialisation error, never twice "changed".
      expect(done.filter((r) => r.changed)).toHaveLength(1);
      const after = await db.prisma.platformTodo.findUniqueOrThrow({ where: { id: todo!.id } });
      expect(after.status).toBe('done');
      for (const r of done) expect(r.doneBy.id).toBe(after.doneById);
      expect(await audits('platform.todo_done')).toHaveLength(1);
      const updates = (await outbox(db.prisma)).filter((r) => r.message.mode === 'update');
      expect(updates.map((r) => r.idempotencyKey).sort()).toEqual([`platform-todo:${todo!.id}:${p.sam.id}:done`, `platform-todo:${todo!.id}:${p.sina.id}:done`].sort());
      const model = modelOf(updates[0]);
      expect(model.done?.atText).toBe('23.11.2026, 10:00 Uhr');
      expect(model.actions.done).toBe(false);
    });

    it('completeTodo: only a recipient, or for a channel to-do shift/admin/conny', async () => {
      await chat(p.anna.id, 'k1');
      await bindPurpose(db.prisma, 'schicht', p.ada.id);
      await chat(p.conny.id, 'k2');
      const [vpaTodo, channelTodo] = await todos();
      const complete = async (personId: string, todoId: string) => completeTodo({ db: db.prisma, actor: await actorOf(db.prisma, personId), now: NOW, timeZone: TZ, todoId });
      for (const who of [p.ben.id, p.sam.id, p.ada.id, p.conny.id]) expect((await appError(complete(who, vpaTodo!.id))).code).toBe('PLATFORM_TO_DO_NOT_YOURS');
      expect((await appError(complete(p.anna.id, channelTodo!.id))).code).toBe('PLATFORM_TO_DO_NOT_YOURS');
      expect((await appError(completeTodo({ db: db.prisma, actor: null, now: NOW, timeZone: TZ, todoId: vpaTodo!.id }))).code).toBe('NOT_REGISTERED');
      expect((await appError(complete(p.anna.id, 'nope'))).code).toBe('PLATFORM_TO_DO_NOT_FOUND');
      expect(await db.prisma.platformTodo.count({ where: { status: 'done' } })).toBe(0);
      expect((await complete(p.anna.id, vpaTodo!.id)).changed).toBe(true);
      expect((await complete(p.conny.id, channelTodo!.id)).changed).toBe(true);
      const again = await complete(p.sam.id, channelTodo!.id);
      expect(again).toMatchObject({ changed: false, doneBy: { id: p.conny.id, name: 'Conny Meindl' } });
    });
  });
}

describe('gatewayFor and the recording gateway', () => {
  it('standalone without a platform; with PLATFORM_BASE_URL the HTTP gateway (test/platform/http-gateway.test.ts)', async () => {
    const standalone = loadConfig({ DATABASE_URL: 'file:unused' });
    expect(standalone.platform).toBeUndefined();
    expect(Object.keys(gatewayFor(standalone)).sort()).toEqual(['clearInactiveMark', 'markInactive', 'reassignClient', 'sendChat', 'sendEmail']);
    const withPlatform = loadConfig({ DATABASE_URL: 'file:unused', PLATFORM_BASE_URL: 'https://platform.example/api', PLATFORM_API_TOKEN: 'x' });
    expect(Object.keys(gatewayFor(withPlatform)).sort()).toEqual(['clearInactiveMark', 'markInactive', 'reassignClient', 'sendChat', 'sendEmail']);
  });

  it('records every call (without the transaction) and writes nothing', async () => {
    const db = await testDatabase('sqlite');
    try {
      const g = createRecordingGateway();
      const message = { clientId: 'c1', senderId: 'p1', text: 'Hallo', idempotencyKey: crypto.randomUUID() };
      await db.prisma.$transaction(async (tx) => {
        await g.sendChat(tx, message, NOW);
        await g.sendEmail(tx, { ...message, subject: 'Betreff' }, NOW);
        await g.markInactive(tx, { clientId: 'c1', vpaId: 'p1', idempotencyKey: 'm1' }, NOW);
        await g.clearInactiveMark(tx, 'c1', NOW, 'u1');
        await g.reassignClient(tx, { clientId: 'c1', fromVpaId: null, toVpaId: 'p2', idempotencyKey: 'r1' }, NOW);
      });
      message.text = 'changed later';
      expect(g.calls.map((c) => c.method)).toEqual(['sendChat', 'sendEmail', 'markInactive', 'clearInactiveMark', 'reassignClient']);
      expect(g.calls[0]).toEqual({ method: 'sendChat', args: [{ clientId: 'c1', senderId: 'p1', text: 'Hallo', idempotencyKey: message.idempotencyKey }, NOW] });
      expect(g.callsOf('reassignClient')).toEqual([{ method: 'reassignClient', args: [{ clientId: 'c1', fromVpaId: null, toVpaId: 'p2', idempotencyKey: 'r1' }, NOW] }]);
      expect(await db.prisma.outboxMessage.count()).toBe(0);
      expect(await db.prisma.platformTodo.count()).toBe(0);
      expect(await db.prisma.clientMark.count()).toBe(0);
      g.clear();
      expect(g.calls).toEqual([]);
    } finally {
      await db.destroy();
    }
  });
});
