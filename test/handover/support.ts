// Fixtures for the handover and conduct use-case tests: a small company with VPAs, a community team and
// managers, one client with history, and readers for the rows the use cases write.
import crypto from 'node:crypto';
import { afterEach, beforeEach } from 'vitest';
import type { Db } from '../../src/db/client.ts';
import type { Actor } from '../../src/identity/find-actor.ts';
import { isRole } from '../../src/people/roles.ts';
import type { OutboundMessage } from '../../src/notices/types.ts';
import type { ChannelPurpose } from '../../src/notices/types.ts';
import { AppError } from '../../src/errors/catalogue.ts';
import { assign, createClient, createPerson, type TestPerson } from '../support/people.ts';
import { testDatabase, type TestDatabase } from '../support/db.ts';
import { submitRequest } from '../../src/handover/submit-request.ts';
import { proposeSuccessor } from '../../src/handover/propose-successor.ts';
import { decide } from '../../src/handover/decide.ts';
import { confirmClientInformed } from '../../src/handover/confirm-client-informed.ts';
import { loadConfig, type Config } from '../../src/config/config.ts';

export const NOW = new Date('2026-11-24T09:00:00Z'); // Tuesday, 10:00 in Berlin
export const TZ = 'Europe/Berlin';

/** The reviewer's case description for the approval template's `Grund:` line (at least 20 characters). */
export const CASE_SUMMARY = 'Der Kunde braucht Buchhaltung nach DATEV, die der VPA nicht abdecken kann.';

/** The full configuration with its defaults (reminders after 2, step-4 reminders after 5 working days). */
export function testConfig(env: Record<string, string> = {}): Config {
  return loadConfig({ DATABASE_URL: 'file:unused', LOG_LEVEL: 'silent', ...env });
}

export async function actorOf(prisma: Db, personId: string): Promise<Actor> {
  const p = await prisma.person.findUniqueOrThrow({ where: { id: personId }, include: { roles: true } });
  return { id: p.id, name: p.name, email: p.email, aadObjectId: p.aadObjectId, teamsUserId: p.teamsUserId, roles: p.roles.map((r) => r.role).filter(isRole) };
}

export interface World {
  anna: TestPerson; // the requesting VPA
  bernd: TestPerson; // another VPA, the successor
  carla: TestPerson; // a VPA without Anna's client
  kim: TestPerson; // community
  lea: TestPerson; // community
  maria: TestPerson; // vpa_manager
  nils: TestPerson; // client_manager
  client: { id: string; number: string; name: string };
  actors: Record<'anna' | 'bernd' | 'carla' | 'kim' | 'lea' | 'maria' | 'nils', Actor>;
}

export async function world(prisma: Db): Promise<World> {
  const anna = await createPerson(prisma, { name: 'Anna Beispiel', roles: ['vpa'] });
  const bernd = await createPerson(prisma, { name: 'Bernd Nachfolger', roles: ['vpa'] });
  const carla = await createPerson(prisma, { name: 'Carla Fremd', roles: ['vpa'] });
  const kim = await createPerson(prisma, { name: 'Kim Community', roles: ['community'] });
  const lea = await createPerson(prisma, { name: 'Lea Community', roles: ['community'] });
  const maria = await createPerson(prisma, { name: 'Maria Managerin', roles: ['vpa_manager'] });
  const nils = await createPerson(prisma, { name: 'Nils Kundenmanager', roles: ['client_manager'] });
  const client = await createClient(prisma, { number: '10023', name: 'Müller GmbH', class: 'B', workType: 'continuous' });
  // Carla served the client until March 2026, Anna since then: one change in the last 12 months.
  await assign(prisma, { clientId: client.id, vpaId: carla.id, from: new Date('2023-01-01T00:00:00Z'), to: new Date('2026-03-01T00:00:00Z') });
  await assign(prisma, { clientId: client.id, vpaId: anna.id, from: new Date('2026-03-01T00:00:00Z') });
  const people = { anna, bernd, carla, kim, lea, maria, nils };
  const actors = Object.fromEntries(await Promise.all(Object.entries(people).map(async ([k, p]) => [k, await actorOf(prisma, p.id)]))) as World['actors'];
  return { ...people, client, actors };
}

export function validInput(clientId: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    clientId,
    reasonCategory: 'needs_changed',
    reason: 'Der Kunde braucht jetzt Lohnbuchhaltung nach HGB; das kann ich fachlich nicht abdecken.',
    measures: '',
    clientWantsTraining: 'true',
    successorNotes: 'Der Kunde mag kurze Nachrichten am Vormittag.',
    ...overrides,
  };
}

export interface OutboxRow {
  idempotencyKey: string;
  channel: string;
  conversationKey: string;
  message: OutboundMessage;
}

