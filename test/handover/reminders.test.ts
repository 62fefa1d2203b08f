import { describe, expect, it } from 'vitest';
import { decisionOverdueJob, followUpDueJob, handoverReminderJobs, reviewOverdueJob, trainingOverdueJob, type HandoverJob } from '../../src/handover/reminders.ts';
import { requestClarification } from '../../src/handover/request-clarification.ts';
import { startReview } from '../../src/handover/start-review.ts';
import { confirmTrainingGiven } from '../../src/handover/confirm-training-given.ts';
import { proposeSuccessor } from '../../src/handover/propose-successor.ts';
import type { HandoverReminderModel, HandoverTrainingReminderModel } from '../../src/notices/handover.ts';
import type { TickJob } from '../../src/tick/jobs.ts';
import { silentLogger } from '../../src/log/logger.ts';
import type { TestDatabase } from '../support/db.ts';
import { NOW, approved, outbox, proposed, recipientsOf, submitted, type World, useWorld } from './support.ts';

let db: TestDatabase;
let w: World;
const config = { businessTimeZone: 'Europe/Berlin', handoverReminderWorkingDays: 2 };

useWorld('sqlite', (d, x) => {
  db = d;
  w = x;
});

function run(job: HandoverJob, now: Date): Promise<string[]> {
  return job.run({ prisma: db.prisma, now, logger: silentLogger, config });
}

function modelOf<T>(m: unknown): T {
  return (m as { notice: { model: T } }).notice.model;
}

// NOW is Tuesday 24 Nov 2026, 10:00 Berlin: + 2 working days = Thursday 26 Nov, 10:00 Berlin (09:00 UTC).
const DUE = new Date('2026-11-26T09:00:00Z');
const JUST_BEFORE = new Date(DUE.getTime() - 1);

it('the jobs fit the tick registry', () => {
  const jobs: readonly TickJob[] = handoverReminderJobs;
  expect(jobs.map((j) => j.name)).toEqual(['handover.reviewOverdue', 'handover.decisionOverdue', 'handover.followUpDue', 'handover.trainingOverdue']);
});

describe('review overdue', () => {
  it('reminds the community team once, 2 working days after submission', async () => {
    const id = await submitted(db.prisma, w);
    const before = (await outbox(db.prisma)).length;
    expect(await run(reviewOverdueJob, JUST_BEFORE)).toEqual([]);
    expect((await outbox(db.prisma)).length).toBe(before);

    const lines = await run(reviewOverdueJob, DUE);
    expect(lines).toEqual(['Erinnerung an Kim Community, Lea Community: Kundenabgabe 10023 (Müller GmbH) wartet auf Prüfung']);
    const rows = await outbox(db.prisma);
    expect(recipientsOf(rows, 'handoverReminder')).toEqual([w.kim.id, w.lea.id].sort());
    const model = modelOf<HandoverReminderModel>(rows.find((r) => r.idempotencyKey === `handover:${id}:reminder:review:${w.kim.id}`)?.message);
    expect(model).toMatchObject({ reason: 'review', title: 'Abgabe-Anfrage wartet auf Prüfung', sinceText: 'seit 24.11.2026, 10:00 Uhr' });
    expect(model.text).toBe('Die Anfrage von Anna Beispiel zur Abgabe von Müller GmbH (B) wartet seit 2 Arbeitstagen auf eine Prüfung durch das Community-Team.');
    expect((await db.prisma.handoverRequest.findUniqueOrThrow({ where: { id } })).reviewRemindedAt).toEqual(DUE);
    expect(await db.prisma.auditEvent.count({ where: { subjectId: id, action: 'handover.reminded' } })).toBe(1);

    // tick twice at the same instant, and later: nothing new
    const count = (await outbox(db.prisma)).length;
    expect(await run(reviewOverdueJob, DUE)).toEqual([]);
    expect(await run(reviewOverdueJob, new Date(DUE.getTime() + 7 * 86_400_000))).toEqual([]);
    expect((await outbox(db.prisma)).length).toBe(count);
  });

  it('skips the weekend: submitted on Friday, due on Tuesday', async () => {
    const friday = new Date('2026-11-20T09:00:00Z');
    await submitted(db.prisma, w, {}, friday);
    expect(await run(reviewOverdueJob, new Date('2026-11-24T08:59:59Z'))).toEqual([]);
    expect(await run(reviewOverdueJob, new Date('2026-11-24T09:00:00Z'))).toHaveLength(1);
  });

  it('reminds only the reviewer who took it on', async () => {
    const id = await submitted(db.prisma, w);
    await startReview({ db: db.prisma, timeZone: 'Europe/Berlin', actor: w.actors.lea, now: NOW, requestId: id });
    expect(await run(reviewOverdueJob, DUE)).toEqual(['Erinnerung an Lea Community: Kundenabgabe 10023 (Müller GmbH) wartet auf Prüfung']);
    expect(recipientsOf(await outbox(db.prisma), 'handoverReminder')).toEqual([w.lea.id]);
  });

  it('a reviewed request is not reminded', async () => {
    const id = await submitted(db.prisma, w);
    await requestClarification({ db: db.prisma, timeZone: 'Europe/Berlin', actor: w.actors.kim, now: NOW, requestId: id });
    expect(await run(reviewOverdueJob, DUE)).toEqual([]);
  });

  it('two instances ticking at once send one reminder', async () => {
    await submitted(db.prisma, w);
    const [a, b] = await Promise.all([run(reviewOverdueJob, DUE), run(reviewOverdueJob, DUE)]);
    expect(a.length + b.length).toBe(1);
    expect(recipientsOf(await outbox(db.prisma), 'handoverReminder')).toHaveLength(2);
  });
});

