// inbox.csv (standalone mode: the Conny account's items): id, kind (chat, mail or task), receivedAt, clientNumber
// (required); subject, answeredAt. Recorded through the inbox kernel (src/inbox), as the platform's webhooks are:
// a known id keeps its kind and receipt (the first report wins) and only takes over a newly known answer; an
// answer is never taken back. A client number the bot does not know is accepted (the item still counts).
import { z } from 'zod';
import type { Tx } from '../db/client.ts';
import { INBOX_KINDS, receiveInboxItem, type InboxKind } from '../inbox/index.ts';
import { optionalDate, optionalText, requiredDate, requiredText } from './fields.ts';
import { emptyCounts, type ApplyOptions, type ApplyResult, type ImportKind, type ImportRow } from './kind.ts';
import { bilingual, type RowError } from './row-error.ts';

export interface InboxRow {
  id: string;
  kind: InboxKind;
  receivedAt: Date;
  clientNumber: string;
  subject?: string | undefined;
  answeredAt?: Date | undefined;
}

const kindField = z.preprocess(
  (v) => (typeof v === 'string' ? v.trim().toLowerCase() : v),
  z.enum(INBOX_KINDS, { error: bilingual(`nur ${INBOX_KINDS.join(', ')} erlaubt`, `must be one of ${INBOX_KINDS.join(', ')}`) }),
);

function rowSchema(timeZone: string): z.ZodType<InboxRow> {
  return z
    .object({ id: requiredText(200), kind: kindField, receivedAt: requiredDate(timeZone), clientNumber: requiredText(50), subject: optionalText(500), answeredAt: optionalDate(timeZone) })
    .superRefine((r, ctx) => {
      if (r.answeredAt && r.answeredAt < r.receivedAt) ctx.addIssue({ code: 'custom', path: ['answeredAt'], message: bilingual('liegt vor receivedAt', 'is before receivedAt') });
    });
}

async function apply(tx: Tx, rows: readonly ImportRow<InboxRow>[], options: ApplyOptions): Promise<ApplyResult> {
  const errors: RowError[] = [];
  const seen = new Map<string, number>();
  for (const { line, value: r } of rows) {
    const first = seen.get(r.id);
    if (first !== undefined) errors.push({ line, column: 'id', de: `dieselbe id steht schon in Zeile ${first}`, en: `the same id already appears in row ${first}` });
    else seen.set(r.id, line);
  }
  if (errors.length > 0) return { ok: false, errors };
  const counts = emptyCounts();
  for (const { value: r } of rows) {
    const outcome = await receiveInboxItem(
      tx,
      { id: r.id, kind: r.kind, clientNumber: r.clientNumber, receivedAt: r.receivedAt, ...(r.subject !== undefined ? { subject: r.subject } : {}), answeredAt: r.answeredAt ?? null, source: 'import' },
      options.now ?? r.receivedAt,
    );
    counts[outcome]++;
  }
  return { ok: true, counts };
}

export const inboxImport: ImportKind<InboxRow> = {
  kind: 'inbox',
  labelDe: 'Einträge im Konto Conny',
  required: ['id', 'kind', 'receivedAt', 'clientNumber'],
  optional: ['subject', 'answeredAt'],
  rowSchema,
  apply,
};
