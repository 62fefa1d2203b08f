// `umfragen` (admin team): the tenders still in review or open, oldest first, with their state. Long lists stop at the
// size budget and say how many are left out.
import type { TenderListItem, TenderListModel } from '../../src/notices/tender.ts';
import { card, container, heading, note, text } from '../common/build.ts';
import type { AdaptiveCard, CardElement } from '../common/types.ts';
import { fitList } from '../handover/parts.ts';

export function tenderListCard(model: TenderListModel): AdaptiveCard {
  return fitList(model.items, (shown, hidden) => listCard(model, shown, hidden));
}

function itemBlock(item: TenderListItem): CardElement {
  const applicants = item.applicantNames.length > 0 ? item.applicantNames.join(', ') : 'keine';
  const details = item.status === 'review' ? `Letzter VPA: ${item.lastVpaName ?? '–'}` : `Eingeladen: ${item.invitedCount} · Bewerbungen: ${applicants} · Letzter VPA: ${item.lastVpaName ?? '–'}`;
  return container(
    [
      text(`**${item.client.nameWithClass}** – ${item.task.title}${item.task.competence ? ` (${item.task.competence})` : ''}`),
      note(`${item.statusLabel} · ${item.stateText}`, { spacing: 'none' }),
      text(details, { size: 'small', spacing: 'none' }),
    ],
    { spacing: 'medium', separator: true },
  );
}

function listCard(model: TenderListModel, shown: readonly TenderListItem[], hidden: number): AdaptiveCard {
  const body: CardElement[] = [heading('Offene Umfragen')];
  if (model.empty) body.push(text('Gerade wartet keine Aufgabe eines reaktivierten Kunden auf eine Umfrage oder eine Vergabe.', { spacing: 'medium' }));
  body.push(...shown.map(itemBlock));
  if (hidden > 0) body.push(note(`${hidden} weitere Umfragen passen nicht auf diese Karte.`, { spacing: 'medium' }));
  body.push(note('Starten und vergeben könnt ihr auf der Karte der jeweiligen Aufgabe.', { spacing: 'medium' }));
  return card(body, [], { fallbackText: model.empty ? 'Keine offenen Umfragen.' : `Offene Umfragen: ${model.items.length}` });
}
