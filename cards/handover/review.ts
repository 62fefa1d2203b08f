// The community team's review card (review channel, or 1:1): the facts the wiki asks to weigh and the
// three ways to go on — zurückspielen, klären lassen, Wechsel vorschlagen — each a ShowCard with its
// own inputs, prefilled where the bot has a suggestion. Once reviewed, the outcome replaces the actions.
import type { ChoiceOption, HandoverReviewModel } from '../../src/notices/handover.ts';
import { card, facts, heading, note, text } from '../common/build.ts';
import type { AdaptiveCard, CardAction, CardElement, ShowCardAction } from '../common/types.ts';
import { VERBS } from '../common/verbs.ts';
import { callout, choiceStyle, choices, decisionFacts, fitList, labeledText, minLengthRegex, requestAction, requestTexts, timeline, userText, withBanner } from './parts.ts';

export function handoverReviewCard(model: HandoverReviewModel): AdaptiveCard {
  return fitList(model.successorChoices, (shown, hidden) => reviewCard(model, shown, hidden));
}

function reviewCard(model: HandoverReviewModel, successors: readonly ChoiceOption[], hiddenSuccessors: number): AdaptiveCard {
  const { ref, facts: f } = model;
  const body: CardElement[] = [
    heading(`Abgabeanfrage: ${f.client.nameWithClass}`),
    text(`Status: **${ref.statusLabel}**${model.reviewer ? ` · prüft: ${model.reviewer.name}` : ''}`, { spacing: 'small' }),
  ];
  if (f.flaggedForCommunity || f.challenges.length > 0) {
    body.push(
      callout('warning', 'Beim Einreichen hinterfragt', [
        text(
          f.challenges.length > 0
            ? `${f.challenges.map((c) => c.title).join(' · ')}. ${f.vpa.name} hat die Rückfragen gesehen und trotzdem eingereicht.`
            : `${f.vpa.name} hat die Rückfragen gesehen und trotzdem eingereicht.`,
          { spacing: 'small' },
        ),
      ]),
    );
  }
  body.push(decisionFacts(f), ...requestTexts(f, { successorNotes: true }));
  if (model.mediationNote !== null || model.followUpAtText !== null) {
    body.push(...labeledText('Vermittlung durch das Community-Team (intern)', model.mediationNote ?? '', { empty: 'keine Notiz' }));
    if (model.followUpAtText) body.push(note(`Wiedervorlage: ${model.followUpAtText}`, { spacing: 'small' }));
  }
  if (model.proposal) {
    const p = model.proposal;
    body.push(
      callout('emphasis', 'Vorgeschlagener Wechsel', [facts(['Nachfolger', p.successor.name], ['Einarbeitungsaufwand', p.onboardingEffort])]),
    );
    if (p.refundCheck) body.push(callout('warning', 'Erstattung prüfen', [text('Der Einarbeitungsaufwand ist hoch: Bitte prüft, ob dem Kunden etwas erstattet werden muss.', { spacing: 'small' })]));
  }
  if (model.decision && model.decision.state !== 'pending') {
    const d = model.decision;
    const lines: CardElement[] = d.rejectionReason ? [userText(d.rejectionReason, { spacing: 'small' })] : [];
    body.push(callout(d.state === 'approved' ? 'good' : d.state === 'rejected' ? 'attention' : 'emphasis', d.label, lines));
  } else if (model.decision) {
    body.push(text(model.decision.label, { weight: 'bolder', spacing: 'medium' }));
  }
  if (model.outcomeText) body.push(callout('emphasis', model.outcomeText));
  body.push(...timeline(model.timeline));

  const actions = ref.withdrawn ? [] : reviewActions(model, successors, hiddenSuccessors);
  return card(withBanner(ref, body), actions, { fallbackText: `Abgabeanfrage ${f.client.nameWithClass} von ${f.vpa.name}: ${ref.statusLabel}` });
}

