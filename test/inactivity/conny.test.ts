// Process 2 use cases against the database: the hand-over to Conny, "VPA Wechsel 12mon" across Conny (issue 8
// acceptance 4), replies pausing the reminders, "fortsetzen", "ausnehmen" and "verschieben".
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { lastVpaOf } from '../../src/assignments/last-vpa.ts';
import { loadConfig } from '../../src/config/config.ts';
import { findActor } from '../../src/identity/find-actor.ts';
import { excludeInactive, handOverToConny, postponeInactive, recordClientReply, resumeInactivity } from '../../src/inactivity/index.ts';
import { silentLogger } from '../../src/log/logger.ts';
import { createRecordingGateway } from '../../src/platform/index.ts';
import { proposeSuccessor, startReview, submitRequest } from '../../src/handover/index.ts';
import { runTick } from '../../src/tick/run-tick.ts';
import { startCyclesJob } from '../../src/inactivity/jobs.ts';
import { testDatabase, type TestDatabase } from '../support/db.ts';
import { assign, createClient, createPerson, type TestPerson } from '../support/people.ts';

const TZ = 'Europe/Berlin';
const LAST_TASK = new Date('2026-08-03T08:00:00Z'); // Monday
const WEEK = 7 * 86_400_000;
const at = (weeks: number) => new Date(LAST_TASK.getTime() + weeks * WEEK);

let db: TestDatabase;
let anna: TestPerson;
let conny: TestPerson;
let kim: TestPerson;
let client: { id: string; number: string; name: string };
const config = loadConfig({ DATABASE_URL: 'file:unused', LOG_LEVEL: 'silent' });
const actor = async (p: TestPerson) => (await findActor(db.prisma, { aadObjectId: p.aadObjectId, fromId: undefined }, { localMode: false }))!;

beforeEach(async () => {
  db = await testDatabase('sqlite');
  anna = await createPerson(db.prisma, { name: 'Anna Schneider', roles: ['vpa'] });
  conny = await createPerson(db.prisma, { name: 'Conny Meindl', roles: ['conny'] });
  kim = await createPerson(db.prisma, { name: 'Kim Hoffmann', roles: ['community'] });
  client = await createClient(db.prisma, { number: 'K-7', name: 'Stille Wasser GmbH' });
  await assign(db.prisma, { clientId: client.id, vpaId: anna.id, from: new Date('2025-01-01T00:00:00Z') });
  await db.prisma.task.create({ data: { id: 't0', clientId: client.id, createdAt: LAST_TASK, sourceKey: 't0' } });
});

afterEach(async () => {
  await db.destroy();
});

async function startAt(now: Date): Promise<string> {
  await runTick({ prisma: db.prisma, now, logger: silentLogger, config, jobs: [startCyclesJob] });
  return (await db.prisma.inactivityCycle.findFirstOrThrow({ where: { clientId: client.id } })).id;
}

describe('hand-over to Conny', () => {
  it('assigns the client to Conny, tells the platform, and Conny never becomes the last VPA', async () => {
    const cycleId = await startAt(at(12));
    const gateway = createRecordingGateway();
    await handOverToConny({ db: db.prisma, actor: await actor(kim), now: at(12.5), timeZone: TZ, cycleId, gateway });
    const current = await db.prisma.assignment.findMany({ where: { clientId: client.id, to: null } });
    expect(current.map((a) => a.vpaId)).toEqual([conny.id]);
    expect(gateway.callsOf('reassignClient')).toHaveLength(1);
    expect(await lastVpaOf(db.prisma, client.id, at(13))).toBe(anna.id);
    expect(await db.prisma.auditEvent.count({ where: { action: 'inactivity.handed_to_conny' } })).toBe(1);
    // A VPA cannot hand over; a second hand-over is refused; nothing changes.
    await expect(handOverToConny({ db: db.prisma, actor: await actor(anna), now: at(13), timeZone: TZ, cycleId, gateway })).rejects.toMatchObject({ code: 'FORBIDDEN_ROLE' });
    await expect(handOverToConny({ db: db.prisma, actor: await actor(kim), now: at(13), timeZone: TZ, cycleId, gateway })).rejects.toMatchObject({ code: 'INACTIVITY_WRONG_STATE' });
  });

  it('"VPA Wechsel 12mon" of a client that went VPA A → Conny → VPA A counts no change', async () => {
    const cycleId = await startAt(at(12));
    await handOverToConny({ db: db.prisma, actor: await actor(kim), now: at(12.5), timeZone: TZ, cycleId, gateway: createRecordingGateway() });
    // Back to Anna (as the tender's award does): Conny's row ends, Anna's starts.
    await db.prisma.assignment.updateMany({ where: { clientId: client.id, vpaId: conny.id, to: null }, data: { to: at(20) } });
    await assign(db.prisma, { clientId: client.id, vpaId: anna.id, from: at(20) });
    const ben = await createPerson(db.prisma, { name: 'Ben Wagner', roles: ['vpa'] });
    const now = at(22);
    const submitted = await submitRequest({ db: db.prisma, actor: await actor(anna), now, timeZone: TZ, input: { clientId: client.id, reasonCategory: 'needs_changed', reason: 'Der Kunde braucht jetzt etwas, das ich nicht abdecken kann, leider.', measures: 'Gespräch geführt.', clientWantsTraining: 'false', successorNotes: '' }, confirmChallenges: true });
    expect(submitted.outcome).toBe('submitted');
    const request = await db.prisma.handoverRequest.findFirstOrThrow({ where: { clientId: client.id } });
    await startReview({ db: db.prisma, actor: await actor(kim), now, timeZone: TZ, requestId: request.id });
    await proposeSuccessor({ db: db.prisma, actor: await actor(kim), now, timeZone: TZ, requestId: request.id, successorId: ben.id, onboardingEffort: 'gering', caseSummary: 'Der Kunde braucht jetzt Buchhaltung nach DATEV, das deckt Anna nicht ab.' });
    expect((await db.prisma.handoverRequest.findFirstOrThrow({ where: { id: request.id } })).vpaChanges12Months).toBe(0);
  });
});

