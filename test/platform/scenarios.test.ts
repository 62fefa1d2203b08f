// One set of scenarios of the inactivity flow, run twice with only the platform port swapped: standalone (no
// PLATFORM_BASE_URL: client messages become to-do cards in Teams) and against the fake platform server speaking the
// contract (PLATFORM_BASE_URL set: the same calls go out as HTTP requests through the outbox). The app, the tick jobs
// and the outbox drain are the same; each port only answers "what did the client get, in whose name".
//   - 8 weeks without a task: the message in the VPA's name with the exact text, and the red question mark;
//   - hand-over to Conny: the client is reassigned to Conny and Conny's introduction goes out;
//   - the client posts a task: the mark is gone and the sequence stops (no reminder at week 16 or 20).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.ts';
import { connyMessageText, vpaMessageText } from '../../src/inactivity/step-message.ts';
import { silentLogger } from '../../src/log/logger.ts';
import { TICK_JOBS } from '../../src/tick/jobs.ts';
import { runTick } from '../../src/tick/run-tick.ts';
import { cardText } from '../support/cards.ts';
import { startFakePlatform, type FakePlatform } from '../support/fake-platform.ts';
import { startHarness, type Harness, type InvokeResult } from '../support/harness.ts';
import { assign, createClient, type TestPerson } from '../support/people.ts';

const NOW = new Date('2026-11-30T09:00:00Z'); // Monday 10:00 Berlin, inside the send window
const WEEK = 7 * 86_400_000;
const CLIENT = { number: 'K-3001', name: 'Stille Wasser GmbH' };

/** What the client got, seen through one port. */
interface Port {
  /** Started before the harness; its environment variables for the app. */
  start(): Promise<Record<string, string>>;
  stop(): Promise<void>;
  /** Chat messages to the client: in whose name (e-mail) and the exact text, oldest first. */
  chats(h: Harness): Promise<{ from: string; text: string }[]>;
  /** The red question mark: the e-mail of the VPA it shows for, or null when there is none. */
  mark(h: Harness): Promise<string | null | undefined>;
  /** The names of the VPAs the client was reassigned to. */
  reassignedTo(h: Harness): Promise<string[]>;
  /** The standalone port's extra duty: the VPA sees the to-do with the text to send. */
  assertVpaCanSend(h: Harness, vpa: TestPerson, text: string): Promise<void>;
}

const emailOf = async (h: Harness, id: string | null) => (id ? (await h.db.prisma.person.findUniqueOrThrow({ where: { id } })).email : null);

function standalonePort(): Port {
  return {
    start: async () => ({}),
    stop: async () => undefined,
    async chats(h) {
      const todos = await h.db.prisma.platformTodo.findMany({ where: { kind: 'chat' }, orderBy: { createdAt: 'asc' } });
      return Promise.all(todos.map(async (t) => ({ from: (await emailOf(h, t.senderId)) ?? '', text: t.text })));
    },
    async mark(h) {
      const client = await h.db.prisma.client.findUniqueOrThrow({ where: { number: CLIENT.number } });
      const mark = await h.db.prisma.clientMark.findUnique({ where: { clientId: client.id } });
      return mark ? emailOf(h, mark.vpaId) : undefined;
    },
    async reassignedTo(h) {
      const todos = await h.db.prisma.platformTodo.findMany({ where: { kind: 'reassign' }, orderBy: { createdAt: 'asc' } });
      return todos.map((t) => /^Neuer VPA: (.+)$/m.exec(t.text)?.[1] ?? '?');
    },
    async assertVpaCanSend(h, vpa, text) {
      const cards = h.cardsTo(h.personalConversationOf(vpa).id).map(cardText);
      expect(cards.some((c) => c.includes(text.split('\n')[2]!))).toBe(true);
    },
  };
}

function platformPort(): Port & { fake?: FakePlatform } {
  const port: Port & { fake?: FakePlatform } = {
    async start() {
      port.fake = await startFakePlatform();
      port.fake.addClient({ number: CLIENT.number, name: CLIENT.name, class: 'A', workType: 'continuous', vpaEmail: 'anna.schneider@example.de' });
      return { PLATFORM_BASE_URL: port.fake.url, PLATFORM_API_TOKEN: port.fake.token };
    },
    async stop() {
      expect(port.fake?.violations).toEqual([]);
      await port.fake?.close();
    },
    chats: async () => port.fake!.chats.map((c) => ({ from: c.senderEmail, text: c.text })),
    async mark() {
      const m = port.fake!.marks.get(CLIENT.number);
      return m ? m.vpaEmail : undefined;
    },
    async reassignedTo(h) {
      return Promise.all(port.fake!.reassignments.map(async (r) => (await h.db.prisma.person.findUniqueOrThrow({ where: { email: r.vpaEmail } })).name));
    },
    async assertVpaCanSend(h) {
      // The platform sent it: nobody has to copy it by hand.
      expect(await h.db.prisma.platformTodo.count()).toBe(0);
    },
  };
  return port;
}

