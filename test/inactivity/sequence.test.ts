// Issue 8: deterministic companions of the property test — the message sequence of one inactive client through a
// public holiday, Easter with the change to summer time (28.03.2027), a hand-over in week 17 and a downtime from week
// 15 to week 21. Every expected instant below is computed by hand and written literally (UTC, with the Berlin time
// in the comment); the oracle of the property test must agree with them too.
import { describe, expect, it } from 'vitest';
import { loadConfig, type Config } from '../../src/config/config.ts';
import { inactivityJobs } from '../../src/inactivity/index.ts';
import { silentLogger } from '../../src/log/logger.ts';
import { runTick } from '../../src/tick/run-tick.ts';
import { testDatabase } from '../support/db.ts';
import { berlin, drive, oracle, seed, snapshot, type Scenario, type Snapshot } from './support.ts';

/** Ticks at the given UTC times of day on every day from `from` to `to` (ISO dates, inclusive). */
function daily(from: string, to: string, timesUtc: string[]): Date[] {
  const out: Date[] = [];
  for (let d = new Date(`${from}T00:00:00Z`); d <= new Date(`${to}T00:00:00Z`); d = new Date(d.getTime() + 86_400_000)) {
    for (const t of timesUtc) out.push(new Date(`${d.toISOString().slice(0, 10)}T${t}:00Z`));
  }
  return out;
}

/** Ticks every `minutes` from `from` (inclusive) to `to` (exclusive), ISO instants. */
function every(minutes: number, from: string, to: string): Date[] {
  const out: Date[] = [];
  for (let t = Date.parse(from); t < Date.parse(to); t += minutes * 60_000) out.push(new Date(t));
  return out;
}

function scenario(input: { lastTask: string; ticks: Date[]; handOvers?: Date[]; autoHandover?: boolean; holidaysState?: 'BY' }): Scenario {
  return {
    assignedFrom: berlin('2026-01-05T08:00'),
    clients: [{ tasks: [new Date(input.lastTask)], newTasks: [], handOvers: input.handOvers ?? [], replies: [] }],
    ticks: input.ticks,
    autoHandover: input.autoHandover ?? false,
    holidaysState: input.holidaysState,
  };
}

interface Played {
  snap: Snapshot;
  /** The same rows as `step outcome at` lines, for literal expectations. */
  lines: string[];
  /** Client messages (chat/e-mail to-dos) as `kind sender createdAt`. */
  todos: string[];
  replay(ticks: Date[]): Promise<Snapshot>;
}

async function play(s: Scenario, body: (p: Played) => Promise<void>): Promise<void> {
  const db = await testDatabase('sqlite');
  try {
    const config: Config = loadConfig({ DATABASE_URL: db.url, LOG_LEVEL: 'silent', INACTIVE_AUTO_HANDOVER: String(s.autoHandover), ...(s.holidaysState ? { HOLIDAYS_STATE: s.holidaysState } : {}) });
    const seeded = await seed(db.prisma, s);
    const tick = async (now: Date) => {
      const results = await runTick({ prisma: db.prisma, now, logger: silentLogger, config, jobs: inactivityJobs });
      expect(results.filter((r) => r.error)).toEqual([]);
    };
    await drive(db.prisma, s, seeded, config, tick);
    const snap = await snapshot(db.prisma, seeded);
    const lines = snap.rows.map((r) => `${r.step} ${r.outcome} ${r.at}`);
    // The oracle of the property test agrees with the hand-computed instants.
    expect(oracle(s).rows.map((r) => `${r.step} ${r.outcome} ${r.at}`)).toEqual(lines);
    const sender = (id: string | null) => (id === seeded.connyId ? 'conny' : id === seeded.vpaIds[0] ? 'vpa' : String(id));
    const todos = snap.todos.map((t) => `${t.kind} ${sender(t.senderId)} ${t.createdAt}`);
    await body({
      snap,
      lines,
      todos,
      replay: async (ticks) => {
        for (const now of ticks) await tick(now);
        return snapshot(db.prisma, seeded);
      },
    });
  } finally {
    await db.destroy();
  }
}

