// "erledigt" on a platform to-do card (a client message sent by hand, a reassignment entered in the platform's
// dashboard). Not personal-only: Conny's messages go to the `schicht` channel when one is bound. The click must come
// from a conversation the to-do's card was sent to (its answer shows the client); who may close it is the use case's
// rule. The answer is the card as it is now: done, with who did it and when (also for a later click).
import { z } from 'zod';
import { VERBS } from '../../../cards/common/verbs.ts';
import { AppError } from '../../../src/errors/catalogue.ts';
import { completeTodo, todoConversationIds } from '../../../src/platform/index.ts';
import { conversationIdOf } from '../../activity.ts';
import { renderNoticeCard } from '../../render/render-notice.ts';
import { defineAction } from '../registry.ts';
import { useCaseBase } from '../handover/shared.ts';

export const completePlatformTodo = defineAction({
  verb: VERBS.platformTodoDone,
  data: z.object({ todoId: z.string().min(1).max(100) }).loose(),
  mutating: true,
  async handle(ctx, data) {
    const shownIn = await todoConversationIds(ctx.db.prisma, data.todoId);
    if (!shownIn.includes(conversationIdOf(ctx.turn.activity))) throw new AppError('CARD_NOT_IN_THIS_CONVERSATION', { detail: `platform to-do ${data.todoId}` });
    const result = await completeTodo({ ...useCaseBase(ctx), todoId: data.todoId });
    if (result.changed) ctx.kickOutbox();
    return { card: renderNoticeCard({ kind: 'platformTodo', model: result.model }) };
  },
});
