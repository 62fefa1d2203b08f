// people.csv: aadObjectId, name, email, roles (required); absentFrom, absentUntil, competences, takesNewClients.
// A row matches an existing person by aadObjectId, else by e-mail (lower-cased). The `roles` column is the
// person's complete role set: roles the row does not name are revoked, so the file is the truth for the
// people it lists. People the file does not list are left alone.
import { z } from 'zod';
import type { Tx } from '../db/client.ts';
import { randomId } from '../ids.ts';
import type { Role } from '../people/roles.ts';
import { aadObjectIdField, emailField, listField, optionalBoolean, optionalDate, requiredText, rolesField } from './fields.ts';
import { chunks, emptyCounts, sameInstant, type ApplyOptions, type ApplyResult, type ImportKind, type ImportRow } from './kind.ts';
import { bilingual, type RowError } from './row-error.ts';

export interface PersonRow {
  aadObjectId: string;
  name: string;
  email: string;
  roles: Role[];
  absentFrom?: Date | undefined;
  absentUntil?: Date | undefined;
  competences: string[];
  takesNewClients?: boolean | undefined;
}

function rowSchema(timeZone: string): z.ZodType<PersonRow> {
  return z
    .object({
      aadObjectId: aadObjectIdField,
      name: requiredText(200),
      email: emailField,
      roles: rolesField,
      absentFrom: optionalDate(timeZone),
      absentUntil: optionalDate(timeZone),
      competences: listField,
      takesNewClients: optionalBoolean,
    })
    .superRefine((r, ctx) => {
      if (r.absentFrom && r.absentUntil && r.absentUntil < r.absentFrom) {
        ctx.addIssue({ code: 'custom', path: ['absentUntil'], message: bilingual('liegt vor absentFrom', 'is before absentFrom') });
      }
    });
}

interface ExistingPerson {
  id: string;
  aadObjectId: string | null;
  name: string;
  email: string;
  absentFrom: Date | null;
  absentUntil: Date | null;
  competences: string;
  takesNewClients: boolean;
  roles: { role: string }[];
}

const personSelect = {
  id: true,
  aadObjectId: true,
  name: true,
  email: true,
  absentFrom: true,
  absentUntil: true,
  competences: true,
  takesNewClients: true,
  roles: { select: { role: true } },
} as const;

async function apply(tx: Tx, rows: readonly ImportRow<PersonRow>[], options: ApplyOptions): Promise<ApplyResult> {
  const existing: ExistingPerson[] = [];
  for (const part of chunks(rows)) {
    existing.push(
      ...(await tx.person.findMany({
        where: { OR: [{ aadObjectId: { in: part.map((r) => r.value.aadObjectId) } }, { email: { in: part.map((r) => r.value.email) } }] },
        select: personSelect,
      })),
    );
  }
  const byAad = new Map(existing.filter((p) => p.aadObjectId).map((p) => [p.aadObjectId?.toLowerCase(), p]));
  const byEmail = new Map(existing.map((p) => [p.email.toLowerCase(), p]));

  const errors: RowError[] = [];
  const seenAad = new Map<string, number>();
  const seenEmail = new Map<string, number>();
  const plan: { row: ImportRow<PersonRow>; target: ExistingPerson | undefined }[] = [];

  for (const row of rows) {
    const r = row.value;
    const dupAad = seenAad.get(r.aadObjectId);
    const dupEmail = seenEmail.get(r.email);
    if (dupAad !== undefined) errors.push({ line: row.line, column: 'aadObjectId', ...duplicate(dupAad) });
    if (dupEmail !== undefined) errors.push({ line: row.line, column: 'email', ...duplicate(dupEmail) });
    seenAad.set(r.aadObjectId, row.line);
    seenEmail.set(r.email, row.line);
    if (dupAad !== undefined || dupEmail !== undefined) continue;

    const a = byAad.get(r.aadObjectId);
    const e = byEmail.get(r.email);
    if (a && e && a.id !== e.id) {
      errors.push({
        line: row.line,
        column: 'email',
        de: `gehört bereits zu einer anderen Person (${e.name}, aadObjectId ${e.aadObjectId ?? '–'})`,
        en: `already belongs to another person (aadObjectId ${e.aadObjectId ?? '-'})`,
      });
      continue;
    }
    if (!a && e && e.aadObjectId && e.aadObjectId.toLowerCase() !== r.aadObjectId) {
      errors.push({
        line: row.line,
        column: 'aadObjectId',
        de: `die Person mit dieser E-Mail-Adresse hat die aadObjectId ${e.aadObjectId}`,
        en: `the person with this e-mail address has aadObjectId ${e.aadObjectId}`,
      });
      continue;
    }
    plan.push({ row, target: a ?? e });
  }
  if (errors.length > 0) return { ok: false, errors };

  const counts = emptyCounts();
  for (const { row, target } of plan) {
    const r = row.value;
    const fields = {
      aadObjectId: r.aadObjectId,
      name: r.name,
      email: r.email,
      ...(options.columns.has('absentFrom') ? { absentFrom: r.absentFrom ?? null } : {}),
      ...(options.columns.has('absentUntil') ? { absentUntil: r.absentUntil ?? null } : {}),
      ...(options.columns.has('competences') ? { competences: r.competences.join('|') } : {}),
      ...(options.columns.has('takesNewClients') ? { takesNewClients: r.takesNewClients ?? true } : {}),
    };
    if (!target) {
      const id = randomId();
      await tx.person.create({ data: { id, ...fields, roles: { create: r.roles.map((role) => ({ role })) } } });
      counts.created++;
      continue;
    }
    const currentRoles = new Set(target.roles.map((x) => x.role));
    const wanted = new Set<string>(r.roles);
    const toAdd = [...wanted].filter((x) => !currentRoles.has(x));
    const toRemove = [...currentRoles].filter((x) => !wanted.has(x));
    const changed =
      target.aadObjectId?.toLowerCase() !== fields.aadObjectId ||
      target.name !== fields.name ||
      target.email !== fields.email ||
      ('absentFrom' in fields && !sameInstant(target.absentFrom, fields.absentFrom)) ||
      ('absentUntil' in fields && !sameInstant(target.absentUntil, fields.absentUntil)) ||
      ('competences' in fields && target.competences !== fields.competences) ||
      ('takesNewClients' in fields && target.takesNewClients !== fields.takesNewClients);
    if (!options.updateExisting || (!changed && toAdd.length === 0 && toRemove.length === 0)) {
      counts.unchanged++;
      continue;
    }
    if (changed) await tx.person.update({ where: { id: target.id }, data: fields });
    if (toRemove.length > 0) await tx.personRole.deleteMany({ where: { personId: target.id, role: { in: toRemove } } });
    for (const role of toAdd) await tx.personRole.create({ data: { personId: target.id, role } });
    counts.updated++;
  }
  return { ok: true, counts };
}

function duplicate(line: number): { de: string; en: string } {
  return { de: `kommt schon in Zeile ${line} vor`, en: `already appears in row ${line}` };
}

export const peopleImport: ImportKind<PersonRow> = {
  kind: 'people',
  labelDe: 'Personen',
  required: ['aadObjectId', 'name', 'email', 'roles'],
  optional: ['absentFrom', 'absentUntil', 'competences', 'takesNewClients'],
  rowSchema,
  apply,
};
