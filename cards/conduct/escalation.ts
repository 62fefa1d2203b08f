// To the admin team (the `admin` channel, or each admin 1:1), once: no manager acknowledged an urgent conduct
// report, not even after the reminder. It carries the reporter's text because the admin team has to act;
// there is nothing to click (acknowledging is the managers' part).
import type { ConductEscalationModel } from '../../src/notices/conduct.ts';
import { card, container, facts, heading, note, text } from '../common/build.ts';
import type { AdaptiveCard } from '../common/types.ts';
import { labeledText } from '../handover/parts.ts';

export function conductEscalationCard(model: ConductEscalationModel): AdaptiveCard {
  const managers = model.managers.length > 0 ? model.managers.map((m) => m.name).join(', ') : 'keine eingetragen';
  return card(
    [
      container(
        [
          text('ESKALATION · Dringende Meldung ohne Reaktion der Manager', { weight: 'bolder', color: 'attention', size: 'small' }),
          heading(`${model.reporter.name} meldet ${model.client.nameWithClass}`),
        ],
        { style: 'attention', bleed: true },
      ),
      text(model.text, { spacing: 'small' }),
      facts(
        ['Kunde', model.client.label],
        ['Kundenklasse', model.client.class],
        ['Gemeldet von', model.reporter.name],
        ['Wann', model.occurredAtText],
        ['Gemeldet am', model.reportedAtText],
        ['Manager erinnert am', model.remindedAtText],
        ['Informierte Manager', managers],
      ),
      ...labeledText('Was ist passiert?', model.whatHappened),
      ...labeledText('Belege', model.evidence, { empty: 'keine angegeben' }),
      note('Vertraulich: eine Meldung über einen Kunden – nur für das Admin-Team, die VPA-Manager und die Kundenmanager.', { spacing: 'medium' }),
    ],
    [],
    { fallbackText: `ESKALATION: Meldung von ${model.reporter.name} über ${model.client.nameWithClass} ohne Reaktion der Manager` },
  );
}
