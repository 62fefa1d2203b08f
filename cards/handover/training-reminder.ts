// Reminder when a training confirmation is overdue: to the VPA (step `given`) or the successor (`received`).
import type { HandoverTrainingReminderModel } from '../../src/notices/handover.ts';
import { card, facts, heading, text } from '../common/build.ts';
import type { AdaptiveCard, CardAction, CardElement } from '../common/types.ts';
import { VERBS } from '../common/verbs.ts';
import { requestAction, trainingLine, withBanner } from './parts.ts';

export function handoverTrainingReminderCard(model: HandoverTrainingReminderModel): AdaptiveCard {
  const { ref } = model;
  const body: CardElement[] = [
    heading('Erinnerung: Einarbeitung'),
    text(model.text, { spacing: 'small' }),
    facts(['Kunde', model.client.nameWithClass], [model.step === 'given' ? 'Nachfolger' : 'Bisheriger VPA', model.otherPerson.name]),
    trainingLine(model.training),
  ];
  const actions: CardAction[] = [];
  if (!ref.withdrawn && model.actions.confirmTrainingGiven) {
    actions.push(requestAction('Einarbeitung erfolgt', VERBS.handoverTrainingGiven, ref, { style: 'positive', associatedInputs: 'none' }));
  }
  if (!ref.withdrawn && model.actions.confirmTrainingReceived) {
    actions.push(requestAction('Einarbeitung erhalten', VERBS.handoverTrainingReceived, ref, { style: 'positive', associatedInputs: 'none' }));
  }
  return card(withBanner(ref, body), actions, { fallbackText: `Erinnerung: Einarbeitung für ${model.client.nameWithClass}` });
}
