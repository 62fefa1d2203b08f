// The help and welcome cards for the person in front of us, built from their roles in the database.
import type { Activity } from 'botbuilder';
import type { Actor } from '../src/identity/find-actor.ts';
import { firstName } from '../src/identity/find-actor.ts';
import type { ConversationScope } from '../src/conversations/save-reference.ts';
import { renderNotice } from './render/render-notice.ts';

export function helpActivity(actor: Actor | null, scope: ConversationScope, unknownText: boolean): Partial<Activity> {
  return renderNotice({ kind: 'help', model: { name: firstName(actor?.name), roles: actor?.roles ?? [], unknownText, scope } });
}

export function welcomeActivity(actor: Actor | null, scope: ConversationScope): Partial<Activity> {
  return renderNotice({ kind: 'welcome', model: { scope, name: firstName(actor?.name), roles: actor?.roles ?? [] } });
}
