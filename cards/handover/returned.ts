// To the VPA after "zurückspielen": the reviewer found the reasons not plausible; please keep the client.
import type { HandoverReturnedModel } from '../../src/notices/handover.ts';
import { card, heading, note, text } from '../common/build.ts';
import type { AdaptiveCard, CardElement } from '../common/types.ts';
import { quoted, withBanner } from './parts.ts';

export function handoverReturnedCard(model: HandoverReturnedModel): AdaptiveCard {
  const body: CardElement[] = [
    heading('Deine Abgabeanfrage wurde zurückgespielt'),
    text(`Kunde: **${model.client.nameWithClass}**`, { spacing: 'small' }),
    quoted(`${model.reviewer.name} vom Community-Team schreibt:`, model.message),
    text(model.keepSupportingText, { weight: 'bolder', spacing: 'medium' }),
    note('Ändert sich die Lage, kannst du jederzeit eine neue Anfrage stellen. Bei Problemen mit dem Kunden unterstützt dich das Community-Team.', { spacing: 'medium' }),
  ];
  return card(withBanner(model.ref, body), [], { fallbackText: `Deine Abgabeanfrage für ${model.client.nameWithClass} wurde zurückgespielt. ${model.keepSupportingText}` });
}
