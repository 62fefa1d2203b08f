// `kanal freigabe|betreuung|schicht|admin`: a manager or admin declares that the conversation they
// type in serves a purpose. Only these roles may route approval requests and pings to a channel,
// because whoever controls the channel sees what is posted there.
import type { Db } from '../db/client.ts';
import { AppError } from '../errors/catalogue.ts';
import { recordAudit } from '../audit/record.ts';
import type { Actor } from '../identity/find-actor.ts';

import type { ChannelPurpose } from '../notices/types.ts';
import type { Role } from '../people/roles.ts';
import { hasRole } from '../people/access.ts';

export const CHANNEL_BINDING_ROLES: readonly Role[] = ['vpa_manager', 'client_manager', 'admin'];

export interface BindChannelInput {
  db: Db;
  actor: Actor | null;
  purpose: ChannelPurpose;
  conversationRefId: string;
  now: Date;
}

export async function bindChannel({ db, actor, purpose, conversationRefId, now }: BindChannelInput): Promise<{ previousConversationRefId: string | null }> {
  if (!actor) throw new AppError('NOT_REGISTERED');
  if (!hasRole(actor, CHANNEL_BINDING_ROLES)) {
    throw new AppError('FORBIDDEN_ROLE', { userMessage: 'Kanäle festlegen dürfen nur VPA-Manager, Kundenmanager und das Admin-Team.', detail: `bind ${purpose}` });
  }
  return db.$transaction(async (tx) => {
    const previous = await tx.channelBinding.findUnique({ where: { purpose }, select: { conversationRefId: true } });
    await tx.channelBinding.upsert({
      where: { purpose },
      create: { purpose, conversationRefId, boundById: actor.id },
      update: { conversationRefId, boundById: actor.id },
    });
    await recordAudit(tx, { at: now, actorId: actor.id, action: 'channel.bound', subjectType: 'channel', subjectId: purpose, data: { conversationRefId, previous: previous?.conversationRefId ?? null } });
    return { previousConversationRefId: previous?.conversationRefId ?? null };
  });
}

export const PURPOSE_LABELS: Record<ChannelPurpose, string> = {
  freigabe: 'Freigaben von VPA-Wechseln',
  betreuung: 'Prüfung von Abgabeanfragen durch das Community-Team',
  schicht: 'Schicht-Pings zum Account Conny',
  admin: 'Prüfung reaktivierter Kunden durch das Admin-Team',
};
