// assignments.csv: clientNumber, vpaEmail, from (required); to (empty = the current assignment).
// A row matches an existing assignment by (client, VPA, from); only `to` can change. Clients and VPAs must
// exist already (import people and clients first), and a new assignment's VPA must have the role vpa. After the import each
// client's history must still make sense: at most one current assignment, and no two periods overlapping
// (a period ends at `to`, so one VPA's `to` may equal the next one's `from`).
// When the file has no `to` column at all, existing assignments keep their `to` and new ones are current.
import { z } from 'zod';
import type { Tx } from '../db/client.ts';
import { randomId } from '../ids.ts';
import { emailField, optionalDate, requiredDate, requiredText } from './fields.ts';
import { chunks, emptyCounts, sameInstant, type ApplyOptions, type ApplyResult, type ImportKind, type ImportRow } from './kind.ts';
import { bilingual, type RowError } from './row-error.ts';
import { formatDay } from './format.ts';

export interface AssignmentRow {
  clientNumber: string;
  vpaEmail: string;
  from: Date;
  to?: Date | undefined;
}

function rowSchema(timeZone: string): z.ZodType<AssignmentRow> {
  return z
    .object({ clientNumber: requiredText(50), vpaEmail: emailField, from: requiredDate(timeZone), to: optionalDate(timeZone) })
    .superRefine((r, ctx) => {
      if (r.to && r.to <= r.from) ctx.addIssue({ code: 'custom', path: ['to'], message: bilingual('muss nach from liegen', 'must be after from') });
    });
}

interface Period {
  vpaId: string;
  vpaEmail: string;
  from: Date;
  to: Date | null;
  /** The file row that sets this period; undefined for one that only exists in the database. */
  line: number | undefined;
  existingId: string | undefined;
  existingTo: Date | null | undefined;
}

async function apply(tx: Tx, rows: readonly ImportRow<AssignmentRow>[], options: ApplyOptions): Promise<ApplyResult> {
  const errors: RowError[] = [];
  const numbers = [...new Set(rows.map((r) => r.value.clientNumber))];
  const emails = [...new Set(rows.map((r) => r.value.vpaEmail))];

  const clients = new Map<string, string>();
  for (const part of chunks(numbers)) {
    for (const c of await tx.client.findMany({ where: { number: { in: part } }, select: { id: true, number: true } })) clients.set(c.number, c.id);
  }
  const vpas = new Map<string, { id: string; email: string; isVpa: boolean }>();
  for (const part of chunks(emails)) {
    const found = await tx.person.findMany({ where: { email: { in: part } }, select: { id: true, email: true, roles: { select: { role: true } } } });
    for (const p of found) vpas.set(p.email.toLowerCase(), { id: p.id, email: p.email, isVpa: p.roles.some((x) => x.role === 'vpa') });
  }

  // The periods of every client the file touches: those in the database, then the file's rows on top.
  const periods = new Map<string, Map<string, Period>>();
  for (const part of chunks([...clients.values()])) {
    const found = await tx.assignment.findMany({ where: { clientId: { in: part } }, select: { id: true, clientId: true, vpaId: true, from: true, to: true, vpa: { select: { email: true } } } });
    for (const a of found) {
      const list = periods.get(a.clientId) ?? new Map<string, Period>();
      list.set(periodKey(a.vpaId, a.from), { vpaId: a.vpaId, vpaEmail: a.vpa.email, from: a.from, to: a.to, line: undefined, existingId: a.id, existingTo: a.to });
      periods.set(a.clientId, list);
    }
  }

  const seen = new Map<string, number>();
  for (const row of rows) {
    const r = row.value;
    const clientId = clients.get(r.clientNumber);
    const vpa = vpas.get(r.vpaEmail);
    if (!clientId) errors.push({ line: row.line, column: 'clientNumber', de: `Kunde ${r.clientNumber} ist nicht eingetragen (zuerst clients importieren)`, en: `client ${r.clientNumber} does not exist (import clients first)` });
    if (!vpa) errors.push({ line: row.line, column: 'vpaEmail', de: `keine Person mit dieser E-Mail-Adresse eingetragen (zuerst people importieren)`, en: 'no person with this e-mail address exists (import people first)' });
    if (!clientId || !vpa) continue;

    const key = periodKey(vpa.id, r.from);
    const list = periods.get(clientId) ?? new Map<string, Period>();
    const before = list.get(key);
    // A new assignment needs a VPA; one already stored may belong to someone who has left since.
    if (!before && !vpa.isVpa) {
      errors.push({ line: row.line, column: 'vpaEmail', de: 'diese Person hat nicht die Rolle vpa', en: 'this person does not have the role vpa' });
      continue;
    }
    const first = seen.get(`${clientId}|${key}`);
    if (first !== undefined) {
      errors.push({ line: row.line, de: `dieselbe Zuordnung (Kunde, VPA, from) steht schon in Zeile ${first}`, en: `the same assignment (client, VPA, from) already appears in row ${first}` });
      continue;
    }
    seen.set(`${clientId}|${key}`, row.line);

    const keepTo = before && (!options.columns.has('to') || !options.updateExisting);
    list.set(key, {
      vpaId: vpa.id,
      vpaEmail: vpa.email,
      from: r.from,
      to: keepTo ? before.to : (r.to ?? null),
      line: row.line,
      existingId: before?.existingId,
      existingTo: before?.existingTo,
    });
    periods.set(clientId, list);
  }

  const numberOf = new Map([...clients].map(([n, id]) => [id, n]));
  for (const [clientId, list] of periods) errors.push(...checkHistory(numberOf.get(clientId) ?? clientId, [...list.values()], options.timeZone));
  if (errors.length > 0) return { ok: false, errors };

  const counts = emptyCounts();
  for (const [clientId, list] of periods) {
    for (const p of list.values()) {
      if (p.line === undefined) continue;
      if (!p.existingId) {
        await tx.assignment.create({ data: { id: randomId(), clientId, vpaId: p.vpaId, from: p.from, to: p.to } });
        counts.created++;
      } else if (!sameInstant(p.existingTo, p.to)) {
        await tx.assignment.update({ where: { id: p.existingId }, data: { to: p.to } });
        counts.updated++;
      } else {
        counts.unchanged++;
      }
    }
  }
  return { ok: true, counts };
}

