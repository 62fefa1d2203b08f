// To each VPA manager and client manager, 1:1, once: an urgent report nobody acknowledged within the
// configured working hours. Shows the report again, visibly urgent, with the same acknowledge action as the
// report card; the first acknowledgement replaces this card by the updated report card.
import type { ConductReminderModel } from '../../src/notices/conduct.ts';
import { card, container, executeAction, facts, heading, note, text } from '../common/build.ts';
import type { ActionData, AdaptiveCard, CardAction } from '../common/types.ts';
import { VERBS } from '../common/verbs.ts';
import { labeledText } from '../handover/parts.ts';

// The same title as the report card's button (cards/conduct/report.ts), so managers see one action under one name.
const CONDUCT_ACK_TITLE = 'erledigt';

export function conductReminderCard(model: ConductReminderModel): AdaptiveCard {
  const data: ActionData = { reportId: model.reportId, version: model.version };
  const actions: CardAction[] = model.actions.acknowledge ? [executeAction(CONDUCT_ACK_TITLE, VERBS.conductAck, data, { style: 'positive', associatedInputs: 'none' })] : [];
  return card(
    [
      container(
        [
          text(`ERINNERUNG · DRINGEND · seit ${model.workingHoursText} ohne Reaktion`, { weight: 'bolder', color: 'attention', size: 'small' }),
          heading(`${model.reporter.name} meldet ${model.client.nameWithClass}`),
        ],
        { style: 'attention', bleed: true },
      ),
      text(model.text, { spacing: 'small' }),
      facts(['Kunde', model.client.label], ['Kundenklasse', model.client.class], ['Gemeldet von', model.reporter.name], ['Wann', model.occurredAtText], ['Gemeldet am', model.reportedAtText]),
      ...labeledText('Was ist passiert?', model.whatHappened),
      ...labeledText('Belege', model.evidence, { empty: 'keine angegeben' }),
      note('Vertraulich: nur für VPA-Manager und Kundenmanager, nicht für andere VPAs.', { spacing: 'medium' }),
    ],
    actions,
    { fallbackText: `ERINNERUNG, DRINGEND: ${model.reporter.name} meldet ${model.client.nameWithClass} – noch ohne Reaktion` },
  );
}
