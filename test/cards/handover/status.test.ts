import { describe, expect, it } from 'vitest';
import { handoverStatusCard } from '../../../cards/handover/status.ts';
import { actionByTitle, cardText, cardTexts, textBlockContaining } from '../../support/cards.ts';
import { expectValidCard } from './helpers.ts';
import { anna, client, statusModel, widestText } from './models.ts';

describe('status card', () => {
  it('lists each section’s requests with where they stand and what comes next; conduct reports first, urgent', () => {
    const card = handoverStatusCard(statusModel());
    expectValidCard(card);
    const texts = cardTexts(card);
    expect(texts.slice(0, 2)).toEqual(['Offene Vorgänge', 'Stand für Maria Manager']);
    const order = ['Offene Meldungen über Kunden (dringend)', 'Deine Anfragen', '**Müller GmbH (B)**', 'Wartet auf Freigabe · seit 21.11.2026', 'Zur Freigabe', '**Schulz & Partner (A)** · VPA: Sven Nachfolger', 'Du kannst freigeben oder ablehnen.'];
    const positions = order.map((t) => texts.indexOf(t));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(textBlockContaining(card, 'Offene Meldungen')).toMatchObject({ color: 'attention' });
    expect(cardText(card)).toContain('gemeldet am 23.11.2026, 08:40 Uhr');
    expect(actionByTitle(card, 'Aktualisieren')).toMatchObject({ verb: 'handover.status' });
    expect(card).toMatchSnapshot();
  });

  it('says so when nothing is open, and leaves out empty sections', () => {
    const empty = handoverStatusCard(statusModel({ sections: [{ id: 'own', title: 'Deine Anfragen', items: [] }], openConductReports: [], empty: true }));
    expectValidCard(empty);
    expect(cardText(empty)).toContain('Gerade ist nichts offen, das dich betrifft.');
    expect(cardText(empty)).not.toContain('Deine Anfragen');
    expect(empty).toMatchSnapshot();
  });

  it('stays under the size budget with hundreds of open requests and says how many it left out', () => {
    const items = Array.from({ length: 400 }, (_, i) => ({
      requestId: `req_${i}`,
      version: 1,
      client: { ...client, nameWithClass: `${widestText(40)} ${i} (B)` },
      vpa: anna,
      status: 'awaiting_approval',
      statusLabel: 'Wartet auf Freigabe',
      sinceText: 'seit 21.11.2026',
      nextStepText: widestText(80),
    }));
    const card = handoverStatusCard(
      statusModel({
        sections: [{ id: 'decision', title: 'Zur Freigabe', items }],
        openConductReports: Array.from({ length: 50 }, (_, i) => ({ reportId: `r${i}`, client, reportedAtText: '23.11.2026, 08:40 Uhr' })),
      }),
    );
    expectValidCard(card);
    const hidden = /(\d+) weitere Vorgänge passen nicht auf diese Karte/.exec(cardText(card));
    expect(hidden).not.toBeNull();
    const shownItems = cardTexts(card).filter((t) => t.includes('· VPA: Anna Beispiel')).length;
    const shownReports = cardTexts(card).filter((t) => t.includes('gemeldet am')).length;
    // Every conduct report is shown before any request is.
    expect(shownReports).toBe(50);
    expect(shownItems + shownReports + Number(hidden?.[1])).toBe(450);
  });
});
