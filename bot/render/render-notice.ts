// Turns a typed notice into what the bot sends. One renderer per notice kind, kept in a table typed
// by NoticeKind: a kind added to NoticeModels without a renderer here fails to compile.
import type { Activity, Attachment } from 'botbuilder';
import { card, text } from '../../cards/common/build.ts';
import type { AdaptiveCard } from '../../cards/common/types.ts';
import { errorCard } from '../../cards/error.ts';
import { helpCard } from '../../cards/help.ts';
import { welcomeCard } from '../../cards/welcome.ts';
import type { Notice, NoticeKind, NoticeModels } from '../../src/notices/types.ts';
import { CONDUCT_RENDERERS } from './conduct-renderers.ts';
import { HANDOVER_RENDERERS } from './handover-renderers.ts';
import { PLATFORM_RENDERERS } from './platform-renderers.ts';
import { INACTIVITY_RENDERERS } from './inactivity-renderers.ts';
import { TENDER_RENDERERS } from './tender-renderers.ts';
import { SHIFT_RENDERERS } from './shift-renderers.ts';

export const ADAPTIVE_CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';

/** A notice is shown either as an Adaptive Card or as a plain text message. */
export type Rendered = { card: AdaptiveCard } | { text: string };

/** One renderer per kind of a group of notice models; each area of the app contributes such a table. */
export type NoticeRenderers<Models> = { [K in keyof Models]: (model: Models[K]) => Rendered };

const CORE_RENDERERS: NoticeRenderers<Pick<NoticeModels, 'welcome' | 'help' | 'error' | 'text'>> = {
  welcome: (model) => ({ card: welcomeCard(model) }),
  help: (model) => ({ card: helpCard(model) }),
  error: (model) => ({ card: errorCard(model) }),
  text: (model) => ({ text: model.text }),
};

/** Lifts a table of card functions (one per kind) into renderers. */
function cardRenderers<M>(table: { [K in keyof M]: (model: M[K]) => AdaptiveCard }): NoticeRenderers<M> {
  const lifted: Partial<NoticeRenderers<M>> = {};
  for (const kind of Object.keys(table) as (keyof M)[]) {
    const cardOf = table[kind];
    lifted[kind] = (model: M[typeof kind]) => ({ card: cardOf(model) });
  }
  return lifted as NoticeRenderers<M>;
}

// Typed over all of NoticeModels: a kind without a renderer fails to compile here.
const RENDERERS: NoticeRenderers<NoticeModels> = {
  ...CORE_RENDERERS,
  ...cardRenderers(HANDOVER_RENDERERS),
  ...cardRenderers(CONDUCT_RENDERERS),
  ...cardRenderers(PLATFORM_RENDERERS),
  ...cardRenderers(INACTIVITY_RENDERERS),
  ...cardRenderers(TENDER_RENDERERS),
  ...cardRenderers(SHIFT_RENDERERS),
};

function render<K extends NoticeKind>(notice: { kind: K; model: NoticeModels[K] }): Rendered {
  return RENDERERS[notice.kind](notice.model);
}

export function cardAttachment(content: AdaptiveCard): Attachment {
  return { contentType: ADAPTIVE_CARD_CONTENT_TYPE, content };
}

/** The message activity for a notice: a card as an attachment, or plain text. */
export function renderNotice(notice: Notice): Partial<Activity> {
  const rendered = render(notice);
  return 'card' in rendered ? { type: 'message', attachments: [cardAttachment(rendered.card)] } : { type: 'message', text: rendered.text };
}

/**
 * The notice as a card, also for text notices (a one-line card): for places that must answer with a
 * card, such as an Action.Execute invoke response or a card update.
 */
export function renderNoticeCard(notice: Notice): AdaptiveCard {
  const rendered = render(notice);
  return 'card' in rendered ? rendered.card : card([text(rendered.text)]);
}
