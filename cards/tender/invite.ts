// To each invited VPA, 1:1: the reactivated client's new task and "bewerben" until the deadline. The last VPA is
// told that applying gives them the task at once. Updated in place: applied, won, lost, closed, cancelled.
import type { TenderInviteModel } from '../../src/notices/tender.ts';
import { card, container, executeAction, heading, text } from '../common/build.ts';
import type { AdaptiveCard, CardAction, ContainerStyle } from '../common/types.ts';
import { VERBS } from '../common/verbs.ts';
import { taskFacts } from './parts.ts';

const STATE_STYLE: Record<TenderInviteModel['state'], ContainerStyle> = { open: 'accent', applied: 'emphasis', won: 'good', lost: 'emphasis', closed: 'emphasis', cancelled: 'warning' };

export function tenderInviteCard(model: TenderInviteModel): AdaptiveCard {
  const actions: CardAction[] = model.actions.apply ? [executeAction('bewerben', VERBS.tenderApply, { tenderId: model.tenderId }, { style: 'positive', associatedInputs: 'none' })] : [];
  return card(
    [
      container([text('Umfrage · Neue Aufgabe', { weight: 'bolder', size: 'small', color: 'accent' }), heading(model.client.nameWithClass)], { bleed: true }),
      text(model.isLastVpa ? 'Du hast diesen Kunden zuletzt betreut. Er hat eine neue Aufgabe eingestellt:' : 'Ein Kunde ist zurück und hat eine neue Aufgabe eingestellt:', { spacing: 'small' }),
      taskFacts(model.task, model.client, [['Bewerbungen bis', model.deadlineText]]),
      container([text(model.stateText, { weight: model.state === 'open' ? 'default' : 'bolder' })], { style: STATE_STYLE[model.state], spacing: 'medium' }),
    ],
    actions,
    { fallbackText: `Umfrage: neue Aufgabe von ${model.client.nameWithClass}` },
  );
}
