// The one port to the company's VPA platform (clients, tasks, chats, mails, the VPA dashboard). Every method
// writes inside the caller's transaction, so what the platform is asked to do commits (or rolls back) together
// with the state change that caused it, and goes out through the outbox with the given idempotency key:
//   - standalone (no PLATFORM_BASE_URL): each call becomes a to-do for the person it is sent in the name of
//     ("bitte sende …", the German text ready to copy, "erledigt"); the red question mark is the bot's own;
//   - platform (PLATFORM_BASE_URL, src/platform/http/gateway.ts): each call queues an outbox row (channel
//     `platform.call`) and the sender calls the platform's HTTP API with the key as `Idempotency-Key`.
import type { Tx } from '../db/client.ts';

export interface ChatToClient {
  clientId: string;
  /** In whose name the message goes out: the VPA's person id, or the Conny account's. */
  senderId: string;
  text: string;
  idempotencyKey: string;
}

export interface EmailToClient {
  clientId: string;
  /** The Conny account's person id. */
  senderId: string;
  subject: string;
  text: string;
  idempotencyKey: string;
}

export interface Reassignment {
  clientId: string;
  fromVpaId: string | null;
  toVpaId: string;
  idempotencyKey: string;
}

export interface PlatformGateway {
  sendChat(tx: Tx, message: ChatToClient, now: Date): Promise<void>;
  sendEmail(tx: Tx, message: EmailToClient, now: Date): Promise<void>;
  /** The red question mark on the VPA's dashboard (the key names the cause, e.g. the cycle that set it). */
  markInactive(tx: Tx, mark: { clientId: string; vpaId: string | null; idempotencyKey: string }, now: Date): Promise<void>;
  clearInactiveMark(tx: Tx, clientId: string, now: Date, idempotencyKey: string): Promise<void>;
  /** Tell the platform the client's new VPA (the bot's own assignment history is written by the caller). */
  reassignClient(tx: Tx, change: Reassignment, now: Date): Promise<void>;
}
