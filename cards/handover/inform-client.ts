// To the VPA after approval (wiki step 4): who takes over, how to inform the client, "Kunde informiert" with
// the client's training wish, and "Einarbeitung erfolgt" once given when the client wants a training.
import type { HandoverInformClientModel } from '../../src/notices/handover.ts';
import { card, facts, heading, note, text } from '../common/build.ts';
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
  if (model.informed.done && model.informed.atText) body.push(note(`Kunde informiert am ${model.informed.atText}.`, { spacing: 'small' }));
  const actions: CardAction[] = [];
  if (!ref.withdrawn && model.actions.confirmClientInformed) {
    // The client's wish decides the training; the answer given in the request form is only preselected.
    actions.push({
      type: 'Action.ShowCard',
      title: 'Kunde informiert',
      card: {
        type: 'AdaptiveCard',
        body: [
          {
            type: 'Input.ChoiceSet',
            id: 'trainingWanted',
            label: 'Wünscht der Kunde eine Einarbeitung des Nachfolgers durch dich?',
            isRequired: true,
            errorMessage: 'Bitte gib an, ob der Kunde eine Einarbeitung wünscht.',
            style: 'expanded',
            value: model.informed.trainingWantedDefault ? 'true' : 'false',
            choices: [
              { title: 'ja, mit Einarbeitung', value: 'true' },
              { title: 'nein, ohne Einarbeitung', value: 'false' },
            ],
          },
        ],
        actions: [requestAction('Bestätigen', VERBS.handoverClientInformed, ref, { style: 'positive', associatedInputs: 'auto' })],
      },
    });
  }
  if (!ref.withdrawn && model.actions.confirmTrainingGiven) actions.push(requestAction('Einarbeitung erfolgt', VERBS.handoverTrainingGiven, ref, { style: 'positive', associatedInputs: 'none' }));
  return card(withBanner(ref, body), actions, { fallbackText: `Der VPA-Wechsel für ${model.client.nameWithClass} ist freigegeben: Bitte informiere den Kunden.` });
}
