// `inaktiv` (the inactive-management list), `inaktiv bericht` (the sequence report) and `kunden` (a VPA's own
// clients with the red question mark). `inaktiv` and the report work in a channel or 1:1 for the community and admin
// teams; `kunden` is personal: typed in a channel, the bot says so there and sends the card 1:1 (personalOnly).
import { VERBS } from '../../cards/common/verbs.ts';
import { INACTIVE_MANAGEMENT_ROLES, inactiveList, inactivityReport, reportModel, vpaClients } from '../../src/inactivity/index.ts';
import type { CommandContext, CommandDefinition } from './registry.ts';

function base(ctx: CommandContext) {
  return { db: ctx.db.prisma, actor: ctx.actor, now: ctx.clock.now(), timeZone: ctx.config.businessTimeZone, config: ctx.config.inactivity };
}

export const kundenCommand: CommandDefinition = {
  name: 'kunden',
  pattern: /^(kunden|meine kunden)$/,
  roles: ['vpa'],
  personalOnly: { confirmation: 'Ich habe dir deine Kundenliste privat in unseren 1:1-Chat geschickt.' },
  help: {
    usage: 'kunden',
    description: 'Deine aktuellen Kunden; inaktive sind mit dem roten Fragezeichen markiert, mit Tipps, wie du sie selbst wieder aktivierst.',
    button: { title: 'Meine Kunden', verb: VERBS.inactivityClients },
  },
  run: async (ctx) => ({ kind: 'inactivityClients', model: await vpaClients(base(ctx)) }),
};

export const inaktivCommand: CommandDefinition = {
  name: 'inaktiv',
  pattern: /^(inaktiv|inaktive|inaktive kunden)$/,
  roles: INACTIVE_MANAGEMENT_ROLES,
  help: {
    usage: 'inaktiv',
    description: 'Die inaktiven Kunden, die auf eine Entscheidung warten: an Conny übergeben, verschieben oder ausnehmen.',
    button: { title: 'Inaktive Kunden', verb: VERBS.inactivityList },
  },
  run: async (ctx) => ({ kind: 'inactivityList', model: await inactiveList(base(ctx)) }),
};

export const inaktivBerichtCommand: CommandDefinition = {
  name: 'inaktiv bericht',
  pattern: /^(inaktiv|inaktive) bericht$/,
  roles: INACTIVE_MANAGEMENT_ROLES,
  help: {
    usage: 'inaktiv bericht',
    description: 'Wo die inaktiven Kunden heute stehen und nach welcher Nachricht sie in den letzten zwölf Monaten reaktiviert wurden.',
  },
  run: async (ctx) => {
    const b = base(ctx);
    return { kind: 'inactivityReport', model: reportModel(await inactivityReport({ db: b.db, now: b.now, timeZone: b.timeZone, config: b.config })) };
  },
};

/** In the order help lists them. */
export const inactivityCommands: readonly CommandDefinition[] = [kundenCommand, inaktivCommand, inaktivBerichtCommand];
