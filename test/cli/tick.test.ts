// `tick [--now]`: runs each job once for the instant and prints what they did; a job that keeps its
// idempotency key does nothing the second time; a failing job is reported without stopping the others.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { enqueue } from '../../src/outbox/enqueue.ts';
import { runTick } from '../../src/tick/run-tick.ts';
import { TICK_JOBS, type TickJob } from '../../src/tick/jobs.ts';
import { loadConfig } from '../../src/config/config.ts';
import { silentLogger } from '../../src/log/logger.ts';
import { FixedClock } from '../../src/time/clock.ts';
import { cli } from './harness.ts';
import { testDatabase, type TestDatabase } from '../support/db.ts';

let db: TestDatabase;
beforeEach(async () => {
  db = await testDatabase('sqlite');
});
afterEach(async () => {
  await db.destroy();
});

/** A job in the way real ones are written: the due step's idempotency key decides whether there is work. */
function reminderJob(seen: Date[]): TickJob {
  return {
    name: 'test-reminder',
    async run({ prisma, now }) {
      seen.push(now);
      const day = now.toISOString().slice(0, 10);
      const queued = await prisma.$transaction((tx) =>
        enqueue(tx, { idempotencyKey: `test-reminder:${day}`, now, message: { mode: 'send', recipient: { type: 'channel', purpose: 'schicht' }, notice: { kind: 'text', model: { text: 'Bitte prüfen' } } } }),
      );
      return queued ? [`Erinnerung für den ${day} an die Schicht gesendet`] : [];
    },
  };
}

describe('tick', () => {
  it('runs each job once at the given instant; the same instant again does nothing', async () => {
    const seen: Date[] = [];
    const jobs = [reminderJob(seen)];
    const first = await cli(db.url, ['tick', '--now', '2026-11-23T09:00:00+01:00'], { tickJobs: jobs });
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('Tick für 23.11.2026 09:00:00 (Europe/Berlin):');
    expect(first.stdout).toContain('- [test-reminder] Erinnerung für den 2026-11-23 an die Schicht gesendet');
    expect(seen.map((d) => d.toISOString())).toEqual(['2026-11-23T08:00:00.000Z']);
    expect(await db.prisma.outboxMessage.count()).toBe(1);

    const second = await cli(db.url, ['tick', '--now', '2026-11-23T09:00:00+01:00'], { tickJobs: jobs });
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('Nichts fällig.');
    expect(second.stdout).not.toContain('Erinnerung');
    expect(await db.prisma.outboxMessage.count()).toBe(1);

    // A time without an offset is a wall time in TZ_BUSINESS; the next day is new work.
    const next = await cli(db.url, ['tick', '--now', '2026-11-24T09:00'], { tickJobs: jobs });
    expect(next.stdout).toContain('Erinnerung für den 2026-11-24');
    expect(seen.at(-1)?.toISOString()).toBe('2026-11-24T08:00:00.000Z');
    expect(await db.prisma.outboxMessage.count()).toBe(2);
  });

  it('a tick ahead of the clock queues its messages due now, so a flow tried days ahead shows at once', async () => {
    const seen: Date[] = [];
    const clockNow = new Date('2026-11-20T10:00:00Z');
    const r = await cli(db.url, ['tick', '--now', '2026-11-23T09:00:00+01:00'], { tickJobs: [reminderJob(seen)], clock: new FixedClock(clockNow) });
    expect(r.stdout).toContain('1 Nachricht(en) dieses Ticks gehen jetzt raus');
    const row = await db.prisma.outboxMessage.findFirstOrThrow();
    expect(row.nextAttemptAt).toEqual(clockNow);
    expect(row.createdAt).toEqual(new Date('2026-11-23T08:00:00Z')); // its order among the tick's messages stays
    // A tick in the past (a replay) changes nothing about due times.
    await cli(db.url, ['tick', '--now', '2026-11-19T09:00:00+01:00'], { tickJobs: [reminderJob(seen)], clock: new FixedClock(clockNow) });
    const replayed = await db.prisma.outboxMessage.findFirstOrThrow({ where: { idempotencyKey: 'test-reminder:2026-11-19' } });
    expect(replayed.nextAttemptAt).toEqual(new Date('2026-11-19T08:00:00Z'));
  });

  it('uses the clock when --now is not given', async () => {
    const seen: Date[] = [];
    await cli(db.url, ['tick'], { tickJobs: [reminderJob(seen)] });
    expect(seen.map((d) => d.toISOString())).toEqual(['2026-11-23T10:00:00.000Z']);
  });

  it('says "Nichts fällig." with the registered jobs on an empty database', async () => {
    const r = await cli(db.url, ['tick', '--now', '2026-11-23T09:00:00Z']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Nichts fällig.');
    const results = await runTick({ prisma: db.prisma, now: new Date('2026-11-23T09:00:00Z'), logger: silentLogger, config: loadConfig({ DATABASE_URL: db.url }) });
    expect(results.map((x) => x.job)).toEqual(TICK_JOBS.map((j) => j.name));
    expect(results.flatMap((x) => x.lines)).toEqual([]);
  });

  it('reports a failing job with a non-zero exit code and still runs the others', async () => {
    const seen: Date[] = [];
    const broken: TickJob = {
      name: 'broken',
      run: () => Promise.reject(new Error('boom')),
    };
    const r = await cli(db.url, ['tick', '--now', '2026-11-23T09:00:00Z'], { tickJobs: [broken, reminderJob(seen)] });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Fehler in „broken“');
    expect(r.stderr).toContain('[INTERNAL]');
    expect(r.stdout).toContain('- [test-reminder] Erinnerung');
    expect(r.stdout).not.toContain('Nichts fällig.');
  });

  it('refuses an invalid --now and runs nothing', async () => {
    const seen: Date[] = [];
    for (const bad of ['morgen', '2026-02-30T09:00:00Z', '23.11.2026']) {
      const r = await cli(db.url, ['tick', '--now', bad], { tickJobs: [reminderJob(seen)] });
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(`„${bad}“ ist kein gültiger Zeitpunkt`);
      expect(r.stderr).toContain('[INVALID_INSTANT]');
    }
    expect(seen).toEqual([]);
  });
});
