// The cards of "Umfrage abbrechen", "Frist verlängern" and the deadline reminder, parsed by the adaptivecards SDK
// (Teams host config), with snapshots.
import { describe, expect, it } from 'vitest';
import { tenderDeadlineCard } from '../../../cards/tender/deadline.ts';
import { tenderInviteCard } from '../../../cards/tender/invite.ts';
import { tenderResultCard } from '../../../cards/tender/result.ts';
import { tenderReviewCard } from '../../../cards/tender/review.ts';
import { renderNoticeCard } from '../../../bot/render/render-notice.ts';
import { cardActions, cardInputIds, cardText, cardTexts } from '../../support/cards.ts';
import { executeByVerb, executeVerbs, expectValidCard, inputById } from '../handover/helpers.ts';
import { widestText } from '../handover/models.ts';
import { ben, cancelledReviewModel, deadlineModel, inviteModel, openReviewModel, resultModel, reviewModel } from './models.ts';

describe('"Umfrage abbrechen" and "Frist verlängern" on the review card', () => {
  it('in review and open: "Umfrage abbrechen" asks for a required reason and carries the version', () => {
    for (const model of [reviewModel(), openReviewModel()]) {
      const card = tenderReviewCard(model);
      expectValidCard(card);
      const cancel = executeByVerb(card, 'tender.cancel');
      expect(cancel).toMatchObject({ title: 'Umfrage abbrechen', data: { tenderId: 'tnd_1', version: model.version } });
      expect(inputById(card, 'cancelReason')).toMatchObject({ type: 'Input.Text', isRequired: true, isMultiline: true, maxLength: 1000 });
    }
  });

  it('open: "Frist verlängern" offers a later date only', () => {
    const card = tenderReviewCard(openReviewModel());
    expect(executeByVerb(card, 'tender.extend')).toMatchObject({ title: 'Frist verlängern', data: { tenderId: 'tnd_1', version: 4 } });
    expect(inputById(card, 'deadline')).toMatchObject({ type: 'Input.Date', isRequired: true, value: '2026-11-27', min: '2026-11-27' });
  });

  it('cancelled: who, when and the reason; no buttons', () => {
    const card = tenderReviewCard(cancelledReviewModel());
    expectValidCard(card);
    expect(cardActions(card)).toEqual([]);
    const text = cardText(card);
    expect(text).toContain('Status: **Abgebrochen**');
    expect(text).toContain('Abgebrochen von Ada Admin am 24.11.2026, 12:00 Uhr');
    expect(text).toContain('Kunde wurde direkt Ben Bereit zugewiesen.');
    expect(card).toMatchSnapshot();
  });

  it('a long reason stays readable and within the size budget', () => {
    const card = tenderReviewCard(cancelledReviewModel({ cancellation: { text: 'Abgebrochen von Ada Admin am 24.11.2026, 12:00 Uhr.', reason: widestText(1000) } }));
    expectValidCard(card);
  });
});

describe('the invitation and the applicants after a cancellation', () => {
  it('the invitation says the tender was cancelled, without the reason, and has no button', () => {
    const card = tenderInviteCard(inviteModel({ state: 'cancelled', stateText: 'Das Admin-Team hat die Umfrage abgebrochen; die Aufgabe wird nicht vergeben.', actions: { apply: false } }));
    expectValidCard(card);
    expect(cardActions(card)).toEqual([]);
    expect(cardText(card)).toContain('Das Admin-Team hat die Umfrage abgebrochen');
    expect(card).toMatchSnapshot();
  });

  it('each applicant gets "Die Umfrage ist abgebrochen"', () => {
    const card = tenderResultCard(resultModel({ outcome: 'cancelled', text: 'Das Admin-Team hat die Umfrage zur Aufgabe „Quartalsabschluss vorbereiten“ von Müller GmbH (B) abgebrochen; die Aufgabe wird nicht vergeben. Danke für deine Bewerbung!' }));
    expectValidCard(card);
    expect(cardTexts(card)[0]).toBe('Die Umfrage ist abgebrochen');
    expect(card).toMatchSnapshot();
  });
});

describe('the deadline reminder (admin team)', () => {
  it('with applicants: who applied, the last VPA who did not answer, and vergeben / Frist verlängern / Umfrage abbrechen', () => {
    const card = tenderDeadlineCard(deadlineModel());
    expectValidCard(card);
    const text = cardText(card);
    expect(text).toContain('Frist abgelaufen');
    expect(text).toContain('Bewerbungen (1 von 3 Eingeladenen)');
    expect(text).toContain('beworben am 24.11.2026, 11:00 Uhr');
    expect(text).toContain('wurde eingeladen und hat sich nicht beworben');
    expect(executeVerbs(card)).toEqual(['tender.award', 'tender.extend', 'tender.cancel']);
    // The reminder's buttons answer with the reminder itself.
    expect(executeByVerb(card, 'tender.award')).toMatchObject({ data: { tenderId: 'tnd_1', version: 5, view: 'deadline' } });
    expect(inputById(card, 'winnerId')).toMatchObject({ isRequired: true, value: ben.id, choices: [{ title: 'Ben Bereit', value: ben.id }] });
    expect(cardInputIds(card)).toEqual(['winnerId', 'deadline', 'cancelReason']);
    expect(card).toMatchSnapshot();
  });

  it('nobody applied: says so and suggests a later deadline or assigning directly; no "vergeben"', () => {
    const card = tenderDeadlineCard(
      deadlineModel({
        applicants: [],
        adviceText: 'Niemand hat sich bis zur Frist beworben. Ihr könnt die Frist verlängern (die Eingeladenen können sich dann wieder bewerben) oder den Kunden direkt zuweisen (im Plattform-Dashboard) und die Umfrage danach mit einem Grund abbrechen.',
        actions: { award: false, cancel: true, extend: true },
        awardChoices: [],
      }),
    );
    expectValidCard(card);
    expect(cardText(card)).toContain('Niemand hat sich bis zur Frist beworben.');
    expect(cardText(card)).toContain('Frist verlängern');
    expect(executeVerbs(card)).toEqual(['tender.extend', 'tender.cancel']);
    expect(card).toMatchSnapshot();
  });

  it('after a later award: the outcome, no buttons', () => {
    const card = tenderDeadlineCard(deadlineModel({ status: 'awarded', statusLabel: 'Vergeben', adviceText: '', outcomeText: 'Vergeben an Ben Bereit am 27.11.2026, 09:00 Uhr von Ada Admin.', actions: { award: false, cancel: false, extend: false }, awardChoices: [] }));
    expectValidCard(card);
    expect(cardActions(card)).toEqual([]);
    expect(cardText(card)).toContain('Vergeben an Ben Bereit');
  });

  it('is rendered for its notice kind', () => {
    expect(renderNoticeCard({ kind: 'tenderDeadline', model: deadlineModel() })).toEqual(tenderDeadlineCard(deadlineModel()));
  });
});
