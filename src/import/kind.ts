// What every import kind (people, clients, assignments, tasks) provides: its columns, a zod schema for
// one row, and `apply`, which checks the rows against the database and then writes them. `apply` runs
// inside the import's one transaction and writes nothing when it finds a problem.
import type { z } from 'zod';
import type { Tx } from '../db/client.ts';
import type { RowError } from './row-error.ts';

export interface ImportRow<T> {
  /** Line in the file (for the error report). */
  line: number;
  value: T;
}

export interface ApplyOptions {
  /** The optional columns the file has. An optional column the file lacks leaves that field of existing records alone. */
  columns: ReadonlySet<string>;
  /** false: records that exist already stay exactly as they are (the demo only fills in what is missing). */
  updateExisting: boolean;
  /** TZ_BUSINESS, for dates in messages. */
  timeZone: string;
  /** The import's instant (the clock), for records that keep when they were created; absent: the kind decides. */
  now?: Date;
}

export interface ApplyCounts {
  created: number;
  updated: number;
  unchanged: number;
}

export type ApplyResult = { ok: true; counts: ApplyCounts } | { ok: false; errors: RowError[] };

export interface ImportKind<T> {
  kind: string;
  /** German plural for messages, e.g. "Personen". */
  labelDe: string;
  required: readonly string[];
  optional: readonly string[];
  rowSchema(timeZone: string): z.ZodType<T>;
  apply(tx: Tx, rows: readonly ImportRow<T>[], options: ApplyOptions): Promise<ApplyResult>;
}

export function emptyCounts(): ApplyCounts {
  return { created: 0, updated: 0, unchanged: 0 };
}

/** Splits a list for `where: { x: { in: [...] } }` so no query exceeds the drivers' parameter limits. */
export function chunks<T>(items: readonly T[], size = 500): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export function sameInstant(a: Date | null | undefined, b: Date | null | undefined): boolean {
  return (a?.getTime() ?? null) === (b?.getTime() ?? null);
}
