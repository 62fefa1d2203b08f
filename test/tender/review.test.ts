// The review a reactivated client's new task opens for the admin team, and `umfragen`.
import { describe, expect, it } from 'vitest';
import { deadlineFromDate, listTenders, openReactivationReview, tenderCard } from '../../src/tender/index.ts';
import type { TenderListModel, TenderReviewModel } from '../../src/notices/tender.ts';
import type { TestDatabase } from '../support/db.ts';
import { bindPurpose } from '../handover/support.ts';
import { DEADLINE, LATER, NOW, RULES, TZ, appError, gateway, modelTo, openReview, outbox, sentTo, snapshot, started, useWorld, version, type World } from './support.ts';
import { applyToTender, awardTender } from '../../src/tender/index.ts';

let db: TestDatabase;
let w: World;

useWorld('sqlite', (d, x) => {
  db = d;
  w = x;
});

describe('openReactivationReview', () => {
  it('creates the tender in review, audits it and sends the review card to every admin 1:1', async () => {
    const id = await openReview(db.prisma, w);
    const row = await db.prisma.tender.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ clientId: w.client.id, taskId: w.taskId, cycleId: null, status: 'review', lastVpaId: w.lena.id, deadline: null, version: 1, createdAt: NOW });
    const audit = await db.prisma.auditEvent.findMany({ where: { subjectType: 'tender', subjectId: id } });
    expect(audit.map((a) => a.action)).toEqual(['tender.review_opened']);
    expect(audit[0]!.actorId).toBeNull();
    const rows = await outbox(db.prisma);
    expect(sentTo(rows, 'tenderReview')).toEqual([w.ada.id, w.alex.id].sort());
    expect(JSON.parse(row.cards)).toEqual(
      expect.arrayContaining([
        { key: `tender:${id}:review:${w.ada.id}`, kind: 'tenderReview' },
        { key: `tender:${id}:review:${w.alex.id}`, kind: 'tenderReview' },
      ]),
    );

    const model = modelTo(rows, 'tenderReview', w.ada.id) as TenderReviewModel;
    expect(model).toMatchObject({
      tenderId: id,
      version: 1,
      status: 'review',
      statusLabel: 'Wartet auf den Start der Umfrage',
      client: { nameWithClass: 'Müller GmbH (B)', workTypeLabel: 'kontinuierliche Aufgaben' },
      task: { title: 'Quartalsabschluss vorbereiten', competence: 'Buchhaltung', createdAtText: '24.11.2026, 09:00 Uhr' },
      history: { lastStepText: 'Vorstellung durch Conny (Woche 12)', lastTaskBeforeText: null },
      lastVpa: {
        person: { id: w.lena.id, name: 'Lena Letzte' },
        isVpa: true,
        absentNow: false,
        absentLong: false,
        absenceText: null,
        takesNewClients: false,
        hasCompetence: true,
        leaveOutReasons: [],
        invited: null,
        leftOut: null,
        appliedAtText: null,
      },
      deadlineInput: { value: '2026-11-26', min: '2026-11-24' },
      deadlineText: null,
      invitees: [],
      applicants: [],
      award: null,
      actions: { start: true, award: false },
    });
    expect(model.lastVpaText).toBe('Lena Letzte betreute den Kunden zuletzt und wird immer eingeladen, auch ohne Wunsch nach neuen Kunden. Bewirbt sich Lena Letzte, bekommt Lena Letzte die Aufgabe sofort.');
  });

  it('is idempotent on the task: a second call sends and records nothing', async () => {
    const id = await openReview(db.prisma, w);
    const before = await snapshot(db.prisma);
    const again = await db.prisma.$transaction((tx) => openReactivationReview(tx, { clientId: w.client.id, taskId: w.taskId, cycleId: null, lastVpaId: w.lena.id, now: LATER, timeZone: TZ }));
    expect(again).toEqual({ tenderId: id, created: false });
    expect(await snapshot(db.prisma)).toBe(before);
  });

  it('goes to the admin channel when one is bound', async () => {
    await bindPurpose(db.prisma, 'admin', w.ada.id);
    const id = await openReview(db.prisma, w);
    expect(sentTo(await outbox(db.prisma), 'tenderReview')).toEqual(['channel:admin']);
    expect(JSON.parse((await db.prisma.tender.findUniqueOrThrow({ where: { id } })).cards)).toEqual([{ key: `tender:${id}:review:channel`, kind: 'tenderReview' }]);
  });

  it('finds the last VPA itself when none is given (never Conny), and shows a long absence with the reasons to record', async () => {
    await db.prisma.person.update({ where: { id: w.lena.id }, data: { absentFrom: new Date('2026-11-01T00:00:00Z'), absentUntil: null, competences: 'Lohn' } });
    await db.prisma.$transaction((tx) => openReactivationReview(tx, { clientId: w.client.id, taskId: w.taskId, cycleId: null, now: NOW, timeZone: TZ }));
    const model = modelTo(await outbox(db.prisma), 'tenderReview', w.ada.id) as TenderReviewModel;
    expect(model.lastVpa).toMatchObject({
      person: { id: w.lena.id },
      absentNow: true,
      absentLong: true,
      absenceText: 'abwesend seit 01.11.2026, ohne Enddatum',
      hasCompetence: false,
      leaveOutReasons: [
        { value: 'absent', label: 'abwesend (länger)' },
        { value: 'competence', label: 'fehlende Kompetenz' },
      ],
    });
    expect(model.history.lastStepText).toBeNull();
    expect(model.lastVpaText).toBe('Lena Letzte betreute den Kunden zuletzt, ist aber länger abwesend und hat die Kompetenz „Buchhaltung“ nicht: Die Aufgabe kann Lena Letzte nicht angeboten werden. Haltet beim Start fest, warum.');
  });

  it('shows the cycle: its last message step and the last task before the inactivity', async () => {
    await db.prisma.inactivityCycle.create({
      data: { id: 'cyc-1', clientId: w.client.id, cycle: 1, lastTaskAt: new Date('2026-03-12T10:00:00Z'), vpaId: w.lena.id, status: 'reactivated', createdAt: new Date('2026-05-07T10:00:00Z') },
    });
    await db.prisma.$transaction((tx) => openReactivationReview(tx, { clientId: w.client.id, taskId: w.taskId, cycleId: 'cyc-1', lastVpaId: w.lena.id, lastStep: '16-Wochen-Erinnerung', now: NOW, timeZone: TZ }));
    const model = modelTo(await outbox(db.prisma), 'tenderReview', w.ada.id) as TenderReviewModel;
    expect(model.history).toEqual({ lastStepText: '16-Wochen-Erinnerung', lastTaskBeforeText: '12.03.2026' });
    // Later cards show the same history.
    const notice = await tenderCard({ db: db.prisma, tenderId: model.tenderId, kind: 'tenderReview', now: LATER, timeZone: TZ, rules: RULES });
    expect((notice.model as TenderReviewModel).history).toEqual({ lastStepText: '16-Wochen-Erinnerung', lastTaskBeforeText: '12.03.2026' });
  });

  it('without a last VPA: no one to prefer', async () => {
    await openReview(db.prisma, w, { lastVpaId: null });
    const model = modelTo(await outbox(db.prisma), 'tenderReview', w.ada.id) as TenderReviewModel;
    expect(model.lastVpa).toBeNull();
    expect(model.lastVpaText).toBe('Für diesen Kunden ist kein früherer VPA bekannt.');
  });

  it('refuses a task of another client, inside the caller’s transaction', async () => {
    const e = await appError(db.prisma.$transaction((tx) => openReactivationReview(tx, { clientId: 'other', taskId: w.taskId, cycleId: null, lastVpaId: null, now: NOW, timeZone: TZ })));
    expect(e.code).toBe('TENDER_TASK_NOT_FOUND');
  });
});

