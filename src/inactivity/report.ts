// The sequence report (`inaktiv bericht`, `staffelstab inactive report`): how the company learns whether each message
// of the sequence is worth sending. Pure reads, no access check (the chat command checks roles; the CLI is the
// operator's). Two parts:
//
// Today — every running or paused cycle in exactly one bucket, by where it stands (first rule that applies):
//   with Conny (connyAt set)    its latest Conny message sent: "bei Conny: Vorstellung Conny", "… Erinnerung nach
//                               16 Wochen", "… nach 20 Wochen", "… E-Mail nach einem Jahr"; none sent yet (the
//                               introduction waits for the send window): "bei Conny, noch keine Nachricht"
//   reached the list time       postponedUntil still ahead: "verschoben"; else "auf der Liste"
//   the 8-week message sent     "8-Wochen-Nachricht gesendet"
//   otherwise                   "nur markiert" (red question mark, the message still waits for the send window)
// A paused cycle (the client replied) counts in its bucket and in that bucket's `paused`. Skipped steps never count
// as reached. Clients excluded today are counted apart (their cycles have ended).
//
// Per month (business time zone) of reactivatedAt in [from, to): how many cycles were reactivated after which message
// (reactivatedAfter: the last message the client got before its new task; `none` = before any message; an unknown or
// missing value counts as `none`). Over the whole period, per message:
//   reactivated / share         reactivated after it in the period, and the share of all reactivations in the period;
//   sent / reactivatedOfSent /  the clients who got it in the period (step rows `sent` with `at` in [from, to)), how
//   rate                        many of them were reactivated right after it (reactivatedAfter = that message, at any
//                               time up to now), and that as a rate: the message's effect.
import { DateTime } from 'luxon';
import type { InactivityConfig } from '../config/config.ts';
import type { DbOrTx } from '../db/client.ts';
import { AppError } from '../errors/catalogue.ts';
import type { InactivityReportModel } from '../notices/inactivity.ts';
import { formatDate, formatDateTime } from '../time/format.ts';
import { ACTIVE_STATUSES } from './cycle-store.ts';
import { reachedList } from './list-model.ts';
import { isStep, stepLabel, STEPS, type Step } from './steps.ts';

export type ReactivatedAfter = Step | 'none';

export const TODAY_BUCKETS = ['marked', 'vpa_message', 'on_list', 'postponed', 'conny_waiting', 'conny_intro', 'conny_reminder_1', 'conny_reminder_2', 'conny_email'] as const;
export type TodayBucket = (typeof TODAY_BUCKETS)[number];

export interface TodayRow {
  bucket: TodayBucket;
  label: string;
  /** Running and paused cycles in this bucket. */
  clients: number;
  /** Of those, paused by the client's reply. */
  paused: number;
}

export interface ReportColumn {
  key: ReactivatedAfter;
  label: string;
}

export interface MonthRow {
  /** "2026-10" (business time zone). */
  month: string;
  /** "Oktober 2026" */
  label: string;
  counts: Record<ReactivatedAfter, number>;
  total: number;
}

export interface EffectRow {
  after: ReactivatedAfter;
  label: string;
  /** Reactivated after this message in the period (by reactivatedAt). */
  reactivated: number;
  /** reactivated / all reactivations in the period; null when there were none. */
  share: number | null;
  /** Clients who got this message in the period; null for `none`. */
  sent: number | null;
  /** Of those, reactivated right after it (up to now); null for `none`. */
  reactivatedOfSent: number | null;
  /** reactivatedOfSent / sent; null when nothing was sent. */
  rate: number | null;
}

export interface InactivityReport {
  generatedAt: Date;
  timeZone: string;
  /** Inclusive start of the period. */
  from: Date;
  /** Exclusive end of the period. */
  to: Date;
  today: TodayRow[];
  todayTotal: number;
  excludedNow: number;
  /** The messages in sequence order (Conny reminders as configured, plus any found in the data), then `none`. */
  columns: ReportColumn[];
  /** Every month the period touches, oldest first, empty ones included. */
  months: MonthRow[];
  reactivatedTotal: number;
  /** One row per column. */
  effect: EffectRow[];
}

