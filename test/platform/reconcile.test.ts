// The reconciliation (src/platform/reconcile) against an in-memory platform: a lost webhook is caught, a fact reported
// by both the webhook and the reconciliation has one effect, items answered on the platform are closed, the pull runs
// at its interval and not at every tick, and a platform that stops answering is reported (logs, /readyz).
import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig, type Config } from '../../src/config/config.ts';
import { inactivityJobs } from '../../src/inactivity/index.ts';
import { receiveInboxItem } from '../../src/inbox/index.ts';
import { silentLogger, type Logger } from '../../src/log/logger.ts';
import { createReconcileJob, platformEventsJob, platformJobs, platformSyncStatus, processPendingEvents, reconcilePlatform, type ReconcileResult } from '../../src/platform/index.ts';
import { storeEvent } from '../../src/platform/events/store.ts';
import { runTick } from '../../src/tick/run-tick.ts';
import { testDatabase, type TestDatabase } from '../support/db.ts';
import { chatReceived, clientInCycle, fakePlatform, HOUR, NOW, postSigned, startWebhookApp, taskCreated, type CycleWorld, type FakePlatform, type WebhookApp } from './webhook-support.ts';

const TZ = 'Europe/Berlin';
const MIN = 60_000;
const at = (minutes: number) => new Date(NOW.getTime() + minutes * MIN);

