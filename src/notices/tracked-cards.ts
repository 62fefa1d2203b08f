// Cards that show a live record (a handover request, a conduct report, a tender) are kept on the record as a JSON
// array of `{ key, … }` (the outbox key of each send; updates target it). One reader for all of them: anything that
// is not such an entry is left out, and unreadable JSON reads as no cards.
export function parseKeyedCards<T extends { key: string }>(json: string): T[] {
  try {
    const v: unknown = JSON.parse(json);
    return Array.isArray(v) ? (v.filter((c) => c && typeof c === 'object' && typeof (c as T).key === 'string') as T[]) : [];
  } catch {
    return [];
  }
}