export interface InactivityReportOptions {
  db: DbOrTx;
  now: Date;
  timeZone: string;
  /** Inclusive start; default: the first day of the month eleven months before `now`'s (twelve months in all). */
  from?: Date;
  /** Exclusive end; default `now`. */
  to?: Date;
  config: InactivityConfig;
}

const ORDER: readonly ReactivatedAfter[] = [...STEPS, 'none'];

/** The default period: this month and the eleven before it, up to `now`. */
export function defaultReportPeriod(now: Date, timeZone: string): { from: Date; to: Date } {
  return { from: DateTime.fromJSDate(now, { zone: timeZone }).startOf('month').minus({ months: 11 }).toJSDate(), to: now };
}

function localDay(text: string, timeZone: string, what: string): DateTime {
  const day = /^\d{4}-\d{2}-\d{2}$/.test(text.trim()) ? DateTime.fromISO(text.trim(), { zone: timeZone }) : null;
  if (!day?.isValid) throw new AppError('INACTIVITY_INPUT_INVALID', { detail: `${what} '${text}'`, userMessage: `„${text}“ ist kein gültiges Datum. Bitte als JJJJ-MM-TT angeben, z. B. 2026-01-31.` });
  return day;
}

/**
 * The period from local calendar days as typed (YYYY-MM-DD): `from` from the start of its day, `to` up to the end of
 * its day (inclusive). Missing ends take the default period's.
 */
export function reportPeriod(input: { from?: string; to?: string }, now: Date, timeZone: string): { from: Date; to: Date } {
  const fallback = defaultReportPeriod(now, timeZone);
  const from = input.from !== undefined ? localDay(input.from, timeZone, 'from').startOf('day').toJSDate() : fallback.from;
  const to = input.to !== undefined ? localDay(input.to, timeZone, 'to').startOf('day').plus({ days: 1 }).toJSDate() : fallback.to;
  if (from >= to) throw new AppError('INACTIVITY_INPUT_INVALID', { detail: 'from >= to', userMessage: 'Der Zeitraum ist leer: „von“ muss vor „bis“ liegen.' });
  return { from, to };
}

function afterOf(value: string | null): ReactivatedAfter {
  return value !== null && isStep(value) ? value : 'none';
}

export function columnLabel(key: ReactivatedAfter, config: InactivityConfig): string {
  return key === 'none' ? 'ohne Nachricht' : stepLabel(key, config);
}

export function bucketLabel(bucket: TodayBucket, config: InactivityConfig): string {
  switch (bucket) {
    case 'marked':
      return 'nur markiert';
    case 'vpa_message':
      return `${stepLabel('vpa_message', config)} gesendet`;
    case 'on_list':
      return 'auf der Liste';
    case 'postponed':
      return 'verschoben';
    case 'conny_waiting':
      return 'bei Conny, noch keine Nachricht';
    default:
      return `bei Conny: ${stepLabel(bucket, config)}`;
  }
}

/** Whether a step is part of the configured sequence (a second reminder only with two reminder weeks). */
function configured(step: Step, config: InactivityConfig): boolean {
  if (step === 'conny_reminder_1') return config.connyReminderWeeks.length >= 1;
  if (step === 'conny_reminder_2') return config.connyReminderWeeks.length >= 2;
  return true;
}

interface ActiveCycle {
  id: string;
  status: string;
  lastTaskAt: Date;
  connyAt: Date | null;
  postponedUntil: Date | null;
}

function bucketOf(cycle: ActiveCycle, latest: Step | undefined, now: Date, config: InactivityConfig, timeZone: string): TodayBucket {
  if (cycle.connyAt) return latest && latest !== 'vpa_message' ? latest : 'conny_waiting';
  if (reachedList(cycle.lastTaskAt, now, config, timeZone)) return cycle.postponedUntil && cycle.postponedUntil > now ? 'postponed' : 'on_list';
  return latest === 'vpa_message' ? 'vpa_message' : 'marked';
}

