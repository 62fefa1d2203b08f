// Who is inactive: a client with continuous work whose last task (or, without any task, the start of the current
// assignment) lies the configured weeks back, who has a current VPA other than Conny, is not excluded or on an
// agreed break, and has no running cycle nor a finished one for the same last task. Starting a cycle marks the
// client with the red question mark and tells the VPA 1:1; the client's message follows as a step (send window).
// The database narrows 100,000 clients to the quiet ones without a running cycle (due-scan.ts); the rules run on those.
import { DateTime } from 'luxon';
import { connyIds } from '../assignments/last-vpa.ts';
import { serviceLength } from '../assignments/history.ts';
import { recordAudit } from '../audit/record.ts';
import { clientInfo } from '../clients/client-info.ts';
import { inChunks } from '../db/chunks.ts';
import type { Db } from '../db/client.ts';
import { isUniqueViolation } from '../db/unique-violation.ts';
import { randomId } from '../ids.ts';
import { enqueue } from '../outbox/enqueue.ts';
import type { PlatformGateway } from '../platform/gateway.ts';
import type { TickContext } from '../tick/job.ts';
import { formatDate } from '../time/format.ts';
import { quietClients } from './due-scan.ts';
import { nextSendWindow } from './send-window.ts';
import { weeksAfter } from './schedule.ts';
import { vpaMessageText } from './step-message.ts';
import { REACTIVATION_TIPS } from './tips.ts';

interface Candidate {
  clientId: string;
  number: string;
  name: string;
  vpaId: string;
  lastTaskAt: Date;
  cycle: number;
}

export type { Candidate as InactiveCandidate };

const DAY_MS = 86_400_000;

export async function findNewlyInactive(db: Db, now: Date, ctx: Pick<TickContext, 'config'>): Promise<Candidate[]> {
  const { afterWeeks } = ctx.config.inactivity;
  const tz = ctx.config.businessTimeZone;
  // The database keeps only clients quiet since a day after the threshold; the exact rule (local weeks) follows.
  const quietSince = new Date(DateTime.fromJSDate(now, { zone: tz }).minus({ weeks: afterWeeks }).toMillis() + DAY_MS);
  const quiet = await quietClients(db, now, quietSince);
  if (quiet.length === 0) return [];
  const ids = quiet.map((q) => q.clientId);
  const conny = await connyIds(db);
  const [current, cycles, exclusions] = await Promise.all([
    inChunks(ids, (chunk) => db.assignment.findMany({ where: { clientId: { in: chunk }, from: { lte: now }, OR: [{ to: null }, { to: { gt: now } }] }, select: { clientId: true, vpaId: true, from: true } })),
    inChunks(ids, (chunk) => db.inactivityCycle.groupBy({ by: ['clientId'], where: { clientId: { in: chunk } }, _max: { cycle: true, lastTaskAt: true } })),
    inChunks(ids, (chunk) => db.inactivityExclusion.findMany({ where: { clientId: { in: chunk }, from: { lte: now }, OR: [{ until: null }, { until: { gt: now } }] }, select: { clientId: true } })),
  ]);
  const excluded = new Set(exclusions.map((e) => e.clientId));
  const cycleOf = new Map(cycles.map((c) => [c.clientId, c._max]));
  // The VPA serving the client now (the latest current assignment that is not Conny's) and since when.
  const vpaOf = new Map<string, { vpaId: string; from: Date }>();
  for (const a of current.sort((x, y) => x.from.getTime() - y.from.getTime())) if (!conny.has(a.vpaId)) vpaOf.set(a.clientId, { vpaId: a.vpaId, from: a.from });
  const out: Candidate[] = [];
  for (const c of quiet) {
    if (excluded.has(c.clientId)) continue;
    const vpa = vpaOf.get(c.clientId);
    if (!vpa) continue;
    const last = c.lastTaskAt ?? vpa.from;
    if (weeksAfter(last, afterWeeks, tz) > now) continue;
    const previous = cycleOf.get(c.clientId);
    // The same inactivity (same last task) never starts twice, e.g. after "ausnehmen" ended it.
    if (previous?.lastTaskAt && previous.lastTaskAt.getTime() >= last.getTime()) continue;
    out.push({ clientId: c.clientId, number: c.number, name: c.name, vpaId: vpa.vpaId, lastTaskAt: last, cycle: (previous?.cycle ?? 0) + 1 });
  }
  return out;
}

