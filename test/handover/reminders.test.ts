import { describe, expect, it } from 'vitest';
import {
  decisionOverdueJob,
  followUpDueJob,
  handoverReminderJobs,
  reviewOverdueJob,
  stepOverdueJob,
  stepOverdueManagersJob,
  type HandoverJob,
} from '../../src/handover/reminders.ts';
import { requestClarification } from '../../src/handover/request-clarification.ts';
import { answerClarification } from '../../src/handover/answer-clarification.ts';
import { startReview } from '../../src/handover/start-review.ts';
import { confirmClientInformed } from '../../src/handover/confirm-client-informed.ts';
import { confirmTrainingGiven } from '../../src/handover/confirm-training-given.ts';
import { proposeSuccessor } from '../../src/handover/propose-successor.ts';
import type { HandoverReminderModel, HandoverTrainingReminderModel } from '../../src/notices/handover.ts';
import type { TickJob } from '../../src/tick/job.ts';
import { silentLogger } from '../../src/log/logger.ts';
import type { TestDatabase } from '../support/db.ts';
import { actorOf, bindPurpose, CASE_SUMMARY, NOW, approved, informed, outbox, proposed, recipientsOf, submitted, testConfig, type World, useWorld } from './support.ts';
import { createPerson } from '../support/people.ts';

let db: TestDatabase;
let w: World;
const TZ = 'Europe/Berlin';
const config = testConfig();

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

async function claims(id: string): Promise<string[]> {
  return (await db.prisma.reminderClaim.findMany({ where: { subjectType: 'handover', subjectId: id }, orderBy: { key: 'asc' } })).map((c) => c.key);
}

// NOW is Tuesday 24 Nov 2026, 10:00 Berlin: + 2 working days = Thursday 26 Nov, 10:00 Berlin (09:00 UTC).
const DUE = new Date('2026-11-26T09:00:00Z');
const JUST_BEFORE = new Date(DUE.getTime() - 1);
// + 5 working days (T) = Tuesday 1 Dec; + 10 working days (2T) = Tuesday 8 Dec, 10:00 Berlin.
const T = new Date('2026-12-01T09:00:00Z');
const TWO_T = new Date('2026-12-08T09:00:00Z');

it('the configuration defaults: reminders after 2, step-4 reminders after 5 working days', () => {
  expect(config).toMatchObject({ businessTimeZone: 'Europe/Berlin', handoverReminderWorkingDays: 2, handoverTrainingReminderWorkingDays: 5 });
});

it('the jobs fit the tick registry', () => {
  const jobs: readonly TickJob[] = handoverReminderJobs;
  expect(jobs.map((j) => j.name)).toEqual(['handover.reviewOverdue', 'handover.decisionOverdue', 'handover.followUpDue', 'handover.stepOverdue', 'handover.stepOverdueManagers']);
});

