// Scenarios of process 2 (inactive clients, the Conny account) for the sequence tests: seed data, a driver that plays
// ticks and people's actions against a database, an independent oracle of the message sequence written from the
// rules (docs/inaktive-kunden.md, the issue's acceptance criteria) — deliberately NOT from src/inactivity/schedule.ts —
// and the snapshot of what the database holds afterwards.
//
// The oracle's rules, all times counting from the cycle's last task L, in local calendar weeks in Europe/Berlin:
//   vpa_message       due L+8w; stale from L+12w (or the hand-over, if earlier)
//   conny_intro       due at the hand-over C; stale once the next Conny step's time (16w, 20w, 52w after L) has come
//   conny_reminder_1  due L+16w; only when handed over by then (else skipped); stale from L+20w
//   conny_reminder_2  due L+20w; likewise; stale from L+52w
//   conny_email       due L+52w; likewise; stale four weeks after its time
// A step is sent only in the send window (Mon–Fri 09:00–17:00 Berlin, not on a public holiday), at the first tick
// that finds it due; never while the cycle is paused; never after a new task (which ends the cycle as reactivated);
// a step whose time passed before the client reached it, or that went stale, gets a `skipped` row instead.
import crypto from 'node:crypto';
import fc from 'fast-check';
import { DateTime } from 'luxon';
import type { Config } from '../../src/config/config.ts';
import type { Db } from '../../src/db/client.ts';
import type { Actor } from '../../src/identity/find-actor.ts';
import { handOverToConny, recordClientReply, resumeInactivity } from '../../src/inactivity/index.ts';
import { gatewayFor } from '../../src/platform/index.ts';
import { assign, createClient, createPerson } from '../support/people.ts';

export const TZ = 'Europe/Berlin';
export const MINUTE = 60_000;
export const WEEK_MIN = 7 * 24 * 60;
export const STEP_ORDER = ['vpa_message', 'conny_intro', 'conny_reminder_1', 'conny_reminder_2', 'conny_email'] as const;
export type OStep = (typeof STEP_ORDER)[number];

/** A local wall time in Berlin as an instant: `berlin('2026-12-24T16:59')`. */
export function berlin(local: string): Date {
  const d = DateTime.fromISO(local, { zone: TZ });
  if (!d.isValid) throw new Error(`bad local time ${local}`);
  return d.toJSDate();
}

export function weeksAfter(at: Date, weeks: number): Date {
  return DateTime.fromJSDate(at, { zone: TZ }).plus({ weeks }).toJSDate();
}

export function local(at: Date): string {
  return DateTime.fromJSDate(at, { zone: TZ }).toFormat("ccc yyyy-MM-dd HH:mm:ss 'UTC'ZZ");
}

// ---------------------------------------------------------------------------------------------------------------
// The send window, from a hand-written calendar (2026–2028, the public holidays nationwide and in Bavaria).

const NATIONWIDE = [
  '2026-01-01', '2026-04-03', '2026-04-06', '2026-05-01', '2026-05-14', '2026-05-25', '2026-10-03', '2026-12-25', '2026-12-26',
  '2027-01-01', '2027-03-26', '2027-03-29', '2027-05-01', '2027-05-06', '2027-05-17', '2027-10-03', '2027-12-25', '2027-12-26',
  '2028-01-01', '2028-04-14', '2028-04-17', '2028-05-01', '2028-05-25', '2028-06-05', '2028-10-03', '2028-12-25', '2028-12-26',
];
/** Heilige Drei Könige, Fronleichnam, Allerheiligen. */
const BAVARIA_EXTRA = ['2026-01-06', '2026-06-04', '2026-11-01', '2027-01-06', '2027-05-27', '2027-11-01', '2028-01-06', '2028-06-15', '2028-11-01'];

export function holidays(state: 'BY' | undefined): ReadonlySet<string> {
  return new Set(state === 'BY' ? [...NATIONWIDE, ...BAVARIA_EXTRA] : NATIONWIDE);
}

