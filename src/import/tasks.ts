// tasks.csv: clientNumber, createdAt (required); title, competence. A task is identified by its sourceKey,
// a digest of clientNumber|createdAt|title, so the same row imported again is the same task (and a task
// from the platform, keyed by the platform's id, is never mistaken for an imported one).
import crypto from 'node:crypto';
import { z } from 'zod';
import type { Tx } from '../db/client.ts';
import { randomId } from '../ids.ts';
import { optionalText, requiredDate, requiredText } from './fields.ts';
import { chunks, emptyCounts, type ApplyOptions, type ApplyResult, type ImportKind, type ImportRow } from './kind.ts';
import type { RowError } from './row-error.ts';

export interface TaskRow {
  clientNumber: string;
  createdAt: Date;
  title?: string | undefined;
  competence?: string | undefined;
}

export function taskSourceKey(clientNumber: string, createdAt: Date, title: string): string {
  const digest = crypto.createHash('sha256').update(`${clientNumber}|${createdAt.toISOString()}|${title}`).digest('hex');
  return `import:${digest}`;
}

function rowSchema(timeZone: string): z.ZodType<TaskRow> {
  return z.object({ clientNumber: requiredText(50), createdAt: requiredDate(timeZone), title: optionalText(500), competence: optionalText(100) });
}

async function apply(tx: Tx, rows: readonly ImportRow<TaskRow>[], options: ApplyOptions): Promise<ApplyResult> {
  const errors: RowError[] = [];
  const clients = new Map<string, string>();
  for (const part of chunks([...new Set(rows.map((r) => r.value.clientNumber))])) {
    for (const c of await tx.client.findMany({ where: { number: { in: part } }, select: { id: true, number: true } })) clients.set(c.number, c.id);
  }

  const planned: { key: string; clientId: string; row: TaskRow }[] = [];
  const seen = new Map<string, number>();
  for (const { line, value: r } of rows) {
    const clientId = clients.get(r.clientNumber);
    if (!clientId) {
      errors.push({ line, column: 'clientNumber', de: `Kunde ${r.clientNumber} ist nicht eingetragen (zuerst clients importieren)`, en: `client ${r.clientNumber} does not exist (import clients first)` });
      continue;
    }
    const key = taskSourceKey(r.clientNumber, r.createdAt, r.title ?? '');
    const first = seen.get(key);
    if (first !== undefined) {
      errors.push({ line, de: `dieselbe Aufgabe (Kunde, createdAt, title) steht schon in Zeile ${first}`, en: `the same task (client, createdAt, title) already appears in row ${first}` });
      continue;
    }
    seen.set(key, line);
    planned.push({ key, clientId, row: r });
  }
  if (errors.length > 0) return { ok: false, errors };

  const existing = new Map<string, { id: string; competence: string }>();
  for (const part of chunks(planned.map((p) => p.key))) {
    for (const t of await tx.task.findMany({ where: { sourceKey: { in: part } }, select: { id: true, sourceKey: true, competence: true } })) existing.set(t.sourceKey, t);
  }

  const counts = emptyCounts();
  for (const { key, clientId, row } of planned) {
    const current = existing.get(key);
    const competence = row.competence ?? '';
    if (!current) {
      await tx.task.create({ data: { id: randomId(), clientId, createdAt: row.createdAt, title: row.title ?? '', competence, sourceKey: key } });
      counts.created++;
    } else if (options.updateExisting && options.columns.has('competence') && current.competence !== competence) {
      await tx.task.update({ where: { id: current.id }, data: { competence } });
      counts.updated++;
    } else {
      counts.unchanged++;
    }
  }
  return { ok: true, counts };
}

export const tasksImport: ImportKind<TaskRow> = {
  kind: 'tasks',
  labelDe: 'Aufgaben',
  required: ['clientNumber', 'createdAt'],
  optional: ['title', 'competence'],
  rowSchema,
  apply,
};
