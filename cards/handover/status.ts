// "status": the person's open requests by section (own, to take over, to review, to decide) and, for
// managers, conduct reports nobody acknowledged yet. Long lists stop at the size budget and say how
// many are left out.
import type { HandoverStatusItem, HandoverStatusModel } from '../../src/notices/handover.ts';
import { card, container, executeAction, heading, note, text } from '../common/build.ts';
import type { AdaptiveCard, CardElement } from '../common/types.ts';
import { VERBS } from '../common/verbs.ts';
import { fitList } from './parts.ts';

type Entry =
  | { kind: 'item'; section: number; item: HandoverStatusItem }
  | { kind: 'conduct'; report: HandoverStatusModel['openConductReports'][number] };

export function handoverStatusCard(model: HandoverStatusModel): AdaptiveCard {
  const entries: Entry[] = [
    // Urgent first: an unacknowledged conduct report outranks any handover.
    ...model.openConductReports.map((report): Entry => ({ kind: 'conduct', report })),
    ...model.sections.flatMap((s, section) => s.items.map((item): Entry => ({ kind: 'item', section, item }))),
  ];
  return fitList(entries, (shown, hidden) => statusCard(model, shown, hidden));
}

function itemBlock(item: HandoverStatusItem, showVpa: boolean): CardElement {
  return container(
    [
      text(`**${item.client.nameWithClass}**${showVpa ? ` · VPA: ${item.vpa.name}` : ''}`),
      note(`${item.statusLabel} · ${item.sinceText}`, { spacing: 'none' }),
      text(item.nextStepText, { size: 'small', spacing: 'none' }),
    ],
    { spacing: 'small' },
  );
}

function statusCard(model: HandoverStatusModel, shown: readonly Entry[], hidden: number): AdaptiveCard {
  const body: CardElement[] = [heading('Offene Vorgänge'), note(`Stand für ${model.personName}`, { spacing: 'none' })];
  if (model.empty || (shown.length === 0 && hidden === 0)) {
    body.push(text('Gerade ist nichts offen, das dich betrifft.', { spacing: 'medium' }));
  }
  const reports = shown.flatMap((e) => (e.kind === 'conduct' ? [e.report] : []));
  if (reports.length > 0) {
    body.push(
      container(
        [
          text('Offene Meldungen über Kunden (dringend)', { weight: 'bolder', color: 'attention' }),
          ...reports.map((r) => text(`**${r.client.nameWithClass}** – gemeldet am ${r.reportedAtText}, noch von niemandem als erledigt markiert`, { size: 'small', spacing: 'small' })),
        ],
        { style: 'attention', spacing: 'medium' },
      ),
    );
  }
  model.sections.forEach((section, index) => {
    const items = shown.flatMap((e) => (e.kind === 'item' && e.section === index ? [e.item] : []));
    if (items.length === 0) return;
    body.push(text(section.title, { weight: 'bolder', size: 'medium', spacing: 'large', separator: true }));
    body.push(...items.map((item) => itemBlock(item, section.id !== 'own')));
  });
  if (hidden > 0) body.push(note(`${hidden} weitere Vorgänge passen nicht auf diese Karte.`, { spacing: 'medium' }));
  const total = shown.length + hidden;
  return card(body, [executeAction('Aktualisieren', VERBS.handoverStatus)], {
    fallbackText: total === 0 ? 'Gerade ist nichts offen, das dich betrifft.' : `Offene Vorgänge: ${total}`,
  });
}
