// Who is invited to a tender (Umfrage) and when the last VPA may be left out. The wiki: the last VPA is always
// invited, even when they want no new clients; only a long absence or a missing competence keeps the task from
// them, and then the admin team records which.
import { describe, expect, it } from 'vitest';
import { startTender, type StartTenderOptions } from '../../src/tender/index.ts';
import type { TenderInviteModel, TenderReviewModel } from '../../src/notices/tender.ts';
import type { TestDatabase } from '../support/db.ts';
import { DEADLINE, NOW, RULES, TZ, appError, invitedIds, modelTo, openReview, outbox, sentTo, snapshot, started, useWorld, version, type World } from './support.ts';

let db: TestDatabase;
let w: World;

useWorld('sqlite', (d, x) => {
  db = d;
  w = x;
});

async function start(tenderId: string, extra: Partial<StartTenderOptions> = {}) {
  return startTender({ db: db.prisma, actor: w.actors.ada, now: NOW, timeZone: TZ, rules: RULES, tenderId, expectedVersion: await version(db.prisma, tenderId), deadline: DEADLINE, ...extra });
}

const longAbsence = () => db.prisma.person.update({ where: { id: w.lena.id }, data: { absentFrom: new Date('2026-11-01T00:00:00Z'), absentUntil: new Date('2027-01-31T00:00:00Z') } });
const withoutCompetence = () => db.prisma.person.update({ where: { id: w.lena.id }, data: { competences: 'Lohn' } });

describe('acceptance: the last VPA', () => {
  it('who takes no new clients is still invited (and marked as the last VPA)', async () => {
    const id = await started(db.prisma, w);
    expect(await invitedIds(db.prisma, id)).toContain(w.lena.id);
    const invite = await db.prisma.tenderInvite.findUniqueOrThrow({ where: { tenderId_vpaId: { tenderId: id, vpaId: w.lena.id } } });
    expect(invite.isLastVpa).toBe(true);
    const model = modelTo(await outbox(db.prisma), 'tenderInvite', w.lena.id) as TenderInviteModel;
    expect(model).toMatchObject({ isLastVpa: true, state: 'open', actions: { apply: true }, deadlineText: '26.11.2026, 23:59 Uhr' });
    // Emil, who also takes no new clients but is not the last VPA, is not asked.
    expect(await invitedIds(db.prisma, id)).not.toContain(w.emil.id);
  });

  it('who is absent for long cannot be left out without a recorded reason; nothing changes', async () => {
    await longAbsence();
    const id = await openReview(db.prisma, w);
    const before = await snapshot(db.prisma);
    const e = await appError(start(id));
    expect(e.code).toBe('TENDER_LAST_VPA_REASON_MISSING');
    expect(e.userMessage).toBe('Lena Letzte ist länger abwesend und kann die Aufgabe deshalb nicht angeboten bekommen. Bitte haltet beim Start der Umfrage fest, warum Lena Letzte nicht eingeladen wird (abwesend), mit einer Notiz.');
    expect(await snapshot(db.prisma)).toBe(before);
  });

  it('who is absent for long is left out with the reason and the note recorded', async () => {
    await longAbsence();
    const id = await openReview(db.prisma, w);
    await start(id, { leaveOutLastVpa: { reason: 'absent', note: 'In Elternzeit bis Ende Januar.' } });
    const row = await db.prisma.tender.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ status: 'open', lastVpaId: w.lena.id, lastVpaLeftOut: 'absent', lastVpaLeftOutNote: 'In Elternzeit bis Ende Januar.', startedById: w.ada.id, deadline: DEADLINE });
    expect(await invitedIds(db.prisma, id)).toEqual([w.ben.id]);
    const audit = await db.prisma.auditEvent.findFirstOrThrow({ where: { subjectId: id, action: 'tender.started' } });
    expect(JSON.parse(audit.data)).toMatchObject({ lastVpaLeftOut: 'absent', invited: 1 });
    expect(audit.data).not.toContain('Elternzeit'); // no free text in the audit log
  });
});

