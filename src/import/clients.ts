// clients.csv: number, name, class, workType (required); notes. A row matches an existing client by number.
import { z } from 'zod';
import type { Tx } from '../db/client.ts';
import { randomId } from '../ids.ts';
import { optionalText, requiredText } from './fields.ts';
import { chunks, emptyCounts, type ApplyOptions, type ApplyResult, type ImportKind, type ImportRow } from './kind.ts';
import { bilingual, type RowError } from './row-error.ts';

export const WORK_TYPES = ['continuous', 'one-off'] as const;
export type WorkType = (typeof WORK_TYPES)[number];

export interface ClientRow {
  number: string;
  name: string;
  class: string;
  workType: WorkType;
  notes?: string | undefined;
}

const workTypeField = z.preprocess(
  (v) => (typeof v === 'string' ? (v.trim() === '' ? undefined : v.trim().toLowerCase()) : v),
  z.enum(WORK_TYPES, {
    error: (iss) =>
      iss.input === undefined
        ? bilingual('Pflichtangabe fehlt', 'value is required')
        : bilingual('nur continuous (laufende Aufgaben) oder one-off (einmalige Aufgaben) erlaubt', 'must be continuous or one-off'),
  }),
);

function rowSchema(): z.ZodType<ClientRow> {
  return z.object({
    number: requiredText(50),
    name: requiredText(200),
    class: requiredText(10),
    workType: workTypeField,
    notes: optionalText(2000),
  });
}

async function apply(tx: Tx, rows: readonly ImportRow<ClientRow>[], options: ApplyOptions): Promise<ApplyResult> {
  const errors: RowError[] = [];
  const seen = new Map<string, number>();
  for (const row of rows) {
    const first = seen.get(row.value.number);
    if (first !== undefined) errors.push({ line: row.line, column: 'number', de: `kommt schon in Zeile ${first} vor`, en: `already appears in row ${first}` });
    else seen.set(row.value.number, row.line);
  }
  if (errors.length > 0) return { ok: false, errors };

  const existing = new Map<string, { id: string; name: string; class: string; workType: string; notes: string }>();
  for (const part of chunks(rows)) {
    const found = await tx.client.findMany({
      where: { number: { in: part.map((r) => r.value.number) } },
      select: { id: true, number: true, name: true, class: true, workType: true, notes: true },
    });
    for (const c of found) existing.set(c.number, c);
  }

  const counts = emptyCounts();
  for (const { value: r } of rows) {
    const fields = { name: r.name, class: r.class, workType: r.workType, ...(options.columns.has('notes') ? { notes: r.notes ?? '' } : {}) };
    const current = existing.get(r.number);
    if (!current) {
      await tx.client.create({ data: { id: randomId(), number: r.number, ...fields } });
      counts.created++;
      continue;
    }
    const changed =
      current.name !== fields.name || current.class !== fields.class || current.workType !== fields.workType || ('notes' in fields && current.notes !== fields.notes);
    if (!changed || !options.updateExisting) {
      counts.unchanged++;
      continue;
    }
    await tx.client.update({ where: { id: current.id }, data: fields });
    counts.updated++;
  }
  return { ok: true, counts };
}

export const clientsImport: ImportKind<ClientRow> = {
  kind: 'clients',
  labelDe: 'Kunden',
  required: ['number', 'name', 'class', 'workType'],
  optional: ['notes'],
  rowSchema,
  apply,
};
