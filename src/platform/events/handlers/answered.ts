// chat.answered and mail.answered: somebody answered the client on the platform. The item leaves Conny's open
// inbox (answerInboxItem, src/inbox); an item the bot never knew (a VPA's own chat, or one whose `received` event
// is still to come) changes nothing. An answer that overtakes its `received` event leaves that item open until the
// reconciliation sees the platform no longer lists it as open.
import { answerInboxItem } from '../../../inbox/items.ts';
import type { ChatAnswered, MailAnswered } from '../../webhooks/events.ts';
import type { EventHandler } from '../handler.ts';

function handlerFor<T>(idOf: (data: T) => string, answeredAtOf: (data: T) => string): EventHandler<T> {
  return {
    async apply(tx, data, ctx) {
      const changed = await answerInboxItem(tx, { id: idOf(data), answeredAt: new Date(answeredAtOf(data)), via: ctx.source }, ctx.now);
      return { answered: changed };
    },
  };
}

export const chatAnswered = handlerFor<ChatAnswered>((d) => d.messageId, (d) => d.answeredAt);

export const mailAnswered = handlerFor<MailAnswered>((d) => d.mailId, (d) => d.answeredAt);
