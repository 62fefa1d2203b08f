// `staffelstab outbox [list|retry <id>|dead]`
import { InvalidArgumentError, type Command } from 'commander';
import { listDead, listWaiting, retryDead, type OutboxListing, type OutboxRow } from '../../outbox/admin.ts';
import type { CommandContext } from '../context.ts';
import { formatDateTime } from '../format.ts';

function parseLimit(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('erwartet eine positive ganze Zahl / expected a positive integer');
  return n;
}

export function registerOutbox(program: Command, ctx: CommandContext): void {
  const outbox = program.command('outbox').description('zeigt, was auf den Versand wartet und was endgültig fehlgeschlagen ist');
  outbox
    .command('list', { isDefault: true })
    .description('Nachrichten, die auf den Versand warten (Standard)')
    .option('--limit <n>', 'höchstens so viele zeigen', parseLimit, 50)
    .action(async (opts: { limit: number }) => {
      const listing = await listWaiting(await ctx.db(), { limit: opts.limit });
      print(ctx, listing, 'Der Postausgang ist leer: nichts wartet auf den Versand.', 'warten auf den Versand', 'wartet auf den Versand');
    });
  outbox
    .command('dead')
    .description('endgültig fehlgeschlagene Nachrichten')
    .option('--limit <n>', 'höchstens so viele zeigen', parseLimit, 50)
    .action(async (opts: { limit: number }) => {
      const listing = await listDead(await ctx.db(), { limit: opts.limit });
      print(ctx, listing, 'Keine endgültig fehlgeschlagenen Nachrichten.', 'sind endgültig fehlgeschlagen', 'ist endgültig fehlgeschlagen');
      if (listing.total > 0) ctx.out.line('Neu versenden: staffelstab outbox retry <id>');
    });
  outbox
    .command('retry')
    .description('stellt eine endgültig fehlgeschlagene Nachricht erneut in den Versand')
    .argument('<id>', 'Id der Nachricht (aus „outbox dead“)')
    .action(async (id: string) => {
      const row = await retryDead(await ctx.db(), { id, now: ctx.clock.now() });
      ctx.out.line(`Nachricht ${row.id} (${row.idempotencyKey}) wird erneut versendet; der laufende Server übernimmt sie.`);
    });
}

function print(ctx: CommandContext, listing: OutboxListing, empty: string, many: string, one: string): void {
  if (listing.total === 0) {
    ctx.out.line(empty);
    return;
  }
  ctx.out.line(`${listing.total} ${listing.total === 1 ? `Nachricht ${one}` : `Nachrichten ${many}`}${listing.rows.length < listing.total ? ` (die ersten ${listing.rows.length})` : ''}:`);
  const tz = ctx.config().businessTimeZone;
  for (const r of listing.rows) ctx.out.line(describe(r, tz));
}

function describe(r: OutboxRow, timeZone: string): string {
  return [
    `- ${r.id}`,
    `    Schlüssel: ${r.idempotencyKey}`,
    `    Kanal: ${r.channel} · Ziel: ${r.conversationKey} · Status: ${r.status}`,
    `    Versuche: ${r.attempts} · nächster Versuch: ${r.status === 'dead' ? '–' : formatDateTime(r.nextAttemptAt, timeZone)} · angelegt: ${formatDateTime(r.createdAt, timeZone)}`,
    `    letzter Fehler: ${r.lastError ?? '–'}`,
  ].join('\n');
}
