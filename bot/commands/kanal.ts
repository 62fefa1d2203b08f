// `kanal freigabe|betreuung|schicht|admin` in a team channel: this channel now serves that purpose.
// In local mode (Emulator) there are no channels, so any conversation may be bound there.
import { bindChannel, PURPOSE_LABELS } from '../../src/channels/bind-channel.ts';
import { AppError, toAppError } from '../../src/errors/catalogue.ts';
import { CHANNEL_PURPOSES, type ChannelPurpose } from '../../src/notices/types.ts';
import type { CommandDefinition } from './registry.ts';

function isPurpose(value: string): value is ChannelPurpose {
  return (CHANNEL_PURPOSES as readonly string[]).includes(value);
}

export const kanalCommand: CommandDefinition = {
  name: 'kanal',
  pattern: /^kanal(?:\s+(\S+))?$/,
  async run(ctx, match) {
    const purpose = match[1] ?? '';
    try {
      if (!isPurpose(purpose)) {
        throw new AppError('INVALID_PAYLOAD', {
          detail: `unknown channel purpose '${purpose}'`,
          userMessage: `Bitte gib den Zweck an: ${CHANNEL_PURPOSES.map((p) => `„kanal ${p}“`).join(', ')}.`,
        });
      }
      if (ctx.scope === 'personal' && ctx.config.mode !== 'local') throw new AppError('CHANNEL_ONLY');
      await bindChannel({ db: ctx.db.prisma, actor: ctx.actor, purpose, conversationRefId: ctx.conversationRefId, now: ctx.clock.now() });
      ctx.logger.info({ purpose, actorId: ctx.actor?.id }, 'channel bound');
      await ctx.turn.sendActivity(`Erledigt: Dieser Kanal ist jetzt zuständig für ${PURPOSE_LABELS[purpose]}.`);
    } catch (error) {
      const e = toAppError(error);
      if (e.code === 'INTERNAL') throw error;
      ctx.logger.info({ code: e.code, actorId: ctx.actor?.id }, 'kanal command refused');
      await ctx.turn.sendActivity(e.userMessage);
    }
  },
};
