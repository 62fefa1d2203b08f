// The wiki's coming "Autoprozess" (INACTIVE_AUTO_HANDOVER=true): a client who reaches the inactive-management list
// and is not postponed is handed to Conny by the bot itself. Off by default: then people decide on the list.
import { DateTime } from 'luxon';
import { AppError, toAppError } from '../errors/catalogue.ts';
import { randomId } from '../ids.ts';
import type { PlatformGateway } from '../platform/gateway.ts';
import type { TickContext } from '../tick/job.ts';
import { handOver } from './hand-over-to-conny.ts';
import { weeksAfter } from './schedule.ts';

export async function autoHandOver(ctx: TickContext, gateway: PlatformGateway): Promise<string[]> {
  const { prisma, now, config } = ctx;
  if (!config.inactivity.autoHandover) return [];
  const tz = config.businessTimeZone;
  // Only cycles whose last task lies about the list time back (a day of slack for the local-week rule below).
  const listedBy = new Date(DateTime.fromJSDate(now, { zone: tz }).minus({ weeks: config.inactivity.listAfterWeeks }).toMillis() + 86_400_000);
  const cycles = await prisma.inactivityCycle.findMany({ where: { status: 'running', connyAt: null, lastTaskAt: { lte: listedBy }, OR: [{ postponedUntil: null }, { postponedUntil: { lte: now } }] } });
  const out: string[] = [];
  for (const cycle of cycles) {
    if (weeksAfter(cycle.lastTaskAt, config.inactivity.listAfterWeeks, tz) > now) continue;
    try {
      await prisma.$transaction((tx) => handOver(tx, cycle, null, now, gateway, randomId));
      out.push(cycle.clientId);
    } catch (error) {
      const e = toAppError(error);
      // Another tick or instance was first, or nobody holds the conny role yet: nothing changed.
      if (e.code === 'INACTIVITY_STALE' || e.code === 'INACTIVITY_WRONG_STATE') continue;
      if (e.code === 'CONNY_MISSING') {
        ctx.logger.warn({ code: e.code }, 'automatic hand-over to Conny: nobody holds the conny role');
        return out;
      }
      throw error instanceof AppError ? error : e;
    }
  }
  return out;
}
