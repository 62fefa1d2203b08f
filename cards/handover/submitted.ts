// To the VPA after submitting: what was sent, where it stands, what happens next. Updated in place at
// every state change, so it always shows the current status; the VPA can withdraw while it is pending.
import type { HandoverSubmittedModel } from '../../src/notices/handover.ts';
import { card, facts, heading, note, text } from '../common/build.ts';
import type { AdaptiveCard, CardAction, CardElement } from '../common/types.ts';
import { VERBS } from '../common/verbs.ts';
import { labeledText, timeline, withBanner, withdrawAction } from './parts.ts';

export function handoverSubmittedCard(model: HandoverSubmittedModel): AdaptiveCard {
  const { ref, facts: f } = model;
  const body: CardElement[] = [
    heading('Deine Abgabeanfrage'),
    text(`Status: **${ref.statusLabel}**`, { spacing: 'small' }),
    facts(['Kunde', f.client.nameWithClass], ['Grund', f.reasonCategoryLabel], ['Einarbeitung gewünscht', f.clientWantsTrainingLabel], ['Eingereicht', f.submittedAtText]),
    ...labeledText('Konkreter Grund', f.reason),
    ...labeledText('Bisherige Maßnahmen', f.measures, { empty: 'keine angegeben' }),
    ...labeledText('Hinweise für den Nachfolger', f.successorNotes, { empty: 'keine' }),
  ];
  if (f.flaggedForCommunity) {
    body.push(note('Du hast trotz der Rückfragen eingereicht; das Community-Team schaut sich die Anfrage besonders genau an.', { spacing: 'medium' }));
  }
  if (!ref.withdrawn) body.push(text(model.nextStepText, { spacing: 'medium' }));
  body.push(...timeline(model.timeline));

  const actions: CardAction[] = !ref.withdrawn && model.actions.withdraw ? [withdrawAction(ref, VERBS.handoverWithdraw)] : [];
  return card(withBanner(ref, body), actions, { fallbackText: `Deine Abgabeanfrage für ${f.client.nameWithClass}: ${ref.statusLabel}` });
}
