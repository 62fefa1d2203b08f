// The cards of an unacknowledged urgent conduct report: the one reminder to each manager and the one
// escalation to the admin team (src/conduct/escalation.ts). Parsed by the adaptivecards SDK with the Teams host
// config; snapshots.
import { describe, expect, it } from 'vitest';
import { conductEscalationCard } from '../../../cards/conduct/escalation.ts';
import { conductReminderCard } from '../../../cards/conduct/reminder.ts';
import { conductReportCard } from '../../../cards/conduct/report.ts';
import { actionByTitle, cardActions, cardInputIds, cardText, cardTexts } from '../../support/cards.ts';
import { executeByVerb, expectValidCard } from '../handover/helpers.ts';
import { conductEscalationModel, conductReminderModel, conductReportModel, widestText } from '../handover/models.ts';

const factValue = (texts: string[], title: string) => texts[texts.indexOf(title) + 1];

describe('conduct reminder (to each manager, 1:1, once)', () => {
  it('is visibly urgent, says how long nobody reacted and shows the whole report', () => {
    const card = conductReminderCard(conductReminderModel());
    expectValidCard(card);
    expect(card.body[0]).toMatchObject({ type: 'Container', style: 'attention' });
    const texts = cardTexts(card);
    expect(texts[0]).toBe('ERINNERUNG · DRINGEND · seit 4 Arbeitsstunden ohne Reaktion');
    expect(texts[1]).toBe('Anna Beispiel meldet Müller GmbH (B)');
    expect(texts).toContain(conductReminderModel().text);
    expect(factValue(texts, 'Kunde')).toBe('10023 · Müller GmbH');
    expect(factValue(texts, 'Gemeldet von')).toBe('Anna Beispiel');
    expect(factValue(texts, 'Wann')).toBe('23.11.2026, 16:30 Uhr');
    expect(factValue(texts, 'Gemeldet am')).toBe('23.11.2026, 17:05 Uhr');
    expect(texts).toContain(conductReminderModel().whatHappened);
    expect(texts).toContain(conductReminderModel().evidence);
    expect(cardText(card)).toContain('Vertraulich: nur für VPA-Manager und Kundenmanager');
    expect(card.fallbackText).toContain('ERINNERUNG, DRINGEND');
    expect(card).toMatchSnapshot();
  });

  it('carries the report card’s acknowledge action (same verb and data), titled "erledigt" like the report card', () => {
    const card = conductReminderCard(conductReminderModel());
    expect(cardActions(card)).toHaveLength(1);
    expect(actionByTitle(card, 'erledigt')).toMatchObject({ type: 'Action.Execute', verb: 'conduct.ack', data: { reportId: 'rep_1', version: 1 } });
    const report = executeByVerb(conductReportCard(conductReportModel()), 'conduct.ack');
    expect(executeByVerb(card, 'conduct.ack').data).toEqual(report.data);
    expect(cardInputIds(card)).toEqual([]);
  });

  it('without the action when this manager already acknowledged', () => {
    const card = conductReminderCard(conductReminderModel({ actions: { acknowledge: false } }));
    expectValidCard(card);
    expect(cardActions(card)).toEqual([]);
  });

  it('says when there is no evidence, and 1 Arbeitsstunde in the singular', () => {
    const card = conductReminderCard(conductReminderModel({ evidence: '', workingHours: 1, workingHoursText: '1 Arbeitsstunde' }));
    expect(cardText(card)).toContain('keine angegeben');
    expect(cardTexts(card)[0]).toBe('ERINNERUNG · DRINGEND · seit 1 Arbeitsstunde ohne Reaktion');
  });

  it('stays under the size budget with maximal texts', () => {
    const max = widestText(2000);
    expectValidCard(conductReminderCard(conductReminderModel({ whatHappened: max, evidence: max, reporter: { id: 'p', name: widestText(100) } })));
  });
});

describe('conduct escalation (to the admin team, once)', () => {
  it('tells the admin team that no manager reacted: client, reporter, when, what happened, who was reminded', () => {
    const card = conductEscalationCard(conductEscalationModel());
    expectValidCard(card);
    expect(card.body[0]).toMatchObject({ type: 'Container', style: 'attention' });
    const texts = cardTexts(card);
    expect(texts[0]).toBe('ESKALATION · Dringende Meldung ohne Reaktion der Manager');
    expect(texts[1]).toBe('Anna Beispiel meldet Müller GmbH (B)');
    expect(texts).toContain(conductEscalationModel().text);
    expect(factValue(texts, 'Kunde')).toBe('10023 · Müller GmbH');
    expect(factValue(texts, 'Gemeldet von')).toBe('Anna Beispiel');
    expect(factValue(texts, 'Wann')).toBe('23.11.2026, 16:30 Uhr');
    expect(factValue(texts, 'Gemeldet am')).toBe('23.11.2026, 17:05 Uhr');
    expect(factValue(texts, 'Manager erinnert am')).toBe('24.11.2026, 13:00 Uhr');
    expect(factValue(texts, 'Informierte Manager')).toBe('Maria Manager, Petra Kundenmanagerin');
    // the reporter's own words: the admin team has to act on them
    expect(texts).toContain(conductEscalationModel().whatHappened);
    expect(texts).toContain(conductEscalationModel().evidence);
    expect(card.fallbackText).toBe('ESKALATION: Meldung von Anna Beispiel über Müller GmbH (B) ohne Reaktion der Manager');
    expect(card).toMatchSnapshot();
  });

  it('has nothing to click: acknowledging is the managers’ part', () => {
    const card = conductEscalationCard(conductEscalationModel());
    expect(cardActions(card)).toEqual([]);
    expect(cardInputIds(card)).toEqual([]);
  });

  it('says when no manager is on record and when there is no evidence', () => {
    const texts = cardTexts(conductEscalationCard(conductEscalationModel({ managers: [], evidence: '' })));
    expect(factValue(texts, 'Informierte Manager')).toBe('keine eingetragen');
    expect(texts).toContain('keine angegeben');
  });

  it('stays under the size budget with maximal texts and many managers', () => {
    const max = widestText(2000);
    const managers = Array.from({ length: 20 }, (_, i) => ({ id: `m${i}`, name: widestText(60) }));
    expectValidCard(conductEscalationCard(conductEscalationModel({ whatHappened: max, evidence: max, managers })));
  });
});
