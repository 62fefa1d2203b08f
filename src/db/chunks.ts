// SQLite limits the variables of one statement (and very long IN lists are slow everywhere): queries over many ids
// run in chunks.
export const CHUNK_SIZE = 500;

export function chunks<T>(items: readonly T[], size: number = CHUNK_SIZE): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Runs `query` for each chunk of `ids` and concatenates the results. */
export async function inChunks<T>(ids: readonly string[], query: (chunk: string[]) => Promise<T[]>): Promise<T[]> {
  const out: T[] = [];
  for (const chunk of chunks(ids)) out.push(...(await query(chunk)));
  return out;
}
