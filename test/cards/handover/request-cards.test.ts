// The cards that tell the VPA, the successor and the reviewers where one request stands.
import { describe, expect, it } from 'vitest';
import { handoverClarifyCard } from '../../../cards/handover/clarify.ts';
import { handoverCompletedCard } from '../../../cards/handover/completed.ts';
import { handoverInformClientCard } from '../../../cards/handover/inform-client.ts';
import { handoverRejectedCard } from '../../../cards/handover/rejected.ts';
import { handoverReminderCard } from '../../../cards/handover/reminder.ts';
import { handoverReturnedCard } from '../../../cards/handover/returned.ts';
import { handoverSubmittedCard } from '../../../cards/handover/submitted.ts';
import { handoverSuccessorCard } from '../../../cards/handover/successor.ts';
import { handoverTrainingReminderCard } from '../../../cards/handover/training-reminder.ts';
import { actionByTitle, cardActions, cardText, cardTexts } from '../../support/cards.ts';
import { executeByVerb, expectValidCard } from './helpers.ts';
import {
  clarifyModel,
  completedModel,
  facts,
  informClientModel,
  rejectedModel,
  reminderModel,
  returnedModel,
  submittedModel,
  successorModel,
  training,
  trainingReminderModel,
  widestText,
  withdrawnRef,
} from './models.ts';

const WITHDRAWN = withdrawnRef.withdrawnText ?? '';

describe('submitted card (to the VPA)', () => {
  it('shows the status, what was sent, what happens next and the history; the VPA can withdraw after confirming', () => {
    const card = handoverSubmittedCard(submittedModel());
    expectValidCard(card);
    const text = cardText(card);
    for (const fragment of ['Eingereicht – wartet auf das Community-Team', 'Müller GmbH (B)', facts().reason, facts().measures, facts().successorNotes, 'Das Community-Team prüft deine Anfrage', 'Eingereicht von Anna Beispiel']) {
      expect(text).toContain(fragment);
    }
    expect(card.actions).toHaveLength(1);
    expect(card.actions?.[0]).toMatchObject({ type: 'Action.ShowCard', title: 'Anfrage zurückziehen' });
    expect(executeByVerb(card, 'handover.withdraw')).toMatchObject({ title: 'Ja, zurückziehen', data: { requestId: 'req_1', version: 1 } });
    expect(card).toMatchSnapshot();
  });

  it('says when the VPA submitted despite the challenges', () => {
    expect(cardText(handoverSubmittedCard(submittedModel({ facts: facts({ flaggedForCommunity: true }) })))).toContain('trotz der Rückfragen eingereicht');
  });

  it('offers no withdrawal once the request is decided', () => {
    expect(cardActions(handoverSubmittedCard(submittedModel({ actions: { withdraw: false } })))).toEqual([]);
  });

  it('after withdrawal shows the banner first and no actions', () => {
    const card = handoverSubmittedCard(submittedModel({ ref: withdrawnRef }));
    expectValidCard(card);
    expect(cardTexts(card).slice(0, 2)).toEqual(['Anfrage zurückgezogen', WITHDRAWN]);
    expect(cardText(card)).not.toContain('Das Community-Team prüft deine Anfrage');
    expect(cardActions(card)).toEqual([]);
    expect(card).toMatchSnapshot();
  });
});