describe('review overdue', () => {
  it('reminds the community team once, 2 working days after submission', async () => {
    const id = await submitted(db.prisma, w);
    const before = (await outbox(db.prisma)).length;
    expect(await run(reviewOverdueJob, JUST_BEFORE)).toEqual([]);
    expect((await outbox(db.prisma)).length).toBe(before);
    expect(await claims(id)).toEqual([]);

    const lines = await run(reviewOverdueJob, DUE);
    expect(lines).toEqual(['Erinnerung an Kim Community, Lea Community: Kundenabgabe 10023 (Müller GmbH) wartet auf Prüfung']);
    const rows = await outbox(db.prisma);
    expect(recipientsOf(rows, 'handoverReminder')).toEqual([w.kim.id, w.lea.id].sort());
    const model = modelOf<HandoverReminderModel>(rows.find((r) => r.idempotencyKey === `handover:${id}:reminder:review:${w.kim.id}`)?.message);
    expect(model).toMatchObject({ reason: 'review', title: 'Abgabe-Anfrage wartet auf Prüfung', sinceText: 'seit 24.11.2026, 10:00 Uhr' });
    expect(model.text).toBe('Die Anfrage von Anna Beispiel zur Abgabe von Müller GmbH (B) wartet seit 2 Arbeitstagen auf eine Prüfung durch das Community-Team.');
    const claim = await db.prisma.reminderClaim.findUniqueOrThrow({ where: { key: `handover:${id}:remind:review:first` } });
    expect(claim).toMatchObject({ subjectType: 'handover', subjectId: id, at: DUE });
    expect(await db.prisma.auditEvent.count({ where: { subjectId: id, action: 'handover.reminded' } })).toBe(1);

    // tick twice at the same instant, and later: nothing new
    const count = (await outbox(db.prisma)).length;
    expect(await run(reviewOverdueJob, DUE)).toEqual([]);
    expect(await run(reviewOverdueJob, new Date(DUE.getTime() + 7 * 86_400_000))).toEqual([]);
    expect((await outbox(db.prisma)).length).toBe(count);
    expect(await claims(id)).toEqual([`handover:${id}:remind:review:first`]);
  });

  it('to the betreuung channel: the reminder there carries no "Status anzeigen" (1:1 only)', async () => {
    await bindPurpose(db.prisma, 'betreuung', w.kim.id);
    await submitted(db.prisma, w);
    await run(reviewOverdueJob, DUE);
    const rows = await outbox(db.prisma);
    const reminder = rows.find((r) => r.message.mode === 'send' && r.message.notice.kind === 'handoverReminder');
    expect(reminder?.message).toMatchObject({ recipient: { type: 'channel', purpose: 'betreuung' } });
    expect(modelOf<HandoverReminderModel>(reminder?.message).statusAction).toBe(false);
  });

  it('skips the weekend: submitted on Friday, due on Tuesday', async () => {
    const friday = new Date('2026-11-20T09:00:00Z');
    await submitted(db.prisma, w, {}, friday);
    expect(await run(reviewOverdueJob, new Date('2026-11-24T08:59:59Z'))).toEqual([]);
    expect(await run(reviewOverdueJob, new Date('2026-11-24T09:00:00Z'))).toHaveLength(1);
  });

  it('reminds only the reviewer who took it on', async () => {
    const id = await submitted(db.prisma, w);
    await startReview({ db: db.prisma, timeZone: TZ, actor: w.actors.lea, now: NOW, requestId: id });
    expect(await run(reviewOverdueJob, DUE)).toEqual(['Erinnerung an Lea Community: Kundenabgabe 10023 (Müller GmbH) wartet auf Prüfung']);
    expect(recipientsOf(await outbox(db.prisma), 'handoverReminder')).toEqual([w.lea.id]);
  });

  it('a reviewed request is not reminded', async () => {
    const id = await submitted(db.prisma, w);
    await requestClarification({ db: db.prisma, timeZone: TZ, actor: w.actors.kim, now: NOW, requestId: id });
    expect(await run(reviewOverdueJob, DUE)).toEqual([]);
    expect(await claims(id)).toEqual([]);
  });

  it('two instances ticking at once send one reminder', async () => {
    const id = await submitted(db.prisma, w);
    const [a, b] = await Promise.all([run(reviewOverdueJob, DUE), run(reviewOverdueJob, DUE)]);
    expect(a.length + b.length).toBe(1);
    expect(recipientsOf(await outbox(db.prisma), 'handoverReminder')).toHaveLength(2);
    expect(await claims(id)).toEqual([`handover:${id}:remind:review:first`]);
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
    expect(await claims(id)).toEqual([`handover:${id}:remind:decision:first`]);
  });

  it('does not remind the manager who proposed the change (they may not decide it)', async () => {
    const paula = await createPerson(db.prisma, { name: 'Paula Doppelrolle', roles: ['community', 'vpa_manager'] });
    const id = await submitted(db.prisma, w);
    await proposeSuccessor({ db: db.prisma, timeZone: TZ, actor: await actorOf(db.prisma, paula.id), now: NOW, requestId: id, successorId: w.bernd.id, onboardingEffort: 'mittel', caseSummary: CASE_SUMMARY });
    expect(await run(decisionOverdueJob, DUE)).toEqual(['Erinnerung an Maria Managerin, Nils Kundenmanager: Kundenabgabe 10023 (Müller GmbH) wartet auf Freigabe']);
    expect(recipientsOf(await outbox(db.prisma), 'handoverReminder')).toEqual([w.maria.id, w.nils.id].sort());
  });
});

