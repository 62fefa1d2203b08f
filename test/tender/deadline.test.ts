// The admin team's reminder once an open tender's deadline has passed: once (per deadline), at the right instant,
// never for awarded or cancelled tenders; it says who applied or that nobody did, and what the last VPA did.
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/log/logger.ts';
import type { TenderDeadlineModel } from '../../src/notices/tender.ts';
import { applyToTender, cancelTender, extendTenderDeadline, tenderDeadlineJob } from '../../src/tender/index.ts';
import { TICK_JOBS } from '../../src/tick/jobs.ts';
import { runTick } from '../../src/tick/run-tick.ts';
import type { TestDatabase } from '../support/db.ts';
import { testConfig } from '../handover/support.ts';
import { DEADLINE, LATER, RULES, TZ, gateway, lastUpdateOf, openReview, outbox, sentTo, started, useWorld, version, type OutboxRow, type World } from './support.ts';

let db: TestDatabase;
let w: World;

const config = testConfig({ TZ_BUSINESS: TZ });
const tick = (now: Date) => tenderDeadlineJob.run({ prisma: db.prisma, now, logger: silentLogger, config });
const deadlineCards = (rows: OutboxRow[]) => rows.filter((r) => r.message.mode === 'send' && r.message.notice.kind === 'tenderDeadline');
const modelOf = (row: OutboxRow) => (row.message.mode === 'send' ? row.message.notice.model : null) as TenderDeadlineModel;
const JUST_AFTER = new Date(DEADLINE.getTime() + 1);

