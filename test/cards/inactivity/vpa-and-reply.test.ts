import { describe, expect, it } from 'vitest';
import { inactivityReplyCard } from '../../../cards/inactivity/reply.ts';
import { inactivityVpaCard } from '../../../cards/inactivity/vpa.ts';
import { cardActions, cardText } from '../../support/cards.ts';
import { expectValidCard } from '../handover/helpers.ts';
import { replyModel, vpaModel } from './models.ts';

describe('the VPA\'s inactivity card (red question mark)', () => {
  it('shows the client, the last task, the message the client gets, the tips and what happens next; "Kunde hat geantwortet"', () => {
    const card = inactivityVpaCard(vpaModel());
    expectValidCard(card);
    const text = cardText(card);
    expect(text).toContain('❓');
    expect(text).toContain('05.10.2026 (vor 8 Wochen)');
    expect(text).toContain('Gibt es etwas, das ich für Sie übernehmen kann?');
    expect(text).toContain('Schlag konkrete Aufgaben vor');
    expect(text).toContain('Konto Conny');
    expect(cardActions(card).map((a) => [a.title, a.verb, a.data])).toEqual([['Kunde hat geantwortet', 'inactivity.replied', { cycleId: 'cyc_1' }]]);
    expect(card).toMatchSnapshot();
  });
});

describe('the reply card', () => {
  it('offers "fortsetzen" with the cycle and its version while paused, and none once resumed', () => {
    const card = inactivityReplyCard(replyModel());
    expectValidCard(card);
    expect(cardActions(card).map((a) => [a.title, a.verb, a.data])).toEqual([['fortsetzen', 'inactivity.resume', { cycleId: 'cyc_1', version: 2 }]]);
    expect(card).toMatchSnapshot();
    const resumed = inactivityReplyCard(replyModel({ resumedText: 'Fortgesetzt von Anna Schneider am 01.12.2026', actions: { resume: false } }));
    expectValidCard(resumed);
    expect(cardText(resumed)).toContain('Fortgesetzt von Anna Schneider');
    expect(cardActions(resumed)).toEqual([]);
  });
});