export function inWindow(at: Date, state: 'BY' | undefined): boolean {
  const d = DateTime.fromJSDate(at, { zone: TZ });
  if (d.year < 2026 || d.year > 2028) throw new Error(`calendar has no holidays for ${d.year}`);
  if (d.weekday > 5 || holidays(state).has(d.toISODate()!)) return false;
  const minutes = d.hour * 60 + d.minute;
  return minutes >= 9 * 60 && minutes < 17 * 60;
}

// ---------------------------------------------------------------------------------------------------------------
// Scenarios.

export interface ClientScenario {
  /** Tasks before the inactivity (the last one is the cycle's start); sorted. */
  tasks: Date[];
  /** Later tasks: each reactivates a running or paused cycle once its time has come. */
  newTasks: Date[];
  /** Manual "an Conny übergeben" attempts by the inactive-management team. */
  handOvers: Date[];
  /** Client replies (pausing a running cycle), each resumed ("fortsetzen") at `resumeAt` unless null. */
  replies: { at: Date; resumeAt: Date | null }[];
}

export interface Scenario {
  /** When the clients' assignments to their VPAs began. */
  assignedFrom: Date;
  clients: ClientScenario[];
  /** The tick instants in the order they run (duplicates and earlier instants after later ones allowed). */
  ticks: Date[];
  autoHandover: boolean;
  holidaysState: 'BY' | undefined;
}

export type Action =
  | { kind: 'tick'; at: Date }
  | { kind: 'handover'; at: Date; client: number }
  | { kind: 'reply'; at: Date; client: number; reply: number }
  | { kind: 'resume'; at: Date; client: number; reply: number };

/**
 * Everything in execution order: the ticks as given, and each person's action just before the first tick (in the
 * tick order) whose instant is later than it. Actions never share an instant with a tick (scenarios put them at
 * half minutes); a replayed earlier tick never reaches back across an action (the scenario builders ensure it).
 */
export function timeline(s: Scenario): Action[] {
  const actions: Action[] = [];
  s.clients.forEach((c, client) => {
    for (const at of c.handOvers) actions.push({ kind: 'handover', at, client });
    c.replies.forEach((r, reply) => {
      actions.push({ kind: 'reply', at: r.at, client, reply });
      if (r.resumeAt) actions.push({ kind: 'resume', at: r.resumeAt, client, reply });
    });
  });
  actions.sort((a, b) => a.at.getTime() - b.at.getTime());
  const out: Action[] = [];
  let i = 0;
  let latest = -Infinity;
  for (const at of s.ticks) {
    latest = Math.max(latest, at.getTime());
    while (i < actions.length && actions[i]!.at.getTime() < latest) out.push(actions[i++]!);
    out.push({ kind: 'tick', at });
  }
  return out; // actions after the last tick do not matter
}

// ---------------------------------------------------------------------------------------------------------------
// The oracle.

export interface ExpectedRow {
  client: number;
  cycle: number;
  step: OStep;
  outcome: 'sent' | 'skipped';
  at: string;
}

export interface ExpectedCycle {
  client: number;
  cycle: number;
  lastTaskAt: string;
  status: 'running' | 'paused' | 'reactivated';
  connyAt: string | null;
  /** The tick that started the cycle, and the one that ended it on a new task. */
  createdAt: string;
  reactivatedAt: string | null;
}

export interface Outcomes {
  rows: ExpectedRow[];
  cycles: ExpectedCycle[];
  /** What each person's action did, in timeline order: `handover:0:applied`, `reply:1:paused`, … */
  actions: string[];
  /** Pauses as they really were: [from, until) per cycle, for the "nothing while paused" check. */
  pauses: { client: number; cycle: number; from: Date; until: Date | null }[];
}

interface OCycle {
  n: number;
  L: Date;
  createdAt: Date;
  C: Date | null;
  status: 'running' | 'paused' | 'reactivated';
  reactivatedAt: Date | null;
  rows: Map<OStep, { outcome: 'sent' | 'skipped'; at: Date }>;
}

