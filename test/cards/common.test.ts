import { describe, expect, it } from 'vitest';
import { card, executeAction, facts, heading, text } from '../../cards/common/build.ts';
import { ALL_ROLES, ROLE_TEXT } from '../../cards/common/roles.ts';
import { CARD_SIZE_LIMIT_BYTES, cardFits, cardSizeBytes } from '../../cards/common/size.ts';
import type { AdaptiveCard, CardElement } from '../../cards/common/types.ts';
import { ROLE_LABELS, ROLES } from '../../src/people/roles.ts';
import { parseCard } from '../support/cards.ts';

describe('card types and builders', () => {
  it('reject misspelt properties and unsupported values at compile time', () => {
    // These lines are checked by `tsc --noEmit`: each @ts-expect-error fails the typecheck if the
    // line below it compiles, so the types really catch such typos.
    const typos: CardElement[] = [
      // @ts-expect-error `heigth` is not a property of TextBlock
      { type: 'TextBlock', text: 'x', heigth: 'auto' },
      // @ts-expect-error TextBlock sizes are default/small/medium/large/extraLarge
      { type: 'TextBlock', text: 'x', size: 'huge' },
      // @ts-expect-error a required input needs a label and an error message
      { type: 'Input.Text', id: 'reason', isRequired: true },
      // @ts-expect-error Input.ChoiceSet has no `options`, it has `choices`
      { type: 'Input.ChoiceSet', id: 'client', choices: [], options: [] },
    ];
    // At run time the SDK reports what the types prevent.
    const problems = parseCard(card(typos)).problems.map((p) => p.event);
    expect(problems).toContain('InvalidPropertyValue');
    expect(problems).toContain('RequiredInputsShouldHaveLabel');
  });

  it('build a 1.5 card that the SDK accepts, with actions only when there are any', () => {
    const built = card([heading('Titel'), text('Text'), facts(['Kunde', 'Muster GmbH (B)'], ['Grund', 'Bedarf geändert'])], [executeAction('OK', 'x.ok', { id: 'abc', n: 1 })]);
    expect(built).toEqual({
      type: 'AdaptiveCard',
      $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
      version: '1.5',
      body: [
        { type: 'TextBlock', text: 'Titel', wrap: true, style: 'heading', size: 'large', weight: 'bolder' },
        { type: 'TextBlock', text: 'Text', wrap: true },
        { type: 'FactSet', facts: [{ title: 'Kunde', value: 'Muster GmbH (B)' }, { title: 'Grund', value: 'Bedarf geändert' }] },
      ],
      actions: [{ type: 'Action.Execute', title: 'OK', verb: 'x.ok', data: { id: 'abc', n: 1 } }],
    });
    expect(parseCard(built).problems).toEqual([]);
    expect(card([text('x')])).not.toHaveProperty('actions');
  });

  it('measure the serialized size in UTF-8 bytes against the 28 KB Teams limit', () => {
    const small = card([text('ä')]);
    expect(cardSizeBytes(small)).toBe(Buffer.byteLength(JSON.stringify(small), 'utf8'));
    expect(cardFits(small)).toBe(true);
    const big: AdaptiveCard = card([text('ü'.repeat(CARD_SIZE_LIMIT_BYTES / 2))]);
    // 14 336 umlauts are 28 672 bytes of text alone.
    expect(cardSizeBytes(big)).toBeGreaterThan(CARD_SIZE_LIMIT_BYTES);
    expect(cardFits(big)).toBe(false);
  });

  it('name every role as src/people/roles.ts does, in display order', () => {
    expect([...ALL_ROLES].sort()).toEqual([...ROLES].sort());
    for (const role of ROLES) expect(ROLE_TEXT[role].label).toBe(ROLE_LABELS[role]);
  });
});