export async function outbox(prisma: Db): Promise<OutboxRow[]> {
  const rows = await prisma.outboxMessage.findMany({ orderBy: [{ createdAt: 'asc' }, { idempotencyKey: 'asc' }] });
  return rows.map((r) => ({ idempotencyKey: r.idempotencyKey, channel: r.channel, conversationKey: r.conversationKey, message: JSON.parse(r.notice) as OutboundMessage }));
}

export async function counts(prisma: Db): Promise<Record<string, number>> {
  return {
    requests: await prisma.handoverRequest.count(),
    audit: await prisma.auditEvent.count(),
    outbox: await prisma.outboxMessage.count(),
    assignments: await prisma.assignment.count(),
    conduct: await prisma.conductReport.count(),
    acks: await prisma.conductAcknowledgement.count(),
  };
}

/** A snapshot of everything a use case could change, to assert that a refused call changed nothing. */
export async function snapshot(prisma: Db): Promise<string> {
  const [requests, audit, out, assignments, conduct, acks, claims] = await Promise.all([
    prisma.handoverRequest.findMany({ orderBy: { id: 'asc' } }),
    prisma.auditEvent.findMany({ orderBy: { id: 'asc' } }),
    prisma.outboxMessage.findMany({ orderBy: { id: 'asc' } }),
    prisma.assignment.findMany({ orderBy: { id: 'asc' } }),
    prisma.conductReport.findMany({ orderBy: { id: 'asc' } }),
    prisma.conductAcknowledgement.findMany({ orderBy: [{ reportId: 'asc' }, { personId: 'asc' }] }),
    prisma.reminderClaim.findMany({ orderBy: { key: 'asc' } }),
  ]);
  return JSON.stringify({ requests, audit, out, assignments, conduct, acks, claims });
}

export async function bindPurpose(prisma: Db, purpose: ChannelPurpose, boundById: string): Promise<string> {
  const id = crypto.randomUUID();
  const conversationId = `19:${purpose}-${id}@thread.tacv2`;
  await prisma.conversationRef.create({ data: { id, conversationId, scope: 'channel', serviceUrl: 'https://smba.example/emea/', reference: '{}' } });
  await prisma.channelBinding.create({ data: { purpose, conversationRefId: id, boundById } });
  return conversationId;
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

export function recipientsOf(rows: OutboxRow[], kind: string): string[] {
  return rows
    .filter((r) => r.message.mode === 'send' && r.message.notice.kind === kind)
    .map((r) => (r.message.mode === 'send' ? (r.message.recipient.type === 'person' ? r.message.recipient.personId : `${r.message.recipient.type}:${r.message.recipient.type === 'channel' ? r.message.recipient.purpose : ''}`) : ''))
    .sort();
}

export function updatesOf(rows: OutboxRow[], updatesKey: string): OutboundMessage[] {
  return rows.filter((r) => r.message.mode === 'update' && r.message.updatesKey === updatesKey).map((r) => r.message);
}

// Steps of the process, for tests that start further along.

export async function submitted(prisma: Db, w: World, overrides: Record<string, unknown> = {}, now = NOW): Promise<string> {
  const r = await submitRequest({ db: prisma, timeZone: 'Europe/Berlin', actor: w.actors.anna, now, input: validInput(w.client.id, overrides) });
  if (r.outcome !== 'submitted') throw new Error(`expected submitted, got ${r.outcome}`);
  return r.requestId;
}

export async function proposed(prisma: Db, w: World, overrides: Record<string, unknown> = {}, now = NOW, effort = 'mittel'): Promise<string> {
  const id = await submitted(prisma, w, overrides, now);
  await proposeSuccessor({ db: prisma, timeZone: 'Europe/Berlin', actor: w.actors.kim, now, requestId: id, successorId: w.bernd.id, onboardingEffort: effort, caseSummary: CASE_SUMMARY });
  return id;
}

export async function approved(prisma: Db, w: World, overrides: Record<string, unknown> = {}, now = NOW): Promise<string> {
  const id = await proposed(prisma, w, overrides, now);
  await decide({ db: prisma, timeZone: 'Europe/Berlin', actor: w.actors.maria, now, requestId: id, decision: 'approved' });
  return id;
}

/** Approved and the VPA confirmed "Kunde informiert" with the client's wish; without a training it is completed. */
export async function informed(prisma: Db, w: World, options: { trainingWanted: boolean; now?: Date; overrides?: Record<string, unknown> }): Promise<string> {
  const now = options.now ?? NOW;
  const id = await approved(prisma, w, options.overrides ?? {}, now);
  await confirmClientInformed({ db: prisma, timeZone: 'Europe/Berlin', actor: w.actors.anna, now, requestId: id, trainingWanted: options.trainingWanted });
  return id;
}

/**
 * Registers the hooks every use-case test needs: before each test a fresh migrated database holding the
 * standard world (handed to `set`), after it the database is destroyed.
 */
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
