// "abgeben": the VPA's request form. Required fields are checked on the card (isRequired, a minimum
// length) and again on the server; when the server finds a problem it sends this card back with
// `fieldErrors` and what the VPA typed, and shows each message right under its field.
import type { ChoiceOption, HandoverField, HandoverFormModel } from '../../src/notices/handover.ts';
import { card, executeAction, heading, note, text } from '../common/build.ts';
import type { AdaptiveCard, CardElement, CardInput } from '../common/types.ts';
import { VERBS } from '../common/verbs.ts';
import { choiceStyle, choices, fitList, minLengthRegex, preselect } from './parts.ts';

const YES_NO: ChoiceOption[] = [
  { value: 'true', label: 'ja' },
  { value: 'false', label: 'nein' },
];

export function handoverFormCard(model: HandoverFormModel): AdaptiveCard {
  if (model.noClients) return noClientsCard();
  return fitList(model.clients, (shown, hidden) => formCard(model, shown, hidden));
}

function noClientsCard(): AdaptiveCard {
  return card(
    [
      heading('Kunde abgeben'),
      text('Du hast gerade keinen Kunden, den du abgeben kannst.'),
      text(
        'Entweder ist dir derzeit kein Kunde zugeordnet, oder für jeden deiner Kunden läuft schon eine Abgabeanfrage. ' +
          'Mit **status** siehst du, wo deine Anfragen stehen. Stimmt deine Kundenliste nicht, wende dich bitte an das Community-Team.',
        { spacing: 'small' },
      ),
    ],
    [executeAction('Status anzeigen', VERBS.handoverStatus)],
    { fallbackText: 'Du hast gerade keinen Kunden, den du abgeben kannst.' },
  );
}

function formCard(model: HandoverFormModel, clients: readonly ChoiceOption[], hiddenClients: number): AdaptiveCard {
  const { values, fieldErrors, limits } = model;
  const errorFor = (field: HandoverField): CardElement[] => {
    const message = fieldErrors[field];
    return message ? [text(message, { color: 'attention', size: 'small', spacing: 'small' })] : [];
  };
  const field = (input: CardInput, name: HandoverField): CardElement[] => [input, ...errorFor(name)];
  const reasonMessage = `Bitte beschreibe den Grund (mindestens ${limits.reasonMinLength} Zeichen).`;

  const body: CardElement[] = [
    heading('Kunde abgeben'),
    text(
      'Ein VPA-Wechsel ist möglich, sollte aber die Ausnahme bleiben: Er kostet den Kunden oft Wissen, Vertrauen und zusätzlichen Aufwand. ' +
        'Das Community-Team prüft jede Anfrage und meldet sich bei dir.',
      { spacing: 'small' },
    ),
  ];
  if (Object.keys(fieldErrors).length > 0) {
    body.push(text('Bitte prüfe die markierten Angaben. Es wurde noch nichts gespeichert.', { color: 'attention', weight: 'bolder', spacing: 'medium' }));
  }
  const clientValue = preselect(clients, values.clientId);
  const categoryValue = preselect(model.categories, values.reasonCategory);
  const trainingValue = values.clientWantsTraining === null ? undefined : String(values.clientWantsTraining);
  body.push(
    ...field(
      {
        type: 'Input.ChoiceSet',
        id: 'clientId',
        label: 'Welchen Kunden möchtest du abgeben?',
        isRequired: true,
        errorMessage: 'Bitte wähle den Kunden aus, den du abgeben möchtest.',
        choices: choices(clients),
        style: choiceStyle(clients.length),
        placeholder: 'Kunden auswählen',
        ...(clientValue ? { value: clientValue } : {}),
        spacing: 'medium',
      },
      'clientId',
    ),
  );
  if (hiddenClients > 0) {
    body.push(note(`Hier fehlen ${hiddenClients} weitere Kunden (die Liste ist zu lang für eine Karte). Ist dein Kunde nicht dabei, wende dich bitte an das Community-Team.`, { spacing: 'small' }));
  }
  body.push(
    ...field(
      {
        type: 'Input.ChoiceSet',
        id: 'reasonCategory',
        label: 'Warum möchtest du den Kunden abgeben?',
        isRequired: true,
        errorMessage: 'Bitte wähle einen Grund aus.',
        choices: choices(model.categories),
        style: 'expanded',
        wrap: true,
        ...(categoryValue ? { value: categoryValue } : {}),
        spacing: 'medium',
      },
      'reasonCategory',
    ),
    ...field(
      {
        type: 'Input.Text',
        id: 'reason',
        label: 'Was ist der konkrete Grund?',
        isRequired: true,
        errorMessage: reasonMessage,
        isMultiline: true,
        maxLength: limits.textMaxLength,
        regex: minLengthRegex(limits.reasonMinLength),
        placeholder: 'Beschreibe kurz, was sich geändert hat oder was nicht funktioniert.',
        ...(values.reason ? { value: values.reason } : {}),
        spacing: 'medium',
      },
      'reason',
    ),
    ...field(
      {
        type: 'Input.Text',
        id: 'measures',
        label: 'Was hast du schon unternommen, um die Zusammenarbeit zu verbessern?',
        isMultiline: true,
        maxLength: limits.textMaxLength,
        placeholder: 'Zum Beispiel ein klärendes Gespräch oder feste Absprachen zu Aufgaben und Erreichbarkeit.',
        ...(values.measures ? { value: values.measures } : {}),
        spacing: 'medium',
      },
      'measures',
    ),
    ...field(
      {
        type: 'Input.ChoiceSet',
        id: 'clientWantsTraining',
        label: 'Wünscht der Kunde eine Einarbeitung des neuen VPA durch dich?',
        isRequired: true,
        errorMessage: 'Bitte gib an, ob der Kunde eine Einarbeitung wünscht.',
        choices: choices(YES_NO),
        style: 'expanded',
        ...(trainingValue ? { value: trainingValue } : {}),
        spacing: 'medium',
      },
      'clientWantsTraining',
    ),
    ...field(
      {
        type: 'Input.Text',
        id: 'successorNotes',
        label: 'Was sollte ein Nachfolger wissen? (optional)',
        isMultiline: true,
        maxLength: limits.textMaxLength,
        placeholder: 'Gewohnheiten, laufende Aufgaben, Zugänge, Ansprechpartner …',
        ...(values.successorNotes ? { value: values.successorNotes } : {}),
        spacing: 'medium',
      },
      'successorNotes',
    ),
  );

  // The form instance goes with the inputs: one form makes at most one request, however often it is sent.
  return card(body, [executeAction('Anfrage einreichen', VERBS.handoverSubmit, { formId: model.formId }, { style: 'positive', associatedInputs: 'auto' })], {
    fallbackText: 'Formular: Kunde abgeben',
  });
}
