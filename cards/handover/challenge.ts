// The wiki's answer at once, when a reason is not valid on its own ("schwer erreichbar", "knausrig",
// Kunden aussuchen) or measures are missing. Nothing is saved yet: "Trotzdem einreichen" sends the same
// values the form sent plus `confirmChallenges: true`; "Bearbeiten" reopens the form prefilled. Both keep the
// form instance (`formId`), so however often "Trotzdem einreichen" is clicked, it makes one request.
// The draft travels in both buttons' data, so three long texts count twice towards the size limit: when
// that does not fit, "Bearbeiten" carries only the choices and the card says the texts stay behind.
import type { HandoverChallengeModel, HandoverFormValues } from '../../src/notices/handover.ts';
import { card, container, executeAction, heading, note, text } from '../common/build.ts';
import { cardSizeBytes } from '../common/size.ts';
import type { ActionData, AdaptiveCard, CardElement } from '../common/types.ts';
import { VERBS } from '../common/verbs.ts';
import { CARD_BUDGET_BYTES } from './parts.ts';

export function handoverChallengeCard(model: HandoverChallengeModel): AdaptiveCard {
  const full = challengeCard(model, model.draft);
  if (cardSizeBytes(full) <= CARD_BUDGET_BYTES) return full;
  return challengeCard(model, { ...model.draft, reason: '', measures: '', successorNotes: '' });
}

function challengeCard(model: HandoverChallengeModel, editValues: HandoverFormValues): AdaptiveCard {
  const { draft } = model;
  const textsLeftBehind = editValues.reason !== draft.reason;
  const body: CardElement[] = [
    heading('Bevor du die Anfrage einreichst'),
    text(`Kunde: **${model.client.nameWithClass}**`, { spacing: 'small' }),
    text(model.intro, { spacing: 'medium' }),
    ...model.challenges.map((c) => container([text(c.title, { weight: 'bolder' }), text(c.text, { spacing: 'small' })], { style: 'emphasis', spacing: 'medium' })),
    text(model.closing, { spacing: 'medium' }),
  ];
  if (textsLeftBehind) {
    body.push(note('Deine Texte sind zu lang, um sie zum Bearbeiten mitzuschicken: „Bearbeiten“ öffnet das Formular mit Kunde und Grund, die Texte gibst du dort neu ein.', { spacing: 'small' }));
  }
  // As the form submits them: the yes/no choice as 'true'/'false'.
  const submitData: ActionData = {
    clientId: draft.clientId,
    reasonCategory: draft.reasonCategory,
    reason: draft.reason,
    measures: draft.measures,
    clientWantsTraining: draft.clientWantsTraining === null ? '' : String(draft.clientWantsTraining),
    successorNotes: draft.successorNotes,
    confirmChallenges: true,
    formId: model.formId,
  };
  const editData: ActionData = { values: { ...editValues }, formId: model.formId };
  return card(
    body,
    [
      executeAction('Bearbeiten', VERBS.handoverForm, editData, { associatedInputs: 'none' }),
      executeAction('Trotzdem einreichen', VERBS.handoverSubmit, submitData, { associatedInputs: 'none' }),
    ],
    { fallbackText: `Bevor du die Anfrage für ${model.client.nameWithClass} einreichst: ${model.challenges.map((c) => c.title).join(', ')}` },
  );
}
