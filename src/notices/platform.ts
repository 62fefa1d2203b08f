// View models of the platform to-dos (src/platform). Without a connection to the company's VPA platform, every
// message the bot would send to a client, and every reassignment it would tell the platform, becomes a to-do card
// for the people who can do it by hand: "bitte sende …" with the German text ready to copy, and "erledigt".
// Ids for Action.Execute data travel in the model: `todoId`.
import type { ClientInfo, PersonInfo } from './common.ts';

/** `chat` and `email`: a message to a client; `reassign`: a new VPA to enter in the platform's dashboard. */
export type PlatformTodoKind = 'chat' | 'email' | 'reassign';

/** To the person a message goes out in the name of (a VPA 1:1), or to the staff who operate the Conny account. */
export interface PlatformTodoModel {
  todoId: string;
  kind: PlatformTodoKind;
  client: ClientInfo;
  /** chat/email: in whose name the message goes out; null for reassign. */
  sender: (PersonInfo & { isConny: boolean }) | null;
  /** The e-mail's subject, ready to copy; "" for chat and reassign. */
  subject: string;
  /** chat/email: the German text for the client, exactly as it must be sent; reassign: the new assignment. */
  text: string;
  /** Set once someone clicked "erledigt": every copy of the card then shows who and when, without the button. */
  done: { by: PersonInfo; atText: string } | null;
  actions: { done: boolean };
}

/** The kinds of this module, merged into NoticeModels (src/notices/types.ts). */
export interface PlatformNoticeModels {
  platformTodo: PlatformTodoModel;
}