describe('decision overdue', () => {
  it('reminds every manager 1:1 once, 2 working days after the proposal', async () => {
    const id = await proposed(db.prisma, w);
    expect(await run(decisionOverdueJob, JUST_BEFORE)).toEqual([]);
    expect(await run(decisionOverdueJob, DUE)).toEqual(['Erinnerung an Maria Managerin, Nils Kundenmanager: Kundenabgabe 10023 (Müller GmbH) wartet auf Freigabe']);
    const rows = await outbox(db.prisma);
    expect(recipientsOf(rows, 'handoverReminder')).toEqual([w.maria.id, w.nils.id].sort());
    const model = modelOf<HandoverReminderModel>(rows.find((r) => r.idempotencyKey === `handover:${id}:reminder:decision:${w.maria.id}`)?.message);
    expect(model.text).toBe('Der vorgeschlagene VPA-Wechsel für Müller GmbH (B) (Anna Beispiel → Bernd Nachfolger) wartet seit 2 Arbeitstagen auf eine Entscheidung.');
    expect(await run(decisionOverdueJob, DUE)).toEqual([]);
    // the review reminder does not fire for a request that was proposed
    expect(await run(reviewOverdueJob, DUE)).toEqual([]);
  });
});

describe('follow-up due', () => {
  it('reminds the reviewer on the follow-up date, once; a new date reminds again', async () => {
    const id = await submitted(db.prisma, w);
    const followUpAt = new Date('2026-12-01T08:00:00Z');
    await requestClarification({ db: db.prisma, timeZone: 'Europe/Berlin', actor: w.actors.kim, now: NOW, requestId: id, mediationNote: 'Gespräch moderiert', followUpAt });
    expect(await run(followUpDueJob, new Date(followUpAt.getTime() - 1))).toEqual([]);
    expect(await run(followUpDueJob, followUpAt)).toEqual(['Erinnerung an Kim Community: Kundenabgabe 10023 (Müller GmbH) – Wiedervorlage der Klärung ist fällig']);
    const model = modelOf<HandoverReminderModel>((await outbox(db.prisma)).find((r) => r.idempotencyKey === `handover:${id}:reminder:followup:${followUpAt.toISOString()}:${w.kim.id}`)?.message);
    expect(model).toMatchObject({ reason: 'followUp', mediationNote: 'Gespräch moderiert' });
    expect(await run(followUpDueJob, followUpAt)).toEqual([]);

    const next = new Date('2026-12-08T08:00:00Z');
    await requestClarification({ db: db.prisma, timeZone: 'Europe/Berlin', actor: w.actors.kim, now: followUpAt, requestId: id, followUpAt: next });
    expect(await run(followUpDueJob, next)).toHaveLength(1);
    expect(recipientsOf(await outbox(db.prisma), 'handoverReminder')).toEqual([w.kim.id, w.kim.id]);
  });

  it('no follow-up reminder once the request moved on', async () => {
    const id = await submitted(db.prisma, w);
    const followUpAt = new Date('2026-12-01T08:00:00Z');
    await requestClarification({ db: db.prisma, timeZone: 'Europe/Berlin', actor: w.actors.kim, now: NOW, requestId: id, followUpAt });
    await proposeSuccessor({ db: db.prisma, timeZone: 'Europe/Berlin', actor: w.actors.kim, now: NOW, requestId: id, successorId: w.bernd.id, onboardingEffort: 'gering', caseSummary: 'Der Kunde braucht Buchhaltung nach DATEV, die der VPA nicht abdecken kann.' });
    expect(await run(followUpDueJob, followUpAt)).toEqual([]);
  });
});

