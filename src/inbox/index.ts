// Public API of the Conny account's inbox (chats, mails, new tasks waiting for an answer).
export { INBOX_KINDS, answerInboxItem, receiveInboxItem, type AnsweredItem, type InboxKind, type InboxSource, type ReceiveOutcome, type ReceivedItem } from './items.ts';
