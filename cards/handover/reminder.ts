// A request waits too long: review overdue (community), decision overdue (managers), or the mediation
// follow-up is due (reviewer). Sent once; the card that can act on the request is the one sent earlier.
import type { HandoverReminderModel } from '../../src/notices/handover.ts';
import { card, executeAction, facts, heading, text } from '../common/build.ts';
import type { AdaptiveCard, CardAction, CardElement } from '../common/types.ts';
import { VERBS } from '../common/verbs.ts';
import { labeledText, withBanner } from './parts.ts';

export function handoverReminderCard(model: HandoverReminderModel): AdaptiveCard {
  const { ref } = model;
  const body: CardElement[] = [
    heading(model.title),
    text(model.text, { spacing: 'small' }),
    facts(['Kunde', model.client.nameWithClass], ['VPA', model.vpa.name], ['Grund', model.reasonCategoryLabel], ['Status', ref.statusLabel], ['Wartet', model.sinceText]),
  ];
  if (model.mediationNote !== null) body.push(...labeledText('Notiz zur Vermittlung', model.mediationNote, { empty: 'keine' }));
  const actions: CardAction[] = ref.withdrawn ? [] : [executeAction('Status anzeigen', VERBS.handoverStatus)];
  return card(withBanner(ref, body), actions, { fallbackText: `${model.title}: ${model.client.nameWithClass}` });
}
