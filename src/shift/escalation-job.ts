// A check nobody marked "geprüft" escalates, as two once-only tick jobs:
//   shift.escalateLead      SHIFT_ESCALATE_LEAD_MINUTES after the check was posted -> the shift lead(s) of the day, 1:1
//   shift.escalateManagers  SHIFT_ESCALATE_MANAGERS_MINUTES after the lead was told -> every VPA manager, 1:1
// No lead on the plan (or all leads absent): the first step goes to the VPA managers at once and the second step
// is recorded as done with it, so the managers hear of it once. Minutes are wall-clock minutes. The second step
// counts from the moment the first actually went out (its claim's time). Each step claims
// `shift:check:<slot>:escalate:<step>` in the transaction that queues its cards, writes an audit event, and first
// bumps the check's row and re-reads it, so a concurrent "geprüft" is either seen or comes after the escalation.
import { recordAudit } from '../audit/record.ts';
import type { Tx } from '../db/client.ts';
import { peopleWithRoles } from '../notices/audience.ts';
import { enqueue } from '../outbox/enqueue.ts';
import { onceOnlyJob } from '../reminders/once-job.ts';
import { claimedAt, NOT_DUE, type Claim } from '../reminders/once.ts';
import type { TickContext, TickJob } from '../tick/job.ts';
import { checkClaimKey } from './checks-job.ts';
import { escalationModel, loadCheck, type TrackedCheckCard } from './check-view.ts';
import { onShiftAt } from './on-shift.ts';
import { leadsOrManagers, VPA_MANAGER_ROLE } from './recipients.ts';

export type EscalationStep = 'lead' | 'managers';

export const escalationKey = (slot: string, step: EscalationStep): string => `${checkClaimKey(slot)}:escalate:${step}`;

const MINUTE_MS = 60_000;
/** Checks older than this are not looked at any more (an unacknowledged check escalates within hours). */
const LOOKBACK_MS = 7 * 24 * 60 * MINUTE_MS;

interface OpenCheck {
  id: string;
  slot: string;
  postedAt: Date;
  leadAt: Date | null;
  managersDone: boolean;
}

const claim = (slot: string, step: EscalationStep): Claim => ({ key: escalationKey(slot, step), subjectType: 'shift_check', subjectId: slot });

async function openChecks(ctx: TickContext): Promise<OpenCheck[]> {
  const rows = await ctx.prisma.shiftCheck.findMany({
    where: { acknowledgedAt: null, postedAt: { lte: ctx.now, gte: new Date(ctx.now.getTime() - LOOKBACK_MS) } },
    select: { id: true, slot: true, postedAt: true },
    orderBy: { postedAt: 'asc' },
  });
  if (rows.length === 0) return [];
  const claims = await ctx.prisma.reminderClaim.findMany({ where: { subjectType: 'shift_check', subjectId: { in: rows.map((r) => r.slot) } }, select: { key: true, at: true } });
  const at = new Map(claims.map((c) => [c.key, c.at]));
  return rows
    .map((r) => ({ ...r, leadAt: at.get(escalationKey(r.slot, 'lead')) ?? null, managersDone: at.has(escalationKey(r.slot, 'managers')) }))
    .filter((r) => !r.managersDone);
}

/** Inside the step's transaction: bump the row (waits for a concurrent "geprüft" on PostgreSQL), then re-check. */
async function stillOpen(tx: Tx, checkId: string): Promise<boolean> {
  const { count } = await tx.shiftCheck.updateMany({ where: { id: checkId, acknowledgedAt: null }, data: { version: { increment: 0 } } });
  return count > 0;
}

async function escalate(tx: Tx, row: OpenCheck, ctx: TickContext, step: EscalationStep, people: { id: string; name: string }[], fallback: boolean): Promise<string[]> {
  const { now, config } = ctx;
  const check = await loadCheck(tx, row.id);
  const added: TrackedCheckCard[] = [];
  for (const p of people) {
    const key = `${escalationKey(row.slot, step)}:${p.id}`;
    const model = escalationModel(check, step, config);
    if (await enqueue(tx, { idempotencyKey: key, message: { mode: 'send', recipient: { type: 'person', personId: p.id }, notice: { kind: 'shiftEscalation', model } }, now })) {
      added.push({ key, kind: 'shiftEscalation', step });
    }
  }
  // Tracked with the check's own cards: "geprüft" updates the escalation cards too (who checked, no button).
  const known = new Set(check.cards.map((c) => c.key));
  await tx.shiftCheck.update({ where: { id: row.id }, data: { cards: JSON.stringify([...check.cards, ...added.filter((c) => !known.has(c.key))]) } });
  await recordAudit(tx, {
    at: now,
    actorId: null,
    action: 'shift.escalated',
    subjectType: 'shift_check',
    subjectId: row.id,
    data: { slot: row.slot, step, fallbackToManagers: fallback, recipients: people.map((p) => p.id) },
  });
  const to = people.length ? people.map((p) => p.name).join(', ') : 'niemanden (keine VPA-Manager eingetragen)';
  return [`Eskalation (${step === 'lead' ? (fallback ? 'keine Schichtleitung: VPA-Manager' : 'Schichtleitung') : 'VPA-Manager'}) an ${to}: Schicht-Check ${row.slot.replace('T', ' ')} nicht geprüft`];
}

export const shiftEscalateLeadJob: TickJob = onceOnlyJob<OpenCheck>({
  name: 'shift.escalateLead',
  candidates: openChecks,
  due: (row, ctx) => (!row.leadAt && row.postedAt.getTime() + ctx.config.shift.escalateLeadMinutes * MINUTE_MS <= ctx.now.getTime() ? claim(row.slot, 'lead') : null),
  async deliver(tx, row, ctx) {
    if (!(await stillOpen(tx, row.id))) return NOT_DUE;
    const check = await tx.shiftCheck.findUniqueOrThrow({ where: { id: row.id }, select: { dueAt: true } });
    const onShift = await onShiftAt(tx, check.dueAt, ctx.config.businessTimeZone);
    const { people, fallback } = await leadsOrManagers(tx, onShift);
    if (fallback) {
      // The managers are told now, as the lead's stand-ins; their own step is done with it.
      await tx.reminderClaim.create({ data: { ...claim(row.slot, 'managers'), at: ctx.now } });
    }
    return escalate(tx, row, ctx, 'lead', people, fallback);
  },
});

export const shiftEscalateManagersJob: TickJob = onceOnlyJob<OpenCheck>({
  name: 'shift.escalateManagers',
  candidates: openChecks,
  due: (row, ctx) => (row.leadAt && row.leadAt.getTime() + ctx.config.shift.escalateManagersMinutes * MINUTE_MS <= ctx.now.getTime() ? claim(row.slot, 'managers') : null),
  async deliver(tx, row, ctx) {
    if (!(await stillOpen(tx, row.id))) return NOT_DUE;
    if (!(await claimedAt(tx, escalationKey(row.slot, 'lead')))) return NOT_DUE;
    const people = (await peopleWithRoles(tx, [VPA_MANAGER_ROLE])).map((p) => ({ id: p.id, name: p.name }));
    return escalate(tx, row, ctx, 'managers', people, false);
  },
});