/** The instant from which a step is due and from which it is stale, and whether it needs the client with Conny by then. */
function stepTimes(c: OCycle): { step: OStep; due: Date; stale: Date; connyLate: boolean }[] {
  const w = (n: number) => weeksAfter(c.L, n);
  const [t8, t12, t16, t20, t52] = [w(8), w(12), w(16), w(20), w(52)];
  const out = [{ step: 'vpa_message' as OStep, due: t8, stale: c.C && c.C < t12 ? c.C : t12, connyLate: false }];
  if (!c.C) return out;
  const C = c.C;
  const nextConny = [t16, t20, t52].find((t) => t > C);
  out.push({ step: 'conny_intro', due: C, stale: nextConny ?? weeksAfter(C, 4), connyLate: false });
  out.push({ step: 'conny_reminder_1', due: t16, stale: t20, connyLate: C > t16 });
  out.push({ step: 'conny_reminder_2', due: t20, stale: t52, connyLate: C > t20 });
  out.push({ step: 'conny_email', due: t52, stale: weeksAfter(t52, 4), connyLate: C > t52 });
  return out;
}

export function oracle(s: Scenario): Outcomes {
  const state = s.clients.map(() => ({ cycles: [] as OCycle[], vpaUntil: null as Date | null, replyCycle: new Map<number, OCycle>() }));
  const actions: string[] = [];
  const pauses: Outcomes['pauses'] = [];
  const openPause = new Map<OCycle, Outcomes['pauses'][number]>();
  const active = (client: number) => state[client]!.cycles.find((c) => c.status !== 'reactivated');
  const tasksOf = (client: number) => [...s.clients[client]!.tasks, ...s.clients[client]!.newTasks];

  for (const a of timeline(s)) {
    const now = a.at;
    if (a.kind === 'handover') {
      const c = active(a.client);
      if (!c) actions.push(`handover:${a.client}:no-cycle`);
      else if (c.C) actions.push(`handover:${a.client}:already`);
      else {
        c.C = now;
        state[a.client]!.vpaUntil = now;
        actions.push(`handover:${a.client}:applied`);
      }
      continue;
    }
    if (a.kind === 'reply') {
      const c = active(a.client);
      if (c?.status === 'running') {
        c.status = 'paused';
        state[a.client]!.replyCycle.set(a.reply, c);
        const p = { client: a.client, cycle: c.n, from: now, until: null };
        pauses.push(p);
        openPause.set(c, p);
        actions.push(`reply:${a.client}:paused`);
      } else actions.push(`reply:${a.client}:ignored`);
      continue;
    }
    if (a.kind === 'resume') {
      const c = state[a.client]!.replyCycle.get(a.reply);
      if (!c) continue; // the reply paused nothing: nobody could press "fortsetzen"
      if (c.status === 'paused') {
        c.status = 'running';
        openPause.get(c)!.until = now;
        openPause.delete(c);
        actions.push(`resume:${a.client}:resumed`);
      } else actions.push(`resume:${a.client}:${c.status === 'running' ? 'noop' : 'stale'}`);
      continue;
    }
    // A tick: reactivation, then new cycles, then the automatic hand-over, then the message steps.
    for (let client = 0; client < s.clients.length; client++) {
      const st = state[client]!;
      const tasks = tasksOf(client).filter((t) => t <= now);
      let c = active(client);
      if (c && tasks.some((t) => t > c!.L)) {
        c.status = 'reactivated';
        c.reactivatedAt = now;
        const p = openPause.get(c);
        if (p) p.until = now;
        c = undefined;
      }
      const hasVpa = !st.vpaUntil || now < st.vpaUntil;
      if (!c && hasVpa) {
        const L = tasks.length > 0 ? new Date(Math.max(...tasks.map((t) => t.getTime()))) : s.assignedFrom;
        const prev = st.cycles.at(-1);
        if (weeksAfter(L, 8) <= now && (!prev || prev.L < L)) {
          c = { n: (prev?.n ?? 0) + 1, L, createdAt: now, C: null, status: 'running', reactivatedAt: null, rows: new Map() };
          st.cycles.push(c);
        }
      }
      if (c && s.autoHandover && c.status === 'running' && !c.C && weeksAfter(c.L, 12) <= now) {
        c.C = now;
        st.vpaUntil = now;
      }
      if (!c || c.createdAt > now) continue;
      for (const t of stepTimes(c)) {
        if (c.rows.has(t.step) || now < t.due) continue;
        if (t.connyLate || now >= t.stale) c.rows.set(t.step, { outcome: 'skipped', at: now });
        else if (c.status === 'running' && inWindow(now, s.holidaysState)) c.rows.set(t.step, { outcome: 'sent', at: now });
      }
    }
  }
  const rows: ExpectedRow[] = [];
  const cycles: ExpectedCycle[] = [];
  state.forEach((st, client) => {
    for (const c of st.cycles) {
      cycles.push({ client, cycle: c.n, lastTaskAt: c.L.toISOString(), status: c.status, connyAt: c.C?.toISOString() ?? null, createdAt: c.createdAt.toISOString(), reactivatedAt: c.reactivatedAt?.toISOString() ?? null });
      for (const [step, r] of c.rows) rows.push({ client, cycle: c.n, step, outcome: r.outcome, at: r.at.toISOString() });
    }
  });
  return { rows: sortRows(rows), cycles, actions, pauses };
}

