import { describe, expect, it } from 'vitest';
import { handoverReviewCard } from '../../../cards/handover/review.ts';
import type { CardAction, ShowCardAction } from '../../../cards/common/types.ts';
import { cardActions, cardInputIds, cardText, cardTexts } from '../../support/cards.ts';
import { executeByVerb, expectValidCard, inputById } from './helpers.ts';
import { facts, longText, reviewModel, sven, vpaChoices, widestText, withdrawnRef } from './models.ts';

function showCard(actions: CardAction[] | undefined, title: string): ShowCardAction {
  const found = actions?.find((a): a is ShowCardAction => a.type === 'Action.ShowCard' && a.title === title);
  if (!found) throw new Error(`no ShowCard "${title}"`);
  return found;
}

describe('review card (community team)', () => {
  it('parses without problems before, during and after the review', () => {
    expectValidCard(handoverReviewCard(reviewModel()));
    expectValidCard(handoverReviewCard(reviewModel({ actions: { startReview: true, returnRequest: true, requestClarification: true, proposeSuccessor: true }, reviewer: null })));
    expectValidCard(handoverReviewCard(reviewModel({ mediationNote: 'Telefonat mit dem Kunden am Freitag', followUpAtText: '02.12.2026' })));
  });

  it('shows the facts the wiki asks to weigh: class, kind of tasks, how long, changes in 12 months, reason, measures, challenges', () => {
    const card = handoverReviewCard(reviewModel());
    const texts = cardTexts(card);
    const fact = (title: string): string | undefined => texts[texts.indexOf(title) + 1];
    expect(fact('Kundenklasse')).toBe('B');
    expect(fact('Aufgabenart')).toBe('kontinuierliche Aufgaben');
    expect(fact('Betreut')).toBe('seit 15.08.2024 (2 Jahre, 3 Monate)');
    expect(fact('VPA-Wechsel 12 Mon.')).toBe('1');
    expect(fact('VPA')).toBe('Anna Beispiel');
    expect(fact('Letzte Aufgabe')).toBe('12.11.2026');
    expect(fact('Einarbeitung gewünscht')).toBe('ja');
    const text = cardText(card);
    expect(text).toContain('Grund: Bedarf des Kunden hat sich geändert');
    expect(text).toContain(facts().reason);
    expect(text).toContain(facts().measures);
    expect(text).toContain('Beim Einreichen hinterfragt');
    expect(text).toContain('Kunde „knausrig“ mit Budgets · Maßnahmen fehlen');
    expect(text).toContain('prüft: Kim Community');
    expect(card).toMatchSnapshot();
  });

  it('shows what a person typed as plain text, never as markdown', () => {
    const card = handoverReviewCard(reviewModel({ facts: facts({ reason: 'Kund*innen und VPA*s, siehe [hier](https://example.org)' }) }));
    expect(JSON.stringify(card.body)).toContain('{"type":"TextRun","text":"Kund*innen und VPA*s, siehe [hier](https://example.org)"}');
  });

  it('offers zurückspielen with the editable default message', () => {
    const card = handoverReviewCard(reviewModel());
    expect(card.actions?.map((a) => a.title)).toEqual(['zurückspielen', 'klären lassen', 'Wechsel vorschlagen']);
    const sc = showCard(card.actions, 'zurückspielen');
    expect(inputById(sc, 'returnMessage')).toMatchObject({ type: 'Input.Text', isRequired: true, isMultiline: true, value: reviewModel().defaults.returnMessage });
    expect(executeByVerb(sc, 'handover.return')).toMatchObject({ title: 'zurückspielen', data: { requestId: 'req_1', version: 2 } });
  });

  it('offers klären lassen with the editable message, an optional mediation note and follow-up date', () => {
    const sc = showCard(handoverReviewCard(reviewModel()).actions, 'klären lassen');
    expect(cardInputIds(sc)).toEqual(['clarifyMessage', 'mediationNote', 'followUpAt']);
    expect(inputById(sc, 'clarifyMessage')).toMatchObject({ isRequired: true, value: reviewModel().defaults.clarifyMessage });
    expect(inputById(sc, 'mediationNote').isRequired).toBeUndefined();
    expect(inputById(sc, 'followUpAt')).toMatchObject({ type: 'Input.Date' });
    expect(executeByVerb(sc, 'handover.clarify')).toMatchObject({ title: 'klären lassen', data: { requestId: 'req_1', version: 2 } });
  });

  it('offers Wechsel vorschlagen with a successor choice and the effort hoch/mittel/gering, saying what "hoch" means', () => {
    const sc = showCard(handoverReviewCard(reviewModel()).actions, 'Wechsel vorschlagen');
    expect(inputById(sc, 'successorId')).toMatchObject({
      type: 'Input.ChoiceSet',
      isRequired: true,
      choices: [
        { title: 'Sven Nachfolger (verfügbar)', value: 'p_sven' },
        { title: 'Lea Lang (abwesend bis 30.11.2026)', value: 'p_lea' },
      ],
    });
    expect(inputById(sc, 'onboardingEffort')).toMatchObject({ isRequired: true, style: 'expanded', choices: [{ value: 'hoch' }, { value: 'mittel' }, { value: 'gering' }] });
    expect(cardText(sc)).toContain('„hoch“ markiert die Anfrage: Dann wird geprüft, ob dem Kunden etwas erstattet werden muss.');
    expect(executeByVerb(sc, 'handover.propose')).toMatchObject({ title: 'Wechsel vorschlagen', data: { requestId: 'req_1', version: 2 } });
    const none = showCard(handoverReviewCard(reviewModel({ successorChoices: [] })).actions, 'Wechsel vorschlagen');
    expect(cardText(none)).toContain('Gerade gibt es keinen anderen VPA, der den Kunden übernehmen könnte.');
    // A long list of VPAs is searchable.
    const long = showCard(handoverReviewCard(reviewModel({ successorChoices: vpaChoices(30) })).actions, 'Wechsel vorschlagen');
    expect(inputById(long, 'successorId').style).toBe('filtered');
  });

  it('offers "Prüfung übernehmen" before anyone took the review on', () => {
    const card = handoverReviewCard(reviewModel({ reviewer: null, actions: { startReview: true, returnRequest: true, requestClarification: true, proposeSuccessor: true } }));
    expect(card.actions?.[0]).toMatchObject({ type: 'Action.Execute', title: 'Prüfung übernehmen', verb: 'handover.review.start', data: { requestId: 'req_1', version: 2 } });
    expect(cardText(card)).not.toContain('prüft:');
  });

  it('keeps every input id unique across the three forms (Teams merges them into one data object)', () => {
    const ids = cardInputIds(handoverReviewCard(reviewModel()));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('after the review shows the outcome, the proposal and the refund check instead of the actions', () => {
    const card = handoverReviewCard(
      reviewModel({
        ref: { ...reviewModel().ref, status: 'awaiting_approval', statusLabel: 'Wartet auf Freigabe', version: 4 },
        actions: { startReview: false, returnRequest: false, requestClarification: false, proposeSuccessor: false },
        proposal: { successor: sven, onboardingEffort: 'hoch', refundCheck: true },
        decision: { state: 'pending', label: 'Wartet auf Freigabe', byName: null, atText: null, rejectionReason: null },
        outcomeText: 'Wechsel vorgeschlagen von Kim Community am 21.11.2026, 14:00 Uhr',
      }),
    );
    expectValidCard(card);
    expect(cardActions(card)).toEqual([]);
    const text = cardText(card);
    expect(text).toContain('Wechsel vorgeschlagen von Kim Community am 21.11.2026, 14:00 Uhr');
    expect(text).toContain('Vorgeschlagener Wechsel');
    expect(text).toContain('Sven Nachfolger');
    expect(text).toContain('Erstattung prüfen');
    expect(card).toMatchSnapshot();
  });

  it('shows the managers’ decision once there is one', () => {
    const card = handoverReviewCard(
      reviewModel({
        actions: { startReview: false, returnRequest: false, requestClarification: false, proposeSuccessor: false },
        proposal: { successor: sven, onboardingEffort: 'mittel', refundCheck: false },
        decision: { state: 'rejected', label: 'Abgelehnt von Petra am 24.11.2026, 10:07 Uhr', byName: 'Petra', atText: '24.11.2026, 10:07 Uhr', rejectionReason: 'Erst vermitteln.' },
      }),
    );
    expect(cardText(card)).toContain('Abgelehnt von Petra am 24.11.2026, 10:07 Uhr');
    expect(cardText(card)).toContain('Erst vermitteln.');
    expect(cardText(card)).not.toContain('Erstattung prüfen');
  });

  it('shows the mediation note and the follow-up date', () => {
    const text = cardText(handoverReviewCard(reviewModel({ mediationNote: 'Telefonat mit dem Kunden am Freitag', followUpAtText: '02.12.2026' })));
    expect(text).toContain('Telefonat mit dem Kunden am Freitag');
    expect(text).toContain('Wiedervorlage: 02.12.2026');
  });

  it('says the request was withdrawn and offers nothing, whatever the model’s action flags say', () => {
    const card = handoverReviewCard(reviewModel({ ref: withdrawnRef }));
    expectValidCard(card);
    expect(cardTexts(card)[0]).toBe('Anfrage zurückgezogen');
    expect(cardActions(card)).toEqual([]);
    expect(card).toMatchSnapshot();
  });

  it('stays under the size budget with maximal texts and hundreds of VPAs, showing the first ones and the count left out', () => {
    const max = widestText(2000);
    const model = reviewModel({
      facts: facts({ reason: max, measures: max, successorNotes: max, challenges: reviewModel().facts.challenges }),
      mediationNote: longText(2000),
      defaults: { returnMessage: longText(600), clarifyMessage: longText(600) },
      timeline: Array.from({ length: 12 }, (_, i) => ({ atText: '20.11.2026, 09:15 Uhr', text: `Schritt ${i} von Kim Community` })),
      successorChoices: vpaChoices(500),
    });
    const card = handoverReviewCard(model);
    expectValidCard(card);
    const shown = (inputById(card, 'successorId').choices as { value: string }[]).map((c) => c.value);
    expect(shown.length).toBeGreaterThan(10);
    expect(shown).toEqual(vpaChoices(500).slice(0, shown.length).map((c) => c.value));
    expect(cardText(card)).toContain(`${500 - shown.length} weitere VPAs passen nicht mehr auf die Karte`);
  });
});