describe('training overdue', () => {
  it('reminds the VPA once after 5 working days, then the successor once after the VPA confirmed', async () => {
    const id = await approved(db.prisma, w); // approved on Tue 24 Nov
    const vpaDue = new Date('2026-12-01T09:00:00Z'); // + 5 working days
    expect(await run(trainingOverdueJob, new Date(vpaDue.getTime() - 1))).toEqual([]);
    expect(await run(trainingOverdueJob, vpaDue)).toEqual(['Erinnerung an Anna Beispiel: Kundenabgabe 10023 (Müller GmbH) – Einarbeitung noch nicht bestätigt']);
    expect(await run(trainingOverdueJob, vpaDue)).toEqual([]);
    const reminder = modelOf<HandoverTrainingReminderModel>((await outbox(db.prisma)).find((r) => r.idempotencyKey === `handover:${id}:reminder:training:given`)?.message);
    expect(reminder).toMatchObject({ step: 'given', otherPerson: { name: 'Bernd Nachfolger' }, actions: { confirmTrainingGiven: true, confirmTrainingReceived: false } });

    const givenAt = new Date('2026-12-02T09:00:00Z'); // Wednesday
    await confirmTrainingGiven({ db: db.prisma, timeZone: 'Europe/Berlin', actor: w.actors.anna, now: givenAt, requestId: id });
    const successorDue = new Date('2026-12-04T09:00:00Z'); // + 2 working days
    expect(await run(trainingOverdueJob, new Date(successorDue.getTime() - 1))).toEqual([]);
    expect(await run(trainingOverdueJob, successorDue)).toEqual(['Erinnerung an Bernd Nachfolger: Kundenabgabe 10023 (Müller GmbH) – Erhalt der Einarbeitung noch nicht bestätigt']);
    expect(await run(trainingOverdueJob, successorDue)).toEqual([]);
    const rows = await outbox(db.prisma);
    expect(rows.filter((r) => r.idempotencyKey === `handover:${id}:reminder:training:received`)).toHaveLength(1);
    // the reminder cards are tracked, so they lose their buttons when the state changes
    const tracked = JSON.parse((await db.prisma.handoverRequest.findUniqueOrThrow({ where: { id } })).cards) as { key: string }[];
    expect(tracked.map((c) => c.key)).toEqual(expect.arrayContaining([`handover:${id}:reminder:training:given`, `handover:${id}:reminder:training:received`]));
  });

  it('no training reminder when no training was wanted', async () => {
    await approved(db.prisma, w, { clientWantsTraining: 'false' });
    expect(await run(trainingOverdueJob, new Date('2027-01-01T09:00:00Z'))).toEqual([]);
  });
});
