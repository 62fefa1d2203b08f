// The tender cards, parsed by the adaptivecards SDK (Teams host config), with snapshots.
import { describe, expect, it } from 'vitest';
import { tenderInviteCard } from '../../../cards/tender/invite.ts';
import { tenderListCard } from '../../../cards/tender/list.ts';
import { tenderResultCard } from '../../../cards/tender/result.ts';
import { tenderReviewCard } from '../../../cards/tender/review.ts';
import { renderNoticeCard } from '../../../bot/render/render-notice.ts';
import { cardActions, cardInputIds, cardText, cardTexts } from '../../support/cards.ts';
import { executeByVerb, executeVerbs, expectValidCard, inputById } from '../handover/helpers.ts';
import { widestText } from '../handover/models.ts';
import { ben, inviteModel, lastVpa, lena, listModel, openReviewModel, resultModel, reviewModel } from './models.ts';

describe('tender review card (admin team)', () => {
  it('shows the task, the history and the last VPA; "Umfrage starten" asks for the deadline only', () => {
    const card = tenderReviewCard(reviewModel());
    expectValidCard(card);
    const texts = cardTexts(card);
    for (const [label, value] of [
      ['Aufgabe', 'Quartalsabschluss vorbereiten'],
      ['Kompetenz', 'Buchhaltung'],
      ['Kundenklasse', 'B'],
      ['Aufgabenart', 'kontinuierliche Aufgaben'],
      ['Letzte Nachricht', 'Vorstellung durch Conny (Woche 12)'],
      ['Letzte Aufgabe davor', '12.03.2026'],
      ['Nimmt neue Kunden', 'nein'],
      ['Abwesend', 'nein'],
      ['Hat die Kompetenz', 'ja'],
    ]) expect(texts[texts.indexOf(label!) + 1], label).toBe(value);
    expect(cardText(card)).toContain('wird immer eingeladen, auch ohne Wunsch nach neuen Kunden');
    expect(cardInputIds(card)).toEqual(['deadline', 'cancelReason']);
    expect(inputById(card, 'deadline')).toMatchObject({ type: 'Input.Date', value: '2026-11-26', min: '2026-11-24', isRequired: true });
    expect(executeByVerb(card, 'tender.start')).toMatchObject({ title: 'Umfrage starten', data: { tenderId: 'tnd_1', version: 1 } });
    expect(executeVerbs(card)).toEqual(['tender.start', 'tender.cancel']);
    expect(card).toMatchSnapshot();
  });

  it('requires the recorded reason and a note when the last VPA cannot be offered the task', () => {
    const card = tenderReviewCard(
      reviewModel({
        lastVpa: lastVpa({
          absentNow: true,
          absentLong: true,
          absenceText: 'abwesend vom 01.11.2026 bis 31.01.2027',
          hasCompetence: false,
          leaveOutReasons: [
            { value: 'absent', label: 'abwesend (länger)' },
            { value: 'competence', label: 'fehlende Kompetenz' },
          ],
        }),
        lastVpaText: 'Lena Letzte betreute den Kunden zuletzt, ist aber länger abwesend und hat die Kompetenz „Buchhaltung“ nicht: Die Aufgabe kann Lena Letzte nicht angeboten werden. Haltet beim Start fest, warum.',
      }),
    );
    expectValidCard(card);
    expect(cardInputIds(card)).toEqual(['deadline', 'leaveOutReason', 'leaveOutNote', 'cancelReason']);
    expect(inputById(card, 'leaveOutReason')).toMatchObject({ isRequired: true, label: 'Lena Letzte nicht einladen, weil …', choices: [{ title: 'abwesend (länger)', value: 'absent' }, { title: 'fehlende Kompetenz', value: 'competence' }] });
    expect(inputById(card, 'leaveOutNote')).toMatchObject({ isRequired: true, type: 'Input.Text' });
    const texts = cardTexts(card);
    expect(texts[texts.indexOf('Abwesend') + 1]).toBe('ja, länger (abwesend vom 01.11.2026 bis 31.01.2027)');
    expect(card).toMatchSnapshot();
  });

  it('once open: invitees, applicants and "vergeben" with the applicants to choose from', () => {
    const card = tenderReviewCard(openReviewModel());
    expectValidCard(card);
    const text = cardText(card);
    expect(text).toContain('Eingeladen (3): Ben Bereit, Carla Lohn, Lena Letzte (letzter VPA)');
    expect(text).toContain('Ben Bereit – 24.11.2026, 11:00 Uhr');
    expect(text).toContain('26.11.2026, 23:59 Uhr');
    expect(executeVerbs(card)).toEqual(['tender.award', 'tender.extend', 'tender.cancel']);
    expect(executeByVerb(card, 'tender.award')).toMatchObject({ data: { tenderId: 'tnd_1', version: 4 } });
    expect(inputById(card, 'winnerId')).toMatchObject({ isRequired: true, choices: [{ title: 'Ben Bereit', value: ben.id }, { title: 'Carla Lohn', value: 'p_carla' }] });
    expect(card).toMatchSnapshot();
  });

  it('once awarded: the winner and no buttons', () => {
    const card = tenderReviewCard(
      openReviewModel({
        status: 'awarded',
        statusLabel: 'Vergeben',
        actions: { start: false, award: false, cancel: false, extend: false },
        awardChoices: [],
        award: { winner: lena, automatic: true, text: 'Vergeben an Lena Letzte am 24.11.2026, 12:00 Uhr – automatisch: Lena Letzte hat den Kunden zuletzt betreut und sich beworben.' },
      }),
    );
    expectValidCard(card);
    expect(cardActions(card)).toEqual([]);
    expect(cardText(card)).toContain('automatisch: Lena Letzte hat den Kunden zuletzt betreut');
    expect(card).toMatchSnapshot();
  });

  it('stays under the size budget with hundreds of invitees and a long note', () => {
    const many = Array.from({ length: 1500 }, (_, i) => ({ person: { id: `p_${i}`, name: `Vorname Nachname-Doppelname ${i}` }, isLastVpa: false }));
    const card = tenderReviewCard(openReviewModel({ invitees: many, lastVpa: lastVpa({ invited: false, leftOut: { reasonLabel: 'abwesend', note: widestText(1000) } }) }));
    expectValidCard(card);
    expect(cardText(card)).toMatch(/und \d+ weitere/);
  });
});

