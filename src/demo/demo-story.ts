// Process 2 at every step, right after `demo` (DEMO_STORY in demo-data.ts): the demo's "go-live" lies
// DEMO_LIVE_DAYS_AGO days before the anchor; from there the REAL tick jobs of the inactivity process run once a day
// (10:00 business time, as the scheduler would), and people act through the REAL use cases on their days: Julia
// (community) hands clients to Conny, a client replies, Sabine (admin) starts the tender of a client who came back,
// Murat applies. Every row (cycles, steps, marks, to-dos, tenders, the outbox's cards) is therefore written by the
// code paths that write it in production, with the instants they would have had. Nothing here writes process rows
// itself.
//
// Played once per database: the `demo.story` audit event marks it, so `demo` run again replays nothing. The cards
// it queues are the ones people then see: per person a handful (the shift, who sends Conny's messages, the most:
// one to-do per message in Conny's name), never one per simulated day.
import { DateTime } from 'luxon';
import { recordAudit } from '../audit/record.ts';
import type { Config } from '../config/config.ts';
import type { Db } from '../db/client.ts';
import type { Actor } from '../identity/find-actor.ts';
import { handOverToConny, inactivityJobs, inSendWindow, recordClientReply } from '../inactivity/index.ts';
import type { Logger } from '../log/logger.ts';
import { isRole } from '../people/roles.ts';
import { gatewayFor } from '../platform/index.ts';
import { applyToTender, deadlineFromDate, defaultDeadlineDate, startTender } from '../tender/index.ts';
import type { TickJob } from '../tick/job.ts';
import { DEMO_LIVE_DAYS_AGO } from './demo-data.ts';

export const DEMO_STORY_ACTION = 'demo.story';

const mail = (local: string) => `${local}@demo.staffelstab.de`;

/** Julia hands these clients to Conny, on these days (before the anchor; moved to the next working day). */
const HAND_OVERS: readonly { client: string; daysAgo: number }[] = [
  { client: 'K-1014', daysAgo: 68 },
  { client: 'K-1013', daysAgo: 62 },
  { client: 'K-1019', daysAgo: 44 },
  { client: 'K-1010', daysAgo: 34 },
  { client: 'K-1020', daysAgo: 24 },
  { client: 'K-1017', daysAgo: 14 },
];
const REPLY = { client: 'K-1018', daysAgo: 2, hour: 18, minute: 30 };
const TENDER = { client: 'K-1020', admin: mail('sabine.koch'), applicant: mail('murat.yilmaz') };
const COMMUNITY = mail('julia.neumann');

interface StoryEvent {
  at: Date;
  /** Ticks first, then actions, at one instant. */
  order: number;
  run: () => Promise<unknown>;
}

export interface DemoStoryOptions {
  anchor: Date;
  config: Config;
  logger: Logger;
  /** The tick jobs to run each day (default: the inactivity process's). */
  jobs?: readonly TickJob[];
}