describe('inactivity sequence: holidays and the change to summer time', () => {
  // Last task Wed 11.11.2026 08:00 (CET) → 8 weeks: Wed 06.01.2027 08:00 CET = 07:00Z, Heilige Drei Könige — a
  // public holiday in Bavaria only. Ticks every 30 minutes from 06.01. 00:00Z to 08.01. 00:00Z.
  const epiphany = () => scenario({ lastTask: '2026-11-11T07:00:00Z', ticks: every(30, '2027-01-06T00:00:00Z', '2027-01-08T00:00:00Z') });

  it('without HOLIDAYS_STATE (nationwide holidays) the 8-week message goes out on 06.01.2027 at 09:00', async () => {
    await play(epiphany(), async ({ snap, lines, todos }) => {
      expect(snap.cycles.map((c) => c.createdAt)).toEqual(['2027-01-06T07:00:00.000Z']); // 08:00 CET, the first tick at 8 weeks
      expect(lines).toEqual(['vpa_message sent 2027-01-06T08:00:00.000Z']); // Wed 09:00 CET
      expect(todos).toEqual(['chat vpa 2027-01-06T08:00:00.000Z']);
    });
  });

  it('with HOLIDAYS_STATE=BY it waits for the next window: Thu 07.01.2027 09:00', async () => {
    await play({ ...epiphany(), holidaysState: 'BY' }, async ({ lines, todos }) => {
      expect(lines).toEqual(['vpa_message sent 2027-01-07T08:00:00.000Z']); // Thu 09:00 CET
      expect(todos).toEqual(['chat vpa 2027-01-07T08:00:00.000Z']);
    });
  });

  it('due on Maundy Thursday after the window: waits over Good Friday, the weekend with the clock change and Easter Monday', async () => {
    // Last task Thu 28.01.2027 17:30 CET → 8 weeks: Thu 25.03.2027 17:30 CET = 16:30Z (after the window). Fri 26.03.
    // Karfreitag, Sat, Sun 28.03. (02:00 CET → 03:00 CEST), Mon 29.03. Ostermontag: the next window is Tue 30.03.2027
    // 09:00 CEST = 07:00Z. Hourly ticks.
    const s = scenario({ lastTask: '2027-01-28T16:30:00Z', ticks: every(60, '2027-03-25T12:00:00Z', '2027-03-31T00:00:00Z') });
    await play(s, async ({ snap, lines }) => {
      expect(snap.cycles.map((c) => c.createdAt)).toEqual(['2027-03-25T17:00:00.000Z']); // 18:00 CET
      expect(lines).toEqual(['vpa_message sent 2027-03-30T07:00:00.000Z']); // Tue 09:00 CEST
    });
  });

  it('weeks are local calendar weeks across the change to summer time: 8 weeks after Thu 04.02. 10:00 CET is Thu 01.04. 10:00 CEST', async () => {
    // 10:00 CEST = 08:00Z; 56 × 24 hours would be 09:00Z. Ticks every 15 minutes from 07:00Z.
    const s = scenario({ lastTask: '2027-02-04T09:00:00Z', ticks: every(15, '2027-04-01T07:00:00Z', '2027-04-01T10:00:00Z') });
    await play(s, async ({ snap, lines }) => {
      expect(snap.cycles.map((c) => c.createdAt)).toEqual(['2027-04-01T08:00:00.000Z']);
      expect(lines).toEqual(['vpa_message sent 2027-04-01T08:00:00.000Z']);
    });
  });
});

