// The admin team's buttons on a tender, shared by the review card and the deadline reminder: "vergeben" (choose an
// applicant), "Frist verlängern" (a later date) and "Umfrage abbrechen" (a reason). Each submits the tender's id and
// version (outdated cards are refused) and, from the reminder, `view: 'deadline'` so the answer is that card again.
import type { ChoiceOption } from '../../src/notices/common.ts';
import { executeAction, note, text } from '../common/build.ts';
import type { ActionData, CardAction, CardElement, ShowCardAction } from '../common/types.ts';
import { VERBS } from '../common/verbs.ts';
import { choiceStyle, choices } from '../handover/parts.ts';

export function showCard(title: string, body: CardElement[], submit: CardAction): ShowCardAction {
  return { type: 'Action.ShowCard', title, card: { type: 'AdaptiveCard', body, actions: [submit] } };
}

export function awardAction(data: ActionData, awardChoices: readonly ChoiceOption[]): ShowCardAction {
  const items: CardElement[] = [
    {
      type: 'Input.ChoiceSet',
      id: 'winnerId',
      label: 'An wen geht die Aufgabe?',
      isRequired: true,
      errorMessage: 'Bitte wähle aus, wer die Aufgabe bekommt.',
      choices: choices(awardChoices),
      style: choiceStyle(awardChoices.length),
      ...(awardChoices.length === 1 ? { value: awardChoices[0]!.value } : {}),
    },
    note('Der Kunde wird sofort neu zugewiesen und erhält eine Nachricht im Namen der neuen Ansprechperson.', { spacing: 'small' }),
  ];
  return showCard('vergeben', items, executeAction('vergeben', VERBS.tenderAward, data, { style: 'positive', associatedInputs: 'auto' }));
}

export function extendAction(data: ActionData, input: { value: string; min: string }): ShowCardAction {
  const items: CardElement[] = [
    text('Die Eingeladenen können sich bis zur neuen Frist (wieder) bewerben; ihre Karten zeigen dann wieder „bewerben“.', { size: 'small' }),
    { type: 'Input.Date', id: 'deadline', label: 'Neue Frist (einschließlich)', isRequired: true, errorMessage: 'Bitte gib eine neue Frist an.', value: input.value, min: input.min },
  ];
  return showCard('Frist verlängern', items, executeAction('Frist verlängern', VERBS.tenderExtend, data, { associatedInputs: 'auto' }));
}

export function cancelAction(data: ActionData): ShowCardAction {
  const items: CardElement[] = [
    text('Die Aufgabe wird dann nicht über diese Umfrage vergeben; der Kunde bleibt zugeordnet wie bisher. Die Eingeladenen erfahren, dass die Umfrage abgebrochen ist (ohne den Grund).', { size: 'small' }),
    {
      type: 'Input.Text',
      id: 'cancelReason',
      label: 'Grund',
      isRequired: true,
      errorMessage: 'Bitte gebt einen Grund an.',
      isMultiline: true,
      maxLength: 1000,
      placeholder: 'z. B. Kunde wurde direkt Sophie Wagner zugewiesen',
    },
  ];
  return showCard('Umfrage abbrechen', items, executeAction('Umfrage abbrechen', VERBS.tenderCancel, data, { style: 'destructive', associatedInputs: 'auto' }));
}