describe('reconciliation', () => {
  let db: TestDatabase;
  let config: Config;
  let world: CycleWorld;
  let platform: FakePlatform;

  beforeEach(async () => {
    db = await testDatabase('sqlite');
    config = loadConfig({ LOG_LEVEL: 'silent', DATABASE_URL: db.url });
    world = await clientInCycle(db.prisma, config);
    platform = fakePlatform();
  });
  afterEach(async () => {
    await db.destroy();
  });

  const reconcile = (now: Date, logger: Logger = silentLogger): Promise<ReconcileResult> =>
    reconcilePlatform({ prisma: db.prisma, reader: platform, now, logger, everyMinutes: 15, staleAfterMinutes: 30 });
  const process = (now: Date) => processPendingEvents({ prisma: db.prisma, now, logger: silentLogger, timeZone: TZ });
  /** The tick as the server runs it, with the in-memory platform as the reader. */
  const tickWith = async (now: Date) => {
    const results = await runTick({ prisma: db.prisma, now, logger: silentLogger, config, jobs: [createReconcileJob(() => platform), platformEventsJob, ...inactivityJobs] });
    expect(results.filter((r) => r.error)).toEqual([]);
    return results.flatMap((r) => r.lines);
  };
  const cycle = () => db.prisma.inactivityCycle.findFirstOrThrow({ where: { clientId: world.client.id }, orderBy: { cycle: 'desc' } });
  const platformTask = (id: string, createdAt: Date) => ({ id, clientNumber: world.client.number, createdAt, title: 'Neue Aufgabe', competence: '' });

  it('catches a task whose webhook was lost: stored, processed, and the cycle ends in the same tick', async () => {
    platform.tasks.push(platformTask('T-lost', at(30)));
    const lines = await tickWith(at(45));
    expect(lines).toEqual([
      'Abgleich mit der Plattform: 1 neue Aufgaben',
      'Plattform-Ereignisse verarbeitet: 1 × task.created',
      'Kunde K-3001 (Stille Wasser GmbH) ist reaktiviert: Prüfung durch das Admin-Team angelegt',
    ]);
    expect(await db.prisma.platformEvent.findUniqueOrThrow({ where: { id: 'reconcile:task:T-lost' } })).toMatchObject({ type: 'task.created', source: 'reconcile', status: 'processed' });
    expect(await db.prisma.task.count({ where: { sourceKey: 'platform:task:T-lost' } })).toBe(1);
    expect((await cycle()).status).toBe('reactivated');
  });

  it('stores nothing twice when the webhook came first, came later, or is still pending', async () => {
    // Came first and was processed: the reconciliation finds the Task and stores no event.
    const first = taskCreated(world.client.number, at(10), 'T-a');
    await storeEvent(db.prisma, first, 'webhook', at(10));
    await process(at(10));
    platform.tasks.push(platformTask('T-a', at(10)));
    // Still pending when the pull runs: both events are applied, one Task.
    await storeEvent(db.prisma, taskCreated(world.client.number, at(12), 'T-b'), 'webhook', at(12));
    platform.tasks.push(platformTask('T-b', at(12)));
    // Reconciled first, the webhook arrives later.
    platform.tasks.push(platformTask('T-c', at(14)));
    expect(await reconcile(at(20))).toMatchObject({ ran: true, tasks: 2 });
    await process(at(20));
    await storeEvent(db.prisma, taskCreated(world.client.number, at(14), 'T-c'), 'webhook', at(21));
    await process(at(21));
    // The next pull lists all three again (overlap): nothing new.
    expect(await reconcile(at(40))).toMatchObject({ ran: true, tasks: 0 });
    for (const id of ['T-a', 'T-b', 'T-c']) expect(await db.prisma.task.count({ where: { sourceKey: `platform:task:${id}` } })).toBe(1);
    expect(await db.prisma.platformEvent.count({ where: { id: { startsWith: 'reconcile:' } } })).toBe(2);
    expect(await db.prisma.platformEvent.count({ where: { status: { not: 'processed' } } })).toBe(0);
  });

  it('reads tasks from the cursor minus an overlap, the first time from a day back', async () => {
    await reconcile(at(0));
    await reconcile(at(15));
    expect(platform.sinceCalls).toEqual([new Date(at(0).getTime() - 24 * HOUR), new Date(at(0).getTime() - HOUR)]);
  });

  it('receives the Conny inbox\'s open items the bot does not know (source reconcile; a chat also pauses)', async () => {
    await db.prisma.$transaction((tx) => receiveInboxItem(tx, { id: 'C-known', kind: 'chat', clientNumber: world.client.number, receivedAt: at(1), source: 'webhook' }, at(1)));
    platform.inbox.push(
      { id: 'C-known', kind: 'chat', clientNumber: world.client.number, receivedAt: at(1), subject: '' },
      { id: 'C-new', kind: 'chat', clientNumber: world.client.number, receivedAt: at(5), subject: '' },
      { id: 'M-new', kind: 'mail', clientNumber: 'K-7777', receivedAt: at(6), subject: 'Rechnung' },
      { id: 'T-inbox', kind: 'task', clientNumber: world.client.number, receivedAt: at(7), subject: 'Flug' },
    );
    expect(await reconcile(at(20))).toMatchObject({ ran: true, items: 3, answered: 0 });
    await process(at(20));
    const items = await db.prisma.inboxItem.findMany({ orderBy: { id: 'asc' }, select: { id: true, kind: true, source: true, answeredAt: true, subject: true } });
    expect(items).toEqual([
      { id: 'C-known', kind: 'chat', source: 'webhook', answeredAt: null, subject: '' },
      { id: 'C-new', kind: 'chat', source: 'reconcile', answeredAt: null, subject: '' },
      { id: 'M-new', kind: 'mail', source: 'reconcile', answeredAt: null, subject: 'Rechnung' },
      { id: 'T-inbox', kind: 'task', source: 'reconcile', answeredAt: null, subject: 'Flug' },
    ]);
    expect(await cycle()).toMatchObject({ status: 'paused', pausedAt: at(5) });
    // Again: nothing new.
    expect(await reconcile(at(40))).toMatchObject({ items: 0, answered: 0 });
    await process(at(40));
    expect(await db.prisma.inboxItem.count()).toBe(4);
  });

  it('closes items the bot has open that the platform no longer lists, but not one that arrived during the pull', async () => {
    const receive = (id: string, now: Date) => db.prisma.$transaction((tx) => receiveInboxItem(tx, { id, kind: 'chat', clientNumber: world.client.number, receivedAt: now, source: 'webhook' }, now));
    await receive('C-open', at(1));
    await receive('C-answered-there', at(2));
    await receive('C-during-pull', at(31));
    platform.inbox.push({ id: 'C-open', kind: 'chat', clientNumber: world.client.number, receivedAt: at(1), subject: '' });
    expect(await reconcile(at(30))).toMatchObject({ answered: 1 });
    const state = Object.fromEntries((await db.prisma.inboxItem.findMany()).map((i) => [i.id, [i.answeredAt?.toISOString() ?? null, i.answeredVia]]));
    expect(state).toEqual({ 'C-open': [null, null], 'C-answered-there': [at(30).toISOString(), 'reconcile'], 'C-during-pull': [null, null] });
    expect(await db.prisma.auditEvent.count({ where: { action: 'inbox.answered', subjectId: 'C-answered-there' } })).toBe(1);
  });

  it('pulls every PLATFORM_RECONCILE_MINUTES, not at every minute\'s tick, and once across two instances', async () => {
    const pulls = () => platform.sinceCalls.length;
    for (let m = 0; m < 45; m++) await tickWith(at(m));
    expect(pulls()).toBe(3); // at 0, 15 and 30 minutes
    // An earlier instant (tick --now in the past) pulls nothing.
    await tickWith(at(20));
    expect(pulls()).toBe(3);
    // Two at the same due instant: one pulls.
    const both = await Promise.all([reconcile(at(45)), reconcile(at(45))]);
    expect(both.filter((r) => r.ran)).toHaveLength(1);
    expect(pulls()).toBe(4);
    // The interval is configurable.
    const every5 = loadConfig({ LOG_LEVEL: 'silent', DATABASE_URL: db.url, PLATFORM_RECONCILE_MINUTES: '5' });
    for (let m = 46; m < 66; m++) await runTick({ prisma: db.prisma, now: at(m), logger: silentLogger, config: every5, jobs: [createReconcileJob(() => platform)] });
    expect(pulls()).toBe(8); // at 50, 55, 60 and 65 minutes
  });

  it('reports a platform that has not answered for longer than PLATFORM_STALE_AFTER_MINUTES', async () => {
    const lines: { code?: string; level: number; lastSuccessAt?: string }[] = [];
    const logger = pino({ level: 'info' }, { write: (s: string) => void lines.push(JSON.parse(s) as (typeof lines)[number]) });
    expect(await platformSyncStatus(db.prisma, at(0), 30)).toMatchObject({ status: 'unknown', lastSuccessAt: null });
    await reconcile(at(0), logger);
    expect(await platformSyncStatus(db.prisma, at(0), 30)).toMatchObject({ status: 'ok', lastSuccessAt: at(0).toISOString(), lastError: null });
    platform.down = true;
    expect(await reconcile(at(15), logger)).toMatchObject({ ran: true, error: 'INTERNAL', stale: false });
    expect(await reconcile(at(30), logger)).toMatchObject({ ran: true, stale: false });
    expect(lines.filter((l) => l.code === 'PLATFORM_STALE')).toEqual([]);
    expect(await reconcile(at(45), logger)).toMatchObject({ ran: true, error: 'INTERNAL', stale: true });
    expect(await platformSyncStatus(db.prisma, at(45), 30)).toMatchObject({ status: 'stale', lastSuccessAt: at(0).toISOString(), lastAttemptAt: at(45).toISOString(), lastError: expect.stringContaining('ECONNREFUSED') });
    expect(lines.filter((l) => l.code === 'PLATFORM_RECONCILE_FAILED')).toHaveLength(3);
    expect(lines.filter((l) => l.code === 'PLATFORM_STALE')).toEqual([expect.objectContaining({ level: 40, lastSuccessAt: at(0).toISOString() })]);
    // The platform answers again: the cursor had not moved, so what was missed while it was down is caught.
    platform.down = false;
    platform.tasks.push(platformTask('T-while-down', at(20)));
    expect(await reconcile(at(60), logger)).toMatchObject({ ran: true, tasks: 1 });
    expect(await platformSyncStatus(db.prisma, at(60), 30)).toMatchObject({ status: 'ok', lastError: null });
  });

  it('does nothing standalone (no reader)', async () => {
    const results = await runTick({ prisma: db.prisma, now: at(0), logger: silentLogger, config, jobs: platformJobs });
    expect(results.flatMap((r) => r.lines)).toEqual([]);
    expect(await db.prisma.platformSync.count()).toBe(0);
  });
});

