// A request needs attention: review overdue (community), decision overdue (managers), the mediation follow-up
// or the VPA's answer to it (reviewer), a step after approval overdue (the person, then the managers), the
// assignment could not move (managers), or a manager cancelled it (VPA, successor). Managers get
// "abschließen" / "abbrechen" on the cards meant for them; otherwise the card that acts is the one sent earlier.
import type { HandoverReminderModel } from '../../src/notices/handover.ts';
import { card, executeAction, facts, heading, text } from '../common/build.ts';
import type { AdaptiveCard, CardAction, CardElement } from '../common/types.ts';
import { VERBS } from '../common/verbs.ts';
import { closeActions, labeledText, withBanner } from './parts.ts';

export function handoverReminderCard(model: HandoverReminderModel): AdaptiveCard {
  const { ref } = model;
  const body: CardElement[] = [
    heading(model.title),
    text(model.text, { spacing: 'small' }),
    facts(['Kunde', model.client.nameWithClass], ['VPA', model.vpa.name], ['Grund', model.reasonCategoryLabel], ['Status', ref.statusLabel], ['Wartet', model.sinceText]),
  ];
  if (model.mediationNote !== null) body.push(...labeledText('Notiz zur Vermittlung', model.mediationNote, { empty: 'keine' }));
  if (model.note) body.push(...labeledText(model.reason === 'cancelled' ? 'Grund' : 'Rückmeldung des VPA', model.note));
  const actions: CardAction[] = ref.withdrawn || !model.statusAction ? [] : [executeAction('Status anzeigen', VERBS.handoverStatus)];
  if (model.closeActions && !ref.withdrawn) actions.push(...closeActions(ref, { complete: VERBS.handoverComplete, cancel: VERBS.handoverCancel }));
  return card(withBanner(ref, body), actions, { fallbackText: `${model.title}: ${model.client.nameWithClass}` });
}
