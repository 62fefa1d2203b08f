// The chat command table, in the order help lists it. (bot/routes.ts exports it with the verb table; it
// lives here so the help button's action can read it without an import cycle through routes.ts.)
import { abgebenCommand, meldenCommand, statusCommand } from './handover.ts';
import { helpCommand } from './help.ts';
import { inactivityCommands } from './inactivity.ts';
import { kanalCommands } from './kanal.ts';
import type { CommandDefinition } from './registry.ts';
import { umfragenCommand } from './tender.ts';
import { shiftCommands } from './shift.ts';

export const COMMAND_TABLE: readonly CommandDefinition[] = [helpCommand, abgebenCommand, meldenCommand, statusCommand, ...inactivityCommands, umfragenCommand, ...shiftCommands, ...kanalCommands];