export function sortRows<T extends { client: number; cycle: number; step: string }>(rows: T[]): T[] {
  return rows.sort((a, b) => a.client - b.client || a.cycle - b.cycle || STEP_ORDER.indexOf(a.step as OStep) - STEP_ORDER.indexOf(b.step as OStep));
}

// ---------------------------------------------------------------------------------------------------------------
// Seeding and driving a database.

export interface Seeded {
  clientIds: string[];
  vpaIds: string[];
  connyId: string;
  actor: Actor;
}

export async function seed(prisma: Db, s: Scenario): Promise<Seeded> {
  const conny = await createPerson(prisma, { name: 'Conny Account', roles: ['conny'] });
  const community = await createPerson(prisma, { name: 'Ina Inaktiv', roles: ['community'] });
  await createPerson(prisma, { name: 'Sven Schicht', roles: ['shift'] });
  const clientIds: string[] = [];
  const vpaIds: string[] = [];
  for (const [i, c] of s.clients.entries()) {
    const vpa = await createPerson(prisma, { name: `Vera Vpa${String.fromCharCode(65 + i)}`, roles: ['vpa'] });
    const client = await createClient(prisma, { number: `K-${1001 + i}`, name: `Kunde ${i} GmbH`, class: 'B', workType: 'continuous' });
    await assign(prisma, { clientId: client.id, vpaId: vpa.id, from: s.assignedFrom });
    for (const [j, at] of [...c.tasks, ...c.newTasks].entries()) {
      await prisma.task.create({ data: { id: crypto.randomUUID(), clientId: client.id, createdAt: at, sourceKey: `seq:${i}:${j}:${crypto.randomUUID()}` } });
    }
    clientIds.push(client.id);
    vpaIds.push(vpa.id);
  }
  return { clientIds, vpaIds, connyId: conny.id, actor: { id: community.id, name: community.name, email: community.email, aadObjectId: community.aadObjectId, teamsUserId: community.teamsUserId, roles: community.roles } };
}

