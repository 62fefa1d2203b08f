// To the VPA after "klären lassen": raise the problems with the client first; the community team may
// mediate and follows up on a date. The VPA answers "geklärt, ich behalte den Kunden" or "nicht geklärt" with a
// note, or withdraws the request.
import type { HandoverClarifyModel } from '../../src/notices/handover.ts';
import { card, executeAction, heading, text } from '../common/build.ts';
import type { AdaptiveCard, CardAction, CardElement } from '../common/types.ts';
import { VERBS } from '../common/verbs.ts';
import { quoted, withBanner, withdrawAction } from './parts.ts';

export function handoverClarifyCard(model: HandoverClarifyModel): AdaptiveCard {
  const { ref } = model;
  const body: CardElement[] = [
    heading('Bitte kläre es zuerst mit dem Kunden'),
    text(`Kunde: **${model.client.nameWithClass}** · Status: ${ref.statusLabel}`, { spacing: 'small' }),
    quoted(`${model.reviewer.name} vom Community-Team schreibt:`, model.message),
  ];
  if (model.mediation) body.push(text('Das Community-Team vermittelt dabei zwischen dir und dem Kunden. Wir nehmen deine Situation und deine Bedenken ernst.', { spacing: 'medium' }));
  else body.push(text('Wir nehmen deine Situation und deine Bedenken ernst. Melde dich beim Community-Team, wenn du Unterstützung brauchst.', { spacing: 'medium' }));
  if (model.followUpText) body.push(text(model.followUpText, { spacing: 'small' }));
  if (model.answerText) body.push(text(model.answerText, { spacing: 'medium', weight: 'bolder' }));
  const actions: CardAction[] = [];
  if (!ref.withdrawn && model.actions.answer) {
    // Each answer on its own full-width row: the titles are sentences and must not be cut off.
    body.push(text('**Wie ist es ausgegangen?**', { spacing: 'medium' }));
    body.push({
      type: 'ActionSet',
      actions: [executeAction('geklärt, ich behalte den Kunden', VERBS.handoverClarificationAnswer, { requestId: ref.requestId, version: ref.version, answer: 'resolved' }, { style: 'positive', associatedInputs: 'none' })],
    });
    body.push({
      type: 'ActionSet',
      spacing: 'small',
      actions: [
        {
          type: 'Action.ShowCard',
          title: 'nicht geklärt',
          card: {
            type: 'AdaptiveCard',
            body: [{ type: 'Input.Text', id: 'clarificationNote', label: 'Was ist noch offen?', isRequired: true, errorMessage: 'Bitte beschreibe kurz, was noch offen ist.', isMultiline: true, placeholder: 'Das Community-Team sieht deine Rückmeldung und meldet sich.' }],
            actions: [executeAction('Rückmeldung senden', VERBS.handoverClarificationAnswer, { requestId: ref.requestId, version: ref.version, answer: 'unresolved' }, { associatedInputs: 'auto' })],
          },
        },
      ],
    });
  }
  if (!ref.withdrawn && model.actions.withdraw) actions.push(withdrawAction(ref, VERBS.handoverWithdraw));
  return card(withBanner(ref, body), actions, { fallbackText: `Bitte kläre die Probleme mit ${model.client.nameWithClass} zuerst selbst mit dem Kunden.` });
}
