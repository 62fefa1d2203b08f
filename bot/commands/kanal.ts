// `kanal freigabe|betreuung|schicht|admin` in a team channel: this channel now serves that purpose. One row
// per purpose (so help lists each one), and a fallback row that answers `kanal <anything else>` with the list.
// In local mode (Emulator) there are no channels, so any conversation may be bound there (see dispatchCommand).
import { bindChannel, CHANNEL_BINDING_ROLES, PURPOSE_LABELS } from '../../src/channels/bind-channel.ts';
import { AppError } from '../../src/errors/catalogue.ts';
import { CHANNEL_PURPOSES, type ChannelPurpose } from '../../src/notices/types.ts';
import type { CommandDefinition } from './registry.ts';

const DESCRIPTIONS: Record<ChannelPurpose, string> = {
  freigabe: 'Dieser Kanal erhält die Freigabeanfragen für VPA-Wechsel.',
  betreuung: 'Dieser Kanal ist der Prüfkanal des Community-Teams.',
  schicht: 'Dieser Kanal erhält die Schicht-Erinnerungen zum Konto Conny.',
  admin: 'Dieser Kanal erhält die Prüfungen reaktivierter Kunden.',
};

function kanalCommand(purpose: ChannelPurpose): CommandDefinition {
  return {
    name: `kanal ${purpose}`,
    pattern: new RegExp(`^kanal\\s+${purpose}$`),
    roles: CHANNEL_BINDING_ROLES,
    channelOnly: true,
    help: { usage: `kanal ${purpose}`, description: DESCRIPTIONS[purpose] },
    async run(ctx) {
      await bindChannel({ db: ctx.db.prisma, actor: ctx.actor, purpose, conversationRefId: ctx.conversationRefId, now: ctx.clock.now() });
      ctx.logger.info({ purpose, actorId: ctx.actor?.id }, 'channel bound');
      return { kind: 'text', model: { text: `Erledigt: Dieser Kanal ist jetzt zuständig für ${PURPOSE_LABELS[purpose]}.` } };
    },
  };
}

/** `kanal` without a purpose or with an unknown one: the list of purposes (not listed in help). */
const kanalFallback: CommandDefinition = {
  name: 'kanal',
  pattern: /^kanal(?:\s+(.*))?$/,
  roles: CHANNEL_BINDING_ROLES,
  channelOnly: true,
  async run(_ctx, match) {
    throw new AppError('INVALID_PAYLOAD', {
      detail: `unknown channel purpose '${match[1] ?? ''}'`,
      userMessage: `Bitte gib den Zweck an: ${CHANNEL_PURPOSES.map((p) => `„kanal ${p}“`).join(', ')}.`,
    });
  },
};

export const kanalCommands: readonly CommandDefinition[] = [...CHANNEL_PURPOSES.map(kanalCommand), kanalFallback];
