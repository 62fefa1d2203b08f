// Process 2 end to end through /api/messages and the tick, standalone: a client goes quiet, the VPA is told and the
// message in their name becomes a to-do; the VPA records the client's reply and resumes; the community team hands
// the client to Conny, whose introduction becomes a to-do for the shift; a new task reactivates the client and the
// admin team gets the review card.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.ts';
import { silentLogger } from '../../src/log/logger.ts';
import { TICK_JOBS } from '../../src/tick/jobs.ts';
import { runTick } from '../../src/tick/run-tick.ts';
import { actionByTitle, cardText } from '../support/cards.ts';
import { startHarness, type Harness, type InvokeResult } from '../support/harness.ts';
import { assign, createClient, type TestPerson } from '../support/people.ts';

const NOW = new Date('2026-11-30T09:00:00Z'); // Monday 10:00 Berlin, inside the send window
const WEEK = 7 * 86_400_000;

let h: Harness;
let anna: TestPerson;
let kim: TestPerson;
let sven: TestPerson;
let sabine: TestPerson;
let client: { id: string; number: string; name: string };

beforeEach(async () => {
  h = await startHarness({ now: NOW });
  anna = await h.person('Anna Schneider', ['vpa']);
  kim = await h.person('Kim Hoffmann', ['community']);
  sven = await h.person('Sven Schicht', ['shift']);
  sabine = await h.person('Sabine Koch', ['admin']);
  await h.person('Conny Meindl', ['conny']);
  for (const p of [anna, kim, sven, sabine]) await h.install({ from: p });
  client = await createClient(h.db.prisma, { number: 'K-3001', name: 'Stille Wasser GmbH' });
  await assign(h.db.prisma, { clientId: client.id, vpaId: anna.id, from: new Date('2025-01-01T00:00:00Z') });
  await h.db.prisma.task.create({ data: { id: 'task-old', clientId: client.id, createdAt: new Date(NOW.getTime() - 9 * WEEK), sourceKey: 'task-old' } });
});

afterEach(async () => {
  await h.close();
});

const config = () => loadConfig({ DATABASE_URL: h.db.url, LOG_LEVEL: 'silent' });
const tick = async (now: Date) => {
  h.clock.set(now);
  const results = await runTick({ prisma: h.db.prisma, now, logger: silentLogger, config: config(), jobs: TICK_JOBS });
  expect(results.filter((r) => r.error)).toEqual([]);
  await h.drainOutbox();
  return results.flatMap((r) => r.lines);
};
const card = (r: InvokeResult) => {
  expect(r.httpStatus).toBe(200);
  return r.body?.value;
};
const personal = (p: TestPerson) => h.personalConversationOf(p).id;
const cycle = () => h.db.prisma.inactivityCycle.findFirstOrThrow({ where: { clientId: client.id } });

it('goes from the red question mark through Conny to the reactivation review', async () => {
  const lines = await tick(NOW);
  expect(lines).toContain('Kunde K-3001 (Stille Wasser GmbH) ist inaktiv: rotes Fragezeichen gesetzt, VPA informiert');
  expect(lines).toContain('Kunde K-3001 (Stille Wasser GmbH): 8-Wochen-Nachricht gesendet');
  expect(await h.db.prisma.clientMark.findUnique({ where: { clientId: client.id } })).not.toBeNull();
  // The VPA's card (❓, tips) and the to-do with the message in her name.
  const vpaCard = h.cardsTo(personal(anna)).find((c) => cardText(c).includes('ist inaktiv'));
  expect(vpaCard).toBeDefined();
  const todo = await h.db.prisma.platformTodo.findFirstOrThrow({ where: { clientId: client.id, kind: 'chat' } });
  expect(todo.senderId).toBe(anna.id);
  expect(h.cardsTo(personal(anna)).some((c) => cardText(c).includes(todo.text.split('\n')[0]!))).toBe(true);
  // Nothing twice.
  expect(await tick(NOW)).toEqual([]);

  // The client replied: the VPA records it, the reminders pause, "fortsetzen" resumes.
  const c1 = await cycle();
  card(await h.invoke('inactivity.replied', { cycleId: c1.id }, { from: anna }));
  expect((await cycle()).status).toBe('paused');
  await h.drainOutbox();
  const replyCard = h.cardsTo(personal(anna)).find((c) => cardText(c).includes('hat geantwortet'));
  expect(actionByTitle(replyCard, 'fortsetzen').verb).toBe('inactivity.resume');
  const paused = await cycle();
  card(await h.invoke('inactivity.resume', { cycleId: paused.id, version: paused.version }, { from: anna }));
  expect((await cycle()).status).toBe('running');

  // Week 12: on the inactive-management list; the community team hands the client to Conny.
  const week13 = new Date(NOW.getTime() + 4 * WEEK);
  h.clock.set(week13);
  await h.message('inaktiv', { from: kim });
  const running = await cycle();
  card(await h.invoke('inactivity.handover', { cycleId: running.id, version: running.version }, { from: kim }));
  expect((await cycle()).connyAt).not.toBeNull();
  const lines2 = await tick(week13);
  expect(lines2).toContain('Kunde K-3001 (Stille Wasser GmbH): Vorstellung Conny gesendet');
  const intro = await h.db.prisma.platformTodo.findFirstOrThrow({ where: { clientId: client.id, kind: 'chat', NOT: { senderId: anna.id } } });
  expect(intro.text).toContain('Conny');
  expect(h.cardsTo(personal(sven)).some((c) => cardText(c).includes('Conny'))).toBe(true);

  // A new task: reactivated, the mark is gone, the admin team reviews it.
  await h.db.prisma.task.create({ data: { id: 'task-new', clientId: client.id, createdAt: new Date(week13.getTime() + 86_400_000), sourceKey: 'task-new', title: 'Reise buchen' } });
  const lines3 = await tick(new Date(week13.getTime() + 2 * 86_400_000));
  expect(lines3).toContain('Kunde K-3001 (Stille Wasser GmbH) ist reaktiviert: Prüfung durch das Admin-Team angelegt');
  expect(await cycle()).toMatchObject({ status: 'reactivated', reactivatedAfter: 'conny_intro', reactivationTaskId: 'task-new' });
  expect(await h.db.prisma.clientMark.findUnique({ where: { clientId: client.id } })).toBeNull();
  expect(await h.db.prisma.tender.count({ where: { clientId: client.id, status: 'review' } })).toBe(1);
  expect(h.cardsTo(personal(sabine)).some((c) => cardText(c).includes('Reise buchen'))).toBe(true);
});

it('"Kunde hat geantwortet" is the VPA\'s own: another VPA is refused and nothing changes', async () => {
  await tick(NOW);
  const otto = await h.person('Otto Berg', ['vpa']);
  const c1 = await cycle();
  const refused = card(await h.invoke('inactivity.replied', { cycleId: c1.id }, { from: otto }));
  expect(cardText(refused)).toContain('Berechtigung');
  expect((await cycle()).status).toBe('running');
});
