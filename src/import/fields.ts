// zod schemas for the cells of an import file, each with a German and an English reason. A cell arrives
// trimmed; an empty cell counts as "no value" (undefined), so optional columns may be left blank.
import { DateTime } from 'luxon';
import { z } from 'zod';
import { ROLES, isRole, type Role } from '../people/roles.ts';
import { bilingual } from './row-error.ts';

const REQUIRED = bilingual('Pflichtangabe fehlt', 'value is required');

const blankAsUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

function tooLong(max: number): string {
  return bilingual(`höchstens ${max} Zeichen erlaubt`, `at most ${max} characters allowed`);
}

export function requiredText(max = 200) {
  return z.preprocess(blankAsUndefined, z.string({ error: REQUIRED }).max(max, { error: tooLong(max) }));
}

export function optionalText(max = 2000) {
  return z.preprocess(blankAsUndefined, z.string().max(max, { error: tooLong(max) }).optional());
}

/** E-mail addresses are compared and stored in lower case. */
export const emailField = z.preprocess(
  blankAsUndefined,
  z
    .string({ error: REQUIRED })
    .transform((s) => s.toLowerCase())
    .pipe(z.email({ error: bilingual('keine gültige E-Mail-Adresse', 'not a valid e-mail address') })),
);

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An Entra (Azure AD) object id: a GUID, stored in lower case as Teams sends it. */
export const aadObjectIdField = z.preprocess(
  blankAsUndefined,
  z
    .string({ error: REQUIRED })
    .regex(GUID, { error: bilingual('keine gültige aadObjectId (erwartet: GUID wie 3f2b1c4d-…)', 'not a valid aadObjectId (expected a GUID such as 3f2b1c4d-…)') })
    .transform((s) => s.toLowerCase()),
);

const BOOLEAN_ERROR = bilingual('nur true oder false erlaubt', 'must be true or false');

export const optionalBoolean = z.preprocess(
  blankAsUndefined,
  z
    .string()
    .transform((s) => s.toLowerCase())
    .pipe(z.enum(['true', 'false'], { error: BOOLEAN_ERROR }))
    .transform((s) => s === 'true')
    .optional(),
);

/** `a|b|c`: trimmed, without empty parts and duplicates. */
export function splitList(s: string | undefined): string[] {
  if (!s) return [];
  return [...new Set(s.split('|').map((p) => p.trim()).filter((p) => p !== ''))];
}

export const rolesField = z.preprocess(
  blankAsUndefined,
  z
    .string({ error: REQUIRED })
    .transform((s, ctx): Role[] => {
      const parts = splitList(s);
      const unknown = parts.filter((p) => !isRole(p));
      if (unknown.length > 0) {
        const list = unknown.map((u) => `„${u}“`).join(', ');
        ctx.addIssue({
          code: 'custom',
          message: bilingual(`unbekannte Rolle ${list} (erlaubt: ${ROLES.join(', ')})`, `unknown role ${unknown.join(', ')} (allowed: ${ROLES.join(', ')})`),
        });
        return z.NEVER;
      }
      if (parts.length === 0) {
        ctx.addIssue({ code: 'custom', message: REQUIRED });
        return z.NEVER;
      }
      return parts.filter(isRole);
    }),
);

export const listField = z.preprocess(blankAsUndefined, z.string().max(2000, { error: tooLong(2000) }).optional().transform(splitList));

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}(:?\d{2})?)?)?$/;

/**
 * ISO-8601 date or date-time. A date alone means the start of that day, and a time without offset a wall
 * time, both in the business time zone (TZ_BUSINESS); `2026-03-01 09:00` (space instead of T) is accepted
 * because spreadsheets write it so. Returns undefined for anything else.
 */
export function parseIsoInstant(text: string, timeZone: string): Date | undefined {
  const s = text.trim().replace(/^(\d{4}-\d{2}-\d{2}) (?=\d)/, '$1T');
  if (!ISO_DATE.test(s)) return undefined;
  const dt = DateTime.fromISO(s, { zone: timeZone });
  return dt.isValid ? dt.toJSDate() : undefined;
}

const DATE_ERROR = bilingual('kein gültiges Datum (ISO-8601, z. B. 2026-03-01 oder 2026-03-01T09:30:00+01:00)', 'not a valid ISO-8601 date (e.g. 2026-03-01 or 2026-03-01T09:30:00+01:00)');

export function requiredDate(timeZone: string) {
  return z.preprocess(
    blankAsUndefined,
    z.string({ error: REQUIRED }).transform((s, ctx) => {
      const d = parseIsoInstant(s, timeZone);
      if (!d) {
        ctx.addIssue({ code: 'custom', message: DATE_ERROR });
        return z.NEVER;
      }
      return d;
    }),
  );
}

export function optionalDate(timeZone: string) {
  return z.preprocess(
    blankAsUndefined,
    z
      .string()
      .transform((s, ctx) => {
        const d = parseIsoInstant(s, timeZone);
        if (!d) {
          ctx.addIssue({ code: 'custom', message: DATE_ERROR });
          return z.NEVER;
        }
        return d;
      })
      .optional(),
  );
}
