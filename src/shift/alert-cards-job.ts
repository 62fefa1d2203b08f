// Every minute: alert cards of items answered on the platform (webhook, reconciliation) or by import still show
// them open; this job updates them (alert-cards.ts). It looks at items answered in the last RECENT_DAYS only, so
// its query stays small; an answer older than that (the bot was down for a week) leaves its alert card as it was.
import type { TickJob } from '../tick/job.ts';
import { alertItemSelect } from './alert-view.ts';
import { refreshAlertCards } from './alert-cards.ts';

const RECENT_DAYS = 7;
const DAY_MS = 24 * 60 * 60 * 1000;

export const shiftAlertCardsJob: TickJob = {
  name: 'shift.alertCards',
  async run(ctx) {
    const items = await ctx.prisma.inboxItem.findMany({
      where: { alertedAt: { not: null }, answeredAt: { not: null, gte: new Date(ctx.now.getTime() - RECENT_DAYS * DAY_MS) } },
      select: alertItemSelect,
      orderBy: [{ answeredAt: 'asc' }, { id: 'asc' }],
    });
    const lines: string[] = [];
    for (const item of items) {
      const queued = await ctx.prisma.$transaction((tx) => refreshAlertCards(tx, item, ctx.config, ctx.now));
      if (queued > 0) lines.push(`Frist-Hinweis zu ${item.id} aktualisiert: beantwortet`);
    }
    return lines;
  },
};
