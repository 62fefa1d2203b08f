import { afterEach, describe, expect, it } from 'vitest';
import { enqueue } from '../../src/outbox/enqueue.ts';
import { testDatabase, type TestDatabase } from '../support/db.ts';

let db: TestDatabase;
afterEach(async () => {
  await db.destroy();
});

describe('enqueue order', () => {
  it('messages queued for one conversation at the same instant keep their order, an update after its original', async () => {
    db = await testDatabase();
    const now = new Date('2026-11-23T09:00:00Z');
    await db.prisma.$transaction(async (tx) => {
      await enqueue(tx, { idempotencyKey: 'a', now, message: { mode: 'send', recipient: { type: 'person', personId: 'p1' }, notice: { kind: 'text', model: { text: 'eins' } } } });
      await enqueue(tx, { idempotencyKey: 'b', now, message: { mode: 'send', recipient: { type: 'person', personId: 'p1' }, notice: { kind: 'text', model: { text: 'zwei' } } } });
      await enqueue(tx, { idempotencyKey: 'c', now, message: { mode: 'update', updatesKey: 'a', notice: { kind: 'text', model: { text: 'eins, geändert' } } } });
      await enqueue(tx, { idempotencyKey: 'd', now, message: { mode: 'send', recipient: { type: 'person', personId: 'p2' }, notice: { kind: 'text', model: { text: 'andere' } } } });
    });
    const rows = await db.prisma.outboxMessage.findMany({ where: { conversationKey: 'person:p1' }, orderBy: { createdAt: 'asc' } });
    expect(rows.map((r) => r.idempotencyKey)).toEqual(['a', 'b', 'c']);
    expect(new Set(rows.map((r) => r.createdAt.getTime())).size).toBe(3);
    const other = await db.prisma.outboxMessage.findUniqueOrThrow({ where: { idempotencyKey: 'd' } });
    expect(other.createdAt.getTime()).toBe(now.getTime());
  });
});
