// To each VPA manager and client manager, 1:1: a client offended a VPA. Visibly urgent; "erledigt"
// acknowledges it, after which every copy shows who acknowledged and when.
import type { ConductReportModel } from '../../src/notices/conduct.ts';
import { card, container, executeAction, facts, heading, note, text } from '../common/build.ts';
import type { ActionData, AdaptiveCard, CardAction, CardElement } from '../common/types.ts';
import { VERBS } from '../common/verbs.ts';
import { labeledText } from '../handover/parts.ts';

export function conductReportCard(model: ConductReportModel): AdaptiveCard {
  const body: CardElement[] = [
    container(
      [
        text('DRINGEND · Meldung über einen Kunden', { weight: 'bolder', color: 'attention', size: 'small' }),
        heading(`${model.reporter.name} meldet ${model.client.nameWithClass}`),
      ],
      { style: 'attention', bleed: true },
    ),
    facts(['Kunde', model.client.label], ['Kundenklasse', model.client.class], ['Gemeldet von', model.reporter.name], ['Wann', model.occurredAtText], ['Gemeldet am', model.reportedAtText]),
    ...labeledText('Was ist passiert?', model.whatHappened),
    ...labeledText('Belege', model.evidence, { empty: 'keine angegeben' }),
  ];
  const mine = model.acknowledgements.find((a) => a.person.id === model.recipientId);
  if (model.acknowledgements.length > 0) {
    body.push(
      container(
        [
          text(mine ? `Du hast die Meldung am ${mine.atText} als erledigt markiert.` : 'Als erledigt markiert', { weight: 'bolder' }),
          ...model.acknowledgements.filter((a) => a !== mine).map((a) => note(`${a.person.name} am ${a.atText}`, { spacing: 'none' })),
        ],
        { style: 'good', spacing: 'medium' },
      ),
    );
  }
  body.push(note('Vertraulich: nur für VPA-Manager und Kundenmanager, nicht für andere VPAs.', { spacing: 'medium' }));

  const data: ActionData = { reportId: model.reportId, version: model.version };
  const actions: CardAction[] =
    model.actions.acknowledge && !model.acknowledgedByRecipient ? [executeAction('erledigt', VERBS.conductAck, data, { style: 'positive', associatedInputs: 'none' })] : [];
  return card(body, actions, { fallbackText: `DRINGEND: ${model.reporter.name} meldet ${model.client.nameWithClass}` });
}
