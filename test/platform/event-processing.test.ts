// Processing stored platform events (src/platform/events): each type's effect, idempotency (the same fact reported
// twice has one effect; an event is applied once), failures (coded, bounded retries, never lost silently), and two
// processors on one database (each event applied by exactly one of them), on SQLite and on PostgreSQL.
import crypto from 'node:crypto';
import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig, type Config } from '../../src/config/config.ts';
import { openDatabase } from '../../src/db/client.ts';
import { processPendingEvents, type ProcessedEvent, type WebhookEvent } from '../../src/platform/index.ts';
import { storeEvent, type EventSource } from '../../src/platform/events/store.ts';
import { TEST_DATABASE_URL, testDatabase, type TestDatabase } from '../support/db.ts';
import { assign, createClient, createPerson } from '../support/people.ts';
import {
  chatAnswered,
  chatReceived,
  clientInCycle,
  clientReassigned,
  HOUR,
  mailAnswered,
  mailReceived,
  NOW,
  taskCreated,
  tick,
  type CycleWorld,
} from './webhook-support.ts';

const TZ = 'Europe/Berlin';
const LATER = new Date(NOW.getTime() + HOUR);

function capturingLogger() {
  const lines: { level: number; code?: string; msg: string; eventId?: string }[] = [];
  const logger = pino({ level: 'info' }, { write: (s: string) => void lines.push(JSON.parse(s) as (typeof lines)[number]) });
  return { logger, lines };
}