describe('follow-up due', () => {
  it('reminds the reviewer on the follow-up date, once; a new clarification with a new date reminds again', async () => {
    const id = await submitted(db.prisma, w);
    const followUpAt = new Date('2026-12-01T08:00:00Z');
    await requestClarification({ db: db.prisma, timeZone: TZ, actor: w.actors.kim, now: NOW, requestId: id, mediationNote: 'Gespräch moderiert', followUpAt });
    // the date replaces the default of 2 working days
    expect(await run(followUpDueJob, DUE)).toEqual([]);
    expect(await run(followUpDueJob, new Date(followUpAt.getTime() - 1))).toEqual([]);
    expect(await run(followUpDueJob, followUpAt)).toEqual(['Erinnerung an Kim Community: Kundenabgabe 10023 (Müller GmbH) – Wiedervorlage der Klärung ist fällig']);
    const model = modelOf<HandoverReminderModel>((await outbox(db.prisma)).find((r) => r.idempotencyKey === `handover:${id}:reminder:follow-up:${NOW.getTime()}:${w.kim.id}`)?.message);
    expect(model).toMatchObject({ reason: 'followUp', mediationNote: 'Gespräch moderiert' });
    expect(await run(followUpDueJob, followUpAt)).toEqual([]);
    expect(await claims(id)).toEqual([`handover:${id}:remind:follow-up:${NOW.getTime()}`]);

    // "nicht geklärt" hands it back; the reviewer asks again with a new date
    const answeredAt = new Date('2026-12-02T09:00:00Z');
    await answerClarification({ db: db.prisma, timeZone: TZ, actor: w.actors.anna, now: answeredAt, requestId: id, answer: 'unresolved', note: 'Kunde reagiert nicht.' });
    const again = new Date('2026-12-02T10:00:00Z');
    const next = new Date('2026-12-08T08:00:00Z');
    await requestClarification({ db: db.prisma, timeZone: TZ, actor: w.actors.kim, now: again, requestId: id, followUpAt: next });
    expect(await run(followUpDueJob, new Date(next.getTime() - 1))).toEqual([]);
    expect(await run(followUpDueJob, next)).toHaveLength(1);
    expect(await run(followUpDueJob, next)).toEqual([]);
    const reminders = (await outbox(db.prisma)).filter((r) => r.message.mode === 'send' && r.message.notice.kind === 'handoverReminder' && modelOf<HandoverReminderModel>(r.message).reason === 'followUp');
    expect(reminders.map((r) => r.idempotencyKey)).toEqual([`handover:${id}:reminder:follow-up:${NOW.getTime()}:${w.kim.id}`, `handover:${id}:reminder:follow-up:${again.getTime()}:${w.kim.id}`]);
    expect(await claims(id)).toEqual([`handover:${id}:remind:follow-up:${NOW.getTime()}`, `handover:${id}:remind:follow-up:${again.getTime()}`].sort());
  });

  it('without a date the follow-up is due 2 working days after "klären lassen"', async () => {
    const id = await submitted(db.prisma, w);
    await requestClarification({ db: db.prisma, timeZone: TZ, actor: w.actors.kim, now: NOW, requestId: id });
    expect(await run(followUpDueJob, JUST_BEFORE)).toEqual([]);
    expect(await claims(id)).toEqual([]);
    expect(await run(followUpDueJob, DUE)).toEqual(['Erinnerung an Kim Community: Kundenabgabe 10023 (Müller GmbH) – Wiedervorlage der Klärung ist fällig']);
    expect(await run(followUpDueJob, DUE)).toEqual([]);
    expect(await run(followUpDueJob, new Date(DUE.getTime() + 14 * 86_400_000))).toEqual([]);
    expect(recipientsOf(await outbox(db.prisma), 'handoverReminder')).toEqual([w.kim.id]);
    expect(await claims(id)).toEqual([`handover:${id}:remind:follow-up:${NOW.getTime()}`]);
  });

  it('the working days come from the configuration', async () => {
    const id = await submitted(db.prisma, w);
    await requestClarification({ db: db.prisma, timeZone: TZ, actor: w.actors.kim, now: NOW, requestId: id });
    const ctx = (now: Date) => ({ prisma: db.prisma, now, logger: silentLogger, config: testConfig({ HANDOVER_REMINDER_WORKING_DAYS: '3' }) });
    expect(await followUpDueJob.run(ctx(DUE))).toEqual([]);
    expect(await followUpDueJob.run(ctx(new Date('2026-11-27T09:00:00Z')))).toHaveLength(1);
  });

  it('no follow-up reminder once the request moved on', async () => {
    const id = await submitted(db.prisma, w);
    const followUpAt = new Date('2026-12-01T08:00:00Z');
    await requestClarification({ db: db.prisma, timeZone: TZ, actor: w.actors.kim, now: NOW, requestId: id, followUpAt });
    await proposeSuccessor({ db: db.prisma, timeZone: TZ, actor: w.actors.kim, now: NOW, requestId: id, successorId: w.bernd.id, onboardingEffort: 'gering', caseSummary: CASE_SUMMARY });
    expect(await run(followUpDueJob, followUpAt)).toEqual([]);
    expect(await claims(id)).toEqual([]);
  });

  it('no follow-up reminder once the VPA answered "geklärt"', async () => {
    const id = await submitted(db.prisma, w);
    await requestClarification({ db: db.prisma, timeZone: TZ, actor: w.actors.kim, now: NOW, requestId: id });
    await answerClarification({ db: db.prisma, timeZone: TZ, actor: w.actors.anna, now: NOW, requestId: id, answer: 'resolved' });
    expect(await run(followUpDueJob, DUE)).toEqual([]);
  });
});

