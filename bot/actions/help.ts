import { z } from 'zod';
import { helpCard } from '../../cards/help.ts';
import { VERBS } from '../../cards/common/verbs.ts';
import { scopeOf } from '../activity.ts';
import { COMMAND_TABLE } from '../commands/table.ts';
import { helpModel } from '../help.ts';
import { defineAction } from './registry.ts';

export const showHelp = defineAction({
  verb: VERBS.helpShow,
  data: z.object({}).loose(),
  allowUnregistered: true,
  async handle(ctx) {
    return { card: helpCard(helpModel(COMMAND_TABLE, ctx.actor, scopeOf(ctx.turn.activity), false)) };
  },
});
