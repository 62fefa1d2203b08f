// `abgeben`, `melden`, `status`. Their answers carry details about clients, so they are shown only in the
// 1:1 chat with the bot: typed in a channel or group chat, the dispatcher answers there with one line and
// sends the card 1:1 (personalOnly).
import { VERBS } from '../../cards/common/verbs.ts';
import { conductForm } from '../../src/conduct/index.ts';
import { handoverForm, listStatus } from '../../src/handover/index.ts';
import { MANAGER_ROLES, type Role } from '../../src/people/roles.ts';
import type { CommandContext, CommandDefinition } from './registry.ts';

/**
 * Whom `status` serves (src/handover/list-status.ts): VPAs (their requests, clients they take over), the
 * community team (requests to review, running handovers) and the managers (decisions, running handovers,
 * unacknowledged conduct reports). Anyone else would only ever see an empty list.
 */
export const STATUS_ROLES: readonly Role[] = ['vpa', 'community', ...MANAGER_ROLES];

function base(ctx: CommandContext) {
  return { db: ctx.db.prisma, actor: ctx.actor, now: ctx.clock.now(), timeZone: ctx.config.businessTimeZone };
}

export const abgebenCommand: CommandDefinition = {
  name: 'abgeben',
  pattern: /^(abgeben|kunde abgeben|kundenabgabe)$/,
  roles: ['vpa'],
  personalOnly: { confirmation: 'Ich habe dir das Formular für die Kundenabgabe privat in unseren 1:1-Chat geschickt.' },
  help: {
    usage: 'abgeben',
    description: 'Einen deiner Kunden zur Abgabe vorschlagen (Kundenabgabe).',
    button: { title: 'Kunde abgeben', verb: VERBS.handoverForm },
  },
  run: async (ctx) => ({ kind: 'handoverForm', model: await handoverForm(base(ctx)) }),
};

export const meldenCommand: CommandDefinition = {
  name: 'melden',
  pattern: /^(melden|kunde melden|kunden melden)$/,
  roles: ['vpa'],
  personalOnly: { confirmation: 'Ich habe dir das Formular für die Meldung privat in unseren 1:1-Chat geschickt.' },
  help: {
    usage: 'melden',
    description: 'Einen Kunden melden, der dich beleidigt, respektlos behandelt, diskriminiert oder belästigt. Die Meldung geht sofort an die VPA-Manager und Kundenmanager.',
    button: { title: 'Kunden melden', verb: VERBS.conductForm },
  },
  run: async (ctx) => ({ kind: 'conductForm', model: await conductForm(base(ctx)) }),
};

export const statusCommand: CommandDefinition = {
  name: 'status',
  pattern: /^status$/,
  roles: STATUS_ROLES,
  personalOnly: { confirmation: 'Ich habe dir den Status privat in unseren 1:1-Chat geschickt.' },
  help: { usage: 'status', description: 'Zeigt den Stand der offenen Vorgänge, die dich betreffen.' },
  run: async (ctx) => ({ kind: 'handoverStatus', model: await listStatus(base(ctx)) }),
};
