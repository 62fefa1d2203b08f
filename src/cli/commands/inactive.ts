// `staffelstab inactive report [--from <date>] [--to <date>] [--format table|csv|json]`: the sequence report
// (src/inactivity/report.ts defines every figure). Dates are local calendar days in TZ_BUSINESS, both inclusive;
// default: this month and the eleven before it. `table` is for people, `csv` (one tidy table: section, month, key,
// label, count, total, share) for spreadsheets, `json` the typed report as is.
import { Option, type Command } from 'commander';
import { inactivityReport, percentText, periodText, reportPeriod, type InactivityReport } from '../../inactivity/report.ts';
import type { CommandContext } from '../context.ts';
import { formatDateTime } from '../format.ts';

export type ReportFormat = 'table' | 'csv' | 'json';

export function registerInactive(program: Command, ctx: CommandContext): void {
  const inactive = program.command('inactive').description('inaktive Kunden und Account Conny');
  inactive
    .command('report')
    .description('der Ablaufbericht: wo die inaktiven Kunden heute stehen, und je Monat, nach welcher Nachricht sie reaktiviert wurden')
    .option('--from <datum>', 'erster Tag (JJJJ-MM-TT, TZ_BUSINESS); Standard: Monatsanfang vor elf Monaten')
    .option('--to <datum>', 'letzter Tag, einschließlich (JJJJ-MM-TT); Standard: heute')
    .addOption(new Option('--format <format>', 'Ausgabe').choices(['table', 'csv', 'json']).default('table'))
    .action(async (opts: { from?: string; to?: string; format: ReportFormat }) => {
      const config = ctx.config();
      const now = ctx.clock.now();
      const period = reportPeriod({ from: opts.from, to: opts.to }, now, config.businessTimeZone);
      const report = await inactivityReport({ db: await ctx.db(), now, timeZone: config.businessTimeZone, ...period, config: config.inactivity });
      const text = opts.format === 'json' ? reportJson(report) : opts.format === 'csv' ? reportCsv(report) : reportTable(report);
      ctx.out.line(text.replace(/\n$/, ''));
    });
}

export function reportJson(report: InactivityReport): string {
  return JSON.stringify(report, null, 2);
}

/** A share as a plain decimal for spreadsheets (0.125), empty when there is nothing to divide by. */
function decimal(fraction: number | null): string {
  return fraction === null ? '' : String(Math.round(fraction * 10_000) / 10_000);
}

function csvField(value: string | number): string {
  const s = String(value);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * One tidy table, a row per figure: `today` (clients per bucket of `total` running and paused cycles), `today_paused`
 * (of those, paused), `excluded`, `reactivated` (per month and message, of the month's `total`), `effect` (per message:
 * reactivated right after it, of `total` clients who got it in the period; share = the rate), `reactivated_share`
 * (per message over the period, of all reactivations).
 */
export function reportCsv(report: InactivityReport): string {
  const rows: (string | number)[][] = [['section', 'month', 'key', 'label', 'count', 'total', 'share']];
  const share = (n: number, total: number) => decimal(total > 0 ? n / total : null);
  for (const t of report.today) rows.push(['today', '', t.bucket, t.label, t.clients, report.todayTotal, share(t.clients, report.todayTotal)]);
  for (const t of report.today) rows.push(['today_paused', '', t.bucket, t.label, t.paused, t.clients, share(t.paused, t.clients)]);
  rows.push(['excluded', '', 'excluded', 'ausgenommen', report.excludedNow, '', '']);
  for (const m of report.months) {
    for (const c of report.columns) rows.push(['reactivated', m.month, c.key, c.label, m.counts[c.key], m.total, share(m.counts[c.key], m.total)]);
  }
  for (const e of report.effect) rows.push(['reactivated_share', '', e.after, e.label, e.reactivated, report.reactivatedTotal, decimal(e.share)]);
  for (const e of report.effect) {
    if (e.sent !== null) rows.push(['effect', '', e.after, e.label, e.reactivatedOfSent ?? 0, e.sent, decimal(e.rate)]);
  }
  return rows.map((r) => r.map(csvField).join(',')).join('\n');
}

/** Columns padded to their widest cell; numbers right-aligned. */
function table(header: string[], body: (string | number)[][]): string[] {
  const cells = [header, ...body.map((r) => r.map(String))];
  const numeric = header.map((_, i) => body.length > 0 && body.every((r) => typeof r[i] === 'number' || /^[\d–,. %]+$/.test(String(r[i]))));
  const widths = header.map((_, i) => Math.max(...cells.map((r) => [...(r[i] ?? '')].length)));
  const pad = (s: string, i: number) => (numeric[i] && i > 0 ? s.padStart(widths[i]!) : s.padEnd(widths[i]!));
  return cells.map((r) => r.map((c, i) => pad(c, i)).join('  ').trimEnd());
}

export function reportTable(report: InactivityReport): string {
  const tz = report.timeZone;
  const out: string[] = [];
  out.push(`Inaktive Kunden – Ablaufbericht, Stand ${formatDateTime(report.generatedAt, tz)} (${tz})`);
  out.push('');
  out.push('Heute (laufende und pausierte Vorgänge, je bei der letzten Nachricht):');
  out.push(...table(['Stand', 'Kunden', 'davon pausiert'], [...report.today.map((t) => [t.label, t.clients, t.paused]), ['Summe', report.todayTotal, report.today.reduce((n, t) => n + t.paused, 0)]]));
  out.push(`Ausgenommen: ${report.excludedNow}`);
  out.push('');
  out.push(`Reaktiviert je Monat, nach welcher Nachricht (${periodText(report.from, report.to, tz)}):`);
  out.push(...table(['Monat', ...report.columns.map((c) => c.label), 'Summe'], report.months.map((m) => [m.month, ...report.columns.map((c) => m.counts[c.key]), m.total])));
  out.push('');
  out.push('Wirkung der Nachrichten im Zeitraum:');
  out.push(
    ...table(
      ['Nachricht', 'reaktiviert', 'Anteil', 'Empfänger', 'danach reaktiviert', 'Quote'],
      report.effect.map((e) => [e.label, e.reactivated, percentText(e.share), e.sent ?? '–', e.reactivatedOfSent ?? '–', percentText(e.rate)]),
    ),
  );
  out.push('');
  out.push('Anteil: an allen Reaktivierungen im Zeitraum. Empfänger: Kunden, die die Nachricht im Zeitraum bekamen; Quote: wie viele');
  out.push('von ihnen danach eine neue Aufgabe einstellten, bevor die nächste Nachricht kam.');
  return out.join('\n');
}
