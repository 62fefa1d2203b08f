// To the reporting VPA once the first manager acknowledged the report.
import type { ConductAcknowledgedModel } from '../../src/notices/conduct.ts';
import { card, heading, text } from '../common/build.ts';
import type { AdaptiveCard } from '../common/types.ts';

export function conductAcknowledgedCard(model: ConductAcknowledgedModel): AdaptiveCard {
  return card(
    [
      heading('Deine Meldung wird bearbeitet'),
      text(`Kunde: **${model.client.nameWithClass}**`, { spacing: 'small' }),
      text(model.text, { spacing: 'medium' }),
      text(`Gesehen von ${model.acknowledgedBy.name} am ${model.atText}.`, { size: 'small', isSubtle: true, spacing: 'small' }),
    ],
    [],
    { fallbackText: `${model.acknowledgedBy.name} hat deine Meldung zu ${model.client.nameWithClass} gesehen.` },
  );
}