async function todayPart(db: DbOrTx, now: Date, timeZone: string, config: InactivityConfig): Promise<{ rows: Map<TodayBucket, TodayRow>; total: number; excluded: number }> {
  const cycles = await db.inactivityCycle.findMany({
    where: { status: { in: [...ACTIVE_STATUSES] } },
    select: { id: true, status: true, lastTaskAt: true, connyAt: true, postponedUntil: true },
  });
  const steps = await db.inactivityStep.findMany({ where: { cycleId: { in: cycles.map((c) => c.id) }, outcome: 'sent' }, select: { cycleId: true, step: true } });
  const latest = new Map<string, Step>();
  for (const s of steps) {
    if (!isStep(s.step)) continue;
    const before = latest.get(s.cycleId);
    if (!before || STEPS.indexOf(s.step) > STEPS.indexOf(before)) latest.set(s.cycleId, s.step);
  }
  const rows = new Map<TodayBucket, TodayRow>();
  for (const bucket of TODAY_BUCKETS) {
    if ((bucket === 'conny_reminder_1' || bucket === 'conny_reminder_2') && !configured(bucket, config)) continue;
    rows.set(bucket, { bucket, label: bucketLabel(bucket, config), clients: 0, paused: 0 });
  }
  for (const c of cycles) {
    const bucket = bucketOf(c, latest.get(c.id), now, config, timeZone);
    let row = rows.get(bucket);
    if (!row) {
      // A reminder that is no longer configured but was sent before the change: shown all the same.
      row = { bucket, label: bucketLabel(bucket, config), clients: 0, paused: 0 };
      rows.set(bucket, row);
    }
    row.clients++;
    if (c.status === 'paused') row.paused++;
  }
  const excluded = await db.inactivityExclusion.findMany({
    where: { from: { lte: now }, OR: [{ until: null }, { until: { gt: now } }] },
    select: { clientId: true },
    distinct: ['clientId'],
  });
  return { rows, total: cycles.length, excluded: excluded.length };
}

function monthsOf(from: Date, to: Date, timeZone: string): { month: string; label: string }[] {
  const out: { month: string; label: string }[] = [];
  let m = DateTime.fromJSDate(from, { zone: timeZone }).startOf('month');
  const last = DateTime.fromJSDate(new Date(to.getTime() - 1), { zone: timeZone }).startOf('month');
  while (m <= last) {
    out.push({ month: m.toFormat('yyyy-LL'), label: m.setLocale('de').toFormat('LLLL yyyy') });
    m = m.plus({ months: 1 });
  }
  return out;
}

function zeroCounts(): Record<ReactivatedAfter, number> {
  return Object.fromEntries(ORDER.map((k) => [k, 0])) as Record<ReactivatedAfter, number>;
}