describe('/readyz and the platform', () => {
  let w: WebhookApp;
  afterEach(async () => {
    await w.close();
  });

  it('stays 200 and shows the platform as stale with the last success (platform configured)', async () => {
    w = await startWebhookApp({ env: { PLATFORM_BASE_URL: 'https://platform.example/api/v1', PLATFORM_API_TOKEN: 'token' }, worker: false });
    const platform = fakePlatform();
    const reconcile = (now: Date) => reconcilePlatform({ prisma: w.db.prisma, reader: platform, now, logger: silentLogger, everyMinutes: 15, staleAfterMinutes: 30 });
    const readyz = async () => {
      const res = await fetch(`${w.url}/readyz`);
      return { status: res.status, body: (await res.json()) as Record<string, unknown> };
    };
    expect(await readyz()).toEqual({ status: 200, body: { status: 'ready', platform: expect.objectContaining({ status: 'unknown', lastSuccessAt: null }) } });
    await reconcile(at(0));
    expect((await readyz()).body.platform).toMatchObject({ status: 'ok', lastSuccessAt: at(0).toISOString(), staleAfterMinutes: 30 });
    platform.down = true;
    await reconcile(at(40));
    w.clock.set(at(40));
    const r = await readyz();
    expect(r.status).toBe(200);
    expect(r.body.platform).toMatchObject({ status: 'stale', lastSuccessAt: at(0).toISOString(), lastError: expect.stringContaining('INTERNAL') });
  });

  it('has no platform entry standalone', async () => {
    w = await startWebhookApp({ worker: false });
    const res = await fetch(`${w.url}/readyz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ready' });
  });

  it('a webhook arriving during the outage is still accepted and processed', async () => {
    w = await startWebhookApp({ env: { PLATFORM_BASE_URL: 'https://platform.example/api/v1', PLATFORM_API_TOKEN: 'token' } });
    const { client } = await clientInCycle(w.db.prisma, w.config, { tick: false });
    const event = chatReceived(client.number, NOW, 'conny', 'C-outage');
    expect((await postSigned(w, event)).status).toBe(200);
    const until = Date.now() + 10_000;
    while ((await w.db.prisma.inboxItem.count({ where: { id: 'C-outage' } })) === 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
    expect(await w.db.prisma.inboxItem.count({ where: { id: 'C-outage' } })).toBe(1);
  });
});