describe('tender: deadline reminder', () => {
  useWorld('sqlite', (d, x) => {
    db = d;
    w = x;
  });

  it('is registered in the tick registry', () => {
    expect(TICK_JOBS.map((j) => j.name)).toContain('tender.deadline');
  });

  it('fires once, at the deadline and not a millisecond before, to every admin, saying who applied', async () => {
    const id = await started(db.prisma, w);
    await applyToTender({ db: db.prisma, actor: w.actors.ben, now: LATER, timeZone: TZ, rules: RULES, gateway: gateway(), tenderId: id });
    expect(await tick(new Date(DEADLINE.getTime() - 1))).toEqual([]);
    expect(deadlineCards(await outbox(db.prisma))).toHaveLength(0);

    const lines = await tick(DEADLINE);
    expect(lines).toEqual(['Umfrage für 10023 (Müller GmbH): Frist abgelaufen, 1 Bewerbung(en) – Erinnerung an Ada Admin, Alex Admin']);
    const rows = await outbox(db.prisma);
    expect(sentTo(rows, 'tenderDeadline')).toEqual([w.ada.id, w.alex.id].sort());
    const m = modelOf(deadlineCards(rows)[0]!);
    expect(m.applicants.map((a) => a.person.name)).toEqual(['Ben Bereit']);
    expect(m.invitedCount).toBe(2);
    expect(m.actions).toEqual({ award: true, cancel: true, extend: true });
    expect(m.awardChoices).toEqual([{ value: w.ben.id, label: 'Ben Bereit' }]);
    expect(m.adviceText).toContain('beworben hat sich Ben Bereit');
    // The wiki's last-VPA rule: Lena was invited and has not answered.
    expect(m.lastVpaText).toBe('Lena Letzte betreute den Kunden zuletzt, wurde eingeladen und hat sich nicht beworben. Soll Lena Letzte die Aufgabe trotzdem bekommen, fragt nach und verlängert die Frist.');

    // Later ticks, also much later, send nothing more.
    expect(await tick(JUST_AFTER)).toEqual([]);
    expect(await tick(new Date(DEADLINE.getTime() + 7 * 86_400_000))).toEqual([]);
    expect(deadlineCards(await outbox(db.prisma))).toHaveLength(2);
    expect(await db.prisma.auditEvent.count({ where: { subjectId: id, action: 'tender.deadline_reminded' } })).toBe(1);
  });

  it('nobody applied: says so and suggests a later deadline or assigning directly, without "vergeben"', async () => {
    await started(db.prisma, w);
    await tick(JUST_AFTER);
    const m = modelOf(deadlineCards(await outbox(db.prisma))[0]!);
    expect(m.applicants).toEqual([]);
    expect(m.actions).toEqual({ award: false, cancel: true, extend: true });
    expect(m.adviceText).toContain('Niemand hat sich bis zur Frist beworben');
    expect(m.adviceText).toContain('Frist verlängern');
    expect(m.adviceText).toContain('direkt zuweisen');
  });

  it('says when the last VPA was left out instead', async () => {
    await db.prisma.person.update({ where: { id: w.lena.id }, data: { absentFrom: new Date('2026-11-01T00:00:00Z'), absentUntil: new Date('2027-01-31T00:00:00Z') } });
    await started(db.prisma, w, { leaveOutLastVpa: { reason: 'absent', note: 'Elternzeit' } });
    await tick(JUST_AFTER);
    expect(modelOf(deadlineCards(await outbox(db.prisma))[0]!).lastVpaText).toBe('Lena Letzte betreute den Kunden zuletzt und wurde nicht eingeladen (abwesend).');
  });

  it('nothing for awarded or cancelled tenders, nor for tenders still in review', async () => {
    const awarded = await started(db.prisma, w);
    await applyToTender({ db: db.prisma, actor: w.actors.lena, now: LATER, timeZone: TZ, rules: RULES, gateway: gateway(), tenderId: awarded });
    expect((await db.prisma.tender.findUniqueOrThrow({ where: { id: awarded } })).status).toBe('awarded');
    await db.prisma.task.create({ data: { id: 'task-2', clientId: w.client.id, createdAt: LATER, title: 'Zweite Aufgabe', competence: '', sourceKey: 'platform:task-2' } });
    const cancelled = await openReview(db.prisma, w, { taskId: 'task-2' });
    await cancelTender({ db: db.prisma, actor: w.actors.ada, now: LATER, timeZone: TZ, rules: RULES, tenderId: cancelled, reason: 'Aufgabe zurückgezogen', expectedVersion: await version(db.prisma, cancelled) });
    // A third task whose review was never started: no deadline, nothing to remind of.
    await db.prisma.task.create({ data: { id: 'task-3', clientId: w.client.id, createdAt: LATER, title: 'Dritte Aufgabe', competence: '', sourceKey: 'platform:task-3' } });
    await openReview(db.prisma, w, { taskId: 'task-3' });
    expect(await tick(new Date(DEADLINE.getTime() + 86_400_000))).toEqual([]);
    expect(deadlineCards(await outbox(db.prisma))).toHaveLength(0);
    expect(await db.prisma.reminderClaim.count()).toBe(0);
  });

  it('after "Frist verlängern": nothing until the new deadline, then one more reminder; later changes update it in place', async () => {
    const id = await started(db.prisma, w);
    await tick(JUST_AFTER);
    const NEW = new Date('2026-12-01T22:59:59.999Z');
    await extendTenderDeadline({ db: db.prisma, actor: w.actors.ada, now: JUST_AFTER, timeZone: TZ, rules: RULES, tenderId: id, deadline: NEW, expectedVersion: await version(db.prisma, id) });
    // The first reminder now says the deadline was extended and offers no buttons.
    const first = deadlineCards(await outbox(db.prisma))[0]!;
    const updated = lastUpdateOf(await outbox(db.prisma), first.idempotencyKey)!.model as TenderDeadlineModel;
    expect(updated.outcomeText).toBe('Frist verlängert bis 01.12.2026, 23:59 Uhr. Die Eingeladenen können sich wieder bewerben.');
    expect(updated.actions).toEqual({ award: false, cancel: false, extend: false });
    expect(await tick(new Date(NEW.getTime() - 1))).toEqual([]);
    expect(await tick(NEW)).toHaveLength(1);
    expect(deadlineCards(await outbox(db.prisma))).toHaveLength(4);
  });

  it('runs through the whole tick registry at the deadline like any other due work', async () => {
    await started(db.prisma, w);
    const results = await runTick({ prisma: db.prisma, now: JUST_AFTER, logger: silentLogger, config, jobs: TICK_JOBS.filter((j) => j.name === 'tender.deadline') });
    expect(results.flatMap((r) => r.lines)).toHaveLength(1);
  });
});