/** Plays the timeline: `tick` runs one tick (in process, spawned CLI, two instances…); people act through the use cases. */
export async function drive(prisma: Db, s: Scenario, seeded: Seeded, config: Config, tick: (now: Date) => Promise<void>): Promise<string[]> {
  const gateway = gatewayFor(config);
  const tz = config.businessTimeZone;
  const replyCycle = new Map<string, string>();
  const actions: string[] = [];
  for (const a of timeline(s)) {
    if (a.kind === 'tick') {
      await tick(a.at);
      continue;
    }
    const clientId = seeded.clientIds[a.client]!;
    if (a.kind === 'handover') {
      const c = await prisma.inactivityCycle.findFirst({ where: { clientId, status: { in: ['running', 'paused'] } } });
      if (!c) actions.push(`handover:${a.client}:no-cycle`);
      else if (c.connyAt) actions.push(`handover:${a.client}:already`);
      else {
        await handOverToConny({ db: prisma, actor: seeded.actor, now: a.at, timeZone: tz, cycleId: c.id, gateway });
        actions.push(`handover:${a.client}:applied`);
      }
    } else if (a.kind === 'reply') {
      const id = await recordClientReply({ db: prisma, clientId, at: a.at, now: a.at, timeZone: tz });
      if (id) replyCycle.set(`${a.client}:${a.reply}`, id);
      actions.push(`reply:${a.client}:${id ? 'paused' : 'ignored'}`);
    } else {
      const cycleId = replyCycle.get(`${a.client}:${a.reply}`);
      if (!cycleId) continue;
      const before = await prisma.inactivityCycle.findUniqueOrThrow({ where: { id: cycleId } });
      try {
        await resumeInactivity({ db: prisma, actor: seeded.actor, now: a.at, timeZone: tz, cycleId });
        actions.push(`resume:${a.client}:${before.status === 'paused' ? 'resumed' : 'noop'}`);
      } catch (e) {
        if ((e as { code?: string }).code !== 'INACTIVITY_STALE') throw e;
        actions.push(`resume:${a.client}:stale`);
      }
    }
  }
  return actions;
}

export interface Snapshot {
  rows: (ExpectedRow & { dueAt: string })[];
  cycles: ExpectedCycle[];
  /** The chat and e-mail to-dos (client messages) per client. */
  todos: { client: number; kind: string; senderId: string | null; key: string; createdAt: string }[];
}

export async function snapshot(prisma: Db, seeded: Seeded): Promise<Snapshot> {
  const index = new Map(seeded.clientIds.map((id, i) => [id, i]));
  const steps = await prisma.inactivityStep.findMany();
  const cycles = await prisma.inactivityCycle.findMany({ orderBy: [{ clientId: 'asc' }, { cycle: 'asc' }] });
  const todos = await prisma.platformTodo.findMany({ where: { kind: { in: ['chat', 'email'] } }, orderBy: { createdAt: 'asc' } });
  return {
    rows: sortRows(steps.map((r) => ({ client: index.get(r.clientId)!, cycle: r.cycle, step: r.step as OStep, outcome: r.outcome as 'sent' | 'skipped', at: r.at.toISOString(), dueAt: r.dueAt.toISOString() }))),
    cycles: cycles
      .map((c) => ({ client: index.get(c.clientId)!, cycle: c.cycle, lastTaskAt: c.lastTaskAt.toISOString(), status: c.status as ExpectedCycle['status'], connyAt: c.connyAt?.toISOString() ?? null, createdAt: c.createdAt.toISOString(), reactivatedAt: c.reactivatedAt?.toISOString() ?? null }))
      .sort((a, b) => a.client - b.client || a.cycle - b.cycle),
    todos: todos.map((t) => ({ client: index.get(t.clientId)!, kind: t.kind, senderId: t.senderId, key: t.idempotencyKey, createdAt: t.createdAt.toISOString() })),
  };
}

/**
 * The checks that need no oracle: every message in the send window, none while paused, none at or after a new task,
 * each (client, step, cycle) at most once with exactly one chat/e-mail to-do in the right sender's name, in order.
 * Returns the violations (empty when all hold).
 */
