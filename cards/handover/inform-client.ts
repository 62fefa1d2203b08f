// To the VPA after approval: who takes over, how to inform the client, and the training when the client
// wants one ("Einarbeitung erfolgt" once given).
import type { HandoverInformClientModel } from '../../src/notices/handover.ts';
import { card, facts, heading, text } from '../common/build.ts';
import type { AdaptiveCard, CardAction, CardElement } from '../common/types.ts';
import { VERBS } from '../common/verbs.ts';
import { callout, requestAction, trainingLine, withBanner } from './parts.ts';

export function handoverInformClientCard(model: HandoverInformClientModel): AdaptiveCard {
  const { ref } = model;
  const body: CardElement[] = [
    heading('Der VPA-Wechsel ist freigegeben'),
    callout('good', `Freigegeben von ${model.decidedBy.name} am ${model.decidedAtText}`),
    facts(['Kunde', model.client.nameWithClass], ['Nachfolger', model.successor.name], ['Status', ref.statusLabel]),
    text('**So informierst du den Kunden**', { spacing: 'medium' }),
    ...model.howToInform.map((step) => text(`• ${step}`, { spacing: 'small' })),
    trainingLine(model.training),
  ];
  const actions: CardAction[] =
    !ref.withdrawn && model.actions.confirmTrainingGiven ? [requestAction('Einarbeitung erfolgt', VERBS.handoverTrainingGiven, ref, { style: 'positive', associatedInputs: 'none' })] : [];
  return card(withBanner(ref, body), actions, { fallbackText: `Der VPA-Wechsel für ${model.client.nameWithClass} ist freigegeben: Bitte informiere den Kunden.` });
}
