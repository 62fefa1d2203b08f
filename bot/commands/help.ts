import { helpModel } from '../help.ts';
import type { CommandDefinition } from './registry.ts';

export const helpCommand: CommandDefinition = {
  name: 'hilfe',
  pattern: /^(hilfe|help|\?)$/,
  roles: 'everyone',
  help: { usage: 'hilfe', description: 'Zeigt diese Übersicht.' },
  run: async (ctx) => ({ kind: 'help', model: helpModel(ctx.commands, ctx.actor, ctx.scope, false) }),
};
