// To the successor after approval: the client, who hands over, the onboarding effort, the previous VPA's
// notes, and the training ("Einarbeitung erhalten" once received).
import type { HandoverSuccessorModel } from '../../src/notices/handover.ts';
import { card, facts, heading, text } from '../common/build.ts';
import type { AdaptiveCard, CardAction, CardElement } from '../common/types.ts';
import { VERBS } from '../common/verbs.ts';
import { labeledText, requestAction, trainingLine, withBanner } from './parts.ts';

export function handoverSuccessorCard(model: HandoverSuccessorModel): AdaptiveCard {
  const { ref, client } = model;
  const body: CardElement[] = [
    heading('Du übernimmst einen Kunden'),
    facts(
      ['Kunde', client.label],
      ['Kundenklasse', client.class],
      ['Aufgabenart', client.workTypeLabel],
      ['Bisheriger VPA', model.previousVpa.name],
      ['Einarbeitungsaufwand', model.onboardingEffort],
    ),
    text(model.trainingIntro, { spacing: 'medium' }),
    ...labeledText(`Hinweise von ${model.previousVpa.name}`, model.successorNotes, { empty: 'keine' }),
    trainingLine(model.training),
  ];
  const actions: CardAction[] =
    !ref.withdrawn && model.actions.confirmTrainingReceived
      ? [requestAction('Einarbeitung erhalten', VERBS.handoverTrainingReceived, ref, { style: 'positive', associatedInputs: 'none' })]
      : [];
  return card(withBanner(ref, body), actions, { fallbackText: `Du übernimmst ${client.nameWithClass} von ${model.previousVpa.name}.` });
}
