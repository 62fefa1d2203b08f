// Teams rejects a bot message larger than about 28 KB (card included). Cards whose size depends on
// data (lists of clients, shift items) must stay well below it; tests check every card with this.
import type { AdaptiveCard } from './types.ts';

export const CARD_SIZE_LIMIT_BYTES = 28 * 1024;

/** The card's size in bytes as it travels (UTF-8 JSON). */
export function cardSizeBytes(card: AdaptiveCard): number {
  return new TextEncoder().encode(JSON.stringify(card)).length;
}

export function cardFits(card: AdaptiveCard, limitBytes: number = CARD_SIZE_LIMIT_BYTES): boolean {
  return cardSizeBytes(card) <= limitBytes;
}
