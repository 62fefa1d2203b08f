// To the winner ("Die Aufgabe ist deine") and to each applicant who did not get it, 1:1, once.
import type { TenderResultModel } from '../../src/notices/tender.ts';
import { card, container, heading, text } from '../common/build.ts';
import type { AdaptiveCard } from '../common/types.ts';
import { taskFacts } from './parts.ts';

export function tenderResultCard(model: TenderResultModel): AdaptiveCard {
  const won = model.outcome === 'won';
  return card(
    [
      heading(won ? 'Die Aufgabe ist deine' : 'Die Aufgabe ist vergeben'),
      container([text(model.text)], { style: won ? 'good' : 'emphasis', spacing: 'small' }),
      taskFacts(model.task, model.client),
    ],
    [],
    { fallbackText: won ? `Die Aufgabe von ${model.client.nameWithClass} ist deine.` : `Die Aufgabe von ${model.client.nameWithClass} wurde vergeben.` },
  );
}
