// To the winner ("Die Aufgabe ist deine") and to each applicant who did not get it, 1:1, once; to each applicant
// when the admin team cancels the tender ("Die Umfrage ist abgebrochen").
import type { TenderResultModel } from '../../src/notices/tender.ts';
import { card, container, heading, text } from '../common/build.ts';
import type { AdaptiveCard } from '../common/types.ts';
import { taskFacts } from './parts.ts';

export function tenderResultCard(model: TenderResultModel): AdaptiveCard {
  const won = model.outcome === 'won';
  const title = won ? 'Die Aufgabe ist deine' : model.outcome === 'cancelled' ? 'Die Umfrage ist abgebrochen' : 'Die Aufgabe ist vergeben';
  return card(
    [
      heading(title),
      container([text(model.text)], { style: won ? 'good' : 'emphasis', spacing: 'small' }),
      taskFacts(model.task, model.client),
    ],
    [],
    { fallbackText: won ? `Die Aufgabe von ${model.client.nameWithClass} ist deine.` : model.outcome === 'cancelled' ? `Die Umfrage zu ${model.client.nameWithClass} ist abgebrochen.` : `Die Aufgabe von ${model.client.nameWithClass} wurde vergeben.` },
  );
}
