import { describe, expect, it } from 'vitest';
import { conductAcknowledgedCard } from '../../../cards/conduct/acknowledged.ts';
import { conductFormCard } from '../../../cards/conduct/form.ts';
import { conductReceivedCard } from '../../../cards/conduct/received.ts';
import { conductReportCard } from '../../../cards/conduct/report.ts';
import { actionByTitle, cardActions, cardInputIds, cardText, cardTexts, parseCard } from '../../support/cards.ts';
import { executeByVerb, expectValidCard, inputById } from '../handover/helpers.ts';
import { clientChoices, conductAcknowledgedModel, conductFormModel, conductReceivedModel, conductReportModel, maria, petra, widestText } from '../handover/models.ts';

describe('conduct form (melden)', () => {
  it('asks for the client, what happened, when and optional evidence, and says who will read it', () => {
    const card = conductFormCard(conductFormModel());
    expectValidCard(card);
    expect(cardInputIds(card)).toEqual(['clientId', 'whatHappened', 'occurredDate', 'occurredTime', 'evidence']);
    expect(cardText(card)).toContain('an die VPA-Manager und Kundenmanager, persönlich und nicht an andere VPAs');
    // The form instance travels with the inputs (one form makes at most one report).
    expect(card.actions).toEqual([{ type: 'Action.Execute', title: 'Meldung senden', verb: 'conduct.submit', data: { formId: 'form_melden_1' }, style: 'positive', associatedInputs: 'auto' }]);
    expect(card).toMatchSnapshot();
  });

  it('validates on the card: client, text (minimum length), date (not in the future) required; time as HH:MM', () => {
    const card = conductFormCard(conductFormModel());
    for (const id of ['clientId', 'whatHappened', 'occurredDate']) expect(inputById(card, id), id).toMatchObject({ isRequired: true, errorMessage: expect.stringMatching(/^Bitte /) });
    for (const id of ['occurredTime', 'evidence']) expect(inputById(card, id).isRequired, id).toBeUndefined();
    // Without a date picker the Input.Date is a text box: the placeholder shows the German format the server takes too.
    expect(inputById(card, 'occurredDate')).toMatchObject({ type: 'Input.Date', max: '2026-11-24', placeholder: 'TT.MM.JJJJ' });
    const time = new RegExp(String(inputById(card, 'occurredTime').regex));
    for (const ok of ['', '00:00', '09:05', '14:30', '23:59']) expect(time.test(ok), ok).toBe(true);
    for (const bad of ['24:00', '9:05', '14.30', '14:60', 'abends']) expect(time.test(bad), bad).toBe(false);
    const what = new RegExp(String(inputById(card, 'whatHappened').regex));
    expect(what.test('zu kurz')).toBe(false);
    expect(what.test('Er hat mich beschimpft.')).toBe(true);
    const inputs = parseCard(card).card.getAllInputs();
    expect(inputs.filter((i) => !i.validateValue()).map((i) => i.id)).toEqual(['clientId', 'whatHappened', 'occurredDate']);
  });

  it('shows the server’s messages under their fields, prefilled', () => {
    const card = conductFormCard(
      conductFormModel({
        values: { clientId: 'cl_mueller', whatHappened: 'kurz', occurredDate: '2026-11-30', occurredTime: '25:00', evidence: 'Screenshot' },
        fieldErrors: { whatHappened: 'Bitte beschreibe, was passiert ist (mindestens 10 Zeichen).', occurredDate: 'Das Datum liegt in der Zukunft.' },
      }),
    );
    expectValidCard(card);
    const dateIndex = card.body.findIndex((e) => e.type === 'Input.Date');
    expect(card.body[dateIndex + 1]).toMatchObject({ type: 'TextBlock', text: 'Das Datum liegt in der Zukunft.', color: 'attention' });
    expect(cardText(card)).toContain('Bitte prüfe die markierten Angaben. Es wurde noch nichts gesendet.');
    expect(inputById(card, 'clientId').value).toBe('cl_mueller');
    expect(inputById(card, 'whatHappened').value).toBe('kurz');
    expect(inputById(card, 'occurredDate').value).toBe('2026-11-30');
    expect(inputById(card, 'occurredTime').value).toBe('25:00');
    expect(inputById(card, 'evidence').value).toBe('Screenshot');
    expect(actionByTitle(card, 'Meldung senden').data).toEqual({ formId: 'form_melden_1' });
    expect(card).toMatchSnapshot();
  });

  it('makes a long client list searchable and stays under the size budget with maximal inputs', () => {
    const max = widestText(2000);
    const card = conductFormCard(
      conductFormModel({ clients: clientChoices(500), values: { clientId: '', whatHappened: max, occurredDate: '2026-11-20', occurredTime: '10:00', evidence: max }, fieldErrors: { clientId: 'x' } }),
    );
    expectValidCard(card);
    expect(inputById(card, 'clientId').style).toBe('filtered');
    expect(cardText(card)).toMatch(/Hier fehlen \d+ weitere Kunden/);
  });

  it('explains it when the VPA has no client', () => {
    const card = conductFormCard(conductFormModel({ noClients: true, clients: [] }));
    expectValidCard(card);
    expect(cardInputIds(card)).toEqual([]);
    expect(cardText(card)).toContain('wende dich direkt an einen VPA-Manager oder Kundenmanager');
  });
});

