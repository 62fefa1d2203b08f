// Text normalisation for the rule checks: people write "Knausrig", "KNAUSRIG", „knausrig“, "knaußrig" or
// type "ae" for "ä" on an English keyboard. Both spellings must hit the same pattern.

/** Lower case, umlauts as ae/oe/ue, ß as ss, accents removed, punctuation as spaces, single spaces, trimmed. */
export function normalizeText(text: string): string {
  return text
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Counts words of normalised text. */
export function wordCount(normalized: string): number {
  return normalized === '' ? 0 : normalized.split(' ').length;
}