export function invariantViolations(s: Scenario, seeded: Seeded, snap: Snapshot, pauses: Outcomes['pauses']): string[] {
  const bad: string[] = [];
  const seen = new Set<string>();
  const sent = snap.rows.filter((r) => r.outcome === 'sent');
  for (const r of snap.rows) {
    const key = `${r.client}:${r.cycle}:${r.step}`;
    if (seen.has(key)) bad.push(`twice: ${key}`);
    seen.add(key);
  }
  const cycleL = new Map(snap.cycles.map((c) => [`${c.client}:${c.cycle}`, new Date(c.lastTaskAt)]));
  for (const r of sent) {
    const at = new Date(r.at);
    if (!inWindow(at, s.holidaysState)) bad.push(`outside the send window: ${r.client}:${r.cycle}:${r.step} at ${local(at)}`);
    const L = cycleL.get(`${r.client}:${r.cycle}`)!;
    const c = s.clients[r.client]!;
    const newer = [...c.tasks, ...c.newTasks].find((t) => t > L && t <= at);
    if (newer) bad.push(`after a new task (${local(newer)}): ${r.client}:${r.cycle}:${r.step} at ${local(at)}`);
    for (const p of pauses) {
      if (p.client === r.client && p.cycle === r.cycle && at >= p.from && (!p.until || at < p.until)) bad.push(`while paused since ${local(p.from)}: ${r.client}:${r.cycle}:${r.step} at ${local(at)}`);
    }
  }
  // In order: within a cycle, the messages sent follow the sequence.
  const byCycle = new Map<string, typeof sent>();
  for (const r of sent) byCycle.set(`${r.client}:${r.cycle}`, [...(byCycle.get(`${r.client}:${r.cycle}`) ?? []), r]);
  for (const [k, rs] of byCycle) {
    const byTime = [...rs].sort((a, b) => a.at.localeCompare(b.at) || STEP_ORDER.indexOf(a.step) - STEP_ORDER.indexOf(b.step)).map((r) => r.step);
    const bySequence = [...rs].sort((a, b) => STEP_ORDER.indexOf(a.step) - STEP_ORDER.indexOf(b.step)).map((r) => r.step);
    if (byTime.join() !== bySequence.join()) bad.push(`out of order in ${k}: ${byTime.join(' → ')}`);
  }
  // One to-do per message (key), each matching a sent row: same client, instant, kind and sender.
  const keys = new Map<string, number>();
  for (const t of snap.todos) keys.set(t.key, (keys.get(t.key) ?? 0) + 1);
  for (const [k, n] of keys) if (n !== 1) bad.push(`${n} to-dos for ${k}`);
  if (snap.todos.length !== sent.length) bad.push(`${snap.todos.length} chat/e-mail to-dos for ${sent.length} messages sent`);
  const unmatched = [...snap.todos];
  for (const r of sent) {
    const sender = r.step === 'vpa_message' ? seeded.vpaIds[r.client] : seeded.connyId;
    const kind = r.step === 'conny_email' ? 'email' : 'chat';
    const i = unmatched.findIndex((t) => t.client === r.client && t.createdAt === r.at && t.kind === kind && t.senderId === sender);
    if (i < 0) bad.push(`no ${kind} to-do from ${r.step === 'vpa_message' ? 'the VPA' : 'Conny'} for ${r.client}:${r.cycle}:${r.step} at ${r.at}`);
    else unmatched.splice(i, 1);
  }
  return bad;
}

/** A readable account of a scenario for a failing run. */
export function describeScenario(s: Scenario): string {
  const lines = [`auto=${s.autoHandover} holidays=${s.holidaysState ?? 'DE'} ticks=${s.ticks.length} (${local(s.ticks[0]!)} … ${local(s.ticks.at(-1)!)})`];
  s.clients.forEach((c, i) => {
    lines.push(`client ${i}: last task ${local(c.tasks.at(-1)!)}; new tasks [${c.newTasks.map(local).join(', ')}]; hand-overs [${c.handOvers.map(local).join(', ')}]; replies [${c.replies.map((r) => `${local(r.at)} → ${r.resumeAt ? local(r.resumeAt) : 'never'}`).join(', ')}]`);
  });
  return lines.join('\n');
}

// ---------------------------------------------------------------------------------------------------------------
// Random scenarios (fast-check).

export const START = berlin('2026-10-01T00:00'); // a Thursday; the horizon spans DST changes, Christmas, Easter 2027
export const HORIZON_WEEKS = 60;

const atMin = (min: number) => new Date(START.getTime() + min * MINUTE);
/** People act at half minutes, so they never share an instant with a tick (whole minutes). */
const actMin = (min: number) => new Date(START.getTime() + min * MINUTE + 30_000);

export interface ScenarioShape {
  /** Gaps between consecutive ticks, in minutes. */
  gapMin: number;
  gapMax: number;
  /** How many gaps are drawn (enough to cover the horizon). */
  gaps: number;
  maxExtraTicks: number;
  maxReplays: number;
  maxDowntimes: number;
  clients: { min: number; max: number };
}

