// View models of conduct reports. Each manager gets their own copy of the report card (it shows whether
// *they* acknowledged); all copies show every acknowledgement.
import type { ConductAcknowledgedModel, ConductReceivedModel, ConductReportModel } from '../notices/conduct.ts';
import { formatDateTime } from '../time/format.ts';
import { clientInfo, type ClientRow } from '../clients/client-info.ts';

export interface ConductContext {
  report: { id: string; version: number; whatHappened: string; occurredAt: Date; evidence: string; createdAt: Date };
  client: ClientRow;
  reporter: { id: string; name: string };
  acknowledgements: { person: { id: string; name: string }; at: Date }[];
  timeZone: string;
}

export function conductReportModel(ctx: ConductContext, recipientId: string): ConductReportModel {
  const mine = ctx.acknowledgements.some((a) => a.person.id === recipientId);
  return {
    reportId: ctx.report.id,
    version: ctx.report.version,
    urgent: true,
    client: clientInfo(ctx.client),
    reporter: ctx.reporter,
    whatHappened: ctx.report.whatHappened,
    occurredAtText: formatDateTime(ctx.report.occurredAt, ctx.timeZone),
    evidence: ctx.report.evidence,
    reportedAtText: formatDateTime(ctx.report.createdAt, ctx.timeZone),
    acknowledgements: ctx.acknowledgements.map((a) => ({ person: a.person, atText: formatDateTime(a.at, ctx.timeZone) })),
    recipientId,
    acknowledgedByRecipient: mine,
    actions: { acknowledge: !mine },
  };
}

export function conductReceivedModel(ctx: ConductContext, managerCount: number): ConductReceivedModel {
  return {
    reportId: ctx.report.id,
    client: clientInfo(ctx.client),
    managerCount,
    text:
      `Danke, dass du das meldest. Deine Meldung zu ${ctx.client.name} ist als dringend bei den VPA-Managern und Kundenmanagern ` +
      'eingegangen (nur bei ihnen, nicht im Kanal). Sie melden sich bei dir – du musst das nicht allein klären.',
  };
}

export function conductAcknowledgedModel(ctx: ConductContext, by: { id: string; name: string }, at: Date): ConductAcknowledgedModel {
  return {
    reportId: ctx.report.id,
    client: clientInfo(ctx.client),
    acknowledgedBy: by,
    atText: formatDateTime(at, ctx.timeZone),
    text: `${by.name} hat deine Meldung zu ${ctx.client.name} gelesen und kümmert sich darum.`,
  };
}
