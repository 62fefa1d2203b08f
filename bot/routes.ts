// The tables of chat commands and Action.Execute verbs. Adding a capability adds rows here.
import type { ActionDefinition } from './actions/registry.ts';
import { showHelp } from './actions/help.ts';
import type { CommandDefinition } from './commands/registry.ts';
import { helpCommand } from './commands/help.ts';
import { kanalCommand } from './commands/kanal.ts';

export const COMMANDS: readonly CommandDefinition[] = [helpCommand, kanalCommand];

export const ACTIONS: readonly ActionDefinition[] = [showHelp];
