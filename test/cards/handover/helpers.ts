// Assertions the Kundenabgabe and conduct card tests share.
import { expect } from 'vitest';
import { CARD_BUDGET_BYTES } from '../../../cards/handover/parts.ts';
import { CARD_SIZE_LIMIT_BYTES, cardSizeBytes } from '../../../cards/common/size.ts';
import type { AdaptiveCard } from '../../../cards/common/types.ts';
import { cardActions, parseCard, type FoundAction } from '../../support/cards.ts';

/** The SDK (Teams host config, schema 1.5) has nothing to complain about, and the card fits Teams' limit with room for the activity. */
export function expectValidCard(card: AdaptiveCard): void {
  expect(parseCard(card).problems).toEqual([]);
  expect(cardSizeBytes(card)).toBeLessThanOrEqual(CARD_BUDGET_BYTES);
  expect(cardSizeBytes(card)).toBeLessThan(CARD_SIZE_LIMIT_BYTES);
}

/** The Action.Execute with this verb; throws when there is none or more than one. */
export function executeByVerb(card: unknown, verb: string): FoundAction {
  const found = cardActions(card).filter((a) => a.type === 'Action.Execute' && a.verb === verb);
  if (found.length !== 1) throw new Error(`expected one Action.Execute with verb ${verb}, found ${found.length}`);
  return found[0] as FoundAction;
}

/** The verbs of every Action.Execute the card holds (nested ones included), the refresh's too. */
export function executeVerbs(card: unknown): string[] {
  return cardActions(card)
    .filter((a) => a.type === 'Action.Execute')
    .map((a) => a.verb ?? '');
}

/** Every element with this input id (to check labels, required flags, values). */
export function inputById(card: unknown, id: string): Record<string, unknown> {
  let found: Record<string, unknown> | undefined;
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node !== null && typeof node === 'object') {
      const obj = node as Record<string, unknown>;
      if (!found && typeof obj.type === 'string' && obj.type.startsWith('Input.') && obj.id === id) found = obj;
      Object.values(obj).forEach(walk);
    }
  };
  walk(card);
  if (!found) throw new Error(`no input with id ${id}`);
  return found;
}
