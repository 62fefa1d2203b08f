
import { loadConfig } from './src/config/config.ts';
import { inactivityJobs } from './src/inactivity/index.ts';
import { silentLogger } from './src/log/logger.ts';
import { runTick } from './src/tick/run-tick.ts';
import { testDatabase } from './test/support/db.ts';
import fc from 'fast-check';
import { scenarioArb, seed, oracle } from './test/inactivity/support.ts';
await (async () => {
  let t = performance.now();
  const db = await testDatabase('sqlite');
  console.log('migrate', performance.now() - t);
  const [s] = fc.sample(scenarioArb(), { seed: 1, numRuns: 1 });
  t = performance.now();
  const seeded = await seed(db.prisma, s!);
  console.log('seed', performance.now() - t, 'ticks', s!.ticks.length, 'clients', s!.clients.length);
  t = performance.now(); oracle(s!); console.log('oracle', performance.now() - t);
  const config = loadConfig({ DATABASE_URL: db.url, LOG_LEVEL: 'silent' });
  t = performance.now();
  for (const now of s!.ticks.slice(0, 200)) await runTick({ prisma: db.prisma, now, logger: silentLogger, config, jobs: inactivityJobs });
  console.log('200 ticks', performance.now() - t);
  for (const j of inactivityJobs) { t = performance.now(); for (let i = 0; i < 100; i++) await runTick({ prisma: db.prisma, now: s!.ticks[300]!, logger: silentLogger, config, jobs: [j] }); console.log(j.name, (performance.now() - t) / 100); }
  t = performance.now(); await db.destroy(); console.log('destroy', performance.now() - t);
})();
