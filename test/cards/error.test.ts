import { describe, expect, it } from 'vitest';
import { CARD_SIZE_LIMIT_BYTES, cardSizeBytes } from '../../cards/common/size.ts';
import { errorCard } from '../../cards/error.ts';
import { ERRORS } from '../../src/errors/catalogue.ts';
import { cardText, parseCard, textBlockContaining } from '../support/cards.ts';

describe('error card', () => {
  const card = errorCard({ code: 'UNKNOWN_VERB', message: ERRORS.UNKNOWN_VERB.de });

  it('parses without problems', () => {
    expect(parseCard(card).problems).toEqual([]);
    expect(cardSizeBytes(card)).toBeLessThan(CARD_SIZE_LIMIT_BYTES);
  });

  it('shows the German message and the code in small, subtle text', () => {
    expect(cardText(card)).toContain(ERRORS.UNKNOWN_VERB.de);
    expect(textBlockContaining(card, 'UNKNOWN_VERB')).toMatchObject({ text: 'Fehlercode: UNKNOWN_VERB', size: 'small', isSubtle: true });
    expect(card).toMatchSnapshot();
  });
});