describe('tender invitation (each VPA, 1:1)', () => {
  it('shows the task, the deadline and "bewerben"', () => {
    const card = tenderInviteCard(inviteModel());
    expectValidCard(card);
    const texts = cardTexts(card);
    expect(texts[texts.indexOf('Bewerbungen bis') + 1]).toBe('26.11.2026, 23:59 Uhr');
    expect(executeByVerb(card, 'tender.apply')).toMatchObject({ title: 'bewerben', data: { tenderId: 'tnd_1' } });
    expect(card).toMatchSnapshot();
  });

  it('tells the last VPA that applying gives them the task at once', () => {
    const card = tenderInviteCard(inviteModel({ recipientId: lena.id, isLastVpa: true, stateText: 'Du hast diesen Kunden zuletzt betreut. Bewirbst du dich, bekommst du die Aufgabe sofort.' }));
    expectValidCard(card);
    expect(cardText(card)).toContain('Du hast diesen Kunden zuletzt betreut. Er hat eine neue Aufgabe eingestellt:');
    expect(cardText(card)).toContain('bekommst du die Aufgabe sofort');
  });

  it('after applying: the state, no button', () => {
    const card = tenderInviteCard(inviteModel({ state: 'applied', stateText: 'Du hast dich am 24.11.2026, 11:00 Uhr beworben. Das Admin-Team entscheidet; ich sage dir Bescheid.', actions: { apply: false } }));
    expectValidCard(card);
    expect(cardActions(card)).toEqual([]);
    expect(card).toMatchSnapshot();
  });
});

describe('tender result and list', () => {
  it('the winner and the others get their outcome', () => {
    const won = tenderResultCard(resultModel());
    expectValidCard(won);
    expect(cardTexts(won)[0]).toBe('Die Aufgabe ist deine');
    const lost = tenderResultCard(resultModel({ outcome: 'lost', text: 'Die Aufgabe „Quartalsabschluss vorbereiten“ von Müller GmbH (B) wurde an jemand anderen vergeben. Danke für deine Bewerbung!' }));
    expectValidCard(lost);
    expect(cardTexts(lost)[0]).toBe('Die Aufgabe ist vergeben');
    expect(won).toMatchSnapshot();
    expect(lost).toMatchSnapshot();
  });

  it('umfragen lists each tender with its state; empty says so; long lists fit', () => {
    const card = tenderListCard(listModel());
    expectValidCard(card);
    expect(cardText(card)).toContain('**Müller GmbH (B)** – Quartalsabschluss vorbereiten (Buchhaltung)');
    expect(cardText(card)).toContain('Eingeladen: 3 · Bewerbungen: Ben Bereit, Carla Lohn · Letzter VPA: Lena Letzte');
    expect(card).toMatchSnapshot();
    const empty = tenderListCard({ items: [], empty: true });
    expectValidCard(empty);
    expect(cardText(empty)).toContain('Gerade wartet keine Aufgabe');
    const item = listModel().items[0]!;
    const long = tenderListCard({ empty: false, items: Array.from({ length: 300 }, (_, i) => ({ ...item, tenderId: `t${i}`, task: { ...item.task, title: widestText(200) } })) });
    expectValidCard(long);
    expect(cardText(long)).toMatch(/\d+ weitere Umfragen passen nicht/);
  });

  it('the renderers table renders every tender kind', () => {
    expect(renderNoticeCard({ kind: 'tenderReview', model: reviewModel() })).toEqual(tenderReviewCard(reviewModel()));
    expect(renderNoticeCard({ kind: 'tenderInvite', model: inviteModel() })).toEqual(tenderInviteCard(inviteModel()));
    expect(renderNoticeCard({ kind: 'tenderResult', model: resultModel() })).toEqual(tenderResultCard(resultModel()));
    expect(renderNoticeCard({ kind: 'tenderList', model: listModel() })).toEqual(tenderListCard(listModel()));
  });
});
