// The help and welcome cards for the person in front of us, built from their roles in the database. Help
// lists the rows of the command table this person may use (the same check the command dispatch makes), so
// it never offers a command that does not exist or answers with a missing-permission message.
import type { Activity } from 'botbuilder';
import type { Actor } from '../src/identity/find-actor.ts';
import { firstName } from '../src/identity/find-actor.ts';
import type { ConversationScope } from '../src/conversations/save-reference.ts';
import type { HelpModel } from '../src/notices/types.ts';
import { listedCommands, type CommandDefinition } from './commands/registry.ts';
import { renderNotice } from './render/render-notice.ts';

export function helpModel(commands: readonly CommandDefinition[], actor: Pick<Actor, 'name' | 'roles'> | null, scope: ConversationScope, unknownText: boolean): HelpModel {
  return {
    name: firstName(actor?.name),
    roles: actor?.roles ?? [],
    unknownText,
    scope,
    commands: listedCommands(commands, actor).map((c) => ({
      usage: c.help.usage,
      description: c.help.description,
      channelOnly: c.channelOnly === true,
      personalOnly: c.personalOnly !== undefined,
      ...(c.help.button ? { button: c.help.button } : {}),
    })),
  };
}

export function helpActivity(commands: readonly CommandDefinition[], actor: Actor | null, scope: ConversationScope, unknownText: boolean): Partial<Activity> {
  return renderNotice({ kind: 'help', model: helpModel(commands, actor, scope, unknownText) });
}

export function welcomeActivity(actor: Actor | null, scope: ConversationScope): Partial<Activity> {
  return renderNotice({ kind: 'welcome', model: { scope, name: firstName(actor?.name), roles: actor?.roles ?? [] } });
}