for (const kind of ['sqlite', 'postgres'] as const) {
  describe.skipIf(kind === 'postgres' && !TEST_DATABASE_URL)(`platform event processing on ${kind}`, () => {
    let db: TestDatabase;
    let config: Config;
    let world: CycleWorld;
    let log: ReturnType<typeof capturingLogger>;

    beforeEach(async () => {
      db = await testDatabase(kind);
      config = loadConfig({ LOG_LEVEL: 'silent', DATABASE_URL: db.url });
      world = await clientInCycle(db.prisma, config);
      log = capturingLogger();
    });
    afterEach(async () => {
      await db.destroy();
    });

    const store = async (event: WebhookEvent, source: EventSource = 'webhook') => expect(await storeEvent(db.prisma, event, source, NOW)).toBe('stored');
    const run = (now = LATER, maxAttempts?: number): Promise<ProcessedEvent[]> => processPendingEvents({ prisma: db.prisma, now, logger: log.logger, timeZone: TZ, ...(maxAttempts ? { maxAttempts } : {}) });
    const row = (id: string) => db.prisma.platformEvent.findUniqueOrThrow({ where: { id } });
    const cycle = () => db.prisma.inactivityCycle.findFirstOrThrow({ where: { clientId: world.client.id }, orderBy: { cycle: 'desc' } });
    const audits = (id: string) => db.prisma.auditEvent.findMany({ where: { action: 'platform.event_processed', subjectId: id } });
    const handToConny = async () => {
      await db.prisma.assignment.updateMany({ where: { clientId: world.client.id, to: null }, data: { to: NOW } });
      await assign(db.prisma, { clientId: world.client.id, vpaId: world.conny.id, from: NOW });
    };

    describe('task.created', () => {
      it('stores the task under the platform id, once, with an audit event; the next tick reactivates', async () => {
        const e = taskCreated(world.client.number, LATER, 'T-1', { title: 'Buchhaltung', competence: 'datev' });
        await store(e);
        expect(await run()).toEqual([{ id: e.id, type: 'task.created', outcome: 'processed' }]);
        const task = await db.prisma.task.findUniqueOrThrow({ where: { sourceKey: 'platform:task:T-1' } });
        expect(task).toMatchObject({ clientId: world.client.id, createdAt: LATER, title: 'Buchhaltung', competence: 'datev' });
        expect(await row(e.id)).toMatchObject({ status: 'processed', attempts: 1, processedAt: LATER, lastError: null });
        const [audit, ...more] = await audits(e.id);
        expect(more).toEqual([]);
        expect(JSON.parse(audit!.data)).toMatchObject({ type: 'task.created', source: 'webhook', clientId: world.client.id, taskId: task.id, taskCreated: true, inbox: null });
        // Nothing pending any more: a second run does nothing.
        expect(await run()).toEqual([]);
        await tick(db.prisma, config, LATER);
        expect((await cycle()).status).toBe('reactivated');
      });

      it('the same task reported twice (webhook re-sent with a new id, and the reconciliation) is one task', async () => {
        const first = taskCreated(world.client.number, LATER, 'T-7');
        await store(first);
        await store({ ...first, id: 'another-delivery' });
        await store({ ...first, id: 'reconcile:task:T-7' }, 'reconcile');
        const out = await run();
        expect(out.map((o) => o.outcome)).toEqual(['processed', 'processed', 'processed']);
        expect(await db.prisma.task.count({ where: { sourceKey: 'platform:task:T-7' } })).toBe(1);
        const created = await Promise.all([first.id, 'another-delivery', 'reconcile:task:T-7'].map(async (id) => JSON.parse((await audits(id))[0]!.data).taskCreated as boolean));
        expect(created.filter(Boolean)).toHaveLength(1);
      });

      it('puts the task into Conny\'s inbox while the client is with Conny (source webhook), and only then', async () => {
        await store(taskCreated(world.client.number, LATER, 'T-vpa'));
        await run();
        expect(await db.prisma.inboxItem.count()).toBe(0);
        await handToConny();
        await store(taskCreated(world.client.number, LATER, 'T-conny', { title: 'Flug buchen' }));
        await run();
        expect(await db.prisma.inboxItem.findUniqueOrThrow({ where: { id: 'T-conny' } })).toMatchObject({ kind: 'task', clientId: world.client.id, subject: 'Flug buchen', receivedAt: LATER, answeredAt: null, source: 'webhook' });
      });

      it('fails an unknown client number at once with a coded reason, logged; nothing else changes', async () => {
        const e = taskCreated('K-9999', LATER, 'T-x');
        await store(e);
        expect(await run()).toEqual([{ id: e.id, type: 'task.created', outcome: 'failed', code: 'PLATFORM_EVENT_UNKNOWN_CLIENT' }]);
        expect(await row(e.id)).toMatchObject({ status: 'failed', attempts: 1, processedAt: null });
        expect((await row(e.id)).lastError).toMatch(/^PLATFORM_EVENT_UNKNOWN_CLIENT: .*K-9999/);
        expect(await db.prisma.task.count({ where: { sourceKey: 'platform:task:T-x' } })).toBe(0);
        expect(await audits(e.id)).toEqual([]);
        expect(log.lines).toContainEqual(expect.objectContaining({ level: 50, code: 'PLATFORM_EVENT_UNKNOWN_CLIENT', eventId: e.id }));
        // A failed event is not tried again.
        expect(await run()).toEqual([]);
      });
    });

    describe('chat.received and mail.received', () => {
      it('a chat in Conny\'s inbox pauses the running cycle and becomes an open inbox item', async () => {
        const e = chatReceived(world.client.number, LATER, 'conny', 'C-1');
        await store(e);
        await run();
        expect(await cycle()).toMatchObject({ status: 'paused', pausedAt: LATER });
        expect(await db.prisma.inboxItem.findUniqueOrThrow({ where: { id: 'C-1' } })).toMatchObject({ kind: 'chat', clientId: world.client.id, answeredAt: null, source: 'webhook' });
        expect(JSON.parse((await audits(e.id))[0]!.data)).toMatchObject({ pausedCycleId: (await cycle()).id, inbox: 'created', account: 'conny' });
        // The VPA (the cycle is not with Conny) gets the "hat geantwortet" card.
        expect(await db.prisma.outboxMessage.count({ where: { idempotencyKey: { startsWith: `inactivity:${(await cycle()).id}:reply:` } } })).toBe(1);
      });

      it('a chat in the VPA\'s inbox pauses, without an inbox item; a second reply changes nothing', async () => {
        await store(chatReceived(world.client.number, LATER, 'vpa'));
        await store(chatReceived(world.client.number, new Date(LATER.getTime() + 60_000), 'vpa'));
        const out = await run();
        expect(out.map((o) => o.outcome)).toEqual(['processed', 'processed']);
        expect(await cycle()).toMatchObject({ status: 'paused', pausedAt: LATER });
        expect(await db.prisma.inboxItem.count()).toBe(0);
        expect(await db.prisma.auditEvent.count({ where: { action: 'inactivity.paused' } })).toBe(1);
      });

      it('a message written before the cycle began pauses nothing', async () => {
        await store(chatReceived(world.client.number, new Date(NOW.getTime() - HOUR), 'vpa'));
        await run();
        expect((await cycle()).status).toBe('running');
      });

      it('a mail in Conny\'s inbox pauses too and becomes a mail item with its subject', async () => {
        await store(mailReceived(world.client.number, LATER, 'conny', 'M-1'));
        await run();
        expect((await cycle()).status).toBe('paused');
        expect(await db.prisma.inboxItem.findUniqueOrThrow({ where: { id: 'M-1' } })).toMatchObject({ kind: 'mail', subject: 'Rückfrage' });
      });

      it('a message from an unknown client still counts in Conny\'s inbox (processed, no cycle touched)', async () => {
        await store(chatReceived('K-0000', LATER, 'conny', 'C-unknown'));
        expect((await run())[0]?.outcome).toBe('processed');
        expect(await db.prisma.inboxItem.findUniqueOrThrow({ where: { id: 'C-unknown' } })).toMatchObject({ clientId: null, clientNumber: 'K-0000' });
        expect((await cycle()).status).toBe('running');
      });
    });

    describe('chat.answered and mail.answered', () => {
      it('close the open inbox item (via webhook); an unknown item or a second answer changes nothing', async () => {
        await store(chatReceived(world.client.number, LATER, 'conny', 'C-2'));
        await store(mailReceived(world.client.number, LATER, 'conny', 'M-2'));
        await run();
        const answeredAt = new Date(LATER.getTime() + 10 * 60_000);
        const chat = chatAnswered(world.client.number, 'C-2', answeredAt);
        await store(chat);
        await store(mailAnswered(world.client.number, 'M-2', answeredAt));
        await store(chatAnswered(world.client.number, 'C-never-seen', answeredAt));
        const again = new Date(answeredAt.getTime() + HOUR).toISOString();
        await store({ ...chat, id: 'chat-answered-again', occurredAt: again, data: { ...chat.data, answeredAt: again } } as WebhookEvent);
        const out = await run(new Date(answeredAt.getTime() + 2 * HOUR));
        expect(out.map((o) => o.outcome)).toEqual(['processed', 'processed', 'processed', 'processed']);
        expect(await db.prisma.inboxItem.findUniqueOrThrow({ where: { id: 'C-2' } })).toMatchObject({ answeredAt, answeredVia: 'webhook' });
        expect(await db.prisma.inboxItem.findUniqueOrThrow({ where: { id: 'M-2' } })).toMatchObject({ answeredAt, answeredVia: 'webhook' });
        expect(await db.prisma.inboxItem.count({ where: { id: 'C-never-seen' } })).toBe(0);
        expect(JSON.parse((await audits('chat-answered-again'))[0]!.data)).toMatchObject({ answered: false });
      });
    });

    describe('client.reassigned', () => {
      const rows = () => db.prisma.assignment.findMany({ where: { clientId: world.client.id }, orderBy: { from: 'asc' }, select: { vpaId: true, from: true, to: true } });

      it('ends the current VPA\'s row and starts the new VPA\'s at the event\'s instant', async () => {
        await store(clientReassigned(world.client.number, world.other.email.toUpperCase(), LATER));
        await run();
        expect(await rows()).toEqual([
          { vpaId: world.vpa.id, from: new Date('2025-01-01T00:00:00Z'), to: LATER },
          { vpaId: world.other.id, from: LATER, to: null },
        ]);
        // Told again (re-sent, or the same VPA): no change.
        await store(clientReassigned(world.client.number, world.other.email, new Date(LATER.getTime() + HOUR)));
        await run(new Date(LATER.getTime() + 2 * HOUR));
        expect(await rows()).toHaveLength(2);
      });

      it('an event older than the newest current assignment is outdated and changes nothing', async () => {
        await store(clientReassigned(world.client.number, world.other.email, new Date('2024-06-01T00:00:00Z')));
        const [out] = await run();
        expect(out?.outcome).toBe('processed');
        expect(await rows()).toEqual([{ vpaId: world.vpa.id, from: new Date('2025-01-01T00:00:00Z'), to: null }]);
      });

      it('to the Conny account: the running cycle is with Conny from the event\'s instant and her introduction follows', async () => {
        await store(clientReassigned(world.client.number, world.conny.email, LATER));
        await run();
        expect(await cycle()).toMatchObject({ status: 'running', connyAt: LATER, connyById: null });
        expect(await db.prisma.auditEvent.count({ where: { action: 'inactivity.handed_to_conny', subjectId: (await cycle()).id } })).toBe(1);
        // To another VPA: no hand-over.
        await store(clientReassigned(world.client.number, world.other.email, new Date(LATER.getTime() + HOUR)));
        await run(new Date(LATER.getTime() + 2 * HOUR));
        expect(await db.prisma.auditEvent.count({ where: { action: 'inactivity.handed_to_conny' } })).toBe(1);
      });

      it('an unassigned client gets its first row', async () => {
        const lonely = await createClient(db.prisma, { number: 'K-5000', name: 'Neu GmbH' });
        await store(clientReassigned('K-5000', world.other.email, LATER));
        await run();
        expect(await db.prisma.assignment.findMany({ where: { clientId: lonely.id }, select: { vpaId: true, from: true, to: true } })).toEqual([{ vpaId: world.other.id, from: LATER, to: null }]);
      });

      it('fails an unknown e-mail or client with a coded reason and changes nothing', async () => {
        const person = clientReassigned(world.client.number, 'nobody@example.de', LATER);
        const client = clientReassigned('K-404', world.other.email, LATER);
        await store(person);
        await store(client);
        const out = await run();
        expect(out.map((o) => [o.id, o.outcome, o.code])).toEqual([
          [person.id, 'failed', 'PLATFORM_EVENT_UNKNOWN_PERSON'],
          [client.id, 'failed', 'PLATFORM_EVENT_UNKNOWN_CLIENT'],
        ]);
        expect(await rows()).toHaveLength(1);
      });
    });

    describe('failures and order', () => {
      it('retries an unexpected failure a bounded number of times, then fails it for good with the code logged', async () => {
        const e = taskCreated(world.client.number, LATER);
        await store(e);
        await db.prisma.platformEvent.update({ where: { id: e.id }, data: { data: '{"taskId": ' } });
        expect((await run(LATER, 3))[0]).toMatchObject({ outcome: 'retry', code: 'INTERNAL' });
        expect(await row(e.id)).toMatchObject({ status: 'pending', attempts: 1 });
        expect((await run(LATER, 3))[0]?.outcome).toBe('retry');
        expect((await run(LATER, 3))[0]?.outcome).toBe('failed');
        expect(await row(e.id)).toMatchObject({ status: 'failed', attempts: 3 });
        expect((await row(e.id)).lastError).toMatch(/^INTERNAL: /);
        expect(await run(LATER, 3)).toEqual([]);
        expect(log.lines.filter((l) => l.eventId === e.id).map((l) => [l.level, l.code])).toEqual([
          [40, 'INTERNAL'],
          [40, 'INTERNAL'],
          [50, 'INTERNAL'],
        ]);
      });

      it('a failure rolls back the whole event: nothing of it stays', async () => {
        await handToConny();
        const e = taskCreated(world.client.number, LATER);
        await store(e);
        // A row no schema would let in (a numeric task id): the Task insert succeeds, the inbox item after it fails.
        await db.prisma.platformEvent.update({ where: { id: e.id }, data: { data: JSON.stringify({ ...e.data, taskId: 12345 }) } });
        expect((await run())[0]).toMatchObject({ outcome: 'retry', code: 'INTERNAL' });
        expect(await db.prisma.task.count({ where: { sourceKey: 'platform:task:12345' } })).toBe(0);
        expect(await db.prisma.inboxItem.count()).toBe(0);
        expect(await audits(e.id)).toEqual([]);
        expect(await row(e.id)).toMatchObject({ status: 'pending', attempts: 1, processedAt: null });
      });

      it('applies events in the order they occurred, not the order they arrived', async () => {
        const answered = chatAnswered(world.client.number, 'C-o', new Date(LATER.getTime() + 60_000));
        const received = chatReceived(world.client.number, LATER, 'conny', 'C-o');
        await store(answered);
        await store(received);
        expect((await run(new Date(LATER.getTime() + HOUR))).map((o) => o.id)).toEqual([received.id, answered.id]);
        expect((await db.prisma.inboxItem.findUniqueOrThrow({ where: { id: 'C-o' } })).answeredAt).not.toBeNull();
      });
    });

    // Two instances on PostgreSQL: two database clients. SQLite serves one server (plus the CLI in another process):
    // two runs share the process's client there (a second client in the same process would block its event loop in
    // SQLite's busy wait).
    it('two processors at once apply each event exactly once', async () => {
      const events: WebhookEvent[] = [];
      for (let i = 0; i < 40; i++) events.push(taskCreated(world.client.number, new Date(LATER.getTime() - i * 1000), `T-par-${i}`));
      for (let i = 0; i < 10; i++) events.push(chatReceived(world.client.number, new Date(LATER.getTime() + i * 1000), 'conny', `C-par-${i}`));
      for (const e of events) await store(e);
      const second = kind === 'postgres' ? openDatabase(db.url) : { prisma: db.prisma, close: async () => undefined };
      try {
        const [a, b] = await Promise.all([
          processPendingEvents({ prisma: db.prisma, now: LATER, logger: log.logger, timeZone: TZ }),
          processPendingEvents({ prisma: second.prisma, now: LATER, logger: log.logger, timeZone: TZ }),
        ]);
        // A race on the pause may leave an event for the next run (never applied twice): finish what is left.
        const rest = await run();
        const applied = [...a, ...b, ...rest].filter((o) => o.outcome === 'processed').map((o) => o.id);
        expect(applied.sort()).toEqual(events.map((e) => e.id).sort());
        expect(a.filter((o) => o.outcome === 'processed').length + b.filter((o) => o.outcome === 'processed').length).toBeGreaterThan(0);
      } finally {
        await second.close();
      }
      expect(await db.prisma.platformEvent.count({ where: { status: 'processed' } })).toBe(events.length);
      expect(await db.prisma.auditEvent.count({ where: { action: 'platform.event_processed' } })).toBe(events.length);
      expect(await db.prisma.task.count({ where: { sourceKey: { startsWith: 'platform:task:T-par-' } } })).toBe(40);
      expect(await db.prisma.inboxItem.count({ where: { id: { startsWith: 'C-par-' } } })).toBe(10);
      expect(await db.prisma.auditEvent.count({ where: { action: 'inactivity.paused' } })).toBe(1);
    });
  });
}

it('the event id is the key: storing the same id twice keeps the first', async () => {
  const db = await testDatabase('sqlite');
  try {
    await createPerson(db.prisma, { name: 'Conny Meindl', roles: ['conny'] });
    const e = taskCreated('K-1', NOW, 'T-1');
    expect(await storeEvent(db.prisma, e, 'webhook', NOW)).toBe('stored');
    expect(await storeEvent(db.prisma, { ...e, data: { ...e.data, taskId: 'T-2' } } as WebhookEvent, 'webhook', NOW)).toBe('duplicate');
    expect(await db.prisma.platformEvent.count()).toBe(1);
    expect(crypto.createHash('sha1').update((await db.prisma.platformEvent.findUniqueOrThrow({ where: { id: e.id } })).data).digest('hex')).toBe(crypto.createHash('sha1').update(JSON.stringify(e.data)).digest('hex'));
  } finally {
    await db.destroy();
  }
});
