// Reads an import file (CONTRACT.md: CSV, UTF-8 with or without BOM, comma-separated, header row, extra
// columns ignored) into cells by column name, with the line number each row starts on. Problems with the
// file as a whole (missing columns, broken quoting, wrong number of fields) are reported per line, never thrown.
import { parse } from 'csv-parse/sync';
import type { RowError } from './row-error.ts';

export interface CsvRow {
  /** Line in the file where the row starts (header = line 1). */
  line: number;
  /** Trimmed cell text of every known column present in the header; '' for an empty cell. */
  cells: Record<string, string>;
}

export interface CsvTable {
  /** The known columns (required or optional) that the header contains. */
  columns: ReadonlySet<string>;
  rows: CsvRow[];
}

export interface CsvSpec {
  required: readonly string[];
  optional: readonly string[];
}

export type CsvResult = { ok: true; table: CsvTable } | { ok: false; errors: RowError[] };

interface ParsedRecord {
  record: string[];
  info: { lines: number };
}

export function readCsv(text: string, spec: CsvSpec): CsvResult {
  let records: ParsedRecord[];
  try {
    records = parse(text, { bom: true, info: true, relax_column_count: true, skip_empty_lines: true }) as unknown as ParsedRecord[];
  } catch (e) {
    const line = typeof (e as { lines?: unknown }).lines === 'number' ? (e as { lines: number }).lines : 1;
    const detail = e instanceof Error ? e.message : String(e);
    return { ok: false, errors: [{ line, de: `Die CSV-Datei ist hier nicht lesbar (${detail})`, en: `the CSV file cannot be parsed here (${detail})` }] };
  }

  const first = records[0];
  if (!first) return { ok: false, errors: [{ line: 1, de: 'Die Datei ist leer; erwartet wird eine Kopfzeile', en: 'the file is empty; a header row is expected' }] };

  const header = first.record.map((h) => h.trim());
  const headerLine = startLine(first);
  const errors: RowError[] = [];
  const known = new Set([...spec.required, ...spec.optional]);
  const index = new Map<string, number>();
  header.forEach((name, i) => {
    if (!known.has(name)) return;
    if (index.has(name)) errors.push({ line: headerLine, column: name, de: 'Spalte kommt in der Kopfzeile doppelt vor', en: 'column appears twice in the header row' });
    else index.set(name, i);
  });
  const missing = spec.required.filter((c) => !index.has(c));
  const semicolons = header.length === 1 && (header[0] ?? '').includes(';');
  for (const column of missing) {
    errors.push({
      line: headerLine,
      column,
      de: semicolons ? 'Spalte fehlt in der Kopfzeile (die Datei ist mit Semikolons getrennt; erwartet werden Kommas)' : 'Spalte fehlt in der Kopfzeile',
      en: semicolons ? 'column missing from the header row (the file is separated by semicolons; commas are expected)' : 'column missing from the header row',
    });
  }
  if (errors.length > 0) return { ok: false, errors };

  const rows: CsvRow[] = [];
  for (const r of records.slice(1)) {
    const line = startLine(r);
    if (r.record.length !== header.length) {
      errors.push({
        line,
        de: `Zeile hat ${r.record.length} statt ${header.length} Felder (Kommas oder Anführungszeichen prüfen)`,
        en: `row has ${r.record.length} fields instead of ${header.length} (check commas and quotes)`,
      });
      continue;
    }
    const cells: Record<string, string> = {};
    for (const [name, i] of index) cells[name] = (r.record[i] ?? '').trim();
    rows.push({ line, cells });
  }
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, table: { columns: new Set(index.keys()), rows } };
}

// csv-parse reports the line a record ends on; a quoted cell may span several lines.
function startLine(r: ParsedRecord): number {
  const breaks = r.record.reduce((n, cell) => n + (cell.match(/\r\n|\r|\n/g)?.length ?? 0), 0);
  return r.info.lines - breaks;
}
