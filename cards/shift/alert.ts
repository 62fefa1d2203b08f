// One item of the Conny account close to (or past) its response deadline: to the people on shift (channel with
// @mentions, or 1:1), once. "erledigt" in standalone mode marks it answered; answered on the platform, the card
// is updated the same way: it then says when it was answered, without the button.
import type { ShiftAlertModel } from '../../src/notices/shift.ts';
import { card, container, executeAction, heading, text } from '../common/build.ts';
import type { AdaptiveCard, CardElement } from '../common/types.ts';
import { VERBS } from '../common/verbs.ts';
import { doneBanner, hint, itemBlock, peopleText, teamsProperties } from './parts.ts';

export function shiftAlertCard(model: ShiftAlertModel): AdaptiveCard {
  const answered = model.answered !== null;
  const body: CardElement[] = [
    container(
      [
        text(answered ? 'Frist-Hinweis · erledigt' : model.item.state === 'overdue' ? 'Frist-Hinweis · überfällig' : 'Frist-Hinweis · bald fällig', { weight: 'bolder', size: 'small', color: answered ? 'good' : 'attention' }),
        heading(`${model.item.kindLabel} im Konto Conny`),
      ],
      { style: answered ? 'good' : 'warning', bleed: true },
    ),
    itemBlock(model.item),
  ];
  if (model.answered) {
    body.push(doneBanner(model.answered.text));
  } else {
    body.push(text(model.shareText, { spacing: 'small' }));
    body.push(
      model.unstaffed
        ? text('Niemand ist gerade in der Schicht eingeteilt – bitte kümmert euch darum.', { weight: 'bolder', color: 'attention' })
        : text(`${peopleText(model.onShift, model.mentions)}: bitte beantwortet es im Konto Conny.`),
    );
    if (model.actions.done) body.push(hint('Ohne Plattform-Anbindung: Wenn es beantwortet ist, klicke auf „erledigt“.'));
  }
  const actions = model.actions.done ? [executeAction('erledigt', VERBS.shiftItemDone, { itemId: model.itemId }, { style: 'positive' })] : [];
  return card(body, actions, {
    msteams: teamsProperties(model.answered ? [] : model.mentions),
    fallbackText: `${model.item.kindLabel} im Konto Conny: ${answered ? 'beantwortet' : model.item.stateText}`,
  });
}
