// Fixtures for the tender tests: an admin team, the Conny account, the client's last VPA (who takes no new
// clients) and VPAs that are and are not eligible, one reactivated client with a new task, and a recording
// platform gateway.
import { afterEach, beforeEach } from 'vitest';
import type { Db } from '../../src/db/client.ts';
import type { Actor } from '../../src/identity/find-actor.ts';
import { createRecordingGateway, type ChatToClient, type RecordingGateway, type Reassignment } from '../../src/platform/index.ts';
import { openReactivationReview, startTender, DEFAULT_TENDER_RULES, type TenderRules } from '../../src/tender/index.ts';
import { AppError } from '../../src/errors/catalogue.ts';
import type { Notice, NoticeModels, OutboundMessage } from '../../src/notices/types.ts';
import { testDatabase, type TestDatabase } from '../support/db.ts';
import { assign, createClient, createPerson, type TestPerson } from '../support/people.ts';
import { actorOf } from '../handover/support.ts';

export const NOW = new Date('2026-11-24T09:00:00Z'); // Tuesday, 10:00 in Berlin
export const TZ = 'Europe/Berlin';
export const RULES: TenderRules = DEFAULT_TENDER_RULES;
/** NOW + 2 working days is Thursday 26.11.2026; the deadline is the end of that day in Berlin. */
export const DEADLINE = new Date('2026-11-26T22:59:59.999Z');
export const LATER = new Date(NOW.getTime() + 3_600_000);

export { actorOf };

export interface World {
  ada: TestPerson; // admin
  alex: TestPerson; // admin
  conny: TestPerson; // the Conny account (also holds `vpa`: must never be invited)
  lena: TestPerson; // the last VPA: has the competence, takes no new clients
  ben: TestPerson; // eligible
  carla: TestPerson; // lacks the competence
  dora: TestPerson; // absent now (short)
  emil: TestPerson; // takes no new clients
  kim: TestPerson; // community, has the competence, not a VPA
  client: { id: string; number: string; name: string };
  taskId: string;
  actors: Record<'ada' | 'alex' | 'lena' | 'ben' | 'carla' | 'dora' | 'emil' | 'kim', Actor>;
}

export async function world(prisma: Db): Promise<World> {
  const ada = await createPerson(prisma, { name: 'Ada Admin', roles: ['admin'] });
  const alex = await createPerson(prisma, { name: 'Alex Admin', roles: ['admin'] });
  const conny = await createPerson(prisma, { name: 'Conny Kundenpflege', roles: ['conny', 'vpa'] });
  const lena = await createPerson(prisma, { name: 'Lena Letzte', roles: ['vpa'] });
  const ben = await createPerson(prisma, { name: 'Ben Bereit', roles: ['vpa'] });
  const carla = await createPerson(prisma, { name: 'Carla Lohn', roles: ['vpa'] });
  const dora = await createPerson(prisma, { name: 'Dora Urlaub', roles: ['vpa'] });
  const emil = await createPerson(prisma, { name: 'Emil Voll', roles: ['vpa'] });
  const kim = await createPerson(prisma, { name: 'Kim Community', roles: ['community'] });
  const set = (p: TestPerson, data: { competences?: string; takesNewClients?: boolean; absentFrom?: Date | null; absentUntil?: Date | null }) =>
    prisma.person.update({ where: { id: p.id }, data });
  await set(conny, { competences: 'Buchhaltung' });
  await set(lena, { competences: 'Buchhaltung|Lohn', takesNewClients: false });
  await set(ben, { competences: 'Lohn|buchhaltung ' });
  await set(carla, { competences: 'Lohn' });
  await set(dora, { competences: 'Buchhaltung', absentFrom: new Date('2026-11-20T00:00:00Z'), absentUntil: new Date('2026-11-30T00:00:00Z') });
  await set(emil, { competences: 'Buchhaltung', takesNewClients: false });
  await set(kim, { competences: 'Buchhaltung' });
  const client = await createClient(prisma, { number: '10023', name: 'Müller GmbH', class: 'B', workType: 'continuous' });
  await assign(prisma, { clientId: client.id, vpaId: lena.id, from: new Date('2024-01-01T00:00:00Z'), to: new Date('2026-07-01T00:00:00Z') });
  await assign(prisma, { clientId: client.id, vpaId: conny.id, from: new Date('2026-07-01T00:00:00Z') });
  const taskId = 'task-reactivation-1';
  await prisma.task.create({ data: { id: taskId, clientId: client.id, createdAt: new Date(NOW.getTime() - 3_600_000), title: 'Quartalsabschluss vorbereiten', competence: 'Buchhaltung', sourceKey: 'platform:task-1' } });
  const people = { ada, alex, lena, ben, carla, dora, emil, kim };
  const actors = Object.fromEntries(await Promise.all(Object.entries(people).map(async ([k, p]) => [k, await actorOf(prisma, p.id)]))) as World['actors'];
  return { ...people, conny, client, taskId, actors };
}

export function useWorld(kind: 'sqlite' | 'postgres', set: (db: TestDatabase, w: World) => void): void {
  let current: TestDatabase | undefined;
  beforeEach(async () => {
    current = await testDatabase(kind);
    set(current, await world(current.prisma));
  });
  afterEach(async () => {
    await current?.destroy();
    current = undefined;
  });
}