describe('step 4 overdue (after approval)', () => {
  it('"Kunde informiert" missing: the VPA after T working days, the managers after 2T, each once', async () => {
    const id = await approved(db.prisma, w); // approved on Tue 24 Nov
    expect(await run(stepOverdueJob, new Date(T.getTime() - 1))).toEqual([]);
    expect(await run(stepOverdueManagersJob, T)).toEqual([]);
    expect(await run(stepOverdueJob, T)).toEqual(['Erinnerung an Anna Beispiel: Kundenabgabe 10023 (Müller GmbH) – „Kunde informiert“ fehlt noch']);
    expect(await run(stepOverdueJob, T)).toEqual([]);
    let rows = await outbox(db.prisma);
    expect(recipientsOf(rows, 'handoverReminder')).toEqual([w.anna.id]);
    const toVpa = modelOf<HandoverReminderModel>(rows.find((r) => r.idempotencyKey === `handover:${id}:reminder:inform:${w.anna.id}`)?.message);
    expect(toVpa).toMatchObject({ reason: 'inform', closeActions: false, sinceText: 'seit 24.11.2026, 10:00 Uhr' });
    expect(toVpa.text).toMatch(/seit 5 Arbeitstagen freigegeben/);

    expect(await run(stepOverdueManagersJob, new Date(TWO_T.getTime() - 1))).toEqual([]);
    // the job twice at one instant (e.g. scheduler and `tick --now`): one reminder
    const [a, b] = await Promise.all([run(stepOverdueManagersJob, TWO_T), run(stepOverdueManagersJob, TWO_T)]);
    expect([...a, ...b]).toEqual(['Erinnerung an Maria Managerin, Nils Kundenmanager: Kundenabgabe 10023 (Müller GmbH) – „Kunde informiert“ fehlt noch']);
    expect(await run(stepOverdueManagersJob, TWO_T)).toEqual([]);
    expect(await run(stepOverdueJob, TWO_T)).toEqual([]);
    rows = await outbox(db.prisma);
    expect(recipientsOf(rows, 'handoverReminder')).toEqual([w.anna.id, w.maria.id, w.nils.id].sort());
    const toManager = modelOf<HandoverReminderModel>(rows.find((r) => r.idempotencyKey === `handover:${id}:reminder:inform:managers:${w.maria.id}`)?.message);
    expect(toManager).toMatchObject({ reason: 'stepOverdueManagers', closeActions: true, title: 'Übergabe stockt' });
    expect(toManager.text).toMatch(/„Kunde informiert“/);
    expect(await claims(id)).toEqual([`handover:${id}:remind:inform:first`, `handover:${id}:remind:inform:managers`]);
  });

  it('the managers exclude the VPA and the successor', async () => {
    const id = await approved(db.prisma, w);
    await db.prisma.personRole.create({ data: { personId: w.bernd.id, role: 'vpa_manager' } });
    expect(await run(stepOverdueManagersJob, TWO_T)).toHaveLength(1);
    expect(recipientsOf(await outbox(db.prisma), 'handoverReminder')).toEqual([w.maria.id, w.nils.id].sort());
    expect(await claims(id)).toEqual([`handover:${id}:remind:inform:managers`]);
  });

  it('training wanted: "Einarbeitung erfolgt" (since informed), then "Einarbeitung erhalten" (since given), each person then managers once', async () => {
    const id = await approved(db.prisma, w);
    // informed on Wednesday 25 Nov: T = Wed 2 Dec, 2T = Wed 9 Dec
    const informedAt = new Date('2026-11-25T09:00:00Z');
    await confirmClientInformed({ db: db.prisma, timeZone: TZ, actor: w.actors.anna, now: informedAt, requestId: id, trainingWanted: true });
    // the inform step is done: its reminders never come
    expect(await run(stepOverdueJob, T)).toEqual([]);
    expect(await run(stepOverdueManagersJob, TWO_T)).toEqual([]);
    expect(await claims(id)).toEqual([]);

    const givenDue = new Date('2026-12-02T09:00:00Z');
    expect(await run(stepOverdueJob, new Date(givenDue.getTime() - 1))).toEqual([]);
    expect(await run(stepOverdueJob, givenDue)).toEqual(['Erinnerung an Anna Beispiel: Kundenabgabe 10023 (Müller GmbH) – Einarbeitung noch nicht bestätigt']);
    expect(await run(stepOverdueJob, givenDue)).toEqual([]);
    let rows = await outbox(db.prisma);
    const reminder = modelOf<HandoverTrainingReminderModel>(rows.find((r) => r.idempotencyKey === `handover:${id}:reminder:training:given`)?.message);
    expect(reminder).toMatchObject({ step: 'given', otherPerson: { name: 'Bernd Nachfolger' }, actions: { confirmTrainingGiven: true, confirmTrainingReceived: false } });
    const givenManagersDue = new Date('2026-12-09T09:00:00Z');
    expect(await run(stepOverdueManagersJob, new Date(givenManagersDue.getTime() - 1))).toEqual([]);
    expect(await run(stepOverdueManagersJob, givenManagersDue)).toEqual(['Erinnerung an Maria Managerin, Nils Kundenmanager: Kundenabgabe 10023 (Müller GmbH) – Einarbeitung noch nicht bestätigt']);
    expect(await run(stepOverdueManagersJob, givenManagersDue)).toEqual([]);

    // given on Thursday 10 Dec: the successor's step starts then (T = Thu 17 Dec, 2T = Thu 24 Dec)
    const givenAt = new Date('2026-12-10T09:00:00Z');
    await confirmTrainingGiven({ db: db.prisma, timeZone: TZ, actor: w.actors.anna, now: givenAt, requestId: id });
    const receivedDue = new Date('2026-12-17T09:00:00Z');
    expect(await run(stepOverdueJob, new Date(receivedDue.getTime() - 1))).toEqual([]);
    const [a, b] = await Promise.all([run(stepOverdueJob, receivedDue), run(stepOverdueJob, receivedDue)]);
    expect([...a, ...b]).toEqual(['Erinnerung an Bernd Nachfolger: Kundenabgabe 10023 (Müller GmbH) – Erhalt der Einarbeitung noch nicht bestätigt']);
    expect(await run(stepOverdueJob, receivedDue)).toEqual([]);
    const receivedManagersDue = new Date('2026-12-24T09:00:00Z');
    expect(await run(stepOverdueManagersJob, new Date(receivedManagersDue.getTime() - 1))).toEqual([]);
    expect(await run(stepOverdueManagersJob, receivedManagersDue)).toEqual(['Erinnerung an Maria Managerin, Nils Kundenmanager: Kundenabgabe 10023 (Müller GmbH) – Erhalt der Einarbeitung noch nicht bestätigt']);
    expect(await run(stepOverdueManagersJob, receivedManagersDue)).toEqual([]);

    rows = await outbox(db.prisma);
    expect(rows.filter((r) => r.idempotencyKey === `handover:${id}:reminder:training:received`)).toHaveLength(1);
    expect(rows.filter((r) => r.idempotencyKey.startsWith(`handover:${id}:reminder:training-given:managers:`)).map((r) => r.idempotencyKey).sort()).toEqual(
      [w.maria.id, w.nils.id].map((m) => `handover:${id}:reminder:training-given:managers:${m}`).sort(),
    );
    expect(rows.filter((r) => r.idempotencyKey.startsWith(`handover:${id}:reminder:training-received:managers:`))).toHaveLength(2);
    // the reminder cards are tracked, so they lose their buttons when the state changes
    const tracked = JSON.parse((await db.prisma.handoverRequest.findUniqueOrThrow({ where: { id } })).cards) as { key: string }[];
    expect(tracked.map((c) => c.key)).toEqual(expect.arrayContaining([`handover:${id}:reminder:training:given`, `handover:${id}:reminder:training:received`]));
    expect(await claims(id)).toEqual(
      [
        `handover:${id}:remind:training-given:first`,
        `handover:${id}:remind:training-given:managers`,
        `handover:${id}:remind:training-received:first`,
        `handover:${id}:remind:training-received:managers`,
      ].sort(),
    );
  });

  it('no step reminders once the handover completed without a training', async () => {
    const id = await informed(db.prisma, w, { trainingWanted: false });
    expect((await db.prisma.handoverRequest.findUniqueOrThrow({ where: { id } })).status).toBe('completed');
    for (const job of [stepOverdueJob, stepOverdueManagersJob]) expect(await run(job, new Date('2027-01-15T09:00:00Z'))).toEqual([]);
    expect(await claims(id)).toEqual([]);
  });

  it('no step reminders while the completion failed: the managers were told already', async () => {
    const id = await approved(db.prisma, w);
    await db.prisma.assignment.updateMany({ where: { clientId: w.client.id, to: null }, data: { to: new Date(NOW.getTime() + 60_000) } });
    await confirmClientInformed({ db: db.prisma, timeZone: TZ, actor: w.actors.anna, now: new Date(NOW.getTime() + 120_000), requestId: id, trainingWanted: false });
    expect((await db.prisma.handoverRequest.findUniqueOrThrow({ where: { id } })).completionError).not.toBeNull();
    for (const job of [stepOverdueJob, stepOverdueManagersJob]) expect(await run(job, new Date('2027-01-15T09:00:00Z'))).toEqual([]);
    expect(await claims(id)).toEqual([]);
  });

  it('the training reminder days come from the configuration', async () => {
    await approved(db.prisma, w);
    const ctx = (now: Date) => ({ prisma: db.prisma, now, logger: silentLogger, config: testConfig({ HANDOVER_TRAINING_REMINDER_WORKING_DAYS: '1' }) });
    expect(await stepOverdueJob.run(ctx(new Date('2026-11-25T08:59:59Z')))).toEqual([]);
    expect(await stepOverdueJob.run(ctx(new Date('2026-11-25T09:00:00Z')))).toHaveLength(1);
    expect(await stepOverdueManagersJob.run(ctx(DUE))).toHaveLength(1);
  });
});