describe('deadlineFromDate', () => {
  it('is the end of that day in the business time zone; null for nonsense', () => {
    expect(deadlineFromDate('2026-11-26', TZ)).toEqual(DEADLINE);
    expect(deadlineFromDate('2026-07-01', TZ)).toEqual(new Date('2026-07-01T21:59:59.999Z'));
    expect(deadlineFromDate('26.11.2026', TZ)).toBeNull();
    expect(deadlineFromDate('2026-02-30', TZ)).toBeNull();
  });
});

describe('listTenders (umfragen)', () => {
  const personal = { scope: 'personal' as const, conversationRefId: 'ref-1' };

  it('lists tenders in review and open, oldest first, not awarded ones; only for admins', async () => {
    const gw = gateway();
    const openId = await started(db.prisma, w);
    await applyToTender({ db: db.prisma, actor: w.actors.ben, now: LATER, timeZone: TZ, rules: RULES, gateway: gw, tenderId: openId });
    await db.prisma.task.create({ data: { id: 'task-2', clientId: w.client.id, createdAt: LATER, title: 'Reisekosten', competence: '', sourceKey: 'platform:task-2' } });
    const reviewId = await openReview(db.prisma, w, { taskId: 'task-2', now: LATER });

    const list: TenderListModel = await listTenders({ db: db.prisma, actor: w.actors.alex, now: LATER, timeZone: TZ, conversation: personal });
    expect(list.empty).toBe(false);
    expect(list.items.map((i) => [i.tenderId, i.status])).toEqual([
      [openId, 'open'],
      [reviewId, 'review'],
    ]);
    expect(list.items[0]).toMatchObject({ lastVpaName: 'Lena Letzte', invitedCount: 2, applicantNames: ['Ben Bereit'], stateText: 'Frist: 26.11.2026, 23:59 Uhr' });
    expect(list.items[1]).toMatchObject({ task: { title: 'Reisekosten', competence: null }, stateText: 'Wartet seit 24.11.2026, 11:00 Uhr auf den Start' });

    await awardTender({ db: db.prisma, actor: w.actors.ada, now: LATER, timeZone: TZ, rules: RULES, gateway: gw, tenderId: openId, winnerId: w.ben.id, expectedVersion: await version(db.prisma, openId) });
    const after = await listTenders({ db: db.prisma, actor: w.actors.alex, now: LATER, timeZone: TZ, conversation: personal });
    expect(after.items.map((i) => i.tenderId)).toEqual([reviewId]);

    for (const actor of [w.actors.ben, w.actors.kim]) expect((await appError(listTenders({ db: db.prisma, actor, now: LATER, timeZone: TZ, conversation: personal }))).code).toBe('TENDER_ADMIN_ONLY');
  });

  it('answers in the admin channel, but not in another channel or a group chat', async () => {
    await bindPurpose(db.prisma, 'admin', w.ada.id);
    const binding = await db.prisma.channelBinding.findUniqueOrThrow({ where: { purpose: 'admin' } });
    expect((await listTenders({ db: db.prisma, actor: w.actors.ada, now: NOW, timeZone: TZ, conversation: { scope: 'channel', conversationRefId: binding.conversationRefId } })).empty).toBe(true);
    for (const conversation of [{ scope: 'channel' as const, conversationRefId: 'elsewhere' }, { scope: 'groupChat' as const, conversationRefId: binding.conversationRefId }]) {
      const e = await appError(listTenders({ db: db.prisma, actor: w.actors.ada, now: NOW, timeZone: TZ, conversation }));
      expect(e.code).toBe('TENDER_LIST_WRONG_PLACE');
    }
  });

  it('says when the deadline passed', async () => {
    const id = await started(db.prisma, w);
    const list = await listTenders({ db: db.prisma, actor: w.actors.ada, now: new Date(DEADLINE.getTime() + 1), timeZone: TZ, conversation: personal });
    expect(list.items.find((i) => i.tenderId === id)?.stateText).toBe('Frist abgelaufen am 26.11.2026, 23:59 Uhr – keine Bewerbungen');
  });
});