describe('leaving the last VPA out', () => {
  it('without the competence needs the reason "fehlende Kompetenz"; "abwesend" is refused when not true', async () => {
    await withoutCompetence();
    const id = await openReview(db.prisma, w);
    const before = await snapshot(db.prisma);
    expect((await appError(start(id))).code).toBe('TENDER_LAST_VPA_REASON_MISSING');
    const wrong = await appError(start(id, { leaveOutLastVpa: { reason: 'absent', note: 'Ist nicht da.' } }));
    expect(wrong.code).toBe('TENDER_LAST_VPA_REQUIRED');
    expect(wrong.userMessage).toBe('Lena Letzte ist nicht länger abwesend. Nicht einladen dürft ihr Lena Letzte nur, wenn Lena Letzte länger abwesend ist oder die Kompetenz fehlt.');
    expect(await snapshot(db.prisma)).toBe(before);
    await start(id, { leaveOutLastVpa: { reason: 'competence', note: 'Macht keine Buchhaltung mehr.' } });
    expect(await invitedIds(db.prisma, id)).toEqual([w.ben.id]);
  });

  it('who is neither absent for long nor lacking the competence is refused; nothing changes', async () => {
    const id = await openReview(db.prisma, w);
    const before = await snapshot(db.prisma);
    for (const reason of ['absent', 'competence'] as const) {
      const e = await appError(start(id, { leaveOutLastVpa: { reason, note: 'Möchte ich nicht.' } }));
      expect(e.code).toBe('TENDER_LAST_VPA_REQUIRED');
    }
    expect(await snapshot(db.prisma)).toBe(before);
  });

  it('a short absence is no reason: the last VPA is invited and cannot be left out', async () => {
    await db.prisma.person.update({ where: { id: w.lena.id }, data: { absentFrom: new Date('2026-11-20T00:00:00Z'), absentUntil: new Date('2026-12-04T00:00:00Z') } });
    const id = await openReview(db.prisma, w);
    const review = modelTo(await outbox(db.prisma), 'tenderReview', w.ada.id) as TenderReviewModel;
    expect(review.lastVpa).toMatchObject({ absentNow: true, absentLong: false, leaveOutReasons: [] });
    expect((await appError(start(id, { leaveOutLastVpa: { reason: 'absent', note: 'Zwei Wochen Urlaub.' } }))).code).toBe('TENDER_LAST_VPA_REQUIRED');
    await start(id);
    expect(await invitedIds(db.prisma, id)).toContain(w.lena.id);
  });

  it('an absence without an end counts as long', async () => {
    await db.prisma.person.update({ where: { id: w.lena.id }, data: { absentFrom: new Date('2026-11-20T00:00:00Z'), absentUntil: null } });
    const id = await openReview(db.prisma, w);
    expect((await appError(start(id))).code).toBe('TENDER_LAST_VPA_REASON_MISSING');
  });

  it('an absence of exactly LONG_ABSENCE_DAYS counts as long, one day less does not', async () => {
    const from = new Date('2026-11-10T00:00:00Z');
    await db.prisma.person.update({ where: { id: w.lena.id }, data: { absentFrom: from, absentUntil: new Date(from.getTime() + 28 * 86_400_000) } });
    const id = await openReview(db.prisma, w);
    expect((await appError(start(id))).code).toBe('TENDER_LAST_VPA_REASON_MISSING');
    await db.prisma.person.update({ where: { id: w.lena.id }, data: { absentUntil: new Date(from.getTime() + 27 * 86_400_000) } });
    await start(id);
    expect(await invitedIds(db.prisma, id)).toContain(w.lena.id);
  });

  it('needs a note with the reason', async () => {
    await longAbsence();
    const id = await openReview(db.prisma, w);
    const e = await appError(start(id, { leaveOutLastVpa: { reason: 'absent', note: '   ' } }));
    expect(e.code).toBe('TENDER_INPUT_INVALID');
    expect(e.userMessage).toBe('Bitte schreibt eine kurze Notiz, warum Lena Letzte nicht eingeladen wird.');
  });

  it('a last VPA who is no VPA any more is not invited, and nothing needs recording', async () => {
    await db.prisma.personRole.delete({ where: { personId_role: { personId: w.lena.id, role: 'vpa' } } });
    const id = await openReview(db.prisma, w);
    await start(id);
    expect(await invitedIds(db.prisma, id)).toEqual([w.ben.id]);
  });
});