function reviewActions(model: HandoverReviewModel, successors: readonly ChoiceOption[], hiddenSuccessors: number): CardAction[] {
  const { ref, actions } = model;
  const out: CardAction[] = [];
  if (actions.startReview) out.push(requestAction('Prüfung übernehmen', VERBS.handoverReviewStart, ref, { associatedInputs: 'none' }));
  if (actions.returnRequest) {
    out.push(
      showCard('zurückspielen', [
        text('Die Gründe sind nicht plausibel: Der VPA soll den Kunden weiter betreuen. Die Nachricht an den VPA kannst du anpassen.', { size: 'small' }),
        {
          type: 'Input.Text',
          id: 'returnMessage',
          label: 'Nachricht an den VPA',
          isRequired: true,
          errorMessage: 'Bitte schreib dem VPA, warum er den Kunden weiter betreuen soll.',
          isMultiline: true,
          value: model.defaults.returnMessage,
        },
      ], requestAction('zurückspielen', VERBS.handoverReturn, ref, { associatedInputs: 'auto' })),
    );
  }
  if (actions.requestClarification) {
    out.push(
      showCard('klären lassen', [
        text('Der VPA soll die Probleme zuerst selbst beim Kunden ansprechen. Vermittelst du, halte es fest und setz dir eine Wiedervorlage; ich erinnere dich daran.', { size: 'small' }),
        {
          type: 'Input.Text',
          id: 'clarifyMessage',
          label: 'Nachricht an den VPA',
          isRequired: true,
          errorMessage: 'Bitte schreib dem VPA, was er mit dem Kunden klären soll.',
          isMultiline: true,
          value: model.defaults.clarifyMessage,
        },
        { type: 'Input.Text', id: 'mediationNote', label: 'Vermittlung durch dich (intern, optional)', isMultiline: true, placeholder: 'Was du mit dem Kunden oder dem VPA besprichst' },
        { type: 'Input.Date', id: 'followUpAt', label: 'Wiedervorlage am (optional)' },
      ], requestAction('klären lassen', VERBS.handoverClarify, ref, { associatedInputs: 'auto' })),
    );
  }
  if (actions.proposeSuccessor) {
    const items: CardElement[] = [
      {
        type: 'Input.ChoiceSet',
        id: 'successorId',
        label: 'Nachfolger',
        isRequired: true,
        errorMessage: 'Bitte wähle einen Nachfolger aus.',
        choices: choices(successors),
        style: choiceStyle(successors.length),
        placeholder: 'VPA auswählen',
      },
    ];
    if (successors.length === 0) items.push(note('Gerade gibt es keinen anderen VPA, der den Kunden übernehmen könnte.', { color: 'attention', spacing: 'small' }));
    if (hiddenSuccessors > 0) items.push(note(`${hiddenSuccessors} weitere VPAs passen nicht mehr auf die Karte; verfügbare VPAs stehen oben.`, { spacing: 'small' }));
    items.push(
      {
        type: 'Input.ChoiceSet',
        id: 'onboardingEffort',
        label: 'Einarbeitungsaufwand',
        isRequired: true,
        errorMessage: 'Bitte schätze den Einarbeitungsaufwand ein.',
        choices: choices(model.onboardingEfforts),
        style: 'expanded',
      },
      note('„hoch“ markiert die Anfrage: Dann wird geprüft, ob dem Kunden etwas erstattet werden muss.', { spacing: 'small' }),
      {
        type: 'Input.Text',
        id: 'caseSummary',
        label: 'Den Fall kurz schildern (steht unter „Grund“ in der Freigabe)',
        isRequired: true,
        isMultiline: true,
        regex: minLengthRegex(20),
        errorMessage: 'Bitte schildere den Fall in ein, zwei Sätzen (mindestens 20 Zeichen).',
        placeholder: 'Was ist passiert, was wurde versucht, warum ist ein Wechsel sinnvoll?',
      },
      note('Der Vorschlag geht zur Freigabe an die VPA-Manager und Kundenmanager.', { spacing: 'small' }),
    );
    out.push(showCard('Wechsel vorschlagen', items, requestAction('Wechsel vorschlagen', VERBS.handoverPropose, ref, { associatedInputs: 'auto', style: 'positive' })));
  }
  return out;
}

function showCard(title: string, body: CardElement[], submit: CardAction): ShowCardAction {
  return { type: 'Action.ShowCard', title, card: { type: 'AdaptiveCard', body, actions: [submit] } };
}
