// A client replied to a message of the inactivity sequence: further reminders are paused until someone presses
// "fortsetzen" or the client posts a task. To the VPA, or (once the client is with Conny) to the shift.
import type { InactivityReplyModel } from '../../src/notices/inactivity.ts';
import { card, executeAction, facts, heading, note, text } from '../common/build.ts';
import type { AdaptiveCard, CardAction } from '../common/types.ts';
import { VERBS } from '../common/verbs.ts';

export function inactivityReplyCard(model: InactivityReplyModel): AdaptiveCard {
  const body = [
    heading(`${model.client.name} hat geantwortet`),
    text(model.text, { spacing: 'small' }),
    facts(['Kunde', `${model.client.nameWithClass} · ${model.client.number}`], ['Antwort am', model.repliedAtText], ['Zuständig', model.handledBy]),
  ];
  if (model.resumedText) body.push(note(model.resumedText, { spacing: 'medium' }));
  const actions: CardAction[] = model.actions.resume
    ? [executeAction('fortsetzen', VERBS.inactivityResume, { cycleId: model.ref.cycleId, version: model.ref.version }, { associatedInputs: 'none' })]
    : [];
  return card(body, actions, { fallbackText: `${model.client.nameWithClass} hat geantwortet; die Erinnerungen ruhen.` });
}