function periodKey(vpaId: string, from: Date): string {
  return `${vpaId}|${from.getTime()}`;
}

/** Problems of one client's history after the import, reported on the file rows involved. */
function checkHistory(clientNumber: string, list: Period[], timeZone: string): RowError[] {
  const day = (d: Date) => formatDay(d, timeZone);
  const errors: RowError[] = [];
  const sorted = [...list].sort((a, b) => a.from.getTime() - b.from.getTime());
  const current = sorted.filter((p) => p.to === null);
  if (current.length > 1) {
    const names = current.map((p) => `${p.vpaEmail} (ab ${day(p.from)})`).join(', ');
    const namesEn = current.map((p) => `${p.vpaEmail} (from ${p.from.toISOString()})`).join(', ');
    for (const p of current.filter((c) => c.line !== undefined)) {
      errors.push({
        line: p.line ?? 0,
        column: 'to',
        de: `Kunde ${clientNumber} hätte mehrere aktuelle Zuordnungen (ohne to): ${names}`,
        en: `client ${clientNumber} would have several current assignments (empty to): ${namesEn}`,
      });
    }
  }
  for (let i = 0; i < sorted.length; i++) {
    for (let j = i + 1; j < sorted.length; j++) {
      const a = sorted[i];
      const b = sorted[j];
      if (!a || !b || (a.to === null && b.to === null)) continue;
      if (a.line === undefined && b.line === undefined) continue;
      const overlap = b.from < (a.to ?? new Date(8.64e15)) && a.from < (b.to ?? new Date(8.64e15));
      if (!overlap) continue;
      const reportOn = b.line !== undefined ? b : a;
      const other = reportOn === b ? a : b;
      const where = other.line !== undefined ? { de: `Zeile ${other.line}`, en: `row ${other.line}` } : { de: 'bereits eingetragen', en: 'already stored' };
      errors.push({
        line: reportOn.line ?? 0,
        column: 'from',
        de: `Zeitraum überschneidet sich bei Kunde ${clientNumber} mit der Zuordnung von ${other.vpaEmail} ab ${day(other.from)}${other.to ? ` bis ${day(other.to)}` : ''} (${where.de})`,
        en: `period overlaps, for client ${clientNumber}, the assignment of ${other.vpaEmail} from ${other.from.toISOString()}${other.to ? ` to ${other.to.toISOString()}` : ''} (${where.en})`,
      });
    }
  }
  return errors;
}

export const assignmentsImport: ImportKind<AssignmentRow> = {
  kind: 'assignments',
  labelDe: 'Zuordnungen',
  required: ['clientNumber', 'vpaEmail', 'from'],
  optional: ['to'],
  rowSchema,
  apply,
};
