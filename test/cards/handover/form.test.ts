import { describe, expect, it } from 'vitest';
import { handoverChallengeCard } from '../../../cards/handover/challenge.ts';
import { handoverFormCard } from '../../../cards/handover/form.ts';
import { FILTERED_CHOICE_THRESHOLD } from '../../../cards/handover/parts.ts';
import { actionByTitle, cardActions, cardInputIds, cardText, parseCard, textBlockContaining } from '../../support/cards.ts';
import { expectValidCard, inputById } from './helpers.ts';
import { challengeModel, challenges, clientChoices, formModel, longText, widestText } from './models.ts';

describe('handover form (abgeben)', () => {
  it('asks for the client, the reason category, the reason, the measures, the training wish and notes, and submits them all', () => {
    const card = handoverFormCard(formModel());
    expectValidCard(card);
    expect(cardInputIds(card)).toEqual(['clientId', 'reasonCategory', 'reason', 'measures', 'clientWantsTraining', 'successorNotes']);
    // The form instance travels with the inputs (one form makes at most one request).
    expect(card.actions).toEqual([{ type: 'Action.Execute', title: 'Anfrage einreichen', verb: 'handover.submit', data: { formId: 'form_abgeben_1' }, style: 'positive', associatedInputs: 'auto' }]);
    expect(card).toMatchSnapshot();
  });

  it('validates on the card: required fields with German messages, the reason’s minimum length, the length limit', () => {
    const card = handoverFormCard(formModel());
    for (const id of ['clientId', 'reasonCategory', 'reason', 'clientWantsTraining']) {
      expect(inputById(card, id), id).toMatchObject({ isRequired: true, errorMessage: expect.stringMatching(/^Bitte /) });
    }
    for (const id of ['measures', 'successorNotes']) expect(inputById(card, id).isRequired, id).toBeUndefined();
    const reason = inputById(card, 'reason');
    expect(reason).toMatchObject({ maxLength: 2000, errorMessage: 'Bitte beschreibe den Grund (mindestens 10 Zeichen).' });
    const regex = new RegExp(String(reason.regex));
    expect(regex.test('zu kurz')).toBe(false);
    expect(regex.test('Bedarf hat\nsich geändert')).toBe(true);
    // The SDK applies the same checks before Teams sends anything.
    const parsed = parseCard(card).card;
    const inputs = parsed.getAllInputs();
    expect(inputs.filter((i) => !i.validateValue()).map((i) => i.id)).toEqual(['clientId', 'reasonCategory', 'reason', 'clientWantsTraining']);
  });

  it('offers the VPA’s clients and the four categories, and yes/no for the training as "true"/"false"', () => {
    const card = handoverFormCard(formModel());
    expect(inputById(card, 'clientId')).toMatchObject({
      type: 'Input.ChoiceSet',
      style: 'compact',
      choices: [
        { title: '10023 · Müller GmbH', value: 'cl_mueller' },
        { title: '10051 · Schulz & Partner', value: 'cl_schulz' },
      ],
    });
    expect((inputById(card, 'reasonCategory').choices as unknown[]).length).toBe(4);
    expect(inputById(card, 'clientWantsTraining')).toMatchObject({ style: 'expanded', choices: [{ title: 'ja', value: 'true' }, { title: 'nein', value: 'false' }] });
  });

  it('makes a long client list searchable', () => {
    const card = handoverFormCard(formModel({ clients: clientChoices(FILTERED_CHOICE_THRESHOLD) }));
    expect(inputById(card, 'clientId').style).toBe('filtered');
    expectValidCard(card);
  });

  it('after an invalid submission shows each server message under its field, prefilled with what the VPA typed', () => {
    const card = handoverFormCard(
      formModel({
        values: { clientId: 'cl_schulz', reasonCategory: 'collaboration', reason: 'zu kurz', measures: 'Gespräch', clientWantsTraining: false, successorNotes: 'Post' },
        fieldErrors: { reason: 'Bitte beschreibe den Grund (mindestens 10 Zeichen).', clientWantsTraining: 'Bitte gib an, ob der Kunde eine Einarbeitung wünscht.' },
      }),
    );
    expectValidCard(card);
    expect(textBlockContaining(card, 'Bitte prüfe die markierten Angaben')).toMatchObject({ color: 'attention' });
    // Right after its input, in the attention colour.
    const body = card.body;
    const reasonIndex = body.findIndex((e) => e.type === 'Input.Text' && e.id === 'reason');
    expect(body[reasonIndex + 1]).toMatchObject({ type: 'TextBlock', text: 'Bitte beschreibe den Grund (mindestens 10 Zeichen).', color: 'attention' });
    const trainingIndex = body.findIndex((e) => e.type === 'Input.ChoiceSet' && e.id === 'clientWantsTraining');
    expect(body[trainingIndex + 1]).toMatchObject({ type: 'TextBlock', color: 'attention' });
    expect(inputById(card, 'clientId').value).toBe('cl_schulz');
    expect(inputById(card, 'reasonCategory').value).toBe('collaboration');
    expect(inputById(card, 'reason').value).toBe('zu kurz');
    expect(inputById(card, 'measures').value).toBe('Gespräch');
    expect(inputById(card, 'clientWantsTraining').value).toBe('false');
    expect(inputById(card, 'successorNotes').value).toBe('Post');
    expect(actionByTitle(card, 'Anfrage einreichen').data).toEqual({ formId: 'form_abgeben_1' });
    expect(card).toMatchSnapshot();
  });

  it('does not preselect a client the list no longer offers', () => {
    const card = handoverFormCard(formModel({ values: { ...formModel().values, clientId: 'cl_gone' } }));
    expect(inputById(card, 'clientId').value).toBeUndefined();
  });

  it('explains it when the VPA has no client to hand over, instead of an empty form', () => {
    const card = handoverFormCard(formModel({ noClients: true, clients: [] }));
    expectValidCard(card);
    expect(cardInputIds(card)).toEqual([]);
    expect(cardText(card)).toContain('Du hast gerade keinen Kunden, den du abgeben kannst.');
    expect(actionByTitle(card, 'Status anzeigen')).toMatchObject({ verb: 'handover.status' });
    expect(card).toMatchSnapshot();
  });

  it('stays under the size budget with maximal texts and hundreds of clients, saying how many it left out', () => {
    const max = widestText(2000);
    const card = handoverFormCard(
      formModel({
        clients: clientChoices(400),
        values: { clientId: 'cl_x', reasonCategory: 'other', reason: max, measures: max, clientWantsTraining: true, successorNotes: max },
        fieldErrors: { reason: 'Bitte fasse den Grund kürzer (höchstens 2000 Zeichen).', measures: 'x', successorNotes: 'y', clientId: 'z' },
      }),
    );
    expectValidCard(card);
    const shown = (inputById(card, 'clientId').choices as unknown[]).length;
    expect(shown).toBeGreaterThan(20);
    expect(shown).toBeLessThan(400);
    expect(cardText(card)).toContain(`Hier fehlen ${400 - shown} weitere Kunden`);
    // A list that fits is shown whole, without the note.
    expect(cardText(handoverFormCard(formModel({ clients: clientChoices(60) })))).not.toContain('Hier fehlen');
  });
});

