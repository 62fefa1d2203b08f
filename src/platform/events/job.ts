// `staffelstab tick` (and the server's scheduler) also applies pending platform events, before the inactivity jobs
// run, so a task that came in by webhook ends its client's cycle in the same tick.
import type { TickJob } from '../../tick/job.ts';
import { countByType, processPendingEvents } from './process.ts';

export const platformEventsJob: TickJob = {
  name: 'platform.events',
  async run(ctx) {
    const events = await processPendingEvents({ prisma: ctx.prisma, now: ctx.now, logger: ctx.logger, timeZone: ctx.config.businessTimeZone });
    const lines: string[] = [];
    const processed = countByType(events, 'processed');
    if (processed) lines.push(`Plattform-Ereignisse verarbeitet: ${processed}`);
    for (const e of events) {
      if (e.outcome === 'failed') lines.push(`Plattform-Ereignis ${e.id} (${e.type}) fehlgeschlagen: ${e.code ?? 'INTERNAL'}`);
      if (e.outcome === 'retry') lines.push(`Plattform-Ereignis ${e.id} (${e.type}) wird erneut versucht: ${e.code ?? 'INTERNAL'}`);
    }
    return lines;
  },
};
