// What the inactivity verbs share: the use-case base from the turn, and the `inaktiv` list as the answer after a
// change (the slow part, messages to clients and colleagues, goes out afterwards through the outbox).
import { z } from 'zod';
import { renderNoticeCard } from '../../render/render-notice.ts';
import type { ActionContext, ActionResult } from '../registry.ts';
import { type ListDone, inactiveList } from '../../../src/inactivity/index.ts';

export function useCaseBase(ctx: ActionContext) {
  return { db: ctx.db.prisma, actor: ctx.actor, now: ctx.clock.now(), timeZone: ctx.config.businessTimeZone };
}

/** The cycle every inactivity card sends. */
export const cycleRef = z.object({
  cycleId: z.string().min(1).max(100),
  version: z.coerce.number().int().min(0).optional(),
});

/** A card input's value by id (Teams merges the inputs into `data`); '' when absent or not text. */
export function inputValue(data: Record<string, unknown>, id: string): string {
  const v = data[id];
  return typeof v === 'string' ? v.trim() : '';
}

/** The refreshed `inaktiv` list, with what was just done on top. */
export async function answerWithList(ctx: ActionContext, done?: ListDone): Promise<ActionResult> {
  ctx.kickOutbox();
  const model = await inactiveList({ ...useCaseBase(ctx), config: ctx.config.inactivity, ...(done ? { done } : {}) });
  return { card: renderNoticeCard({ kind: 'inactivityList', model }) };
}