describe('challenge card (the wiki’s answer at once)', () => {
  it('shows the intro, every challenge’s title and text, and the closing', () => {
    const card = handoverChallengeCard(challengeModel());
    expectValidCard(card);
    const text = cardText(card);
    for (const c of challenges) {
      expect(text).toContain(c.title);
      expect(text).toContain(c.text);
    }
    expect(text).toContain('Müller GmbH (B)');
    expect(text.indexOf('Danke, dass du dein Anliegen')).toBeLessThan(text.indexOf(challenges[0]!.title));
    expect(text.indexOf(challenges[1]!.text)).toBeLessThan(text.indexOf('Du kannst die Anfrage trotzdem einreichen.'));
    expect(card).toMatchSnapshot();
  });

  it('"Trotzdem einreichen" sends the draft as the form does, confirmed; "Bearbeiten" reopens the form with it; both keep the form instance', () => {
    const card = handoverChallengeCard(challengeModel());
    expect(actionByTitle(card, 'Trotzdem einreichen')).toMatchObject({
      type: 'Action.Execute',
      verb: 'handover.submit',
      data: {
        clientId: 'cl_mueller',
        reasonCategory: 'collaboration',
        reason: 'Der Kunde ist knausrig mit Budgets.',
        measures: 'keine',
        clientWantsTraining: 'false',
        successorNotes: 'Rechnungen immer per Post.',
        confirmChallenges: true,
        formId: 'form_abgeben_1',
      },
    });
    expect(actionByTitle(card, 'Bearbeiten')).toMatchObject({ type: 'Action.Execute', verb: 'handover.form', data: { values: challengeModel().draft, formId: 'form_abgeben_1' } });
    expect(cardActions(card)).toHaveLength(2);
  });

  it('stays under the size budget with maximal drafts and all four challenges: the confirm button keeps the whole draft', () => {
    const long = { id: 'x', title: widestText(60), text: widestText(600) };
    const draft = { clientId: 'cl', reasonCategory: 'other', reason: longText(2000), measures: longText(2000), clientWantsTraining: true, successorNotes: longText(2000) };
    // Realistic German at the length limit: both buttons carry everything.
    const normal = handoverChallengeCard(challengeModel({ challenges: [long, long, long, long], draft }));
    expectValidCard(normal);
    expect(actionByTitle(normal, 'Bearbeiten').data).toEqual({ values: draft, formId: 'form_abgeben_1' });
    expect(cardText(normal)).not.toContain('Deine Texte sind zu lang');

    // Every character two bytes: "Bearbeiten" leaves the texts behind and says so; the confirm is unchanged.
    const max = widestText(2000);
    const widest = { ...draft, reason: max, measures: max, successorNotes: max };
    const card = handoverChallengeCard(challengeModel({ challenges: [long, long, long, long], draft: widest }));
    expectValidCard(card);
    expect(actionByTitle(card, 'Trotzdem einreichen').data).toMatchObject({ reason: max, measures: max, successorNotes: max, confirmChallenges: true, formId: 'form_abgeben_1' });
    expect(actionByTitle(card, 'Bearbeiten').data).toEqual({ values: { ...widest, reason: '', measures: '', successorNotes: '' }, formId: 'form_abgeben_1' });
    expect(cardText(card)).toContain('Deine Texte sind zu lang');
  });
});
