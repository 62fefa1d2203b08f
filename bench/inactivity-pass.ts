// One scheduler pass of process 2 over 100,000 clients and 1,000,000 tasks on SQLite (issue 8: aim under 2 s and
// 300 MB). The data is written with better-sqlite3 directly (Prisma's DateTime text format), then `runTick` runs the
// inactivity jobs once, as the in-process scheduler would; the time and the peak RSS during the pass are printed.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { loadConfig } from '../src/config/config.ts';
import { openDatabase } from '../src/db/client.ts';
import { migrate } from '../src/db/migrate.ts';
import { inactivityJobs } from '../src/inactivity/index.ts';
import { silentLogger } from '../src/log/logger.ts';
import { runTick } from '../src/tick/run-tick.ts';

const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 100_000);
const TASKS = Number(process.env.BENCH_TASKS ?? 1_000_000);
const VPAS = 500;
const DAY = 86_400_000;
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
      const cycle = raw.prepare('INSERT INTO "InactivityCycle" (id, clientId, cycle, lastTaskAt, vpaId, status, connyAt, version, createdAt) VALUES (?, ?, 1, ?, ?, \'running\', ?, 1, ?)');
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
          cycle.run(`cy-${c}`, `c-${c}`, iso(last), `vpa-${c % VPAS}`, conny === null ? null : iso(conny), iso(last + 56 * DAY));
          const due: [string, number][] = [['vpa_message', 56]];
          if (conny !== null) due.push(['conny_intro', 84], ['conny_reminder_1', 112], ['conny_reminder_2', 140], ['conny_email', 364]);
          for (const [name, days] of due) if (quietDays >= days + 1) step.run(`st-${c}-${name}`, `cy-${c}`, `c-${c}`, name, iso(last + days * DAY), iso(last + days * DAY));
        }
      }
    })();
    raw.close();
    const seeded = (performance.now() - t0) / 1000;

    const db = openDatabase(url);
    const config = loadConfig({ DATABASE_URL: url, LOG_LEVEL: 'silent' });
    let peak = process.memoryUsage().rss;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
    const t1 = performance.now();
    const pass = await runTick({ prisma: db.prisma, now: new Date(now), logger: silentLogger, config, jobs: inactivityJobs });
    const seconds = (performance.now() - t1) / 1000;
    clearInterval(sampler);
    peak = Math.max(peak, process.memoryUsage().rss);
    const failed = pass.filter((r) => r.error).map((r) => `${r.job}: ${r.error?.code}`);
    const work = pass.flatMap((r) => r.lines).length;
    const cycles = await db.prisma.inactivityCycle.count();
    await db.close();
    const line = (name: string, value: string) => process.stdout.write(`${name.padEnd(44)} ${value}\n`);
    line(`inactivity: seeded ${CLIENTS} clients, ${TASKS} tasks`, `${seeded.toFixed(1)} s, ${cycles} cycles after the pass`);
    line('inactivity: one scheduler pass (all jobs)', `${seconds.toFixed(2)} s, ${work} things done${failed.length ? `, FAILED: ${failed.join('; ')}` : ''}   (aim: < 2 s)`);
    line('inactivity: peak RSS during the pass', `${(peak / 1048576).toFixed(0)} MiB   (aim: < 300 MB)`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
