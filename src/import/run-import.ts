// `staffelstab import <kind> <file.csv>`: all or nothing. Every row is checked first (zod), then against
// the database, and the report names every bad row; only a file without problems is written, in one
// transaction together with one audit event. Importing the same file again finds every record unchanged
// and writes nothing at all (not even an audit event).
import path from 'node:path';
import type { Db, Tx } from '../db/client.ts';
import { recordAudit } from '../audit/record.ts';
import { AppError } from '../errors/catalogue.ts';
import { readCsv } from './csv.ts';
import type { ApplyCounts, ImportKind, ImportRow } from './kind.ts';
import { IMPORT_KINDS, PLANNED_IMPORT_KINDS, findImportKind } from './kinds.ts';
import { readBilingual, sortRowErrors, type RowError } from './row-error.ts';

export interface ImportInput {
  kind: string;
  /** The file's bytes (must be UTF-8; a BOM is allowed) or its text. */
  content: Uint8Array | string;
  /** Shown in the audit event; the base name only. */
  fileName?: string;
  now: Date;
  /** TZ_BUSINESS: dates without an offset are wall times there. */
  timeZone: string;
  actorId?: string | null;
}

export interface ImportSummary extends ApplyCounts {
  kind: string;
  labelDe: string;
  rows: number;
}

/** The rows of an IMPORT_INVALID error, for the report. */
export function importErrorsOf(e: AppError): RowError[] {
  const errors = e.details?.errors;
  return Array.isArray(errors) ? (errors as RowError[]) : [];
}

export function invalidImport(errors: readonly RowError[]): AppError {
  const sorted = sortRowErrors(errors);
  return new AppError('IMPORT_INVALID', { detail: `${sorted.length} problem(s), first in row ${sorted[0]?.line ?? '?'}`, details: { errors: sorted } });
}

export function unknownImportKind(name: string): AppError {
  const available = IMPORT_KINDS.map((k) => k.kind).join(', ');
  const planned = PLANNED_IMPORT_KINDS.includes(name);
  return new AppError('IMPORT_UNKNOWN_KIND', {
    detail: `${name} (available: ${available})`,
    userMessage: planned
      ? `Der Import „${name}“ kommt mit einer späteren Version. Verfügbar sind: ${available}.`
      : `Die Importart „${name}“ gibt es nicht. Verfügbar sind: ${available}.`,
  });
}

export async function importCsv(prisma: Db, input: ImportInput): Promise<ImportSummary> {
  const kind = findImportKind(input.kind);
  if (!kind) throw unknownImportKind(input.kind);
  const text = decode(input.content);
  return kind.use((k) => run(prisma, k, text, input));
}

async function run<T>(prisma: Db, kind: ImportKind<T>, text: string, input: ImportInput): Promise<ImportSummary> {
  const csv = readCsv(text, kind);
  if (!csv.ok) throw invalidImport(csv.errors);
  const { table } = csv;

  const schema = kind.rowSchema(input.timeZone);
  const rows: ImportRow<T>[] = [];
  const errors: RowError[] = [];
  for (const row of table.rows) {
    const parsed = schema.safeParse(row.cells);
    if (parsed.success) {
      rows.push({ line: row.line, value: parsed.data });
      continue;
    }
    for (const issue of parsed.error.issues) {
      const column = issue.path[0];
      errors.push({ line: row.line, ...(column !== undefined ? { column: String(column) } : {}), ...readBilingual(issue.message) });
    }
  }

  const counts = await prisma.$transaction(
    async (tx) => {
      // Reference checks run even when some rows failed above, so one report lists every problem;
      // the transaction makes sure nothing of it stays.
      const result = await applyRows(tx, kind, rows, { columns: table.columns, updateExisting: true, timeZone: input.timeZone, now: input.now }, errors);
      if (result.created + result.updated > 0) {
        await recordAudit(tx, {
          at: input.now,
          actorId: input.actorId ?? null,
          action: `import.${kind.kind}`,
          subjectType: 'import',
          subjectId: kind.kind,
          data: { file: input.fileName ? path.basename(input.fileName) : null, rows: rows.length, ...result },
        });
      }
      return result;
    },
    { maxWait: 15_000, timeout: 300_000 },
  );
  return { kind: kind.kind, labelDe: kind.labelDe, rows: rows.length, ...counts };
}

/**
 * Checks and writes already-parsed rows inside the caller's transaction; throws IMPORT_INVALID (with
 * `earlier` problems found by the caller added) when anything is wrong. The demo uses it too.
 */
export async function applyRows<T>(
  tx: Tx,
  kind: ImportKind<T>,
  rows: readonly ImportRow<T>[],
  options: { columns: ReadonlySet<string>; updateExisting: boolean; timeZone: string; now?: Date },
  earlier: readonly RowError[] = [],
): Promise<ApplyCounts> {
  const result = await kind.apply(tx, rows, options);
  const all = [...earlier, ...(result.ok ? [] : result.errors)];
  if (all.length > 0 || !result.ok) throw invalidImport(all);
  return result.counts;
}

function decode(content: Uint8Array | string): string {
  if (typeof content === 'string') return content;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(content);
  } catch {
    throw invalidImport([
      {
        line: 1,
        de: 'Die Datei ist nicht UTF-8-kodiert (in Excel als „CSV UTF-8 (durch Trennzeichen getrennt)“ speichern)',
        en: 'the file is not UTF-8 encoded (in Excel, save as "CSV UTF-8 (comma delimited)")',
      },
    ]);
  }
}
