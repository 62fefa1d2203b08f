// The handover is done: the client is now assigned to the successor. To the VPA and to the successor.
import type { HandoverCompletedModel } from '../../src/notices/handover.ts';
import { card, facts, heading, text } from '../common/build.ts';
import type { AdaptiveCard, CardElement } from '../common/types.ts';
import { withBanner } from './parts.ts';

export function handoverCompletedCard(model: HandoverCompletedModel): AdaptiveCard {
  const body: CardElement[] = [
    heading('Die Übergabe ist abgeschlossen'),
    text(model.text, { spacing: 'small' }),
    facts(['Kunde', model.client.nameWithClass], ['Bisheriger VPA', model.previousVpa.name], ['Neuer VPA', model.successor.name], ['Abgeschlossen', model.completedAtText]),
  ];
  return card(withBanner(model.ref, body), [], { fallbackText: `Die Übergabe von ${model.client.nameWithClass} ist abgeschlossen.` });
}
