// "erledigt" on an alert card (standalone mode): the item is answered; its alert cards are updated at once.
import { z } from 'zod';
import { VERBS } from '../../../cards/common/verbs.ts';
import { markInboxItemAnswered, shiftAlertCard } from '../../../src/shift/index.ts';
import { scopeOf } from '../../activity.ts';
import { renderNoticeCard } from '../../render/render-notice.ts';
import { defineAction } from '../registry.ts';
import { useCaseBase } from '../handover/shared.ts';

export const markShiftItemDoneAction = defineAction({
  verb: VERBS.shiftItemDone,
  data: z.object({ itemId: z.string().min(1).max(200) }).loose(),
  mutating: true,
  async handle(ctx, data) {
    const base = useCaseBase(ctx);
    const { changed } = await markInboxItemAnswered({ ...base, itemId: data.itemId, rules: ctx.config });
    if (changed) ctx.kickOutbox();
    const channel = scopeOf(ctx.turn.activity) !== 'personal';
    return { card: renderNoticeCard(await shiftAlertCard({ db: ctx.db.prisma, itemId: data.itemId, rules: ctx.config, channel, now: base.now })) };
  },
});
