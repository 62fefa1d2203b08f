// Small, pure readers of an incoming activity: scope, sender, stored reference.
import { TurnContext, type Activity } from 'botbuilder';
import type { ConversationScope } from '../src/conversations/save-reference.ts';
import type { SenderIdentity } from '../src/identity/find-actor.ts';

export function scopeOf(activity: Activity): ConversationScope {
  switch (activity.conversation?.conversationType) {
    case 'channel':
      return 'channel';
    case 'groupChat':
      return 'groupChat';
    default:
      return 'personal';
  }
}

export function senderOf(activity: Activity): SenderIdentity {
  return { aadObjectId: activity.from?.aadObjectId || undefined, fromId: activity.from?.id || undefined };
}

export function tenantOf(activity: Activity): string | undefined {
  const channelData: unknown = activity.channelData;
  if (channelData && typeof channelData === 'object' && 'tenant' in channelData) {
    const tenant = (channelData as { tenant?: { id?: unknown } }).tenant;
    if (typeof tenant?.id === 'string') return tenant.id;
  }
  return activity.conversation?.tenantId || undefined;
}

/** The text a person typed, without the bot's @mention, trimmed and lower-cased for matching. */
export function commandTextOf(activity: Activity): string {
  const text = TurnContext.removeRecipientMention(activity) ?? activity.text ?? '';
  // Teams marks the mention as <at>Name</at>; without a mention entity removeRecipientMention leaves it in.
  return text.replace(/<at>[^<]*<\/at>/gi, ' ').replace(/<[^>]+>/g, ' ').replace(/&nbsp;/g, ' ').replace(/\s+/g, ' ').trim().toLowerCase();
}

/**
 * The conversation id to store and to send to. In a channel Teams appends `;messageid=<thread root>` to the
 * id of a reply; proactive posts must go to the bare channel id, or each becomes a reply in an old thread.
 */
export function conversationIdOf(activity: Activity): string {
  const id = activity.conversation.id;
  return scopeOf(activity) === 'channel' ? (id.split(';')[0] ?? id) : id;
}

export function referenceJsonOf(activity: Activity): string {
  const reference = TurnContext.getConversationReference(activity);
  const conversation = reference.conversation;
  if (!conversation) return JSON.stringify(reference);
  return JSON.stringify({ ...reference, activityId: undefined, conversation: { ...conversation, id: conversationIdOf(activity) } });
}
