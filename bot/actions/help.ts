import { z } from 'zod';
import { helpCard } from '../../cards/help.ts';
import { VERBS } from '../../cards/common/verbs.ts';
import { firstName } from '../../src/identity/find-actor.ts';
import { scopeOf } from '../activity.ts';
import { defineAction } from './registry.ts';

export const showHelp = defineAction({
  verb: VERBS.helpShow,
  data: z.object({}).loose(),
  allowUnregistered: true,
  async handle(ctx) {
    return { card: helpCard({ name: firstName(ctx.actor?.name), roles: ctx.actor?.roles ?? [], unknownText: false, scope: scopeOf(ctx.turn.activity) }) };
  },
});
