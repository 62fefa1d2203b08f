// Issue 8, acceptance 2: two instances of the bot on one PostgreSQL database tick at the same instants — two separate
// Prisma clients (two connection pools), runTick with the inactivity jobs from both at once at every tick — and every
// (client, step, cycle) still happens exactly once, with exactly one chat/e-mail to-do per message, as the oracle of
// test/inactivity/support.ts says for one instance. Skipped without TEST_DATABASE_URL, like the other PostgreSQL tests.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadConfig, type Config } from '../../src/config/config.ts';
import { openDatabase, type Db } from '../../src/db/client.ts';
import { inactivityJobs } from '../../src/inactivity/index.ts';
import { silentLogger } from '../../src/log/logger.ts';
import { runTick } from '../../src/tick/run-tick.ts';
import { TEST_DATABASE_URL, testDatabase } from '../support/db.ts';
import { assign, createClient, createPerson } from '../support/people.ts';
import { berlin, DENSE, describeScenario, drive, invariantViolations, oracle, scenarioArb, seed, snapshot, weeksAfter, type Scenario } from './support.ts';

const NUM_RUNS = Number(process.env.SEQ_PG_RUNS ?? 5);

const SEED = process.env.SEQ_SEED ? Number(process.env.SEQ_SEED) : undefined;

function configFor(url: string, s: Scenario): Config {
  return loadConfig({ DATABASE_URL: url, LOG_LEVEL: 'silent', INACTIVE_AUTO_HANDOVER: String(s.autoHandover), ...(s.holidaysState ? { HOLIDAYS_STATE: s.holidaysState } : {}) });
}

/** Both instances tick at `now` at the same time; a job that fails in either is a finding (it must lose the race quietly). */
async function tickBoth(instances: Db[], config: Config, now: Date, failures: string[]): Promise<void> {
  const results = await Promise.all(instances.map((prisma) => runTick({ prisma, now, logger: silentLogger, config, jobs: inactivityJobs })));
  results.forEach((rs, i) => {
    for (const r of rs) if (r.error) failures.push(`instance ${i + 1} at ${now.toISOString()}: ${r.job}: [${r.error.code}] ${r.error.message}`);
  });
}

async function checkTwoInstances(s: Scenario): Promise<void> {
  const db = await testDatabase('postgres');
  const second = openDatabase(db.url);
  try {
    const config = configFor(db.url, s);
    const seeded = await seed(db.prisma, s);
    const failures: string[] = [];
    const actions = await drive(db.prisma, s, seeded, config, (now) => tickBoth([db.prisma, second.prisma], config, now, failures));
    const expected = oracle(s);
    const snap = await snapshot(db.prisma, seeded);
    const context = `\n${describeScenario(s)}`;
    expect(invariantViolations(s, seeded, snap, expected.pauses), context).toEqual([]);
    expect(actions, context).toEqual(expected.actions);
    expect(snap.cycles, context).toEqual(expected.cycles);
    expect(snap.rows.map((r) => ({ client: r.client, cycle: r.cycle, step: r.step, outcome: r.outcome, at: r.at })), context).toEqual(expected.rows);
    // Exactly one to-do per message key, and one red question mark / reassignment per cycle and hand-over.
    const keys = snap.todos.map((t) => t.key);
    expect(new Set(keys).size, context).toBe(keys.length);
    expect(await db.prisma.platformTodo.count({ where: { kind: 'reassign' } }), context).toBe(expected.cycles.filter((c) => c.connyAt).length);
    expect(failures, context).toEqual([]);
  } finally {
    await second.close();
    await db.destroy();
  }
}

describe.skipIf(!TEST_DATABASE_URL)('two instances on one PostgreSQL database (property)', () => {
  it(`tick at the same instants from two Prisma clients: every (client, step, cycle) exactly once (${NUM_RUNS} runs)`, { timeout: 600_000 }, async () => {
    await fc.assert(fc.asyncProperty(scenarioArb({ ...DENSE, maxReplays: 10 }), checkTwoInstances), { numRuns: NUM_RUNS, ...(SEED !== undefined ? { seed: SEED } : {}), endOnFailure: true });
  });

  // Found by the property above: the loser of a reactivation race used to fail its whole job with INACTIVITY_STALE.
  it('both instances reactivating the same cycles at once: the loser does nothing, no job fails', { timeout: 120_000 }, async () => {
    const db = await testDatabase('postgres');
    const second = openDatabase(db.url);
    try {
      const config = loadConfig({ DATABASE_URL: db.url, LOG_LEVEL: 'silent' });
      await createPerson(db.prisma, { name: 'Conny Account', roles: ['conny'] });
      const vpa = await createPerson(db.prisma, { name: 'Vera Vpa', roles: ['vpa'] });
      const lastTask = berlin('2026-09-01T10:00');
      const clients = [];
      for (let i = 0; i < 6; i++) {
        const c = await createClient(db.prisma, { number: `K-${2001 + i}`, name: `Kunde ${i}`, class: 'B', workType: 'continuous' });
        await assign(db.prisma, { clientId: c.id, vpaId: vpa.id, from: berlin('2026-01-01T00:00') });
        await db.prisma.task.create({ data: { id: `t-${i}-0`, clientId: c.id, createdAt: lastTask, sourceKey: `race:${i}:0` } });
        clients.push(c);
      }
      const failures: string[] = [];
      // Rounds: one instance starts the cycles (8 weeks after the last task), every client posts a task, both
      // instances tick at the same instant. Repeated so that the race is all but certain to happen.
      let last = lastTask;
      for (let round = 1; round <= 4 && failures.length === 0; round++) {
        const start = weeksAfter(last, 8);
        await runTick({ prisma: db.prisma, now: start, logger: silentLogger, config, jobs: inactivityJobs });
        expect(await db.prisma.inactivityCycle.count({ where: { status: 'running' } })).toBe(clients.length);
        last = new Date(start.getTime() + 3_600_000);
        for (const [i, c] of clients.entries()) await db.prisma.task.create({ data: { id: `t-${i}-${round}`, clientId: c.id, createdAt: last, sourceKey: `race:${i}:${round}` } });
        await tickBoth([db.prisma, second.prisma], config, new Date(last.getTime() + 60_000), failures);
        expect(await db.prisma.inactivityCycle.count({ where: { status: 'reactivated', cycle: round } })).toBe(clients.length);
      }
      expect(failures).toEqual([]);
    } finally {
      await second.close();
      await db.destroy();
    }
  });
});