export async function inactivityReport(options: InactivityReportOptions): Promise<InactivityReport> {
  const { db, now, timeZone, config } = options;
  const fallback = defaultReportPeriod(now, timeZone);
  const from = options.from ?? fallback.from;
  const to = options.to ?? fallback.to;
  if (from >= to) throw new AppError('INACTIVITY_INPUT_INVALID', { detail: 'from >= to', userMessage: 'Der Zeitraum ist leer: „von“ muss vor „bis“ liegen.' });

  const today = await todayPart(db, now, timeZone, config);

  const reactivated = await db.inactivityCycle.findMany({
    where: { reactivatedAt: { gte: from, lt: to } },
    select: { reactivatedAt: true, reactivatedAfter: true },
  });
  const months = monthsOf(from, to, timeZone).map((m): MonthRow => ({ ...m, counts: zeroCounts(), total: 0 }));
  const monthIndex = new Map(months.map((m, i) => [m.month, i]));
  const totals = zeroCounts();
  for (const r of reactivated) {
    const month = months[monthIndex.get(DateTime.fromJSDate(r.reactivatedAt!, { zone: timeZone }).toFormat('yyyy-LL')) ?? -1];
    if (!month) continue;
    const key = afterOf(r.reactivatedAfter);
    month.counts[key]++;
    month.total++;
    totals[key]++;
  }
  const reactivatedTotal = months.reduce((n, m) => n + m.total, 0);

  // The cohorts: who got each message in the period, and whether the next thing they did was a new task.
  const sentSteps = await db.inactivityStep.findMany({ where: { outcome: 'sent', at: { gte: from, lt: to } }, select: { cycleId: true, step: true } });
  const cohortCycles = await db.inactivityCycle.findMany({
    where: { id: { in: [...new Set(sentSteps.map((s) => s.cycleId))] }, reactivatedAt: { not: null } },
    select: { id: true, reactivatedAfter: true },
  });
  const afterByCycle = new Map(cohortCycles.map((c) => [c.id, afterOf(c.reactivatedAfter)]));
  const sent = zeroCounts();
  const reactivatedOfSent = zeroCounts();
  const seen = new Set<string>();
  for (const s of sentSteps) {
    if (!isStep(s.step) || seen.has(`${s.cycleId}:${s.step}`)) continue;
    seen.add(`${s.cycleId}:${s.step}`);
    sent[s.step]++;
    if (afterByCycle.get(s.cycleId) === s.step) reactivatedOfSent[s.step]++;
  }

  const columns: ReportColumn[] = ORDER.filter((k) => k === 'none' || configured(k, config) || totals[k] > 0 || sent[k] > 0).map((key) => ({ key, label: columnLabel(key, config) }));
  const effect: EffectRow[] = columns.map(({ key, label }) => ({
    after: key,
    label,
    reactivated: totals[key],
    share: reactivatedTotal > 0 ? totals[key] / reactivatedTotal : null,
    sent: key === 'none' ? null : sent[key],
    reactivatedOfSent: key === 'none' ? null : reactivatedOfSent[key],
    rate: key === 'none' || sent[key] === 0 ? null : reactivatedOfSent[key] / sent[key],
  }));

  return {
    generatedAt: now,
    timeZone,
    from,
    to,
    today: [...today.rows.values()].sort((a, b) => TODAY_BUCKETS.indexOf(a.bucket) - TODAY_BUCKETS.indexOf(b.bucket)),
    todayTotal: today.total,
    excludedNow: today.excluded,
    columns,
    months,
    reactivatedTotal,
    effect,
  };
}

/** "12,5 %", or "–" when there is nothing to divide by. */
export function percentText(fraction: number | null): string {
  return fraction === null ? '–' : `${(Math.round(fraction * 1000) / 10).toFixed(1).replace('.', ',')} %`;
}

/** "01.12.2025 – 23.11.2026" (the exclusive end shown as the last day it includes). */
export function periodText(from: Date, to: Date, timeZone: string): string {
  return `${formatDate(from, timeZone)} – ${formatDate(new Date(to.getTime() - 1), timeZone)}`;
}

/** The report as the card shows it. */
export function reportModel(report: InactivityReport): InactivityReportModel {
  const tz = report.timeZone;
  return {
    asOfText: `Stand ${formatDateTime(report.generatedAt, tz)}`,
    periodText: periodText(report.from, report.to, tz),
    today: report.today.map((r) => ({ label: r.label, clients: r.clients, paused: r.paused })),
    todayTotal: report.todayTotal,
    excludedNow: report.excludedNow,
    months: report.months.map((m) => ({
      label: m.label,
      total: m.total,
      parts: report.columns.filter((c) => m.counts[c.key] > 0).map((c) => ({ label: c.label, count: m.counts[c.key] })),
    })),
    reactivatedTotal: report.reactivatedTotal,
    effect: report.effect.map((e) => ({
      label: e.label,
      reactivated: e.reactivated,
      shareText: percentText(e.share),
      sent: e.sent,
      reactivatedOfSent: e.reactivatedOfSent,
      rateText: percentText(e.rate),
    })),
  };
}
