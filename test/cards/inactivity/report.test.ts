import { describe, expect, it } from 'vitest';
import { inactivityReportCard } from '../../../cards/inactivity/report.ts';
import { cardText, cardTexts } from '../../support/cards.ts';
import { expectValidCard } from '../handover/helpers.ts';
import { reportModelFixture } from './models.ts';

describe('inaktiv bericht card', () => {
  it('shows today’s buckets, reactivations per month and each message’s effect', () => {
    const card = inactivityReportCard(reportModelFixture());
    expectValidCard(card);
    const texts = cardTexts(card);
    expect(texts.slice(0, 2)).toEqual(['Inaktive Kunden: Bericht', 'Stand 23.11.2026, 10:00 Uhr · Zeitraum 01.12.2025 – 23.11.2026']);
    // Two-column rows: the label, then its figure.
    const pair = (title: string) => texts[texts.indexOf(title) + 1];
    expect(pair('nur markiert')).toBe('2');
    expect(pair('8-Wochen-Nachricht gesendet')).toBe('5 (davon 1 pausiert)');
    expect(pair('bei Conny: Erinnerung nach 16 Wochen')).toBe('2 (davon 1 pausiert)');
    expect(pair('Summe')).toBe('32');
    expect(pair('ausgenommen')).toBe('2');
    expect(pair('Oktober 2026')).toBe('3');
    expect(texts[texts.indexOf('Oktober 2026') + 2]).toBe('8-Wochen-Nachricht: 2 · Erinnerung nach 16 Wochen: 1');
    expect(pair('November 2026')).toBe('0');
    const text = cardText(card);
    expect(text).toContain('Im Zeitraum 3 Kunden reaktiviert');
    expect(text).toContain('**Erinnerung nach 16 Wochen**: 1 reaktiviert (33,3 % aller)\n3 Kunden haben sie bekommen, 1 davon danach reaktiviert (33,3 %)');
    expect(text).toContain('**8-Wochen-Nachricht**: 2 reaktiviert (66,7 % aller)\n10 Kunden haben sie bekommen, 2 davon danach reaktiviert (20,0 %)');
    // Nobody "gets" reactivated without a message: no recipients line.
    expect(text).toContain('**ohne Nachricht**: 0 reaktiviert (0,0 % aller)\n„danach reaktiviert“');
    expect(card).toMatchSnapshot();
  });
});