describe('eligible invitees', () => {
  it('VPAs with the competence, present, taking new clients; never Conny, never non-VPAs', async () => {
    const id = await started(db.prisma, w);
    // Ben: eligible (competence matched without regard to case and spaces). Lena: the last VPA.
    // Carla lacks the competence, Dora is absent, Emil takes no new clients, Conny and Kim are no candidates.
    expect(await invitedIds(db.prisma, id)).toEqual([w.ben.id, w.lena.id].sort());
    expect(sentTo(await outbox(db.prisma), 'tenderInvite')).toEqual([w.ben.id, w.lena.id].sort());
  });

  it('a task without a competence asks every present VPA who takes new clients', async () => {
    await db.prisma.task.update({ where: { id: w.taskId }, data: { competence: '' } });
    const id = await started(db.prisma, w);
    expect(await invitedIds(db.prisma, id)).toEqual([w.ben.id, w.carla.id, w.lena.id].sort());
  });

  it('an absence that ended or has not begun does not count', async () => {
    await db.prisma.person.update({ where: { id: w.dora.id }, data: { absentFrom: new Date('2026-12-01T00:00:00Z'), absentUntil: new Date('2026-12-10T00:00:00Z') } });
    await db.prisma.person.update({ where: { id: w.emil.id }, data: { takesNewClients: true, absentFrom: new Date('2026-10-01T00:00:00Z'), absentUntil: new Date('2026-11-01T00:00:00Z') } });
    const id = await started(db.prisma, w);
    expect(await invitedIds(db.prisma, id)).toEqual([w.ben.id, w.dora.id, w.emil.id, w.lena.id].sort());
  });

  it('refuses to start when nobody can be invited; nothing changes', async () => {
    await db.prisma.task.update({ where: { id: w.taskId }, data: { competence: 'Französisch' } });
    const id = await openReview(db.prisma, w);
    const before = await snapshot(db.prisma);
    const e = await appError(start(id, { leaveOutLastVpa: { reason: 'competence', note: 'Spricht kein Französisch.' } }));
    expect(e.code).toBe('TENDER_NO_INVITEES');
    expect(e.userMessage).toBe('Gerade kann niemand eingeladen werden: Kein VPA hat die Kompetenz „Französisch“, ist anwesend und nimmt neue Kunden. Es wurde nichts gestartet.');
    expect(await snapshot(db.prisma)).toBe(before);
  });
});

describe('startTender refusals change nothing', () => {
  it('non-admins, stale cards, a second start and a deadline in the past', async () => {
    const id = await openReview(db.prisma, w);
    const before = await snapshot(db.prisma);
    for (const actor of [w.actors.ben, w.actors.kim, w.actors.lena]) {
      expect((await appError(start(id, { actor }))).code).toBe('TENDER_ADMIN_ONLY');
    }
    expect((await appError(start(id, { actor: null }))).code).toBe('NOT_REGISTERED');
    expect((await appError(start(id, { expectedVersion: 99 }))).code).toBe('TENDER_STALE');
    const past = await appError(start(id, { deadline: new Date(NOW.getTime() - 1) }));
    expect(past.code).toBe('TENDER_INPUT_INVALID');
    expect(past.userMessage).toBe('Die Frist muss in der Zukunft liegen.');
    expect((await appError(startTender({ db: db.prisma, actor: w.actors.ada, now: NOW, timeZone: TZ, rules: RULES, tenderId: 'nope', expectedVersion: 1, deadline: DEADLINE }))).code).toBe('TENDER_NOT_FOUND');
    expect(await snapshot(db.prisma)).toBe(before);

    await start(id);
    const afterStart = await snapshot(db.prisma);
    const again = await appError(startTender({ db: db.prisma, actor: w.actors.alex, now: NOW, timeZone: TZ, rules: RULES, tenderId: id, deadline: DEADLINE }));
    expect(again.code).toBe('TENDER_WRONG_STATE');
    expect(again.userMessage).toBe('Die Umfrage wurde bereits von Ada Admin am 24.11.2026 um 10:00 Uhr gestartet.');
    expect(await snapshot(db.prisma)).toBe(afterStart);
  });
});