export const DENSE: ScenarioShape = { gapMin: 60, gapMax: 36 * 60, gaps: 700, maxExtraTicks: 30, maxReplays: 20, maxDowntimes: 2, clients: { min: 1, max: 3 } };

export function scenarioArb(shape: ScenarioShape = DENSE): fc.Arbitrary<Scenario> {
  const horizon = HORIZON_WEEKS * WEEK_MIN;
  const client = fc.record({
    lastTask: fc.integer({ min: -10 * WEEK_MIN, max: 0 }),
    older: fc.integer({ min: 0, max: 2 }),
    newTasks: fc.array(fc.integer({ min: 0, max: horizon }), { maxLength: 2 }),
    // Mostly at or after the list time (12 weeks after the last task), sometimes earlier.
    handOver: fc.option(fc.oneof({ weight: 4, arbitrary: fc.integer({ min: 12 * WEEK_MIN, max: 40 * WEEK_MIN }) }, { weight: 1, arbitrary: fc.integer({ min: 8 * WEEK_MIN, max: 12 * WEEK_MIN }) }), { nil: null, freq: 3 }),
    /** A hand-over of the next cycle, counted from the first new task. */
    handOver2: fc.option(fc.integer({ min: 12 * WEEK_MIN, max: 40 * WEEK_MIN }), { nil: null, freq: 2 }),
    replies: fc.array(fc.record({ at: fc.integer({ min: 0, max: horizon }), resumeAfter: fc.option(fc.integer({ min: 60, max: 6 * WEEK_MIN }), { nil: null, freq: 4 }) }), { maxLength: 2 }),
  });
  return fc
    .record({
      clients: fc.array(client, { minLength: shape.clients.min, maxLength: shape.clients.max }),
      gaps: fc.array(fc.integer({ min: shape.gapMin, max: shape.gapMax }), { minLength: shape.gaps, maxLength: shape.gaps }),
      extra: fc.array(fc.integer({ min: 0, max: horizon }), { maxLength: shape.maxExtraTicks }),
      downtimes: fc.array(fc.record({ from: fc.integer({ min: 0, max: horizon }), weeks: fc.integer({ min: 1, max: 7 }) }), { maxLength: shape.maxDowntimes }),
      // The same instant again (0), or an instant up to three days earlier.
      replays: fc.array(fc.record({ after: fc.nat(), backMin: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 3 * 24 * 60 })) }), { maxLength: shape.maxReplays }),
      quietGapH: fc.integer({ min: 24, max: 120 }),
      autoHandover: fc.boolean(),
      holidaysState: fc.constantFrom(undefined, 'BY' as const),
    })
    .map((g): Scenario => {
      const clients: ClientScenario[] = g.clients.map((c) => {
        const last = atMin(c.lastTask);
        const tasks = [...Array.from({ length: c.older }, (_, i) => weeksAfter(last, -3 * (c.older - i))), last];
        const newTasks = [...new Set(c.newTasks)].sort((a, b) => a - b).map(atMin);
        const handOvers = [...(c.handOver !== null ? [actMin(c.lastTask + c.handOver)] : []), ...(c.handOver2 !== null && c.newTasks.length > 0 ? [actMin(Math.min(...c.newTasks) + c.handOver2)] : [])];
        const replies = c.replies.map((r) => ({ at: actMin(r.at), resumeAt: r.resumeAfter === null ? null : actMin(r.at + r.resumeAfter) }));
        return { tasks, newTasks, handOvers, replies };
      });
      const base = new Set<number>();
      let t = 0;
      for (const gap of g.gaps) {
        t += gap;
        if (t > horizon) break;
        base.add(t);
      }
      // Dense ticks near the instants that matter (each step's time and staleness, people's actions, new tasks);
      // elsewhere at most one tick per `quietGapH` hours. Extra ticks anywhere, then the downtimes cut all out.
      const mins = (d: Date) => (d.getTime() - START.getTime()) / MINUTE;
      const hot: [number, number][] = [];
      for (const c of clients) {
        for (const L of [c.tasks.at(-1)!, ...c.newTasks]) {
          for (const w of [8, 12, 16, 20, 52, 56]) hot.push([mins(weeksAfter(L, w)) - 24 * 60, mins(weeksAfter(L, w)) + 5 * 24 * 60]);
        }
        for (const a of [...c.newTasks, ...c.handOvers, ...c.replies.flatMap((r) => [r.at, ...(r.resumeAt ? [r.resumeAt] : [])])]) hot.push([mins(a) - 24 * 60, mins(a) + 5 * 24 * 60]);
      }
      const thinned: number[] = [];
      for (const m of [...base].sort((a, b) => a - b)) {
        if (hot.some(([from, to]) => m >= from && m <= to) || thinned.length === 0 || m - thinned.at(-1)! >= g.quietGapH * 60) thinned.push(m);
      }
      const sorted = [...new Set([...thinned, ...g.extra])].filter((m) => !g.downtimes.some((d) => m >= d.from && m < d.from + d.weeks * WEEK_MIN)).sort((a, b) => a - b);
      // Replays: after base tick i, the same instant again or an earlier one — never reaching back across a person's action.
      const actionMins = clients.flatMap((c) => [...c.handOvers, ...c.replies.flatMap((r) => [r.at, ...(r.resumeAt ? [r.resumeAt] : [])])]).map((d) => (d.getTime() - START.getTime()) / MINUTE);
      const replaysAfter = new Map<number, number[]>();
      for (const r of g.replays) {
        if (sorted.length === 0) break;
        const i = r.after % sorted.length;
        const ti = sorted[i]!;
        const floor = Math.max(-Infinity, ...actionMins.filter((a) => a < ti).map((a) => Math.ceil(a)));
        replaysAfter.set(i, [...(replaysAfter.get(i) ?? []), Math.max(ti - r.backMin, floor)]);
      }
      const ticks = sorted.flatMap((m, i) => [m, ...(replaysAfter.get(i) ?? [])]).map(atMin);
      return { assignedFrom: weeksAfter(START, -30), clients, ticks, autoHandover: g.autoHandover, holidaysState: g.holidaysState };
    });
}

