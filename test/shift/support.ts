// Shared set-up of the shift duty tests: a database, the configuration (Bavaria's holidays), people with Teams ids,
// the plan, inbox items, and running the shift jobs (or every registered job) at an instant.
import crypto from 'node:crypto';
import { loadConfig, type Config } from '../../src/config/config.ts';
import type { Db } from '../../src/db/client.ts';
import { receiveInboxItem, type InboxKind } from '../../src/inbox/index.ts';
import { silentLogger } from '../../src/log/logger.ts';
import { shiftJobs } from '../../src/shift/index.ts';
import { runTick } from '../../src/tick/run-tick.ts';
import type { TickJob } from '../../src/tick/job.ts';
import { testDatabase, type TestDatabase } from '../support/db.ts';

export const TZ = 'Europe/Berlin';

export function shiftConfig(db: TestDatabase, env: Record<string, string> = {}): Config {
  return loadConfig({ DATABASE_URL: db.url, TZ_BUSINESS: TZ, HOLIDAYS_STATE: 'BY', LOG_LEVEL: 'silent', ...env });
}

export { testDatabase, type TestDatabase };

/** A wall time in Berlin as an instant: `berlin('2027-03-22T09:00')`. */
export function berlin(local: string): Date {
  const d = new Date(`${local}:00${offsetOf(local)}`);
  return d;
}

/** CET or CEST for the dates these tests use (DST starts 2027-03-28 02:00, ends 2027-10-31 03:00). */
function offsetOf(local: string): string {
  return local >= '2027-03-28T02:00' && local < '2027-10-31T03:00' ? '+02:00' : '+01:00';
}

export async function tick(prisma: Db, config: Config, at: Date, jobs: readonly TickJob[] = shiftJobs): Promise<string[]> {
  const results = await runTick({ prisma, now: at, logger: silentLogger, config, jobs });
  const failed = results.find((r) => r.error);
  if (failed) throw failed.error;
  return results.flatMap((r) => r.lines);
}

export async function person(prisma: Db, name: string, roles: string[], extra: { absentFrom?: Date; absentUntil?: Date; teamsUserId?: string | null } = {}): Promise<{ id: string; name: string; teamsUserId: string | null }> {
  const id = `p_${name.split(' ')[0]!.toLowerCase()}`;
  const teamsUserId = extra.teamsUserId === undefined ? `29:${name.split(' ')[0]!.toLowerCase()}` : extra.teamsUserId;
  await prisma.person.create({
    data: {
      id,
      name,
      email: `${id}@example.de`,
      aadObjectId: crypto.randomUUID(),
      teamsUserId,
      absentFrom: extra.absentFrom ?? null,
      absentUntil: extra.absentUntil ?? null,
      roles: { create: roles.map((role) => ({ role })) },
    },
  });
  return { id, name, teamsUserId };
}

export async function onPlan(prisma: Db, date: string, shift: string, personId: string, o: { lead?: boolean; from?: string; until?: string } = {}): Promise<void> {
  await prisma.shiftAssignment.create({ data: { id: crypto.randomUUID(), date, shift, personId, lead: o.lead ?? false, from: o.from ?? null, until: o.until ?? null, createdAt: new Date('2027-03-01T00:00:00Z') } });
}

export async function item(prisma: Db, id: string, kind: InboxKind, receivedAt: Date, o: { clientNumber?: string; subject?: string; answeredAt?: Date } = {}): Promise<void> {
  await prisma.$transaction((tx) => receiveInboxItem(tx, { id, kind, clientNumber: o.clientNumber ?? 'K-1001', receivedAt, subject: o.subject ?? '', answeredAt: o.answeredAt ?? null, source: 'import' }, receivedAt));
}

export async function bindShiftChannel(prisma: Db, boundBy: string): Promise<void> {
  const ref = await prisma.conversationRef.create({
    data: { id: 'conv_schicht', conversationId: '19:schicht@thread.tacv2', serviceUrl: 'https://smba.example/', tenantId: 't', scope: 'channel', reference: '{}' },
  });
  await prisma.channelBinding.create({ data: { purpose: 'schicht', conversationRefId: ref.id, boundById: boundBy } });
}

export interface OutboxRow {
  key: string;
  mode: 'send' | 'update';
  kind: string;
  recipient: string;
  model: Record<string, unknown>;
  createdAt: Date;
}

export async function outbox(prisma: Db): Promise<OutboxRow[]> {
  const rows = await prisma.outboxMessage.findMany({ orderBy: [{ createdAt: 'asc' }, { idempotencyKey: 'asc' }] });
  return rows.map((r) => {
    const m = JSON.parse(r.notice) as { mode: 'send' | 'update'; recipient?: { type: string; personId?: string; purpose?: string }; updatesKey?: string; notice: { kind: string; model: Record<string, unknown> } };
    const recipient = m.mode === 'send' ? (m.recipient?.type === 'person' ? m.recipient.personId! : `channel:${m.recipient?.purpose}`) : `update:${m.updatesKey}`;
    return { key: r.idempotencyKey, mode: m.mode, kind: m.notice.kind, recipient, model: m.notice.model, createdAt: r.createdAt };
  });
}
