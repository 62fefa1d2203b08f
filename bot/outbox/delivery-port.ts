// The outbox's DeliveryPort for Teams: turns the stored conversation reference and the typed notice into
// an activity (rendered with cards/ now, at send time), refuses activities over the Teams size limit,
// and hands them to the connector transport.
import type { Activity, ConversationReference } from 'botbuilder';
import { DeliveryError } from '../../src/outbox/delivery-error.ts';
import type { DeliveryPort } from '../../src/outbox/process-message.ts';
import type { ConversationTarget } from '../../src/outbox/resolve-target.ts';
import type { Notice } from '../../src/notices/types.ts';
import type { ConnectorTransport } from './connector-transport.ts';

/** Teams refuses bot messages over about 28 KB (STACK.md); such an activity is never sent. */
export const MAX_ACTIVITY_BYTES = 28 * 1024;

export type RenderNotice = (notice: Notice) => Partial<Activity>;

/** The stored reference, with the columns (kept current by the bot) taking precedence over its JSON. */
export function referenceOf(target: ConversationTarget): ConversationReference {
  let stored: Partial<ConversationReference> = {};
  try {
    const parsed: unknown = JSON.parse(target.reference);
    if (parsed && typeof parsed === 'object') stored = parsed as Partial<ConversationReference>;
  } catch {
    throw DeliveryError.permanent('stored conversation reference is not valid JSON');
  }
  return {
    ...stored,
    channelId: stored.channelId ?? 'msteams',
    serviceUrl: target.serviceUrl,
    bot: stored.bot ?? { id: '', name: '' },
    conversation: { ...(stored.conversation ?? { isGroup: false, conversationType: '', name: '' }), id: target.conversationId },
  } as ConversationReference;
}

/**
 * A proactive activity as botbuilder's applyConversationReference builds it (from = bot, recipient =
 * user), but never a reply: a new message in the conversation, not in the thread of the stored activity.
 */
export function activityFor(ref: ConversationReference, rendered: Partial<Activity>): Partial<Activity> {
  const activity: Partial<Activity> = {
    ...rendered,
    type: rendered.type ?? 'message',
    channelId: ref.channelId,
    serviceUrl: ref.serviceUrl,
    conversation: ref.conversation,
    from: ref.bot,
  };
  if (ref.user) activity.recipient = ref.user;
  if (ref.locale) activity.locale = ref.locale;
  return activity;
}

function assertSize(activity: Partial<Activity>): void {
  const bytes = Buffer.byteLength(JSON.stringify(activity), 'utf8');
  if (bytes > MAX_ACTIVITY_BYTES) throw DeliveryError.permanent(`activity too large: ${bytes} bytes (Teams limit ${MAX_ACTIVITY_BYTES})`);
}

function renderOrFail(render: RenderNotice, notice: Notice): Partial<Activity> {
  try {
    return render(notice);
  } catch (e) {
    // An unknown kind (a row from a newer version) or a model the card rejects: no attempt can fix it.
    const kind = typeof notice.kind === 'string' && /^[\w.-]{1,40}$/.test(notice.kind) ? notice.kind : '?';
    throw DeliveryError.permanent(`notice of kind "${kind}" could not be rendered (${e instanceof Error ? e.name : 'error'})`, e);
  }
}

export function createDeliveryPort(transport: ConnectorTransport, render: RenderNotice): DeliveryPort {
  return {
    async send(target, notice) {
      const ref = referenceOf(target);
      const activity = activityFor(ref, renderOrFail(render, notice));
      assertSize(activity);
      return transport.send(ref, activity);
    },
    async update(target, activityId, notice) {
      const ref = referenceOf(target);
      const activity = { ...activityFor(ref, renderOrFail(render, notice)), id: activityId };
      assertSize(activity);
      await transport.update(ref, activityId, activity);
    },
  };
}
