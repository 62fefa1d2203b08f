// `outbox list|dead|retry`: what waits, what failed for good, and putting a dead message back in the queue.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { enqueue } from '../../src/outbox/enqueue.ts';
import { FixedClock } from '../../src/time/clock.ts';
import { cli } from './harness.ts';
import { testDatabase, type TestDatabase } from '../support/db.ts';

let db: TestDatabase;
const t0 = new Date('2026-11-23T08:00:00.000Z');

async function queue(key: string): Promise<string> {
  await enqueue(db.prisma, { idempotencyKey: key, now: t0, message: { mode: 'send', recipient: { type: 'channel', purpose: 'freigabe' }, notice: { kind: 'text', model: { text: 'Hallo' } } } });
  return (await db.prisma.outboxMessage.findUniqueOrThrow({ where: { idempotencyKey: key } })).id;
}

beforeEach(async () => {
  db = await testDatabase('sqlite');
});
afterEach(async () => {
  await db.destroy();
});

describe('outbox list', () => {
  it('says so when nothing waits', async () => {
    const r = await cli(db.url, ['outbox']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Der Postausgang ist leer');
    expect((await cli(db.url, ['outbox', 'dead'])).stdout).toContain('Keine endgültig fehlgeschlagenen Nachrichten.');
  });

  it('lists pending and sending rows with key, channel, conversation, attempts, next attempt and last error, not sent or dead ones', async () => {
    const a = await queue('welcome:a');
    const b = await queue('welcome:b');
    const sent = await queue('welcome:sent');
    const dead = await queue('welcome:dead');
    await db.prisma.outboxMessage.update({ where: { id: b }, data: { status: 'sending', attempts: 2, lastError: 'HTTP 429 Too Many Requests', nextAttemptAt: new Date('2026-11-23T09:30:00.000Z') } });
    await db.prisma.outboxMessage.update({ where: { id: sent }, data: { status: 'sent', sentAt: t0 } });
    await db.prisma.outboxMessage.update({ where: { id: dead }, data: { status: 'dead', attempts: 8, lastError: 'HTTP 403 Forbidden' } });

    for (const argv of [['outbox'], ['outbox', 'list']]) {
      const r = await cli(db.url, argv);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('2 Nachrichten warten auf den Versand:');
      expect(r.stdout).toContain(`- ${a}`);
      expect(r.stdout).toContain(`- ${b}`);
      expect(r.stdout).not.toContain(sent);
      expect(r.stdout).not.toContain(dead);
      expect(r.stdout).toContain('Schlüssel: welcome:b');
      expect(r.stdout).toContain('Kanal: teams.send · Ziel: channel:freigabe · Status: sending');
      // 09:30 UTC is 10:30 in Berlin.
      expect(r.stdout).toContain('Versuche: 2 · nächster Versuch: 23.11.2026 10:30:00');
      expect(r.stdout).toContain('letzter Fehler: HTTP 429 Too Many Requests');
      // The next due comes first.
      expect(r.stdout.indexOf(a)).toBeLessThan(r.stdout.indexOf(b));
    }
    const limited = await cli(db.url, ['outbox', 'list', '--limit', '1']);
    expect(limited.stdout).toContain('2 Nachrichten warten auf den Versand (die ersten 1):');
    expect(limited.stdout).not.toContain(b);
    expect((await cli(db.url, ['outbox', 'list', '--limit', 'viele'])).code).toBe(2);
  });
});

describe('outbox dead and retry', () => {
  it('lists dead rows and puts one back to pending, due now, attempts 0, with an audit event', async () => {
    const dead = await queue('approval:1');
    await db.prisma.outboxMessage.update({ where: { id: dead }, data: { status: 'dead', attempts: 8, lastError: 'HTTP 404 conversation not found', leaseOwner: 'i1' } });

    const listing = await cli(db.url, ['outbox', 'dead']);
    expect(listing.stdout).toContain('1 Nachricht ist endgültig fehlgeschlagen:');
    expect(listing.stdout).toContain(`- ${dead}`);
    expect(listing.stdout).toContain('letzter Fehler: HTTP 404 conversation not found');

    const now = new Date('2026-11-24T12:00:00.000Z');
    const r = await cli(db.url, ['outbox', 'retry', dead], { clock: new FixedClock(now) });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Nachricht ${dead} (approval:1) wird erneut versendet`);
    const row = await db.prisma.outboxMessage.findUniqueOrThrow({ where: { id: dead } });
    expect(row).toMatchObject({ status: 'pending', attempts: 0, leaseOwner: null, leaseUntil: null });
    expect(row.nextAttemptAt.toISOString()).toBe(now.toISOString());
    const audit = await db.prisma.auditEvent.findMany({ where: { action: 'outbox.retried' } });
    expect(audit.map((e) => e.subjectId)).toEqual([dead]);

    expect((await cli(db.url, ['outbox', 'dead'])).stdout).toContain('Keine endgültig fehlgeschlagenen Nachrichten.');
    expect((await cli(db.url, ['outbox'])).stdout).toContain(`- ${dead}`);
  });

  it('refuses to retry a row that is not dead, or an unknown id, and changes nothing', async () => {
    const pending = await queue('welcome:x');
    const r = await cli(db.url, ['outbox', 'retry', pending]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('ist nicht endgültig fehlgeschlagen (Status: pending)');
    expect(r.stderr).toContain('[OUTBOX_NOT_DEAD]');

    const sent = await queue('welcome:y');
    await db.prisma.outboxMessage.update({ where: { id: sent }, data: { status: 'sent', sentAt: t0, attempts: 1 } });
    expect((await cli(db.url, ['outbox', 'retry', sent])).stderr).toContain('(Status: sent)');
    expect((await db.prisma.outboxMessage.findUniqueOrThrow({ where: { id: sent } })).status).toBe('sent');

    const unknown = await cli(db.url, ['outbox', 'retry', 'keine-solche-id']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('Im Postausgang gibt es keine Nachricht mit der Id „keine-solche-id“.');
    expect(unknown.stderr).toContain('[OUTBOX_NOT_FOUND]');
    expect(await db.prisma.auditEvent.count()).toBe(0);
  });
});