describe('inactivity sequence: Conny', () => {
  // Last task Mon 02.11.2026 10:00 CET = 09:00Z. Times: 8 weeks Mon 28.12.2026 09:00Z; 12 weeks Mon 25.01.2027 09:00Z;
  // 16 weeks Mon 22.02.2027 09:00Z; 20 weeks Mon 22.03.2027 09:00Z (still CET); 52 weeks Mon 01.11.2027. Ticks twice a
  // day at 06:00Z and 12:00Z (07:00/13:00 CET, 08:00/14:00 CEST).
  const lastTask = '2026-11-02T09:00:00Z';

  it('hand-over in week 17: intro sent, the 16-week reminder skipped, the 20-week one sent; replaying every tick backwards changes nothing', async () => {
    // Hand-over Mon 01.03.2027 11:00 CET = 10:00Z (week 17).
    const s = scenario({ lastTask, ticks: daily('2026-12-27', '2027-04-05', ['06:00', '12:00']), handOvers: [new Date('2027-03-01T10:00:00Z')] });
    await play(s, async ({ snap, lines, todos, replay }) => {
      expect(snap.cycles).toEqual([
        { client: 0, cycle: 1, lastTaskAt: '2026-11-02T09:00:00.000Z', status: 'running', connyAt: '2027-03-01T10:00:00.000Z', createdAt: '2026-12-28T12:00:00.000Z', reactivatedAt: null },
      ]);
      expect(lines).toEqual([
        'vpa_message sent 2026-12-28T12:00:00.000Z', // Mon 13:00 CET, the first tick after 8 weeks
        'conny_intro sent 2027-03-01T12:00:00.000Z', // Mon 13:00 CET, the first tick after the hand-over
        'conny_reminder_1 skipped 2027-03-01T12:00:00.000Z', // its time (22.02.) passed before the client reached Conny
        'conny_reminder_2 sent 2027-03-22T12:00:00.000Z', // Mon 13:00 CET
      ]);
      expect(todos).toEqual(['chat vpa 2026-12-28T12:00:00.000Z', 'chat conny 2027-03-01T12:00:00.000Z', 'chat conny 2027-03-22T12:00:00.000Z']);
      // Every instant once more, latest first (earlier instants after later ones, each instant twice in all).
      const again = await replay([...s.ticks].reverse());
      expect(again).toEqual(snap);
    });
  });

  it('downtime from week 15 to week 21 (automatic hand-over at 12 weeks): the 16-week reminder skipped, the 20-week one sent at the next window', async () => {
    // No ticks from Mon 15.02.2027 (week 15) until Mon 29.03.2027 06:00Z (week 21, Easter Monday, 08:00 CEST).
    const ticks = [...daily('2026-12-27', '2027-02-14', ['06:00', '12:00']), ...daily('2027-03-29', '2027-04-05', ['06:00', '12:00'])];
    const s = scenario({ lastTask, ticks, autoHandover: true });
    await play(s, async ({ snap, lines, todos }) => {
      expect(snap.cycles.map((c) => c.connyAt)).toEqual(['2027-01-25T12:00:00.000Z']); // the first tick at 12 weeks
      expect(lines).toEqual([
        'vpa_message sent 2026-12-28T12:00:00.000Z',
        'conny_intro sent 2027-01-25T12:00:00.000Z', // Mon 13:00 CET, the same tick as the hand-over
        'conny_reminder_1 skipped 2027-03-29T06:00:00.000Z', // stale since 20 weeks (22.03.): the first tick after the downtime
        'conny_reminder_2 sent 2027-03-30T12:00:00.000Z', // not on Easter Monday, not at 08:00 CEST: Tue 14:00 CEST
      ]);
      expect(todos).toEqual(['chat vpa 2026-12-28T12:00:00.000Z', 'chat conny 2027-01-25T12:00:00.000Z', 'chat conny 2027-03-30T12:00:00.000Z']);
    });
  });

  it('hand-over on Friday evening of week 14, then downtime until week 21: the intro and the 16-week reminder go stale, the 20-week one is sent', async () => {
    // Hand-over Fri 12.02.2027 18:00 CET = 17:00Z (after the window); the next window would be Mon 15.02., inside the
    // downtime. The intro is stale from 16 weeks (22.02.); at the first tick after the downtime it is skipped.
    const ticks = [...daily('2026-12-27', '2027-02-14', ['06:00', '12:00']), ...daily('2027-03-29', '2027-04-05', ['06:00', '12:00'])];
    const s = scenario({ lastTask, ticks, handOvers: [new Date('2027-02-12T17:00:00Z')] });
    await play(s, async ({ lines, todos }) => {
      expect(lines).toEqual([
        'vpa_message sent 2026-12-28T12:00:00.000Z',
        'conny_intro skipped 2027-03-29T06:00:00.000Z',
        'conny_reminder_1 skipped 2027-03-29T06:00:00.000Z',
        'conny_reminder_2 sent 2027-03-30T12:00:00.000Z',
      ]);
      expect(todos).toEqual(['chat vpa 2026-12-28T12:00:00.000Z', 'chat conny 2027-03-30T12:00:00.000Z']);
    });
  });

  it('Christmas: the 8-week message due on Thu 24.12.2026 after the window waits until Mon 28.12.2026 09:00', async () => {
    // Last task Thu 29.10.2026 17:15 CET = 16:15Z → 8 weeks: Thu 24.12.2026 17:15 CET (after the window); 25./26.12.
    // holidays, 27.12. Sunday. Ticks every 20 minutes.
    const s = scenario({ lastTask: '2026-10-29T16:15:00Z', ticks: every(20, '2026-12-24T15:00:00Z', '2026-12-28T12:00:00Z') });
    await play(s, async ({ snap, lines }) => {
      expect(snap.cycles.map((c) => c.createdAt)).toEqual(['2026-12-24T16:20:00.000Z']);
      expect(lines).toEqual(['vpa_message sent 2026-12-28T08:00:00.000Z']);
    });
  });
});
