// The demo's shift duty data: a plan for the anchor day and the next with a lead, open items of each kind; a second
// run adds nothing.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { seedDemo } from '../../src/demo/seed-demo.ts';
import { testDatabase, type TestDatabase } from './support.ts';

let db: TestDatabase;
beforeEach(async () => {
  db = await testDatabase('sqlite');
});
afterEach(async () => {
  await db.destroy();
});

it('seeds today\'s and tomorrow\'s plan and open items of each kind, once', async () => {
  const now = new Date('2027-03-23T10:00:00Z');
  await seedDemo(db.prisma, { now, timeZone: 'Europe/Berlin' });
  const plan = await db.prisma.shiftAssignment.findMany({ orderBy: [{ date: 'asc' }, { shift: 'asc' }] });
  expect(plan.map((p) => [p.date, p.shift, p.lead])).toEqual([
    ['2027-03-23', 'früh', false],
    ['2027-03-23', 'spät', true],
    ['2027-03-24', 'früh', false],
    ['2027-03-24', 'spät', true],
  ]);
  const items = await db.prisma.inboxItem.findMany({ where: { answeredAt: null } });
  expect(new Set(items.map((i) => i.kind))).toEqual(new Set(['chat', 'mail', 'task']));
  await seedDemo(db.prisma, { now: new Date('2027-03-25T10:00:00Z'), timeZone: 'Europe/Berlin' });
  expect(await db.prisma.shiftAssignment.count()).toBe(4);
  expect(await db.prisma.inboxItem.count()).toBe(items.length);
});
