// View models of a conduct report's escalation (src/conduct/escalation.ts): the one reminder to every manager
// and the one escalation to the admin team when no manager acknowledged the report in time.
import type { ConductEscalationModel, ConductReminderModel } from '../notices/conduct.ts';
import type { PersonInfo } from '../notices/common.ts';
import { formatDateTime } from '../time/format.ts';
import { conductReportModel, type ConductContext } from './view.ts';

/** "1 Arbeitsstunde", "4 Arbeitsstunden" */
export function workingHoursText(hours: number): string {
  return `${hours} ${hours === 1 ? 'Arbeitsstunde' : 'Arbeitsstunden'}`;
}

/** What the report card shows of the report, for the same texts on every card. */
function reportParts(ctx: ConductContext) {
  const { reportId, client, reporter, whatHappened, occurredAtText, evidence, reportedAtText } = conductReportModel(ctx, '');
  return { reportId, client, reporter, whatHappened, occurredAtText, evidence, reportedAtText };
}

export function conductReminderModel(ctx: ConductContext, recipientId: string, workingHours: number): ConductReminderModel {
  const parts = reportParts(ctx);
  const hoursText = workingHoursText(workingHours);
  return {
    ...parts,
    version: ctx.report.version,
    workingHours,
    workingHoursText: hoursText,
    text:
      `Die dringende Meldung von ${ctx.reporter.name} über ${parts.client.nameWithClass} vom ${parts.reportedAtText} hat seit ${hoursText} ` +
      'noch niemand zur Kenntnis genommen. Bitte sieh sie dir an und kümmere dich darum – ohne Reaktion geht sie an das Admin-Team.',
    recipientId,
    actions: { acknowledge: !ctx.acknowledgements.some((a) => a.person.id === recipientId) },
  };
}

export function conductEscalationModel(ctx: ConductContext, input: { workingHours: number; remindedAt: Date; managers: PersonInfo[] }): ConductEscalationModel {
  const parts = reportParts(ctx);
  const hoursText = workingHoursText(input.workingHours);
  const remindedAtText = formatDateTime(input.remindedAt, ctx.timeZone);
  return {
    ...parts,
    remindedAtText,
    managers: input.managers,
    workingHours: input.workingHours,
    workingHoursText: hoursText,
    text:
      `Kein VPA-Manager und kein Kundenmanager hat die dringende Meldung von ${ctx.reporter.name} über ${parts.client.nameWithClass} ` +
      `vom ${parts.reportedAtText} zur Kenntnis genommen – auch nicht ${hoursText} nach der Erinnerung vom ${remindedAtText}. ` +
      `Bitte kümmert euch darum und sprecht mit ${ctx.reporter.name} und den Managern.`,
  };
}