/** Starts one cycle; false when another tick or instance started it first. */
export async function startCycle(ctx: TickContext, gateway: PlatformGateway, candidate: Candidate): Promise<boolean> {
  const { prisma, now, config } = ctx;
  const tz = config.businessTimeZone;
  const id = randomId();
  try {
    await prisma.$transaction(async (tx) => {
      await tx.inactivityCycle.create({ data: { id, clientId: candidate.clientId, cycle: candidate.cycle, lastTaskAt: candidate.lastTaskAt, vpaId: candidate.vpaId, status: 'running', createdAt: now, nextCheckAt: candidate.lastTaskAt } });
      await gateway.markInactive(tx, { clientId: candidate.clientId, vpaId: candidate.vpaId, idempotencyKey: `inactivity:${id}:mark` }, now);
      const [client, vpa, assignments, hasTask] = await Promise.all([
        tx.client.findUniqueOrThrow({ where: { id: candidate.clientId }, select: { id: true, number: true, name: true, class: true, workType: true } }),
        tx.person.findUniqueOrThrow({ where: { id: candidate.vpaId }, select: { id: true, name: true } }),
        tx.assignment.findMany({ where: { clientId: candidate.clientId }, select: { vpaId: true, from: true, to: true } }),
        tx.task.findFirst({ where: { clientId: candidate.clientId }, select: { id: true } }),
      ]);
      const service = serviceLength(assignments, vpa.id, now, tz);
      const dueAt = weeksAfter(candidate.lastTaskAt, config.inactivity.afterWeeks, tz);
      const sendAt = nextSendWindow(dueAt > now ? dueAt : now, config.inactivity, tz);
      const weeks = Math.floor((now.getTime() - candidate.lastTaskAt.getTime()) / (7 * 86_400_000));
      await enqueue(tx, {
        idempotencyKey: `inactivity:${id}:vpa-card`,
        message: {
          mode: 'send',
          recipient: { type: 'person', personId: vpa.id },
          notice: {
            kind: 'inactivityVpa',
            model: {
              ref: { cycleId: id, clientId: client.id, version: 1 },
              client: clientInfo(client),
              lastTaskText: hasTask ? `${formatDate(candidate.lastTaskAt, tz)} (vor ${weeks} Wochen)` : `keine Aufgabe seit Beginn der Betreuung (${formatDate(candidate.lastTaskAt, tz)})`,
              servingSinceText: service ? `seit ${service.sinceText} (${service.text})` : null,
              clientMessage: vpaMessageText(client.name, vpa.name),
              clientMessageWhen: sendAt.getTime() <= now.getTime() ? 'jetzt' : `am ${formatDate(sendAt, tz)} ab ${config.inactivity.sendWindow.from} Uhr`,
              tips: REACTIVATION_TIPS,
              nextStepText: `Stellt der Kunde bis zum ${formatDate(weeksAfter(candidate.lastTaskAt, config.inactivity.listAfterWeeks, tz), tz)} keine neue Aufgabe ein, übernimmt das Inactive Management (Konto Conny).`,
            },
          },
        },
        now,
      });
      await recordAudit(tx, { at: now, actorId: null, action: 'inactivity.started', subjectType: 'inactivity', subjectId: id, data: { clientId: candidate.clientId, cycle: candidate.cycle, vpaId: candidate.vpaId } });
    });
    return true;
  } catch (error) {
    if (isUniqueViolation(error)) return false;
    throw error;
  }
}