describe.each([
  ['standalone', standalonePort],
  ['platform', platformPort],
] as const)('inactivity flow (%s)', (_name, makePort: () => Port) => {
  let port: Port;
  let h: Harness;
  let anna: TestPerson;
  let kim: TestPerson;
  let conny: TestPerson;
  let clientId: string;
  let env: Record<string, string>;

  beforeEach(async () => {
    port = makePort();
    env = await port.start();
    h = await startHarness({ now: NOW, env });
    anna = await h.person('Anna Schneider', ['vpa']);
    kim = await h.person('Kim Hoffmann', ['community']);
    const sven = await h.person('Sven Schicht', ['shift']);
    conny = await h.person('Conny Meindl', ['conny']);
    for (const p of [anna, kim, sven]) await h.install({ from: p });
    const client = await createClient(h.db.prisma, CLIENT);
    clientId = client.id;
    await assign(h.db.prisma, { clientId, vpaId: anna.id, from: new Date('2025-01-01T00:00:00Z') });
    await h.db.prisma.task.create({ data: { id: 'task-old', clientId, createdAt: new Date(NOW.getTime() - 9 * WEEK), sourceKey: 'task-old' } });
  });

  afterEach(async () => {
    await h.close();
    await port.stop();
  });

  // The same configuration as the app's (only the platform variables differ between the two runs).
  const config = () => loadConfig({ DATABASE_URL: h.db.url, LOG_LEVEL: 'silent', ...env });
  const tick = async (now: Date) => {
    h.clock.set(now);
    const results = await runTick({ prisma: h.db.prisma, now, logger: silentLogger, config: config(), jobs: TICK_JOBS });
    expect(results.filter((r) => r.error)).toEqual([]);
    const drained = await h.drainOutbox();
    expect(drained.dead).toBe(0);
    return results.flatMap((r) => r.lines);
  };
  const card = (r: InvokeResult) => expect(r.httpStatus).toBe(200);
  const cycle = () => h.db.prisma.inactivityCycle.findFirstOrThrow({ where: { clientId } });

  it('8 weeks without a task: the VPA\'s message with the exact text, and the red question mark', async () => {
    const lines = await tick(NOW);
    expect(lines).toContain('Kunde K-3001 (Stille Wasser GmbH): 8-Wochen-Nachricht gesendet');
    const text = vpaMessageText(CLIENT.name, 'Anna Schneider');
    expect(await port.chats(h)).toEqual([{ from: anna.email, text }]);
    expect(await port.mark(h)).toBe(anna.email);
    await port.assertVpaCanSend(h, anna, text);
    // The bot's own mark for `kunden`, in both modes.
    expect(await h.db.prisma.clientMark.findUnique({ where: { clientId } })).not.toBeNull();
    // Nothing twice.
    expect(await tick(NOW)).toEqual([]);
    expect(await port.chats(h)).toHaveLength(1);
  });

  it('hand-over to Conny: reassigned to Conny, and Conny introduces herself', async () => {
    await tick(NOW);
    const week13 = new Date(NOW.getTime() + 4 * WEEK);
    h.clock.set(week13);
    const running = await cycle();
    card(await h.invoke('inactivity.handover', { cycleId: running.id, version: running.version }, { from: kim }));
    expect((await cycle()).connyAt).not.toBeNull();
    const lines = await tick(week13);
    expect(lines).toContain('Kunde K-3001 (Stille Wasser GmbH): Vorstellung Conny gesendet');
    expect(await port.reassignedTo(h)).toEqual(['Conny Meindl']);
    const chats = await port.chats(h);
    expect(chats).toHaveLength(2);
    expect(chats[1]).toEqual({ from: conny.email, text: connyMessageText('conny_intro', CLIENT.name, 'Conny Meindl', 'Anna Schneider') });
  });

  it('the client posts a task: the mark is gone and the sequence stops', async () => {
    await tick(NOW);
    const week13 = new Date(NOW.getTime() + 4 * WEEK);
    h.clock.set(week13);
    const running = await cycle();
    card(await h.invoke('inactivity.handover', { cycleId: running.id, version: running.version }, { from: kim }));
    await tick(week13);
    expect(await port.chats(h)).toHaveLength(2);

    await h.db.prisma.task.create({ data: { id: 'task-new', clientId, createdAt: new Date(week13.getTime() + 86_400_000), sourceKey: 'task-new', title: 'Reise buchen' } });
    const lines = await tick(new Date(week13.getTime() + 2 * 86_400_000));
    expect(lines).toContain('Kunde K-3001 (Stille Wasser GmbH) ist reaktiviert: Prüfung durch das Admin-Team angelegt');
    expect(await port.mark(h)).toBeUndefined();
    expect(await h.db.prisma.clientMark.findUnique({ where: { clientId } })).toBeNull();

    // Weeks 16 and 20 after the last old task (Monday mornings in the send window) pass without a reminder.
    for (const weeks of [16, 20]) await tick(new Date(NOW.getTime() + (weeks - 9) * WEEK));
    expect(await port.chats(h)).toHaveLength(2);
  });
});