/** Plays the story once; false when an earlier run played it. */
export async function playDemoStory(prisma: Db, options: DemoStoryOptions): Promise<boolean> {
  if (await prisma.auditEvent.findFirst({ where: { action: DEMO_STORY_ACTION }, select: { id: true } })) return false;
  const { anchor, config, logger } = options;
  const tz = config.businessTimeZone;
  const jobs = options.jobs ?? inactivityJobs;
  const gateway = gatewayFor(config);
  const rules = config.inactivity;
  const base = DateTime.fromJSDate(anchor, { zone: tz }).startOf('day');
  const at = (daysAgo: number, hour: number, minute = 0) => base.minus({ days: daysAgo }).set({ hour, minute }).toJSDate();
  // The last instant an action may take: before the anchor (the demo's "now").
  const latest = new Date(anchor.getTime() - 60_000);
  const cap = (d: Date) => (d.getTime() < latest.getTime() ? d : latest);
  /** 11:00 on the first working day at or after `daysAgo` (never later than yesterday). */
  const workingDay = (daysAgo: number, hour = 11): Date => {
    for (let d = daysAgo; d > 1; d--) if (inSendWindow(at(d, hour), rules, tz)) return at(d, hour);
    return at(1, hour);
  };
  /** The last working day before the anchor's day (for the tender, which must start after the client came back). */
  const lastWorkingDay = (hour: number): Date => {
    for (let d = 1; d < 10; d++) if (inSendWindow(at(d, hour), rules, tz)) return at(d, hour);
    return at(1, hour);
  };

  const tick = (now: Date) => async () => {
    for (const job of jobs) await job.run({ prisma, now, logger, config });
  };
  const events: StoryEvent[] = [];
  for (let d = DEMO_LIVE_DAYS_AGO; d >= 1; d--) events.push({ at: at(d, 10), order: 0, run: tick(at(d, 10)) });
  events.push({ at: anchor, order: 0, run: tick(anchor) });

  const julia = await actorByEmail(prisma, COMMUNITY);
  for (const h of HAND_OVERS) {
    const when = workingDay(h.daysAgo);
    events.push({ at: when, order: 1, run: async () => {
      const cycle = await activeCycleOf(prisma, h.client);
      if (!cycle || cycle.connyAt) return;
      await handOverToConny({ db: prisma, actor: julia, now: when, timeZone: tz, cycleId: cycle.id, expectedVersion: cycle.version, gateway });
    } });
    // Conny's introduction goes out in the same send window, as the scheduler would send it a minute later.
    const after = new Date(when.getTime() + 60_000);
    events.push({ at: after, order: 0, run: tick(after) });
  }

  const replyAt = cap(at(REPLY.daysAgo, REPLY.hour, REPLY.minute));
  events.push({ at: replyAt, order: 1, run: async () => {
    const client = await prisma.client.findUnique({ where: { number: REPLY.client }, select: { id: true } });
    if (client) await recordClientReply({ db: prisma, clientId: client.id, at: replyAt, now: replyAt, timeZone: tz });
  } });

  const startAt = cap(lastWorkingDay(11));
  const applyAt = cap(new Date(startAt.getTime() + 3 * 3_600_000));
  events.push({ at: startAt, order: 1, run: async () => {
    const tender = await tenderOf(prisma, TENDER.client);
    if (!tender || tender.status !== 'review') return;
    // Sabine gives the VPAs until two working days after the demo's "now", so "bewerben" can be tried at once.
    const deadline = deadlineFromDate(defaultDeadlineDate(anchor, tz, rules), tz);
    if (!deadline) return;
    await startTender({ db: prisma, actor: await actorByEmail(prisma, TENDER.admin), now: startAt, timeZone: tz, rules, tenderId: tender.id, expectedVersion: tender.version, deadline });
  } });
  events.push({ at: applyAt, order: 2, run: async () => {
    const tender = await tenderOf(prisma, TENDER.client);
    if (!tender || tender.status !== 'open') return;
    const murat = await actorByEmail(prisma, TENDER.applicant);
    if (await prisma.tenderApplication.findUnique({ where: { tenderId_vpaId: { tenderId: tender.id, vpaId: murat.id } } })) return;
    await applyToTender({ db: prisma, actor: murat, now: applyAt, timeZone: tz, rules, gateway, tenderId: tender.id });
  } });

  events.sort((a, b) => a.at.getTime() - b.at.getTime() || a.order - b.order);
  for (const e of events) await e.run();
  await recordAudit(prisma, { at: anchor, actorId: null, action: DEMO_STORY_ACTION, subjectType: 'demo', subjectId: 'demo', data: { anchor: anchor.toISOString(), liveDaysAgo: DEMO_LIVE_DAYS_AGO } });
  return true;
}

async function actorByEmail(prisma: Db, email: string): Promise<Actor> {
  const p = await prisma.person.findUniqueOrThrow({ where: { email }, include: { roles: true } });
  return { id: p.id, name: p.name, email: p.email, aadObjectId: p.aadObjectId, teamsUserId: p.teamsUserId, roles: p.roles.map((r) => r.role).filter(isRole) };
}

async function clientIdOf(prisma: Db, clientNumber: string): Promise<string> {
  return (await prisma.client.findUniqueOrThrow({ where: { number: clientNumber }, select: { id: true } })).id;
}

async function activeCycleOf(prisma: Db, clientNumber: string) {
  return prisma.inactivityCycle.findFirst({ where: { clientId: await clientIdOf(prisma, clientNumber), status: { in: ['running', 'paused'] } }, orderBy: { cycle: 'desc' } });
}

async function tenderOf(prisma: Db, clientNumber: string) {
  return prisma.tender.findFirst({ where: { clientId: await clientIdOf(prisma, clientNumber) }, orderBy: { createdAt: 'desc' } });
}