describe('returned, clarify and rejected cards (to the VPA)', () => {
  it('zurückgespielt: the reviewer’s message and "please keep the client", no actions', () => {
    const card = handoverReturnedCard(returnedModel());
    expectValidCard(card);
    const text = cardText(card);
    expect(text).toContain('Kim Community vom Community-Team schreibt:');
    expect(text).toContain(returnedModel().message);
    expect(text).toContain('Bitte betreue Müller GmbH (B) weiterhin.');
    expect(cardActions(card)).toEqual([]);
    expect(card).toMatchSnapshot();
  });

  it('klären lassen: the message, the mediation, the follow-up, and withdrawing', () => {
    const card = handoverClarifyCard(clarifyModel());
    expectValidCard(card);
    const text = cardText(card);
    expect(text).toContain(clarifyModel().message);
    expect(text).toContain('Das Community-Team vermittelt dabei');
    expect(text).toContain('Wir melden uns spätestens am 02.12.2026 wieder bei dir.');
    expect(executeByVerb(card, 'handover.withdraw').data).toEqual({ requestId: 'req_1', version: 3 });
    expect(card).toMatchSnapshot();
    const plain = cardText(handoverClarifyCard(clarifyModel({ mediation: false, followUpText: null })));
    expect(plain).not.toContain('vermittelt');
    expect(plain).not.toContain('Wir melden uns');
  });

  it('abgelehnt: who, when, why, and "please keep the client"', () => {
    const card = handoverRejectedCard(rejectedModel());
    expectValidCard(card);
    const text = cardText(card);
    expect(text).toContain('Abgelehnt von Petra Kundenmanagerin am 24.11.2026, 10:07 Uhr. Begründung:');
    expect(text).toContain(rejectedModel().rejectionReason);
    expect(text).toContain('Bitte betreue Müller GmbH (B) weiterhin.');
    expect(card).toMatchSnapshot();
  });

  it('each shows the withdrawn banner and no actions when the request was withdrawn', () => {
    for (const card of [
      handoverReturnedCard(returnedModel({ ref: withdrawnRef })),
      handoverClarifyCard(clarifyModel({ ref: withdrawnRef })),
      handoverRejectedCard(rejectedModel({ ref: withdrawnRef })),
    ]) {
      expectValidCard(card);
      expect(cardTexts(card).slice(0, 2)).toEqual(['Anfrage zurückgezogen', WITHDRAWN]);
      expect(cardActions(card)).toEqual([]);
    }
  });
});

describe('after approval: inform the client, the successor, the training', () => {
  it('tells the VPA who takes over and how to inform the client; "Einarbeitung erfolgt" confirms the training', () => {
    const card = handoverInformClientCard(informClientModel());
    expectValidCard(card);
    const text = cardText(card);
    expect(text).toContain('Freigegeben von Maria Manager am 24.11.2026, 10:05 Uhr');
    expect(text).toContain('Sven Nachfolger');
    for (const step of informClientModel().howToInform) expect(text).toContain(`• ${step}`);
    expect(text).toContain('Einarbeitung: steht noch aus');
    expect(actionByTitle(card, 'Einarbeitung erfolgt')).toMatchObject({ type: 'Action.Execute', verb: 'handover.training.given', data: { requestId: 'req_1', version: 5 } });
    expect(card).toMatchSnapshot();
    expect(cardActions(handoverInformClientCard(informClientModel({ actions: { confirmClientInformed: false, confirmTrainingGiven: false } })))).toEqual([]);
  });

  it('tells the successor about the client, the effort and the notes; "Einarbeitung erhalten" confirms receipt', () => {
    const card = handoverSuccessorCard(successorModel());
    expectValidCard(card);
    const texts = cardTexts(card);
    expect(texts[texts.indexOf('Einarbeitungsaufwand') + 1]).toBe('mittel');
    expect(texts[texts.indexOf('Bisheriger VPA') + 1]).toBe('Anna Beispiel');
    expect(texts).toContain('Der Kunde wünscht eine Einarbeitung durch Anna Beispiel.');
    expect(texts).toContain('Hinweise von Anna Beispiel');
    expect(texts).toContain(successorModel().successorNotes);
    expect(actionByTitle(card, 'Einarbeitung erhalten')).toMatchObject({ verb: 'handover.training.received', data: { requestId: 'req_1', version: 5 } });
    expect(card).toMatchSnapshot();
  });

  it('shows a completed training in green, without the button', () => {
    const card = handoverSuccessorCard(
      successorModel({ training: training({ completed: true, text: 'Einarbeitung: abgeschlossen am 27.11.2026' }), actions: { confirmTrainingReceived: false } }),
    );
    expect(cardActions(card)).toEqual([]);
    expect(card.body).toContainEqual(expect.objectContaining({ type: 'TextBlock', text: 'Einarbeitung: abgeschlossen am 27.11.2026', color: 'good' }));
  });

  it('reminds the VPA or the successor of the overdue confirmation, with the matching button', () => {
    const given = handoverTrainingReminderCard(trainingReminderModel());
    expectValidCard(given);
    expect(cardText(given)).toContain(trainingReminderModel().text);
    expect(cardActions(given).map((a) => a.verb)).toEqual(['handover.training.given']);
    expect(given).toMatchSnapshot();
    const received = handoverTrainingReminderCard(trainingReminderModel({ step: 'received', otherPerson: { id: 'p_anna', name: 'Anna Beispiel' }, actions: { confirmTrainingGiven: false, confirmTrainingReceived: true } }));
    expect(cardActions(received).map((a) => a.verb)).toEqual(['handover.training.received']);
    const texts = cardTexts(received);
    expect(texts[texts.indexOf('Bisheriger VPA') + 1]).toBe('Anna Beispiel');
  });

  it('says the handover is complete, to the VPA and to the successor', () => {
    const card = handoverCompletedCard(completedModel());
    expectValidCard(card);
    const texts = cardTexts(card);
    expect(texts).toContain(completedModel().text);
    expect(texts[texts.indexOf('Neuer VPA') + 1]).toBe('Sven Nachfolger');
    expect(texts[texts.indexOf('Abgeschlossen') + 1]).toBe('27.11.2026, 16:30 Uhr');
    expect(card).toMatchSnapshot();
  });

  it('each shows the withdrawn banner and no actions when the request was withdrawn', () => {
    for (const card of [
      handoverInformClientCard(informClientModel({ ref: withdrawnRef })),
      handoverSuccessorCard(successorModel({ ref: withdrawnRef })),
      handoverTrainingReminderCard(trainingReminderModel({ ref: withdrawnRef })),
      handoverCompletedCard(completedModel({ ref: withdrawnRef })),
    ]) {
      expectValidCard(card);
      expect(cardTexts(card)[0]).toBe('Anfrage zurückgezogen');
      expect(cardActions(card)).toEqual([]);
    }
  });
});