/** The recording double of the platform port: it records the calls and writes nothing. */
export function gateway(): RecordingGateway {
  return createRecordingGateway();
}

/** What the platform was asked: the client chats and the reassignments, oldest first. */
export const chats = (gw: RecordingGateway): ChatToClient[] => gw.callsOf('sendChat').map((c) => c.args[0]);
export const reassignments = (gw: RecordingGateway): Reassignment[] => gw.callsOf('reassignClient').map((c) => c.args[0]);

/** The review of the client's new task, as the inactivity process opens it (in its own transaction). */
export async function openReview(prisma: Db, w: World, extra: { lastVpaId?: string | null; lastStep?: string; now?: Date; taskId?: string } = {}): Promise<string> {
  const r = await prisma.$transaction((tx) =>
    openReactivationReview(tx, {
      clientId: w.client.id,
      taskId: extra.taskId ?? w.taskId,
      cycleId: null,
      lastVpaId: extra.lastVpaId === undefined ? w.lena.id : extra.lastVpaId,
      lastStep: extra.lastStep ?? 'Vorstellung durch Conny (Woche 12)',
      now: extra.now ?? NOW,
      timeZone: TZ,
      rules: RULES,
    }),
  );
  return r.tenderId;
}

export async function version(prisma: Db, tenderId: string): Promise<number> {
  return (await prisma.tender.findUniqueOrThrow({ where: { id: tenderId }, select: { version: true } })).version;
}

/** Opened and started by Ada with the default deadline. */
export async function started(prisma: Db, w: World, options: { leaveOutLastVpa?: { reason: 'absent' | 'competence'; note: string } } = {}): Promise<string> {
  const id = await openReview(prisma, w);
  await startTender({ db: prisma, actor: w.actors.ada, now: NOW, timeZone: TZ, rules: RULES, tenderId: id, expectedVersion: await version(prisma, id), deadline: DEADLINE, ...options });
  return id;
}

export async function invitedIds(prisma: Db, tenderId: string): Promise<string[]> {
  return (await prisma.tenderInvite.findMany({ where: { tenderId }, select: { vpaId: true } })).map((i) => i.vpaId).sort();
}

export async function currentVpas(prisma: Db, clientId: string, at: Date): Promise<string[]> {
  const rows = await prisma.assignment.findMany({ where: { clientId, from: { lte: at }, OR: [{ to: null }, { to: { gt: at } }] }, select: { vpaId: true } });
  return rows.map((r) => r.vpaId).sort();
}

export interface OutboxRow {
  idempotencyKey: string;
  message: OutboundMessage;
}

export async function outbox(prisma: Db): Promise<OutboxRow[]> {
  const rows = await prisma.outboxMessage.findMany({ orderBy: [{ createdAt: 'asc' }, { idempotencyKey: 'asc' }] });
  return rows.map((r) => ({ idempotencyKey: r.idempotencyKey, message: JSON.parse(r.notice) as OutboundMessage }));
}

/** Who got a `send` of this kind: person ids, or `channel:<purpose>`, sorted. */
export function sentTo(rows: OutboxRow[], kind: Notice['kind']): string[] {
  return rows
    .flatMap((r) => (r.message.mode === 'send' && r.message.notice.kind === kind ? [r.message.recipient] : []))
    .map((rc) => (rc.type === 'person' ? rc.personId : rc.type === 'channel' ? `channel:${rc.purpose}` : rc.conversationId))
    .sort();
}

/** The model of the `send` of this kind to this person. */
export function modelTo<K extends keyof NoticeModels>(rows: OutboxRow[], kind: K, personId: string): NoticeModels[K] {
  const row = rows.find((r) => r.message.mode === 'send' && r.message.notice.kind === kind && r.message.recipient.type === 'person' && r.message.recipient.personId === personId);
  if (!row || row.message.mode !== 'send') throw new Error(`no ${kind} sent to ${personId}`);
  return row.message.notice.model as NoticeModels[K];
}

/** The last update of the card sent with this key, as a notice. */
export function lastUpdateOf(rows: OutboxRow[], key: string): Notice | undefined {
  const updates = rows.flatMap((r) => (r.message.mode === 'update' && r.message.updatesKey === key ? [r.message.notice] : []));
  return updates.at(-1);
}

/** Everything a tender use case could change, to assert that a refused call changed nothing. */
export async function snapshot(prisma: Db): Promise<string> {
  const [tenders, invites, applications, audit, out, assignments, todos] = await Promise.all([
    prisma.tender.findMany({ orderBy: { id: 'asc' } }),
    prisma.tenderInvite.findMany({ orderBy: [{ tenderId: 'asc' }, { vpaId: 'asc' }] }),
    prisma.tenderApplication.findMany({ orderBy: [{ tenderId: 'asc' }, { vpaId: 'asc' }] }),
    prisma.auditEvent.findMany({ orderBy: { id: 'asc' } }),
    prisma.outboxMessage.findMany({ orderBy: { id: 'asc' } }),
    prisma.assignment.findMany({ orderBy: { id: 'asc' } }),
    prisma.platformTodo.findMany({ orderBy: { id: 'asc' } }),
  ]);
  return JSON.stringify({ tenders, invites, applications, audit, out, assignments, todos });
}

/** The AppError a promise rejects with (fails the test when it resolves or throws something else). */
export async function appError(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected an AppError, but the call succeeded');
}

export type { ChatToClient, RecordingGateway, Reassignment };