/**
 * A short scenario for slow drivers (the spawned CLI): a generated one cut down to the ticks at which something
 * happens, the tick before each message (which found it outside the window or not yet due), the same instant once
 * more, and one earlier instant right after a later one.
 */
export function eventfulScenario(s0: Scenario): Scenario {
  const o = oracle(s0);
  const base = s0.ticks.map((d) => d.getTime());
  const keep = new Set<number>();
  for (const r of o.rows) {
    const at = Date.parse(r.at);
    keep.add(at);
    const i = base.indexOf(at);
    if (r.outcome === 'sent' && i > 0) keep.add(base[i - 1]!);
  }
  for (const c of o.cycles) {
    keep.add(Date.parse(c.createdAt));
    if (c.reactivatedAt) keep.add(Date.parse(c.reactivatedAt));
    if (c.connyAt && base.includes(Date.parse(c.connyAt))) keep.add(Date.parse(c.connyAt));
  }
  const ticks = [...keep].sort((a, b) => a - b);
  const actions = s0.clients.flatMap((c) => [...c.handOvers, ...c.replies.flatMap((r) => [r.at, ...(r.resumeAt ? [r.resumeAt] : [])])]).map((d) => d.getTime());
  const out: number[] = [];
  ticks.forEach((t, i) => {
    out.push(t);
    if (i === Math.floor(ticks.length / 3)) out.push(t); // the same instant twice
    if (i === Math.floor((2 * ticks.length) / 3) && i > 0) {
      // an earlier instant after a later one, not reaching back across anyone's action
      const floor = Math.max(ticks[i - 1]!, ...actions.filter((a) => a < t));
      out.push(Math.ceil((floor + (t - floor) / 2) / MINUTE) * MINUTE);
    }
  });
  return { ...s0, ticks: out.map((t) => new Date(t)) };
}
