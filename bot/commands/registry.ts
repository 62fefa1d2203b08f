// Chat commands (German, CONTRACT.md) as a table: a pattern on the typed text (mention removed,
// lower-cased) and a handler. The first match wins; text matching nothing gets the help card.
import type { TurnContext } from 'botbuilder';
import type { ConversationScope } from '../../src/conversations/save-reference.ts';
import type { Actor } from '../../src/identity/find-actor.ts';
import type { BotDeps } from '../actions/registry.ts';

export interface CommandContext extends BotDeps {
  turn: TurnContext;
  actor: Actor | null;
  scope: ConversationScope;
  conversationRefId: string;
}

export interface CommandDefinition {
  /** For logs and the help text. */
  name: string;
  pattern: RegExp;
  run(ctx: CommandContext, match: RegExpExecArray): Promise<void>;
}

export function findCommand(commands: readonly CommandDefinition[], text: string): { command: CommandDefinition; match: RegExpExecArray } | undefined {
  for (const command of commands) {
    const match = command.pattern.exec(text);
    if (match) return { command, match };
  }
  return undefined;
}
