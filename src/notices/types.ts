// What the outbox stores: a typed notice (kind + view model) and its recipient, never rendered card
// JSON. bot/ renders a notice with cards/ when it sends, so a corrected card also applies to messages
// still waiting. Each kind's model type lives here; cards/ imports these types (type-only).
import type { Role } from '../people/roles.ts';
import type { ConductNoticeModels } from './conduct.ts';
import type { HandoverNoticeModels } from './handover.ts';
import type { PlatformNoticeModels } from './platform.ts';
import type { InactivityNoticeModels } from './inactivity.ts';
import type { TenderNoticeModels } from './tender.ts';
import type { ShiftNoticeModels } from './shift.ts';

export type ChannelPurpose = 'freigabe' | 'betreuung' | 'schicht' | 'admin';
export const CHANNEL_PURPOSES: readonly ChannelPurpose[] = ['freigabe', 'betreuung', 'schicht', 'admin'];

export type Recipient =
  | { type: 'person'; personId: string }
  | { type: 'channel'; purpose: ChannelPurpose }
  | { type: 'conversation'; conversationId: string };

export interface WelcomeModel {
  scope: 'personal' | 'channel' | 'groupChat';
  /** First name of the person greeted, when known. */
  name: string | undefined;
  roles: Role[];
}

/** One chat command as help lists it; bot/ fills these from its command table, filtered by the person's roles. */
export interface HelpCommand {
  /** As typed (German), e.g. `kanal freigabe`. */
  usage: string;
  description: string;
  /** Works only in a team channel, after @mentioning the bot. */
  channelOnly: boolean;
  /** The answer is about clients: it always arrives in the 1:1 chat, also when asked in a channel. */
  personalOnly: boolean;
  /** A button for the same thing (Action.Execute verb), offered in the 1:1 chat. */
  button?: { title: string; verb: string };
}

export interface HelpModel {
  name: string | undefined;
  roles: Role[];
  /** True when the help answers text the bot did not understand. */
  unknownText: boolean;
  scope: 'personal' | 'channel' | 'groupChat';
  /** Exactly the commands this person may use, in the order to list them. */
  commands: HelpCommand[];
}

export interface ErrorModel {
  code: string;
  message: string;
}

export interface TextModel {
  /** Plain German text (Teams markdown subset). */
  text: string;
}

/** Every notice kind and its view model. Add a kind here and bot/render makes you add its card. */
export interface NoticeModels extends HandoverNoticeModels, ConductNoticeModels, InactivityNoticeModels, PlatformNoticeModels, TenderNoticeModels, ShiftNoticeModels {
  welcome: WelcomeModel;
  help: HelpModel;
  error: ErrorModel;
  text: TextModel;
}

export type NoticeKind = keyof NoticeModels;
export type Notice = { [K in NoticeKind]: { kind: K; model: NoticeModels[K] } }[NoticeKind];

/** What one outbox row carries. `update` replaces a message sent earlier by the row with `updatesKey`. */
export type OutboundMessage =
  | { mode: 'send'; recipient: Recipient; notice: Notice }
  | { mode: 'update'; updatesKey: string; notice: Notice };
