// One scheduler pass of process 2 over 100,000 clients and 1,000,000 tasks on SQLite (issue 8: aim under 2 s and
// 300 MB). The data is written with better-sqlite3 directly (Prisma's DateTime text format), then `runTick` runs the
// inactivity jobs once, as the in-process scheduler would; the time and the peak RSS during the pass are printed.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { loadConfig, type Config } from '../src/config/config.ts';
import { openDatabase, type Db } from '../src/db/client.ts';
import { migrate } from '../src/db/migrate.ts';
import { inactivityJobs, nextCheckAt, plannedSteps } from '../src/inactivity/index.ts';
import { silentLogger } from '../src/log/logger.ts';
import { runTick } from '../src/tick/run-tick.ts';

const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 100_000);
const TASKS = Number(process.env.BENCH_TASKS ?? 1_000_000);
const VPAS = 500;
const DAY = 86_400_000;
const PASSES_FLAG = '--inactivity-passes';
const iso = (ms: number) => new Date(ms).toISOString().replace('Z', '+00:00');

export async function inactivityPass(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'staffelstab-bench-'));
  const url = `file:${path.join(dir, 'bench.db')}`;
  try {
    await migrate(url);
    const now = Date.parse('2026-11-30T10:00:00Z'); // Monday, inside the send window
    const raw = new Database(path.join(dir, 'bench.db'));
    raw.pragma('journal_mode = WAL');
    const t0 = performance.now();
    raw.transaction(() => {
      const person = raw.prepare('INSERT INTO "Person" (id, name, email, competences, takesNewClients, createdAt, updatedAt) VALUES (?, ?, ?, \'\', 1, ?, ?)');
      const role = raw.prepare('INSERT INTO "PersonRole" (personId, role, createdAt) VALUES (?, ?, ?)');
      for (let v = 0; v < VPAS; v++) {
        person.run(`vpa-${v}`, `VPA ${v}`, `vpa${v}@bench.example`, iso(now), iso(now));
        role.run(`vpa-${v}`, 'vpa', iso(now));
      }
      person.run('conny', 'Conny Meindl', 'conny@bench.example', iso(now), iso(now));
      role.run('conny', 'conny', iso(now));
      const client = raw.prepare('INSERT INTO "Client" (id, number, name, class, workType, notes, createdAt, updatedAt) VALUES (?, ?, ?, \'B\', \'continuous\', \'\', ?, ?)');
      const assignment = raw.prepare('INSERT INTO "Assignment" (id, clientId, vpaId, "from", "to") VALUES (?, ?, ?, ?, NULL)');
      for (let c = 0; c < CLIENTS; c++) {
        client.run(`c-${c}`, `B-${c}`, `Kunde ${c}`, iso(now), iso(now));
        assignment.run(`a-${c}`, `c-${c}`, `vpa-${c % VPAS}`, iso(now - 900 * DAY));
      }
      const task = raw.prepare('INSERT INTO "Task" (id, clientId, createdAt, title, competence, sourceKey) VALUES (?, ?, ?, \'\', \'\', ?)');
      const cycle = raw.prepare('INSERT INTO "InactivityCycle" (id, clientId, cycle, lastTaskAt, vpaId, status, connyAt, version, createdAt, nextCheckAt) VALUES (?, ?, 1, ?, ?, \'running\', ?, 1, ?, ?)');
      const rules = loadConfig({ LOG_LEVEL: 'silent' });
      const step = raw.prepare('INSERT INTO "InactivityStep" (id, cycleId, clientId, cycle, step, outcome, dueAt, at) VALUES (?, ?, ?, 1, ?, \'sent\', ?, ?)');
      const perClient = Math.max(1, Math.floor(TASKS / CLIENTS));
      let n = 0;
      for (let c = 0; c < CLIENTS && n < TASKS; c++) {
        // Spread the last tasks over two years: some clients are active, many are at some step of the sequence.
        const last = now - ((c * 7919) % 730) * DAY;
        for (let k = 0; k < perClient && n < TASKS; k++, n++) task.run(`t-${n}`, `c-${c}`, iso(last - k * 20 * DAY), `t-${n}`);
        // The steady state the every-minute tick meets: inactive clients already have their cycle and the steps that
        // were due (those past 12 weeks with Conny, their Conny steps too).
        const quietDays = (now - last) / DAY;
        if (quietDays >= 57) {
          const conny = quietDays >= 85 ? last + 84 * DAY : null;
          const due: [string, number][] = [['vpa_message', 56]];
          if (conny !== null) due.push(['conny_intro', 84], ['conny_reminder_1', 112], ['conny_reminder_2', 140], ['conny_email', 364]);
          const recorded = new Set(due.filter(([, days]) => quietDays >= days + 1).map(([name]) => name));
          // The next check the step job itself would have stored after its last pass.
          const times = { lastTaskAt: new Date(last), connyAt: conny === null ? null : new Date(conny), paused: false };
          const next = nextCheckAt(plannedSteps(times, rules.inactivity, rules.businessTimeZone), times, (s) => recorded.has(s));
          cycle.run(`cy-${c}`, `c-${c}`, iso(last), `vpa-${c % VPAS}`, conny === null ? null : iso(conny), iso(last + 56 * DAY), next === null ? null : iso(next.getTime()));
          for (const [name, days] of due) if (recorded.has(name)) step.run(`st-${c}-${name}`, `cy-${c}`, `c-${c}`, name, iso(last + days * DAY), iso(last + days * DAY));
        }
      }
    })();
    raw.close();
    // The server migrates at every start, which also refreshes the planner's statistics: do the same here.
    await migrate(url);
    const seeded = (performance.now() - t0) / 1000;

    process.stdout.write(`${`inactivity: seeded ${CLIENTS} clients, ${TASKS} tasks`.padEnd(44)} ${seeded.toFixed(1)} s\n`);
    // The passes run in a fresh process, as the server's scheduler would meet the database: its memory figures are the
    // pass's own, not the seeding's or the earlier benchmarks'.
    const child = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), PASSES_FLAG, url, String(now)], { stdio: 'inherit' });
    if (child.status !== 0) throw new Error(`bench: the inactivity passes failed (exit ${child.status ?? child.signal})`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

interface PassFigures {
  seconds: number;
  work: number;
  failed: string;
  perJob: string;
  peakMiB: number;
}

/** One pass of the inactivity jobs at `at`, timed per job, with the peak RSS sampled while it runs. */
async function timedPass(prisma: Db, at: Date, config: Config): Promise<PassFigures> {
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const perJob: string[] = [];
  const timed = inactivityJobs.map((job) => ({
    name: job.name,
    async run(ctx: Parameters<typeof job.run>[0]) {
      const start = performance.now();
      const lines = await job.run(ctx);
      perJob.push(`${job.name.replace('inactivity.', '')} ${((performance.now() - start) / 1000).toFixed(2)} s`);
      return lines;
    },
  }));
  const t = performance.now();
  const pass = await runTick({ prisma, now: at, logger: silentLogger, config, jobs: timed });
  const seconds = (performance.now() - t) / 1000;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  const failed = pass.filter((r) => r.error).map((r) => `${r.job}: ${r.error?.code}`);
  return { seconds, work: pass.flatMap((r) => r.lines).length, failed: failed.length ? `, FAILED: ${failed.join('; ')}` : '', perJob: perJob.join(', '), peakMiB: Math.round(peak / 1048576) };
}

/** In the child process: two timed passes on the seeded database, printed. */
async function runPasses(url: string, now: number): Promise<void> {
  const db = openDatabase(url);
  const config = loadConfig({ DATABASE_URL: url, LOG_LEVEL: 'silent' });
  const line = (name: string, value: string) => process.stdout.write(`${name.padEnd(44)} ${value}\n`);
  const before = Math.round(process.memoryUsage().rss / 1048576);
  // First pass: the steps that came due during the last day (the seed leaves them open) and the clients that turned
  // 8 weeks quiet: a day of catch-up, as after a day of downtime. Second pass, a minute later: the steady state the
  // every-minute scheduler meets.
  const catchUp = await timedPass(db.prisma, new Date(now), config);
  const steady = await timedPass(db.prisma, new Date(now + 60_000), config);
  const cycles = await db.prisma.inactivityCycle.count();
  await db.close();
  line('inactivity: pass with a day of catch-up', `${catchUp.seconds.toFixed(2)} s, ${catchUp.work} things done${catchUp.failed}, ${cycles} cycles after the passes`);
  line('inactivity:   time per job', catchUp.perJob);
  line('inactivity: steady-state pass (a minute later)', `${steady.seconds.toFixed(2)} s, ${steady.work} things done${steady.failed}   (aim: < 2 s)`);
  line('inactivity:   time per job', steady.perJob);
  line('inactivity: peak RSS of the pass process', `${Math.max(catchUp.peakMiB, steady.peakMiB)} MiB (${before} MiB after start-up, before the first pass)   (aim: < 300 MB)`);
}

if (process.argv[2] === PASSES_FLAG) await runPasses(process.argv[3] ?? '', Number(process.argv[4]));
