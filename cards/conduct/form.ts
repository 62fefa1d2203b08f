// "melden": a short form to report a client who insults, disrespects, discriminates or harasses the VPA.
// It goes at once to the VPA managers and client managers, 1:1, and never to other VPAs; the card says
// so, because the reporter needs to know who reads it. Invalid submissions come back with `fieldErrors`.
import type { ChoiceOption } from '../../src/notices/handover.ts';
import type { ConductField, ConductFormModel } from '../../src/notices/conduct.ts';
import { card, executeAction, heading, note, text } from '../common/build.ts';
import type { AdaptiveCard, CardElement, CardInput } from '../common/types.ts';
import { VERBS } from '../common/verbs.ts';
import { choiceStyle, choices, fitList, minLengthRegex, preselect } from '../handover/parts.ts';

/** HH:mm, 00:00–23:59 (what Input.Time would send; the card types know only Input.Text for it). */
const TIME_REGEX = '^$|^([01][0-9]|2[0-3]):[0-5][0-9]$';

export function conductFormCard(model: ConductFormModel): AdaptiveCard {
  if (model.noClients) return noClientsCard();
  return fitList(model.clients, (shown, hidden) => formCard(model, shown, hidden));
}

function noClientsCard(): AdaptiveCard {
  return card(
    [
      heading('Kunden melden'),
      text('Ich finde keinen Kunden, den du betreust oder betreut hast, deshalb kann ich hier keine Meldung aufnehmen.'),
      text('Bitte wende dich direkt an einen VPA-Manager oder Kundenmanager. Das Verhalten eines Kunden gegenüber dir ist uns wichtig.', { spacing: 'small' }),
    ],
    [],
    { fallbackText: 'Bitte wende dich direkt an einen VPA-Manager oder Kundenmanager.' },
  );
}

function formCard(model: ConductFormModel, clients: readonly ChoiceOption[], hiddenClients: number): AdaptiveCard {
  const { values, fieldErrors, limits } = model;
  const field = (input: CardInput, name: ConductField): CardElement[] => {
    const message = fieldErrors[name];
    return message ? [input, text(message, { color: 'attention', size: 'small', spacing: 'small' })] : [input];
  };
  const clientValue = preselect(clients, values.clientId);
  const body: CardElement[] = [
    heading('Kunden melden'),
    text(
      'Hat dich ein Kunde beleidigt, respektlos behandelt, diskriminiert oder belästigt? Melde es hier. ' +
        'Die Meldung geht sofort an die VPA-Manager und Kundenmanager, persönlich und nicht an andere VPAs. Es ist keine Abgabeanfrage.',
      { spacing: 'small' },
    ),
  ];
  if (Object.keys(fieldErrors).length > 0) {
    body.push(text('Bitte prüfe die markierten Angaben. Es wurde noch nichts gesendet.', { color: 'attention', weight: 'bolder', spacing: 'medium' }));
  }
  body.push(
    ...field(
      {
        type: 'Input.ChoiceSet',
        id: 'clientId',
        label: 'Um welchen Kunden geht es?',
        isRequired: true,
        errorMessage: 'Bitte wähle den Kunden aus.',
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
    body.push(note(`Hier fehlen ${hiddenClients} weitere Kunden (die Liste ist zu lang für eine Karte). Ist dein Kunde nicht dabei, wende dich bitte direkt an einen Manager.`, { spacing: 'small' }));
  }
  body.push(
    ...field(
      {
        type: 'Input.Text',
        id: 'whatHappened',
        label: 'Was ist passiert?',
        isRequired: true,
        errorMessage: `Bitte beschreibe, was passiert ist (mindestens ${limits.whatHappenedMinLength} Zeichen).`,
        isMultiline: true,
        maxLength: limits.textMaxLength,
        regex: minLengthRegex(limits.whatHappenedMinLength),
        placeholder: 'Was hat der Kunde gesagt oder getan?',
        ...(values.whatHappened ? { value: values.whatHappened } : {}),
        spacing: 'medium',
      },
      'whatHappened',
    ),
    ...field(
      {
        type: 'Input.Date',
        id: 'occurredDate',
        label: 'Wann war das?',
        isRequired: true,
        errorMessage: 'Bitte gib das Datum an (nicht in der Zukunft).',
        // Where a client has no date picker this is a text box: the server also takes the German TT.MM.JJJJ.
        placeholder: 'TT.MM.JJJJ',
        max: model.today,
        ...(values.occurredDate ? { value: values.occurredDate } : {}),
        spacing: 'medium',
      },
      'occurredDate',
    ),
    ...field(
      {
        type: 'Input.Text',
        id: 'occurredTime',
        label: 'Uhrzeit (optional)',
        errorMessage: 'Bitte gib die Uhrzeit als HH:MM an, zum Beispiel 14:30.',
        regex: TIME_REGEX,
        maxLength: 5,
        placeholder: 'HH:MM, zum Beispiel 14:30',
        ...(values.occurredTime ? { value: values.occurredTime } : {}),
        spacing: 'small',
      },
      'occurredTime',
    ),
    ...field(
      {
        type: 'Input.Text',
        id: 'evidence',
        label: 'Belege (optional)',
        isMultiline: true,
        maxLength: limits.textMaxLength,
        placeholder: 'Zum Beispiel ein Link zur Nachricht, ein Zitat oder wo der Screenshot liegt.',
        ...(values.evidence ? { value: values.evidence } : {}),
        spacing: 'medium',
      },
      'evidence',
    ),
  );
  // The form instance goes with the inputs: one form makes at most one report, however often it is sent.
  return card(body, [executeAction('Meldung senden', VERBS.conductSubmit, { formId: model.formId }, { style: 'positive', associatedInputs: 'auto' })], {
    fallbackText: 'Formular: Kunden melden',
  });
}
