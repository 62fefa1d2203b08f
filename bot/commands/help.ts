import { helpActivity } from '../help.ts';
import type { CommandDefinition } from './registry.ts';

export const helpCommand: CommandDefinition = {
  name: 'hilfe',
  pattern: /^(hilfe|help|\?)$/,
  async run(ctx) {
    await ctx.turn.sendActivity(helpActivity(ctx.actor, ctx.scope, false));
  },
};