describe('conduct report (to each manager, 1:1)', () => {
  it('is visibly urgent and shows what happened, when, the evidence, the reporter and the client; "erledigt" acknowledges', () => {
    const card = conductReportCard(conductReportModel());
    expectValidCard(card);
    expect(card.body[0]).toMatchObject({ type: 'Container', style: 'attention' });
    expect(cardTexts(card)[0]).toBe('DRINGEND · Meldung über einen Kunden');
    const texts = cardTexts(card);
    expect(texts[texts.indexOf('Gemeldet von') + 1]).toBe('Anna Beispiel');
    expect(texts[texts.indexOf('Wann') + 1]).toBe('23.11.2026, 16:30 Uhr');
    expect(texts[texts.indexOf('Kunde') + 1]).toBe('10023 · Müller GmbH');
    expect(texts).toContain(conductReportModel().whatHappened);
    expect(texts).toContain(conductReportModel().evidence);
    expect(actionByTitle(card, 'erledigt')).toMatchObject({ type: 'Action.Execute', verb: 'conduct.ack', data: { reportId: 'rep_1', version: 1 } });
    expect(card).toMatchSnapshot();
  });

  it('says when there is no evidence', () => {
    expect(cardText(conductReportCard(conductReportModel({ evidence: '' })))).toContain('keine angegeben');
  });

  it('after this manager acknowledged: who and when, no button', () => {
    const card = conductReportCard(
      conductReportModel({
        acknowledgements: [
          { person: maria, atText: '23.11.2026, 17:20 Uhr' },
          { person: petra, atText: '23.11.2026, 17:30 Uhr' },
        ],
        acknowledgedByRecipient: true,
        actions: { acknowledge: false },
      }),
    );
    expectValidCard(card);
    expect(cardActions(card)).toEqual([]);
    expect(cardText(card)).toContain('Du hast die Meldung am 23.11.2026, 17:20 Uhr als erledigt markiert.');
    expect(cardText(card)).toContain('Petra Kundenmanagerin am 23.11.2026, 17:30 Uhr');
    expect(card).toMatchSnapshot();
  });

  it('shows another manager’s acknowledgement and still lets this one acknowledge', () => {
    const card = conductReportCard(conductReportModel({ acknowledgements: [{ person: petra, atText: '23.11.2026, 17:30 Uhr' }] }));
    expect(cardText(card)).toContain('Als erledigt markiert');
    expect(cardText(card)).toContain('Petra Kundenmanagerin am 23.11.2026, 17:30 Uhr');
    expect(executeByVerb(card, 'conduct.ack')).toMatchObject({ title: 'erledigt' });
  });

  it('stays under the size budget with maximal texts and many acknowledgements', () => {
    const max = widestText(2000);
    const acks = Array.from({ length: 40 }, (_, i) => ({ person: { id: `p${i}`, name: widestText(60) }, atText: '23.11.2026, 17:30 Uhr' }));
    expectValidCard(conductReportCard(conductReportModel({ whatHappened: max, evidence: max, acknowledgements: acks })));
  });
});

describe('conduct confirmations (to the reporting VPA)', () => {
  it('received: the text and how many managers were told, and that other VPAs do not see it', () => {
    const card = conductReceivedCard(conductReceivedModel());
    expectValidCard(card);
    expect(cardText(card)).toContain(conductReceivedModel().text);
    expect(cardText(card)).toContain('Persönlich informiert: 3 Personen');
    expect(cardText(card)).toContain('Andere VPAs sehen deine Meldung nicht.');
    expect(cardText(conductReceivedCard(conductReceivedModel({ managerCount: 1 })))).toContain('Persönlich informiert: 1 Person ');
    expect(card).toMatchSnapshot();
  });

  it('received with no manager on record: says so, in the attention colour', () => {
    const card = conductReceivedCard(conductReceivedModel({ managerCount: 0 }));
    expect(cardText(card)).toContain('Gerade ist kein VPA-Manager oder Kundenmanager eingetragen.');
    expect(cardText(card)).not.toContain('Persönlich informiert');
  });

  it('acknowledged: who saw it and when', () => {
    const card = conductAcknowledgedCard(conductAcknowledgedModel());
    expectValidCard(card);
    expect(cardText(card)).toContain('Gesehen von Maria Manager am 23.11.2026, 17:20 Uhr.');
    expect(cardText(card)).toContain(conductAcknowledgedModel().text);
    expect(card).toMatchSnapshot();
  });
});