describe('reminder card (review, decision or follow-up overdue)', () => {
  it('names the request, how long it waits, and links to the status', () => {
    const card = handoverReminderCard(reminderModel());
    expectValidCard(card);
    const texts = cardTexts(card);
    expect(texts[0]).toBe('Freigabe steht aus');
    expect(texts).toContain('Diese Anfrage wartet seit mehr als 2 Arbeitstagen auf eine Freigabe.');
    expect(texts[texts.indexOf('Wartet') + 1]).toBe('seit 21.11.2026, 14:00 Uhr');
    expect(actionByTitle(card, 'Status anzeigen')).toMatchObject({ verb: 'handover.status' });
    expect(card).toMatchSnapshot();
  });

  it('shows the mediation note on a follow-up reminder', () => {
    const card = handoverReminderCard(reminderModel({ reason: 'followUp', title: 'Wiedervorlage', mediationNote: 'Kunde wollte sich melden.' }));
    expect(cardText(card)).toContain('Kunde wollte sich melden.');
  });

  it('posted to a channel: no "Status anzeigen" (it answers only in the 1:1 chat)', () => {
    expect(cardActions(handoverReminderCard(reminderModel({ statusAction: false })))).toEqual([]);
  });

  it('shows the withdrawn banner and no actions when the request was withdrawn', () => {
    const card = handoverReminderCard(reminderModel({ ref: withdrawnRef }));
    expect(cardTexts(card)[0]).toBe('Anfrage zurückgezogen');
    expect(cardActions(card)).toEqual([]);
  });
});

describe('sizes with maximal texts', () => {
  it('every request card stays under the budget', () => {
    const max = widestText(2000);
    const name = widestText(100);
    const longFacts = facts({ reason: max, measures: max, successorNotes: max, client: { ...facts().client, nameWithClass: name, label: name, name } });
    const timeline = Array.from({ length: 15 }, (_, i) => ({ atText: '20.11.2026, 09:15 Uhr', text: `${widestText(120)} ${i}` }));
    for (const card of [
      handoverSubmittedCard(submittedModel({ facts: longFacts, timeline, nextStepText: widestText(300) })),
      handoverReturnedCard(returnedModel({ message: max })),
      handoverClarifyCard(clarifyModel({ message: max })),
      handoverRejectedCard(rejectedModel({ rejectionReason: max })),
      handoverInformClientCard(informClientModel({ howToInform: Array.from({ length: 8 }, () => widestText(300)) })),
      handoverSuccessorCard(successorModel({ successorNotes: max })),
      handoverTrainingReminderCard(trainingReminderModel({ text: widestText(500) })),
      handoverReminderCard(reminderModel({ mediationNote: max })),
      handoverCompletedCard(completedModel({ text: widestText(500) })),
    ]) {
      expectValidCard(card);
    }
  });
});
