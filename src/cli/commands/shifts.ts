// `staffelstab shifts report [--from <date>] [--to <date>] [--format table|csv|json]`: the shift report
// (src/shift/report.ts defines every figure). Dates are local calendar days in TZ_BUSINESS, both inclusive; default:
// the first of this month until today. `table` for people, `csv` (one tidy table: section, key, label, value…) for
// spreadsheets, `json` the typed report as is.
import { Option, type Command } from 'commander';
import type { ShiftReportModel } from '../../notices/shift.ts';
import { shiftReport, shiftReportPeriod } from '../../shift/index.ts';
import type { CommandContext } from '../context.ts';

export type ShiftReportFormat = 'table' | 'csv' | 'json';

export function registerShifts(program: Command, ctx: CommandContext): void {
  const shifts = program.command('shifts').description('Schichtdienst für das Konto Conny');
  shifts
    .command('report')
    .description('die Schicht-Checks im Zeitraum: wer geprüft hat, wie schnell, Eskalationen und verpasste Reaktionszeiten je Art')
    .option('--from <datum>', 'erster Tag (JJJJ-MM-TT, TZ_BUSINESS); Standard: Monatsanfang')
    .option('--to <datum>', 'letzter Tag, einschließlich (JJJJ-MM-TT); Standard: heute')
    .addOption(new Option('--format <format>', 'Ausgabe').choices(['table', 'csv', 'json']).default('table'))
    .action(async (opts: { from?: string; to?: string; format: ShiftReportFormat }) => {
      const config = ctx.config();
      const now = ctx.clock.now();
      const period = shiftReportPeriod({ from: opts.from, to: opts.to }, now, config.businessTimeZone);
      const report = await shiftReport({ db: await ctx.db(), now, rules: config, ...period });
      const text = opts.format === 'json' ? JSON.stringify(report, null, 2) : opts.format === 'csv' ? shiftReportCsv(report) : shiftReportTable(report);
      ctx.out.line(text.replace(/\n$/, ''));
    });
}

function csvField(value: string | number | null): string {
  const s = value === null ? '' : String(value);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * One tidy table: `check` rows (slot, acknowledged by, minutes, escalated to lead / managers), `kind` rows (kind,
 * response hours, received, answered in time, answered late, open overdue, open in time, misses) and `person` rows.
 */
export function shiftReportCsv(report: ShiftReportModel): string {
  const rows: (string | number | null)[][] = [['section', 'key', 'label', 'a', 'b', 'c', 'd', 'e', 'f']];
  rows.push(['columns', 'check', 'slot', 'acknowledged_by', 'minutes_to_acknowledge', 'escalated_lead', 'escalated_managers', 'on_shift', '']);
  rows.push(['columns', 'kind', 'label', 'response_hours', 'received', 'answered_in_time', 'answered_late', 'open_overdue', 'open_in_time|misses']);
  for (const c of report.checks) rows.push(['check', c.slot, c.slotText, c.acknowledgedBy, c.minutesToAcknowledge, c.escalatedToLead ? 1 : 0, c.escalatedToManagers ? 1 : 0, c.onShiftNames.join('|'), '']);
  for (const k of report.kinds) rows.push(['kind', k.kind, k.label, k.responseHours, k.received, k.answeredInTime, k.answeredLate, k.openOverdue, `${k.openInTime}|${k.misses}`]);
  for (const p of report.byPerson) rows.push(['person', p.name, p.name, p.checks, '', '', '', '', '']);
  return rows.map((r) => r.map(csvField).join(',')).join('\n');
}

function table(header: string[], body: (string | number)[][]): string[] {
  const cells = [header, ...body.map((r) => r.map(String))];
  const widths = header.map((_, i) => Math.max(...cells.map((r) => [...(r[i] ?? '')].length)));
  return cells.map((r) => r.map((c, i) => (typeof body[0]?.[i] === 'number' ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ').trimEnd());
}

const min = (m: number | null) => (m === null ? '–' : String(m));

export function shiftReportTable(report: ShiftReportModel): string {
  const t = report.totals;
  const out: string[] = [];
  out.push(`Schichtbericht Konto Conny, ${report.periodText} (Stand ${report.generatedAtText})`);
  out.push('');
  out.push(`Checks: ${t.checks}, geprüft: ${t.acknowledged}, nicht geprüft: ${t.unacknowledged}; Minuten bis „geprüft“: Schnitt ${min(t.averageMinutesToAcknowledge)}, längste ${min(t.maxMinutesToAcknowledge)}`);
  out.push(`Eskaliert an Schichtleitung: ${t.escalatedToLead}, an VPA-Manager: ${t.escalatedToManagers}`);
  out.push('');
  out.push(...table(['Check', 'geprüft von', 'Minuten', 'Eskalation', 'in der Schicht'], report.checks.map((c) => [c.slotText, c.acknowledgedBy ?? '–', min(c.minutesToAcknowledge), c.escalatedToManagers ? 'VPA-Manager' : c.escalatedToLead ? 'Schichtleitung' : '–', c.onShiftNames.join(', ') || 'niemand'])));
  out.push('');
  out.push('Reaktionszeiten je Art (Eingang im Zeitraum):');
  out.push(...table(['Art', 'Std.', 'eingegangen', 'rechtzeitig', 'zu spät', 'offen überfällig', 'offen', 'verpasst'], report.kinds.map((k) => [k.label, k.responseHours, k.received, k.answeredInTime, k.answeredLate, k.openOverdue, k.openInTime, k.misses])));
  if (report.byPerson.length > 0) {
    out.push('');
    out.push('Geprüft von:');
    out.push(...table(['Person', 'Checks'], report.byPerson.map((p) => [p.name, p.checks])));
  }
  return out.join('\n');
}
