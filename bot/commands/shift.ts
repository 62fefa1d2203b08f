// `schicht bericht [von] [bis]` (shift staff and managers): the shift report, default this month; and `schichtplan`
// (shift staff and managers): today's and tomorrow's plan, which the day's shift lead and the managers can change on
// the card. Neither shows client data (counts and names of staff only), so both answer where they are asked.
import { VERBS } from '../../cards/common/verbs.ts';
import { SHIFT_DUTY_ROLES, shiftPlan, shiftReport, shiftReportPeriod } from '../../src/shift/index.ts';
import type { CommandDefinition } from './registry.ts';

export const schichtBerichtCommand: CommandDefinition = {
  name: 'schicht bericht',
  pattern: /^schicht(?:dienst)?\s*bericht(?:\s+(\d{4}-\d{2}-\d{2}))?(?:\s+(\d{4}-\d{2}-\d{2}))?$/,
  roles: SHIFT_DUTY_ROLES,
  help: {
    usage: 'schicht bericht',
    description: 'Die Schicht-Checks zum Konto Conny in diesem Monat: wer wann geprüft hat, wie schnell, und verpasste Reaktionszeiten je Art. Zeitraum wählbar: „schicht bericht 2027-03-01 2027-03-31“.',
  },
  run: async (ctx, match) => {
    const now = ctx.clock.now();
    const period = shiftReportPeriod({ from: match[1], to: match[2] }, now, ctx.config.businessTimeZone);
    return { kind: 'shiftReport', model: await shiftReport({ db: ctx.db.prisma, now, rules: ctx.config, ...period }) };
  },
};

export const schichtplanCommand: CommandDefinition = {
  name: 'schichtplan',
  pattern: /^(schichtplan|schicht plan)$/,
  roles: SHIFT_DUTY_ROLES,
  help: {
    usage: 'schichtplan',
    description: 'Wer heute und morgen Schicht hat; die Schichtleitung und die Manager können den Plan hier ändern.',
    button: { title: 'Schichtplan', verb: VERBS.shiftPlanShow },
  },
  run: async (ctx) => ({
    kind: 'shiftPlan',
    model: await shiftPlan({ db: ctx.db.prisma, actor: ctx.actor, now: ctx.clock.now(), timeZone: ctx.config.businessTimeZone, holidaysState: ctx.config.inactivity.holidaysState }),
  }),
};

/** In the order help lists them. */
export const shiftCommands: readonly CommandDefinition[] = [schichtplanCommand, schichtBerichtCommand];