describe('a reply from the client', () => {
  it('pauses the reminders and tells the VPA; "fortsetzen" resumes; once with Conny the shift is told', async () => {
    const shift = await createPerson(db.prisma, { name: 'Sven Schicht', roles: ['shift'] });
    const cycleId = await startAt(at(8));
    expect(await recordClientReply({ db: db.prisma, clientId: client.id, at: at(9), now: at(9), timeZone: TZ })).toBe(cycleId);
    expect((await db.prisma.inactivityCycle.findUniqueOrThrow({ where: { id: cycleId } })).status).toBe('paused');
    const toAnna = await db.prisma.outboxMessage.findMany({ where: { idempotencyKey: { startsWith: `inactivity:${cycleId}:reply:` } } });
    expect(toAnna.map((m) => JSON.parse(m.notice).recipient)).toEqual([{ type: 'person', personId: anna.id }]);
    // A second reply while paused changes nothing.
    expect(await recordClientReply({ db: db.prisma, clientId: client.id, at: at(9.1), now: at(9.1), timeZone: TZ })).toBeNull();
    await resumeInactivity({ db: db.prisma, actor: await actor(anna), now: at(10), timeZone: TZ, cycleId });
    expect((await db.prisma.inactivityCycle.findUniqueOrThrow({ where: { id: cycleId } })).status).toBe('running');
    await handOverToConny({ db: db.prisma, actor: await actor(kim), now: at(12.5), timeZone: TZ, cycleId, gateway: createRecordingGateway() });
    await recordClientReply({ db: db.prisma, clientId: client.id, at: at(14), now: at(14), timeZone: TZ });
    const toShift = await db.prisma.outboxMessage.findMany({ where: { idempotencyKey: { startsWith: `inactivity:${cycleId}:reply:${at(14).getTime()}` } } });
    expect(toShift.map((m) => JSON.parse(m.notice).recipient)).toEqual([{ type: 'person', personId: shift.id }]);
  });
});

describe('ausnehmen and verschieben', () => {
  it('"ausnehmen" ends the cycle, clears the mark and keeps a new cycle from starting while it applies', async () => {
    const cycleId = await startAt(at(12));
    const gateway = createRecordingGateway();
    await expect(excludeInactive({ db: db.prisma, actor: await actor(kim), now: at(12), timeZone: TZ, clientId: client.id, reason: 'x', gateway })).rejects.toMatchObject({ code: 'INACTIVITY_INPUT_INVALID' });
    await excludeInactive({ db: db.prisma, actor: await actor(kim), now: at(12), timeZone: TZ, clientId: client.id, reason: 'Pause mit der VPA vereinbart', until: at(30), gateway });
    expect(await db.prisma.inactivityCycle.findUniqueOrThrow({ where: { id: cycleId } })).toMatchObject({ status: 'ended', endReason: 'excluded' });
    expect(gateway.callsOf('clearInactiveMark')).toHaveLength(1);
    await runTick({ prisma: db.prisma, now: at(20), logger: silentLogger, config, jobs: [startCyclesJob] });
    expect(await db.prisma.inactivityCycle.count()).toBe(1);
  });

  it('"verschieben" needs a reason and a future date', async () => {
    const cycleId = await startAt(at(12));
    await expect(postponeInactive({ db: db.prisma, actor: await actor(kim), now: at(12), timeZone: TZ, cycleId, until: at(11), reason: 'VPA spricht mit dem Kunden' })).rejects.toMatchObject({ code: 'INACTIVITY_INPUT_INVALID' });
    await postponeInactive({ db: db.prisma, actor: await actor(kim), now: at(12), timeZone: TZ, cycleId, until: at(14), reason: 'VPA spricht mit dem Kunden' });
    expect(await db.prisma.inactivityCycle.findUniqueOrThrow({ where: { id: cycleId } })).toMatchObject({ postponeReason: 'VPA spricht mit dem Kunden', postponedUntil: at(14) });
  });
});
