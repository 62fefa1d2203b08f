import { describe, expect, it } from 'vitest';
import { inactivityClientsCard } from '../../../cards/inactivity/clients.ts';
import { REACTIVATION_TIPS } from '../../../src/inactivity/tips.ts';
import { actionByTitle, cardActions, cardText, cardTexts, textBlockContaining } from '../../support/cards.ts';
import { expectValidCard } from '../handover/helpers.ts';
import { widestText } from '../handover/models.ts';
import { clientNo, clientRow, clientsModel } from './models.ts';

describe('kunden card', () => {
  it('marks inactive clients with the red question mark, first, with where they stand and the wiki’s tips', () => {
    const card = inactivityClientsCard(clientsModel());
    expectValidCard(card);
    const texts = cardTexts(card);
    expect(texts.slice(0, 3)).toEqual(['Deine Kunden', 'Stand 23.11.2026, 10:00 Uhr', '3 Kunden, davon 2 inaktiv (❓: seit längerer Zeit keine neue Aufgabe).']);
    const order = ['❓ Inaktive Kunden', '❓ **Müller GmbH (A)** · 10001', '❓ **Schulz & Partner (B)** · 10002', 'So kannst du inaktive Kunden selbst wieder aktivieren', 'Weitere Kunden', '**Bäckerei Korn (C)** · 10003'];
    const positions = order.map((t) => texts.indexOf(t));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(textBlockContaining(card, '❓ **Müller GmbH')).toMatchObject({ color: 'attention' });
    expect(cardText(card)).toContain('Letzte Aufgabe: 14.08.2026 (vor 14 Wochen) · betreut seit 15.08.2024 (2 Jahre, 3 Monate)');
    // Every tip once.
    for (const tip of REACTIVATION_TIPS) expect(texts.filter((t) => t === `• ${tip}`)).toHaveLength(1);
    // fortsetzen only for the paused one, answered with this list.
    expect(cardActions(card).filter((a) => a.verb === 'inactivity.resume').map((a) => [a.title, a.data])).toEqual([['fortsetzen', { cycleId: 'cyc_2', version: 3, view: 'clients' }]]);
    expect(actionByTitle(card, 'Aktualisieren')).toMatchObject({ verb: 'inactivity.clients' });
    expect(card).toMatchSnapshot();
  });

  it('without inactive clients shows no question mark and no tips; without clients says so', () => {
    const active = inactivityClientsCard(clientsModel({ rows: [clientRow(3), clientRow(4)], markedCount: 0 }));
    expectValidCard(active);
    expect(cardText(active)).toContain('2 Kunden, alle aktiv.');
    expect(cardText(active)).not.toContain('❓');
    expect(cardText(active)).not.toContain('So kannst du');
    expect(cardText(active)).not.toContain('Weitere Kunden');

    const none = inactivityClientsCard(clientsModel({ rows: [], markedCount: 0 }));
    expectValidCard(none);
    expect(cardText(none)).toContain('Dir sind zurzeit keine Kunden zugeordnet.');
    expect(none).toMatchSnapshot();
  });

  it('stays under the size budget with 200 clients and says how many it left out', () => {
    const rows = Array.from({ length: 200 }, (_, i) =>
      clientRow(i, { client: clientNo(i, { name: `${widestText(40)} ${i}` }), marked: i < 50, statusText: i < 50 ? widestText(150) : null, resume: i < 10 ? { cycleId: `cyc_${i}`, clientId: `cl_${i}`, version: 1 } : null }),
    );
    const card = inactivityClientsCard(clientsModel({ rows, markedCount: 50 }));
    expectValidCard(card);
    const hidden = /(\d+) weitere Kunden passen nicht auf diese Karte/.exec(cardText(card));
    expect(hidden).not.toBeNull();
    const shown = cardTexts(card).filter((t) => t.includes(` · ${10000}`) || /· 10\d{3}$/.test(t)).length;
    expect(shown + Number(hidden![1])).toBe(200);
    expect(cardText(card)).toContain('200 Kunden, davon 50 inaktiv');
    expect(cardText(card)).toContain('So kannst du inaktive Kunden selbst wieder aktivieren');
  });
});
