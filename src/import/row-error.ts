// One problem found in an import file, in both languages: German for the community/admin team who run
// the import, English for logs and for colleagues who do not read German. `line` is the line number in
// the file (the header is line 1), so a person can find the row in their spreadsheet.
export interface RowError {
  line: number;
  /** The column the problem is in, when there is one. */
  column?: string;
  de: string;
  en: string;
}

export interface Bilingual {
  de: string;
  en: string;
}

/** `Zeile 4, Spalte email: keine gültige E-Mail-Adresse / row 4, column email: not a valid e-mail address` */
export function formatRowError(e: RowError): string {
  const where = e.column ? { de: `Zeile ${e.line}, Spalte ${e.column}`, en: `row ${e.line}, column ${e.column}` } : { de: `Zeile ${e.line}`, en: `row ${e.line}` };
  return `${where.de}: ${e.de} / ${where.en}: ${e.en}`;
}

export function sortRowErrors(errors: readonly RowError[]): RowError[] {
  return [...errors].sort((a, b) => a.line - b.line);
}

// zod carries one message string per issue; the field schemas put both languages into it as JSON,
// and readBilingual takes them out again. Anything else (a zod default) keeps its English text.
export function bilingual(de: string, en: string): string {
  return JSON.stringify({ de, en } satisfies Bilingual);
}

export function readBilingual(message: string): Bilingual {
  try {
    const v: unknown = JSON.parse(message);
    if (v && typeof v === 'object' && 'de' in v && 'en' in v && typeof v.de === 'string' && typeof v.en === 'string') return { de: v.de, en: v.en };
  } catch {
    // not one of ours
  }
  return { de: 'ungültiger Wert', en: message };
}
