// Back to the reporting VPA: the report reached the managers.
import type { ConductReceivedModel } from '../../src/notices/conduct.ts';
import { card, heading, note, text } from '../common/build.ts';
import type { AdaptiveCard } from '../common/types.ts';

export function conductReceivedCard(model: ConductReceivedModel): AdaptiveCard {
  const told =
    model.managerCount === 0
      ? text('Gerade ist kein VPA-Manager oder Kundenmanager eingetragen. Bitte wende dich zusätzlich direkt an deine Ansprechperson.', { color: 'attention', spacing: 'medium' })
      : note(
          `Persönlich informiert: ${model.managerCount} ${model.managerCount === 1 ? 'Person' : 'Personen'} (VPA-Manager und Kundenmanager). Andere VPAs sehen deine Meldung nicht.`,
          { spacing: 'medium' },
        );
  return card(
    [heading('Deine Meldung ist angekommen'), text(`Kunde: **${model.client.nameWithClass}**`, { spacing: 'small' }), text(model.text, { spacing: 'medium' }), told],
    [],
    { fallbackText: `Deine Meldung zu ${model.client.nameWithClass} ist angekommen.` },
  );
}
