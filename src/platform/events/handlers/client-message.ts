// chat.received and mail.received: a client wrote. A reply pauses the client's running inactivity cycle (the
// reminders wait until someone presses "fortsetzen" or a task comes in: pauseOnClientReply, src/inactivity, in the event's own transaction); a message
// in the Conny account's inbox is also an item there for the shift to answer. A message from a client the bot does
// not know changes no cycle, but still counts in Conny's inbox (the shift must answer it all the same).
import type { Tx } from '../../../db/client.ts';
import { pauseOnClientReply } from '../../../inactivity/index.ts';
import { receiveInboxItem, type InboxKind } from '../../../inbox/items.ts';
import type { Account, ChatReceived, MailReceived } from '../../webhooks/events.ts';
import type { EventContext, EventHandler, Effects } from '../handler.ts';

interface ClientMessage {
  id: string;
  kind: Extract<InboxKind, 'chat' | 'mail'>;
  clientNumber: string;
  receivedAt: string;
  subject: string;
  account: Account;
}

/** The pause, in the event's transaction. */
async function pause(tx: Tx, m: ClientMessage, ctx: EventContext): Promise<Effects> {
  const client = await tx.client.findUnique({ where: { number: m.clientNumber }, select: { id: true } });
  if (!client) return { clientKnown: false, pausedCycleId: null };
  const paused = await pauseOnClientReply(tx, { clientId: client.id, at: new Date(m.receivedAt), now: ctx.now, timeZone: ctx.timeZone });
  return { clientKnown: true, pausedCycleId: paused };
}

function handlerFor<T>(toMessage: (data: T) => ClientMessage): EventHandler<T> {
  return {
    async apply(tx, data, ctx) {
      const m = toMessage(data);
      const paused = await pause(tx, m, ctx);
      if (m.account !== 'conny') return { ...paused, account: m.account, inbox: null };
      const inbox = await receiveInboxItem(tx, { id: m.id, kind: m.kind, clientNumber: m.clientNumber, receivedAt: new Date(m.receivedAt), subject: m.subject, source: ctx.source }, ctx.now);
      return { ...paused, account: m.account, inbox };
    },
  };
}

export const chatReceived = handlerFor<ChatReceived>((d) => ({ id: d.messageId, kind: 'chat', clientNumber: d.clientNumber, receivedAt: d.receivedAt, subject: '', account: d.account }));

export const mailReceived = handlerFor<MailReceived>((d) => ({ id: d.mailId, kind: 'mail', clientNumber: d.clientNumber, receivedAt: d.receivedAt, subject: d.subject ?? '', account: d.account }));
