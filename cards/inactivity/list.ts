// `inaktiv`: the inactive-management list (replaces the manual dashlet "Inaktive"), longest-inactive first. Each
// client has "an Conny übergeben", "verschieben" (reason and date, both required) and "ausnehmen" (reason, an optional
// end date for a break agreed with the VPA). Input ids carry the row number, because one card may not repeat an id;
// the action's data names the row. A long list shows as many clients as fit and says how many more there are.
import type { InactivityListModel, InactivityListRow } from '../../src/notices/inactivity.ts';
import { card, container, executeAction, heading, note, text } from '../common/build.ts';
import type { AdaptiveCard, CardElement, ShowCardAction } from '../common/types.ts';
import { VERBS } from '../common/verbs.ts';
import { callout, fitList } from '../handover/parts.ts';

/** The ids of a row's inputs; the bot reads them back with the row number from the action's data. */
export function listInputIds(row: number): { postponeReason: string; postponeUntil: string; excludeReason: string; excludeUntil: string } {
  return { postponeReason: `postponeReason-${row}`, postponeUntil: `postponeUntil-${row}`, excludeReason: `excludeReason-${row}`, excludeUntil: `excludeUntil-${row}` };
}

const REASON_MAX = 2000;

function postponeAction(r: InactivityListRow, row: number, minDate: string): ShowCardAction {
  const ids = listInputIds(row);
  return {
    type: 'Action.ShowCard',
    title: 'verschieben',
    card: {
      type: 'AdaptiveCard',
      body: [
        { type: 'Input.Text', id: ids.postponeReason, label: 'Grund', isRequired: true, errorMessage: 'Bitte gib einen Grund an.', maxLength: REASON_MAX, placeholder: 'z. B. Der VPA spricht gerade mit dem Kunden.' },
        { type: 'Input.Date', id: ids.postponeUntil, label: 'Wieder auf die Liste am', isRequired: true, errorMessage: 'Bitte wähle ein Datum ab morgen.', min: minDate },
      ],
      actions: [executeAction('Verschieben', VERBS.inactivityPostpone, { cycleId: r.ref.cycleId, version: r.ref.version, row })],
    },
  };
}

function excludeAction(r: InactivityListRow, row: number, minDate: string): ShowCardAction {
  const ids = listInputIds(row);
  return {
    type: 'Action.ShowCard',
    title: 'ausnehmen',
    card: {
      type: 'AdaptiveCard',
      body: [
        { type: 'Input.Text', id: ids.excludeReason, label: 'Grund', isRequired: true, errorMessage: 'Bitte gib einen Grund an.', maxLength: REASON_MAX, placeholder: 'z. B. Pause mit dem VPA vereinbart: Elternzeit des Kunden.' },
        { type: 'Input.Date', id: ids.excludeUntil, label: 'Pause bis einschließlich (leer lassen: dauerhaft)', min: minDate },
      ],
      actions: [executeAction('Ausnehmen', VERBS.inactivityExclude, { cycleId: r.ref.cycleId, clientId: r.ref.clientId, version: r.ref.version, row }, { style: 'destructive' })],
    },
  };
}

function rowBlock(r: InactivityListRow, row: number, minDate: string): CardElement {
  const items: CardElement[] = [
    text(`**${r.client.nameWithClass}** · ${r.client.number}`),
    note(`VPA: ${r.vpaName} · letzte Aufgabe: ${r.lastTaskText} · ${r.inactiveText}`, { spacing: 'none' }),
  ];
  // The reason was typed by a person: a TextRun, so Teams does not read it as markdown.
  if (r.postponedText) items.push({ type: 'RichTextBlock', spacing: 'none', inlines: [{ type: 'TextRun', text: r.postponedText, size: 'small', isSubtle: true }] });
  // Two rows of buttons: three side by side are cut off ("verschie…") at the width of a Teams chat.
  items.push(
    { type: 'ActionSet', spacing: 'small', actions: [executeAction('an Conny übergeben', VERBS.inactivityHandover, { cycleId: r.ref.cycleId, version: r.ref.version }, { associatedInputs: 'none' })] },
    { type: 'ActionSet', spacing: 'none', actions: [postponeAction(r, row, minDate), excludeAction(r, row, minDate)] },
  );
  return container(items, { separator: true, spacing: 'medium' });
}

function listCard(model: InactivityListModel, shown: readonly InactivityListRow[], hidden: number): AdaptiveCard {
  const total = shown.length + hidden;
  const body: CardElement[] = [
    heading('Inaktive Kunden'),
    note(`${model.asOfText} · seit mindestens ${model.listAfterWeeks} Wochen ohne neue Aufgabe, die längsten zuerst`, { spacing: 'none' }),
  ];
  if (model.doneText) body.push(callout('good', model.doneText));
  if (model.autoHandover) body.push(note('Der automatische Modus ist an: Ich übergebe Kunden selbst an Conny, sobald sie auf die Liste kommen.', { spacing: 'small' }));
  if (total === 0) body.push(text('Gerade steht kein Kunde auf der Liste.', { spacing: 'medium' }));
  else body.push(text(total === 1 ? '1 Kunde wartet auf eine Entscheidung.' : `${total} Kunden warten auf eine Entscheidung.`, { spacing: 'medium', weight: 'bolder' }));
  shown.forEach((r, i) => body.push(rowBlock(r, i, model.minDate)));
  if (hidden > 0) body.push(note(`${hidden} weitere Kunden passen nicht auf diese Karte. Sie erscheinen hier, sobald Kunden oben bearbeitet sind („Aktualisieren“).`, { spacing: 'medium' }));
  return card(body, [executeAction('Aktualisieren', VERBS.inactivityList, {}, { associatedInputs: 'none' })], {
    fallbackText: total === 0 ? 'Gerade steht kein Kunde auf der Liste der inaktiven Kunden.' : `Inaktive Kunden: ${total} warten auf eine Entscheidung.`,
  });
}

export function inactivityListCard(model: InactivityListModel): AdaptiveCard {
  return fitList(model.rows, (shown, hidden) => listCard(model, shown, hidden));
}
