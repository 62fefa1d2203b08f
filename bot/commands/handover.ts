// `abgeben`, `melden`, `status`. The two forms carry personal details about a client, so they open only in
// the 1:1 chat with the bot; in a channel the person is asked to write to the bot directly.
import type { Activity } from 'botbuilder';
import { conductForm } from '../../src/conduct/index.ts';
import { AppError, toAppError } from '../../src/errors/catalogue.ts';
import { handoverForm, listStatus } from '../../src/handover/index.ts';

import type { Role } from '../../src/people/roles.ts';
import { renderNotice } from '../render/render-notice.ts';
import type { CommandContext, CommandDefinition } from './registry.ts';
import { hasRole } from '../../src/people/access.ts';

const PERSONAL_ONLY = 'Das geht nur im 1:1-Chat mit mir, weil es um Details zu einem Kunden geht. Schreib mir dort bitte direkt.';

async function answer(ctx: CommandContext, build: () => Promise<Partial<Activity>>, options: { roles?: readonly Role[]; personalOnly?: boolean }): Promise<void> {
  try {
    if (!ctx.actor) throw new AppError('NOT_REGISTERED');
    if (options.roles && !hasRole(ctx.actor, options.roles)) throw new AppError('FORBIDDEN_ROLE');
    if (options.personalOnly && ctx.scope !== 'personal') throw new AppError('CHANNEL_ONLY', { userMessage: PERSONAL_ONLY, detail: 'personal chat required' });
    await ctx.turn.sendActivity(await build());
  } catch (error) {
    const e = toAppError(error);
    if (e.code === 'INTERNAL') throw error;
    ctx.logger.info({ code: e.code, actorId: ctx.actor?.id }, 'command refused');
    await ctx.turn.sendActivity(e.userMessage);
  }
}

function base(ctx: CommandContext) {
  return { db: ctx.db.prisma, actor: ctx.actor, now: ctx.clock.now(), timeZone: ctx.config.businessTimeZone };
}

export const abgebenCommand: CommandDefinition = {
  name: 'abgeben',
  pattern: /^(abgeben|kunde abgeben|kundenabgabe)$/,
  run: (ctx) =>
    answer(ctx, async () => renderNotice({ kind: 'handoverForm', model: await handoverForm(base(ctx)) }), {
      roles: ['vpa'],
      personalOnly: true,
    }),
};

export const meldenCommand: CommandDefinition = {
  name: 'melden',
  pattern: /^(melden|kunde melden|kunden melden)$/,
  run: (ctx) => answer(ctx, async () => renderNotice({ kind: 'conductForm', model: await conductForm(base(ctx)) }), { roles: ['vpa'], personalOnly: true }),
};

export const statusCommand: CommandDefinition = {
  name: 'status',
  pattern: /^status$/,
  run: (ctx) => answer(ctx, async () => renderNotice({ kind: 'handoverStatus', model: await listStatus(base(ctx)) }), {}),
};
