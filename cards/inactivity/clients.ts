// `kunden` (1:1): the VPA's current clients as the dashboard shows them. Inactive clients carry the red question mark
// and come first, with where their messages stand ("fortsetzen" when the client's reply paused them), followed by the
// wiki's tips for reactivating a client oneself; then the other clients. A long list stops at the size budget.
import type { InactivityClientRow, InactivityClientsModel } from '../../src/notices/inactivity.ts';
import { card, container, executeAction, heading, note, text } from '../common/build.ts';
import type { AdaptiveCard, CardElement } from '../common/types.ts';
import { VERBS } from '../common/verbs.ts';
import { fitList } from '../handover/parts.ts';

/** The red question mark, as on the dashboard. */
export const RED_QUESTION_MARK = '❓';

function rowBlock(r: InactivityClientRow): CardElement {
  const facts = [`Letzte Aufgabe: ${r.lastTaskText}`, ...(r.servingSinceText ? [`betreut ${r.servingSinceText}`] : [])].join(' · ');
  const items: CardElement[] = [
    text(r.marked ? `${RED_QUESTION_MARK} **${r.client.nameWithClass}** · ${r.client.number}` : `**${r.client.nameWithClass}** · ${r.client.number}`, r.marked ? { color: 'attention' } : {}),
    note(facts, { spacing: 'none' }),
  ];
  if (r.statusText) items.push(text(r.statusText, { size: 'small', spacing: 'none' }));
  if (r.resume) {
    items.push({ type: 'ActionSet', spacing: 'small', actions: [executeAction('fortsetzen', VERBS.inactivityResume, { cycleId: r.resume.cycleId, version: r.resume.version, view: 'clients' }, { associatedInputs: 'none' })] });
  }
  return container(items, { spacing: 'small' });
}

function tipsBlock(tips: readonly string[]): CardElement {
  return container(
    [text('So kannst du inaktive Kunden selbst wieder aktivieren', { weight: 'bolder' }), ...tips.map((tip) => text(`• ${tip}`, { size: 'small', spacing: 'small' }))],
    { style: 'emphasis', spacing: 'medium' },
  );
}

function clientsCard(model: InactivityClientsModel, shown: readonly InactivityClientRow[], hidden: number): AdaptiveCard {
  const total = shown.length + hidden;
  const body: CardElement[] = [heading('Deine Kunden'), note(model.asOfText, { spacing: 'none' })];
  if (total === 0) {
    body.push(text('Dir sind zurzeit keine Kunden zugeordnet.', { spacing: 'medium' }));
  } else {
    body.push(
      text(
        model.markedCount === 0
          ? `${total} ${total === 1 ? 'Kunde' : 'Kunden'}, alle aktiv.`
          : `${total} ${total === 1 ? 'Kunde' : 'Kunden'}, davon ${model.markedCount} inaktiv (${RED_QUESTION_MARK}: seit längerer Zeit keine neue Aufgabe).`,
        { spacing: 'medium' },
      ),
    );
  }
  const marked = shown.filter((r) => r.marked);
  const others = shown.filter((r) => !r.marked);
  if (marked.length > 0) {
    body.push(text(`${RED_QUESTION_MARK} Inaktive Kunden`, { weight: 'bolder', size: 'medium', spacing: 'large', separator: true }));
    body.push(...marked.map(rowBlock));
    body.push(tipsBlock(model.tips));
  }
  if (others.length > 0) {
    if (marked.length > 0 || model.markedCount > 0) body.push(text('Weitere Kunden', { weight: 'bolder', size: 'medium', spacing: 'large', separator: true }));
    body.push(...others.map(rowBlock));
  }
  if (hidden > 0) body.push(note(`${hidden} weitere Kunden passen nicht auf diese Karte.`, { spacing: 'medium' }));
  return card(body, [executeAction('Aktualisieren', VERBS.inactivityClients, {}, { associatedInputs: 'none' })], {
    fallbackText: model.markedCount > 0 ? `Deine Kunden: ${total}, davon ${model.markedCount} inaktiv.` : `Deine Kunden: ${total}.`,
  });
}

export function inactivityClientsCard(model: InactivityClientsModel): AdaptiveCard {
  return fitList(model.rows, (shown, hidden) => clientsCard(model, shown, hidden));
}
