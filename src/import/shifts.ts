// shifts.csv: date, shift, email (required); lead (`true` for the shift lead), from, until (local times HH:mm).
// One row is one person on one shift on one business date; a row matches an existing entry by (date, shift, person)
// and only lead, from and until can change. The person must be registered (import people first). Entries the file
// does not list are left alone (remove them on the plan card, `schichtplan`). Without times an entry covers the
// whole day; `until` is exclusive (a 08:00–14:00 shift is not on duty for the 14:00 check).
import { DateTime } from 'luxon';
import { z } from 'zod';
import type { Tx } from '../db/client.ts';
import { randomId } from '../ids.ts';
import { emailField, optionalBoolean, optionalText, requiredText } from './fields.ts';
import { chunks, emptyCounts, type ApplyOptions, type ApplyResult, type ImportKind, type ImportRow } from './kind.ts';
import { bilingual, type RowError } from './row-error.ts';

export interface ShiftRow {
  date: string;
  shift: string;
  email: string;
  lead?: boolean | undefined;
  from?: string | undefined;
  until?: string | undefined;
}

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const TIME_ERROR = bilingual('keine gültige Uhrzeit (HH:MM, z. B. 08:00)', 'not a valid time (HH:MM, e.g. 08:00)');

const dateField = z.preprocess(
  (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
  z
    .string({ error: bilingual('Pflichtangabe fehlt', 'value is required') })
    .refine((s) => /^\d{4}-\d{2}-\d{2}$/.test(s) && DateTime.fromISO(s).isValid, { error: bilingual('kein gültiges Datum (JJJJ-MM-TT, z. B. 2027-03-22)', 'not a valid date (YYYY-MM-DD, e.g. 2027-03-22)') }),
);

const timeField = optionalText(5).refine((v) => v === undefined || TIME.test(v), { error: TIME_ERROR });

function rowSchema(): z.ZodType<ShiftRow> {
  return z
    .object({ date: dateField, shift: requiredText(40), email: emailField, lead: optionalBoolean, from: timeField, until: timeField })
    .superRefine((r, ctx) => {
      if (r.from && r.until && r.until <= r.from) ctx.addIssue({ code: 'custom', path: ['until'], message: bilingual('muss nach from liegen', 'must be after from') });
    });
}

async function apply(tx: Tx, rows: readonly ImportRow<ShiftRow>[], options: ApplyOptions): Promise<ApplyResult> {
  const errors: RowError[] = [];
  const people = new Map<string, string>();
  for (const part of chunks([...new Set(rows.map((r) => r.value.email))])) {
    for (const p of await tx.person.findMany({ where: { email: { in: part } }, select: { id: true, email: true } })) people.set(p.email.toLowerCase(), p.id);
  }
  const planned: { personId: string; row: ShiftRow }[] = [];
  const seen = new Map<string, number>();
  for (const { line, value: r } of rows) {
    const personId = people.get(r.email);
    if (!personId) {
      errors.push({ line, column: 'email', de: 'keine Person mit dieser E-Mail-Adresse eingetragen (zuerst people importieren)', en: 'no person with this e-mail address (import people first)' });
      continue;
    }
    const key = `${r.date}|${r.shift}|${personId}`;
    const first = seen.get(key);
    if (first !== undefined) {
      errors.push({ line, de: `dieselbe Person in derselben Schicht am selben Tag steht schon in Zeile ${first}`, en: `the same person on the same shift and date already appears in row ${first}` });
      continue;
    }
    seen.set(key, line);
    planned.push({ personId, row: r });
  }
  if (errors.length > 0) return { ok: false, errors };

  const counts = emptyCounts();
  for (const { personId, row } of planned) {
    const existing = await tx.shiftAssignment.findUnique({ where: { date_shift_personId: { date: row.date, shift: row.shift, personId } } });
    const fields = {
      ...(options.columns.has('lead') ? { lead: row.lead ?? false } : {}),
      ...(options.columns.has('from') ? { from: row.from ?? null } : {}),
      ...(options.columns.has('until') ? { until: row.until ?? null } : {}),
    };
    if (!existing) {
      await tx.shiftAssignment.create({ data: { id: randomId(), date: row.date, shift: row.shift, personId, lead: false, from: null, until: null, ...fields, createdAt: options.now ?? new Date(`${row.date}T00:00:00Z`) } });
      counts.created++;
    } else if (options.updateExisting && Object.entries(fields).some(([k, v]) => existing[k as keyof typeof fields] !== v)) {
      await tx.shiftAssignment.update({ where: { id: existing.id }, data: fields });
      counts.updated++;
    } else {
      counts.unchanged++;
    }
  }
  return { ok: true, counts };
}

export const shiftsImport: ImportKind<ShiftRow> = {
  kind: 'shifts',
  labelDe: 'Schichten',
  required: ['date', 'shift', 'email'],
  optional: ['lead', 'from', 'until'],
  rowSchema,
  apply,
};
