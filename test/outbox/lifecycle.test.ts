// The running sender: start() drains in the background, stop() stops claiming but lets the send in
// flight finish and records its outcome, kick() wakes an idle loop.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { systemClock } from '../../src/time/clock.ts';
import { testDatabase, type TestDatabase } from '../support/db.ts';
import { startFakeConnector, type FakeConnector } from '../support/fake-connector.ts';
import { addConversation, makeSender, queueText, row, texts } from './helpers.ts';

let db: TestDatabase;
let connector: FakeConnector;

beforeEach(async () => {
  db = await testDatabase('sqlite');
  connector = await startFakeConnector();
  await addConversation(db.prisma, connector, { conversationId: 'c1' });
  await addConversation(db.prisma, connector, { conversationId: 'c2' });
});

afterEach(async () => {
  await connector.close();
  await db.destroy();
});

it('stop() lets the send in flight finish, records it, and claims nothing more', async () => {
  const past = new Date(Date.now() - 1_000);
  await queueText(db.prisma, 'first', { type: 'conversation', conversationId: 'c1' }, 'Erste', past);
  await queueText(db.prisma, 'second', { type: 'conversation', conversationId: 'c2' }, 'Zweite', new Date(past.getTime() + 1));
  connector.hold(1);
  const sender = makeSender(db, systemClock, { concurrency: 1, pollMs: 5 });
  sender.start();
  await connector.waitFor(() => connector.heldCount() === 1, 10_000, 'the first send to be in flight');

  let stopped = false;
  const stopping = sender.stop().then(() => {
    stopped = true;
  });
  // stop() cannot finish while the send is held by the connector.
  await new Promise((r) => setImmediate(r));
  expect(stopped).toBe(false);
  expect((await row(db.prisma, 'first')).status).toBe('sending');

  connector.release();
  await stopping;

  expect((await row(db.prisma, 'first')).status).toBe('sent');
  expect((await row(db.prisma, 'second')).status).toBe('pending');
  expect(texts(connector)).toEqual(['Erste']);
  expect(await sender.drainOnce()).toEqual({ sent: 0, retried: 0, dead: 0 });
  expect(connector.requests).toHaveLength(1);
});

it('kick() makes an idle sender look at once instead of after its poll interval', async () => {
  const sender = makeSender(db, systemClock, { pollMs: 60_000 });
  sender.start();
  try {
    // The first round found nothing; the next regular look would be a minute away.
    await new Promise((r) => setTimeout(r, 50));
    await queueText(db.prisma, 'now', { type: 'conversation', conversationId: 'c1' }, 'Sofort', new Date(Date.now() - 1));
    sender.kick();
    await connector.waitFor(() => connector.deliveries().length === 1, 10_000, 'the kicked delivery');
  } finally {
    await sender.stop();
  }
  expect(texts(connector)).toEqual(['Sofort']);
});

it('after a send finishes, the next message of that conversation goes out without waiting for the poll interval', async () => {
  const past = new Date(Date.now() - 1_000);
  for (let i = 1; i <= 5; i++) await queueText(db.prisma, `m${i}`, { type: 'conversation', conversationId: 'c1' }, `M${i}`, new Date(past.getTime() + i));
  const sender = makeSender(db, systemClock, { pollMs: 60_000 });
  sender.start();
  try {
    await connector.waitFor(() => connector.deliveries().length === 5, 10_000, 'five deliveries');
  } finally {
    await sender.stop();
  }
  expect(texts(connector)).toEqual(['M1', 'M2', 'M3', 'M4', 'M5']);
});
