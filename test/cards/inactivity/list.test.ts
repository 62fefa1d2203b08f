import { describe, expect, it } from 'vitest';
import { inactivityListCard } from '../../../cards/inactivity/list.ts';
import { actionByTitle, cardActions, cardInputIds, cardText, cardTexts } from '../../support/cards.ts';
import { executeByVerb, expectValidCard, inputById } from '../handover/helpers.ts';
import { widestText } from '../handover/models.ts';
import { clientNo, listModel, listRow } from './models.ts';

describe('inaktiv list card', () => {
  it('shows each client with class, VPA, last task and weeks, and the three actions per client', () => {
    const card = inactivityListCard(listModel());
    expectValidCard(card);
    const text = cardText(card);
    expect(cardTexts(card).slice(0, 2)).toEqual(['Inaktive Kunden', 'Stand 23.11.2026, 10:00 Uhr · seit mindestens 12 Wochen ohne neue Aufgabe, die längsten zuerst']);
    expect(text).toContain('2 Kunden warten auf eine Entscheidung.');
    expect(text).toContain('**Müller GmbH (A)** · 10001');
    expect(text).toContain('VPA: Anna Schneider · letzte Aufgabe: 06.07.2026 · seit 20 Wochen ohne Aufgabe');
    expect(text).toContain('VPA: Ben Vogel · letzte Aufgabe: 14.08.2026 · seit 14 Wochen ohne Aufgabe');
    // Longest inactive first, as the model orders them.
    expect(text.indexOf('Müller GmbH')).toBeLessThan(text.indexOf('Schulz & Partner'));

    const handovers = cardActions(card).filter((a) => a.verb === 'inactivity.handover');
    expect(handovers.map((a) => [a.title, a.data])).toEqual([
      ['an Conny übergeben', { cycleId: '3f0c1a2e-0000-4000-8000-000000000001', version: 2 }],
      ['an Conny übergeben', { cycleId: '3f0c1a2e-0000-4000-8000-000000000002', version: 2 }],
    ]);
    expect(cardActions(card).filter((a) => a.title === 'verschieben' && a.type === 'Action.ShowCard')).toHaveLength(2);
    expect(cardActions(card).filter((a) => a.title === 'ausnehmen' && a.type === 'Action.ShowCard')).toHaveLength(2);

    // verschieben: reason and date both required; the date not before tomorrow.
    expect(inputById(card, 'postponeReason-0')).toMatchObject({ type: 'Input.Text', isRequired: true, label: 'Grund', errorMessage: 'Bitte gib einen Grund an.' });
    expect(inputById(card, 'postponeUntil-0')).toMatchObject({ type: 'Input.Date', isRequired: true, min: '2026-11-24' });
    // ausnehmen: reason required, the end of an agreed break optional.
    expect(inputById(card, 'excludeReason-1')).toMatchObject({ type: 'Input.Text', isRequired: true });
    expect(inputById(card, 'excludeUntil-1')).toMatchObject({ type: 'Input.Date', min: '2026-11-24' });
    expect(inputById(card, 'excludeUntil-1').isRequired).toBeUndefined();
    const ids = cardInputIds(card);
    expect(new Set(ids).size).toBe(ids.length);
    expect(cardActions(card).filter((a) => a.verb === 'inactivity.postpone').map((a) => a.data)).toEqual([
      { cycleId: '3f0c1a2e-0000-4000-8000-000000000001', version: 2, row: 0 },
      { cycleId: '3f0c1a2e-0000-4000-8000-000000000002', version: 2, row: 1 },
    ]);
    expect(cardActions(card).filter((a) => a.verb === 'inactivity.exclude').map((a) => a.data)).toEqual([
      { cycleId: '3f0c1a2e-0000-4000-8000-000000000001', clientId: 'cl_1', version: 2, row: 0 },
      { cycleId: '3f0c1a2e-0000-4000-8000-000000000002', clientId: 'cl_2', version: 2, row: 1 },
    ]);
    expect(actionByTitle(card, 'Aktualisieren')).toMatchObject({ verb: 'inactivity.list' });
    expect(card).toMatchSnapshot();
  });

  it('shows the reason of an ended postponement as typed, not as markdown', () => {
    const card = inactivityListCard(listModel());
    expect(JSON.stringify(card)).toContain('{"type":"RichTextBlock","spacing":"none","inlines":[{"type":"TextRun","text":"War verschoben bis 16.11.2026: VPA *klärt* das mit dem Kunden"');
  });

  it('says when nobody is on the list; after an action shows what was done; mentions the automatic mode', () => {
    const empty = inactivityListCard(listModel({ rows: [], doneText: 'Müller GmbH (A) ist an Conny übergeben. Conny stellt sich dem Kunden im nächsten Sendefenster vor.', autoHandover: true }));
    expectValidCard(empty);
    const text = cardText(empty);
    expect(text).toContain('Gerade steht kein Kunde auf der Liste.');
    expect(text).toContain('Müller GmbH (A) ist an Conny übergeben.');
    expect(text).toContain('Der automatische Modus ist an');
    expect(executeByVerb(empty, 'inactivity.list').title).toBe('Aktualisieren');
    expect(cardActions(empty).some((a) => a.verb === 'inactivity.handover')).toBe(false);
    expect(empty).toMatchSnapshot();
  });

  it('stays under the size budget with 200 clients: the first ones, and how many more there are', () => {
    const rows = Array.from({ length: 200 }, (_, i) =>
      listRow(i, { client: clientNo(i, { name: `${widestText(40)} ${i}` }), vpaName: widestText(30), postponedText: i % 3 === 0 ? `War verschoben bis 16.11.2026: ${widestText(200)}` : null }),
    );
    const card = inactivityListCard(listModel({ rows }));
    expectValidCard(card);
    const hidden = /(\d+) weitere Kunden passen nicht auf diese Karte/.exec(cardText(card));
    expect(hidden).not.toBeNull();
    const shown = cardActions(card).filter((a) => a.verb === 'inactivity.handover');
    expect(shown.length).toBeGreaterThan(5);
    expect(shown.length + Number(hidden![1])).toBe(200);
    // The first ones, in order.
    expect(shown.map((a) => (a.data as { cycleId: string }).cycleId)).toEqual(rows.slice(0, shown.length).map((r) => r.ref.cycleId));
    expect(cardText(card)).toContain('200 Kunden warten auf eine Entscheidung.');
  });
});
