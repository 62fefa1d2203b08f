// `umfragen` (admin team): the tenders of reactivated clients' new tasks that still wait for the start or the award.
// It shows clients and tasks, so it answers only where the admin team's review cards go anyway: in the admin's 1:1
// chat or in the bound `admin` channel (src/tender/list-tenders.ts refuses any other channel or group chat, without
// data). Not personalOnly: the admin channel is the team's place to work on these together.
import { listTenders } from '../../src/tender/index.ts';
import type { CommandDefinition } from './registry.ts';

export const umfragenCommand: CommandDefinition = {
  name: 'umfragen',
  pattern: /^(umfragen|umfrage)$/,
  roles: ['admin'],
  help: { usage: 'umfragen', description: 'Zeigt die Aufgaben reaktivierter Kunden, deren Umfrage noch nicht gestartet oder noch nicht vergeben ist (im 1:1-Chat oder im Admin-Kanal).' },
  run: async (ctx) => ({
    kind: 'tenderList',
    model: await listTenders({ db: ctx.db.prisma, actor: ctx.actor, now: ctx.clock.now(), timeZone: ctx.config.businessTimeZone, conversation: { scope: ctx.scope, conversationRefId: ctx.conversationRefId } }),
  }),
};
