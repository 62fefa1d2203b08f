// A chat reply from the client pauses further reminders of the running cycle and tells whoever handles the client
// (the VPA; once the client is with Conny, the shift) until someone presses "fortsetzen" or the client posts a task.
// Replies reach the bot from the platform's webhook or, standalone, from the `inbox` import.
import { recordAudit } from '../audit/record.ts';
import { clientInfo } from '../clients/client-info.ts';
import type { Db, Tx } from '../db/client.ts';
import { personAudience, shiftAudience, type Audience } from '../notices/audience.ts';
import { enqueue } from '../outbox/enqueue.ts';
import { AppError } from '../errors/catalogue.ts';
import { hasRole, requireActor, requireRole } from '../people/access.ts';
import { formatDateTime } from '../time/format.ts';
import type { UseCaseOptions } from '../use-case/options.ts';
import { activeCycle, assertVersion, loadCycle, updateCycle, type CycleRow } from './cycle-store.ts';

export interface ClientReply {
  db: Db;
  clientId: string;
  /** When the client wrote. */
  at: Date;
  now: Date;
  timeZone: string;
}

/** Returns the paused cycle's id, or null when the client has no running cycle (nothing to pause). */
export async function recordClientReply(reply: ClientReply): Promise<string | null> {
  const { db, ...rest } = reply;
  return db.$transaction((tx) => pauseOnClientReply(tx, rest));
}

/**
 * The pause inside the caller's transaction (a platform event applies it together with its own record). A message
 * written before the cycle began answers nothing the sequence sent: it pauses nothing. Idempotent.
 */
export async function pauseOnClientReply(tx: Tx, reply: Omit<ClientReply, 'db'>): Promise<string | null> {
  const cycle = await activeCycle(tx, reply.clientId);
  if (!cycle || cycle.status !== 'running' || reply.at < cycle.createdAt) return null;
  return pauseForReply(tx, cycle, reply.at, reply.now, reply.timeZone, null);
}

export interface ReportReplyOptions extends UseCaseOptions {
  cycleId: string;
}

/**
 * "Kunde hat geantwortet" on the VPA's card (standalone: nobody else sees the client's chat): the client's VPA, or
 * the staff operating the Conny account, records the reply. Repeated clicks change nothing.
 */
export async function reportClientReply(options: ReportReplyOptions): Promise<string | null> {
  const actor = requireActor(options.actor);
  return options.db.$transaction(async (tx) => {
    const cycle = await loadCycle(tx, options.cycleId);
    const mayReport = cycle.connyAt ? hasRole(actor, ['shift', 'conny', 'community', 'admin']) : actor.id === cycle.vpaId || hasRole(actor, ['community', 'admin']);
    if (!mayReport) throw new AppError('FORBIDDEN_ROLE', { detail: 'inactivity.replied' });
    if (cycle.status !== 'running') return null;
    return pauseForReply(tx, cycle, options.now, options.now, options.timeZone, actor.id);
  });
}

async function pauseForReply(tx: Tx, cycle: CycleRow, at: Date, now: Date, timeZone: string, actorId: string | null): Promise<string> {
  const fresh = await updateCycle(tx, cycle, ['running'], { status: 'paused', pausedAt: at });
  const client = await tx.client.findUniqueOrThrow({ where: { id: cycle.clientId }, select: { id: true, number: true, name: true, class: true, workType: true } });
  const vpa = cycle.vpaId ? await tx.person.findUnique({ where: { id: cycle.vpaId }, select: { id: true, name: true } }) : null;
  const withConny = !!cycle.connyAt;
  const audience: Audience[] = withConny || !vpa ? await shiftAudience(tx) : [personAudience(vpa.id)];
  const model = {
    ref: { cycleId: fresh.id, clientId: client.id, version: fresh.version },
    client: clientInfo(client),
    handledBy: withConny || !vpa ? 'Konto Conny' : vpa.name,
    repliedAtText: formatDateTime(at, timeZone),
    text: `${client.name} hat auf die Nachricht geantwortet. Weitere automatische Erinnerungen ruhen, bis jemand „fortsetzen“ drückt oder der Kunde eine Aufgabe einstellt. Bitte antworte dem Kunden.`,
    resumedText: null,
    actions: { resume: true },
  };
  for (const a of audience) {
    await enqueue(tx, { idempotencyKey: `inactivity:${cycle.id}:reply:${at.getTime()}:${a.suffix}`, message: { mode: 'send', recipient: a.recipient, notice: { kind: 'inactivityReply', model } }, now });
  }
  await recordAudit(tx, { at: now, actorId, action: 'inactivity.paused', subjectType: 'inactivity', subjectId: cycle.id, data: { clientId: client.id, recipients: audience.length } });
  return fresh.id;
}

export interface ResumeOptions extends UseCaseOptions {
  cycleId: string;
  expectedVersion?: number;
}

export const RESUME_ROLES = ['vpa', 'shift', 'community', 'admin', 'conny'] as const;

/** "fortsetzen": the reminders go on; what went stale while paused stays skipped. */
export async function resumeInactivity(options: ResumeOptions): Promise<CycleRow> {
  const actor = requireRole(options.actor, RESUME_ROLES, 'inactivity.resume');
  return options.db.$transaction(async (tx) => {
    const row = await loadCycle(tx, options.cycleId);
    if (row.status === 'running') return row;
    assertVersion(row, options.expectedVersion);
    const fresh = await updateCycle(tx, row, ['paused'], { status: 'running', pausedAt: null });
    await recordAudit(tx, { at: options.now, actorId: actor.id, action: 'inactivity.resumed', subjectType: 'inactivity', subjectId: row.id });
    return fresh;
  });
}
