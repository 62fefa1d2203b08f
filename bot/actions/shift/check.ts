// "geprüft" on a check card (the `schicht` channel or a 1:1 copy) and on its escalation: records who and when and
// answers with the card as it is now; the other copies are edited through the outbox. A later click is told who
// checked (a message, the card stays as it is).
import { z } from 'zod';
import { VERBS } from '../../../cards/common/verbs.ts';
import { toAppError } from '../../../src/errors/catalogue.ts';
import { acknowledgeShiftCheck, shiftCheckCard } from '../../../src/shift/index.ts';
import { scopeOf } from '../../activity.ts';
import { renderNoticeCard } from '../../render/render-notice.ts';
import { defineAction } from '../registry.ts';
import { useCaseBase } from '../handover/shared.ts';

export const acknowledgeShiftCheckAction = defineAction({
  verb: VERBS.shiftCheckAck,
  data: z.object({ checkId: z.string().min(1).max(100), version: z.coerce.number().int().min(0).optional() }).loose(),
  mutating: true,
  async handle(ctx, data) {
    try {
      await acknowledgeShiftCheck({ ...useCaseBase(ctx), checkId: data.checkId, rules: ctx.config });
    } catch (error) {
      const e = toAppError(error);
      if (e.code === 'SHIFT_ALREADY_CHECKED') return { message: e.userMessage, accepted: false };
      throw error;
    }
    ctx.kickOutbox();
    const channel = scopeOf(ctx.turn.activity) !== 'personal';
    return { card: renderNoticeCard(await shiftCheckCard({ db: ctx.db.prisma, checkId: data.checkId, rules: ctx.config, kind: 'shiftCheck', channel })) };
  },
});
