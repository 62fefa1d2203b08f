// To the VPA after a manager rejected the change of VPA: who, when, why; please keep the client.
import type { HandoverRejectedModel } from '../../src/notices/handover.ts';
import { card, heading, text } from '../common/build.ts';
import type { AdaptiveCard, CardElement } from '../common/types.ts';
import { quoted, withBanner } from './parts.ts';

export function handoverRejectedCard(model: HandoverRejectedModel): AdaptiveCard {
  const body: CardElement[] = [
    heading('Der VPA-Wechsel wurde abgelehnt'),
    text(`Kunde: **${model.client.nameWithClass}**`, { spacing: 'small' }),
    quoted(`Abgelehnt von ${model.decidedBy.name} am ${model.decidedAtText}. Begründung:`, model.rejectionReason),
    text(model.keepSupportingText, { weight: 'bolder', spacing: 'medium' }),
  ];
  return card(withBanner(model.ref, body), [], { fallbackText: `Der VPA-Wechsel für ${model.client.nameWithClass} wurde abgelehnt. ${model.keepSupportingText}` });
}
