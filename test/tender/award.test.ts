// Applying (bewerben) and awarding (vergeben): the last VPA who applies gets the task at once; otherwise an admin
// awards it to one applicant. Awarding reassigns the client to the winner and tells the client through the
// platform port, in the winner's name.
import { describe, expect, it } from 'vitest';
import { applyToTender, awardTender } from '../../src/tender/index.ts';
import type { TenderInviteModel, TenderResultModel, TenderReviewModel } from '../../src/notices/tender.ts';
import { TEST_DATABASE_URL, type TestDatabase } from '../support/db.ts';
import { DEADLINE, LATER, RULES, TZ, appError, chats, currentVpas, gateway, reassignments, lastUpdateOf, modelTo, outbox, sentTo, snapshot, started, useWorld, version, type RecordingGateway, type World } from './support.ts';

const AFTER_DEADLINE = new Date(DEADLINE.getTime() + 1);

let db: TestDatabase;
let w: World;
let gw: RecordingGateway;

function apply(tenderId: string, actor: World['actors'][keyof World['actors']] | null, now = LATER) {
  return applyToTender({ db: db.prisma, actor, now, timeZone: TZ, rules: RULES, gateway: gw, tenderId });
}

async function award(tenderId: string, winnerId: string, extra: { actor?: World['actors'][keyof World['actors']] | null; now?: Date; expectedVersion?: number } = {}) {
  return awardTender({
    db: db.prisma,
    actor: extra.actor === undefined ? w.actors.ada : extra.actor,
    now: extra.now ?? LATER,
    timeZone: TZ,
    rules: RULES,
    gateway: gw,
    tenderId,
    winnerId,
    expectedVersion: extra.expectedVersion ?? (await version(db.prisma, tenderId)),
  });
}

describe('tender: apply and award', () => {
  useWorld('sqlite', (d, x) => {
    db = d;
    w = x;
    gw = gateway();
  });

  it('acceptance: the last VPA applying wins against earlier applicants, at once', async () => {
    // Lena is the last VPA; make Carla eligible so that two others apply first.
    await db.prisma.person.update({ where: { id: w.carla.id }, data: { competences: 'Buchhaltung' } });
    const id = await started(db.prisma, w);
    await apply(id, w.actors.ben);
    await apply(id, w.actors.carla);
    expect((await db.prisma.tender.findUniqueOrThrow({ where: { id } })).status).toBe('open');
    const r = await apply(id, w.actors.lena);
    expect(r).toMatchObject({ awarded: true, status: 'awarded', awardedToId: w.lena.id });
    const row = await db.prisma.tender.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ status: 'awarded', awardedToId: w.lena.id, awardedById: null, awardedAt: LATER });
    expect(await currentVpas(db.prisma, w.client.id, LATER)).toEqual([w.lena.id]);
    const rows = await outbox(db.prisma);
    expect(sentTo(rows, 'tenderResult')).toEqual([w.ben.id, w.carla.id, w.lena.id].sort());
    expect((modelTo(rows, 'tenderResult', w.lena.id) as TenderResultModel).outcome).toBe('won');
    expect((modelTo(rows, 'tenderResult', w.ben.id) as TenderResultModel).outcome).toBe('lost');
    const audit = await db.prisma.auditEvent.findFirstOrThrow({ where: { subjectId: id, action: 'tender.awarded' } });
    expect(JSON.parse(audit.data)).toMatchObject({ winnerId: w.lena.id, automatic: true });
  });

  it('acceptance: the award reassigns the client and notifies the client (recorded reassignClient and sendChat)', async () => {
    const id = await started(db.prisma, w);
    await apply(id, w.actors.ben);
    const before = await db.prisma.assignment.findMany({ where: { clientId: w.client.id } });
    await award(id, w.ben.id);
    // Conny's row ends now, Ben's starts now; Lena's old row is untouched.
    const after = await db.prisma.assignment.findMany({ where: { clientId: w.client.id }, orderBy: { from: 'asc' } });
    expect(after).toHaveLength(before.length + 1);
    expect(after.find((a) => a.vpaId === w.conny.id)?.to).toEqual(LATER);
    expect(after.find((a) => a.vpaId === w.ben.id)).toMatchObject({ from: LATER, to: null });
    expect(after.find((a) => a.vpaId === w.lena.id)?.to).toEqual(new Date('2026-07-01T00:00:00Z'));
    expect(await currentVpas(db.prisma, w.client.id, LATER)).toEqual([w.ben.id]);

    expect(reassignments(gw)).toEqual([{ clientId: w.client.id, fromVpaId: w.conny.id, toVpaId: w.ben.id, idempotencyKey: `tender:${id}:reassign` }]);
    expect(chats(gw)).toHaveLength(1);
    expect(chats(gw)[0]).toMatchObject({ clientId: w.client.id, senderId: w.ben.id, idempotencyKey: `tender:${id}:new-contact` });
    expect(chats(gw)[0]!.text).toContain('Ben');

    const row = await db.prisma.tender.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ status: 'awarded', awardedToId: w.ben.id, awardedById: w.ada.id, awardedAt: LATER });
    const rows = await outbox(db.prisma);
    expect(sentTo(rows, 'tenderResult')).toEqual([w.ben.id]);
    // The admin's review card and every invitation are updated: winner, no buttons left.
    const review = lastUpdateOf(rows, `tender:${id}:review:${w.ada.id}`);
    expect(review?.kind).toBe('tenderReview');
    const reviewModel = review!.model as TenderReviewModel;
    expect(reviewModel.status).toBe('awarded');
    expect(reviewModel.award).toMatchObject({ winner: { id: w.ben.id }, automatic: false });
    expect(reviewModel.actions).toEqual({ start: false, award: false, cancel: false, extend: false });
    const lenaCard = lastUpdateOf(rows, `tender:${id}:invite:${w.lena.id}`)!.model as TenderInviteModel;
    expect(lenaCard).toMatchObject({ state: 'closed', actions: { apply: false } });
    const benCard = lastUpdateOf(rows, `tender:${id}:invite:${w.ben.id}`)!.model as TenderInviteModel;
    expect(benCard).toMatchObject({ state: 'won', actions: { apply: false } });
    const audit = await db.prisma.auditEvent.findFirstOrThrow({ where: { subjectId: id, action: 'tender.awarded' } });
    expect(JSON.parse(audit.data)).toMatchObject({ winnerId: w.ben.id, automatic: false, fromVpaIds: [w.conny.id] });
  });

  it('an applicant who did not get the task is told so', async () => {
    await db.prisma.person.update({ where: { id: w.carla.id }, data: { competences: 'Buchhaltung' } });
    const id = await started(db.prisma, w);
    await apply(id, w.actors.ben);
    await apply(id, w.actors.carla);
    await award(id, w.carla.id);
    const rows = await outbox(db.prisma);
    expect(sentTo(rows, 'tenderResult')).toEqual([w.ben.id, w.carla.id].sort());
    const lost = modelTo(rows, 'tenderResult', w.ben.id) as TenderResultModel;
    expect(lost.outcome).toBe('lost');
    expect(lost.text).not.toContain('Carla'); // the winner's name is not told to the others
    expect((lastUpdateOf(rows, `tender:${id}:invite:${w.ben.id}`)!.model as TenderInviteModel).state).toBe('lost');
  });

  it('applying shows the applicant on the admin card and the invitation as applied', async () => {
    const id = await started(db.prisma, w);
    const r = await apply(id, w.actors.ben);
    expect(r).toMatchObject({ awarded: false, status: 'open' });
    const rows = await outbox(db.prisma);
    const review = lastUpdateOf(rows, `tender:${id}:review:${w.ada.id}`)!.model as TenderReviewModel;
    expect(review.applicants).toEqual([{ person: { id: w.ben.id, name: 'Ben Bereit' }, atText: '24.11.2026, 11:00 Uhr', isLastVpa: false }]);
    expect(review.awardChoices).toEqual([{ value: w.ben.id, label: 'Ben Bereit' }]);
    expect(review.actions).toEqual({ start: false, award: true, cancel: true, extend: true });
    expect((lastUpdateOf(rows, `tender:${id}:invite:${w.ben.id}`)!.model as TenderInviteModel)).toMatchObject({ state: 'applied', actions: { apply: false } });
    expect(reassignments(gw)).toEqual([]);
  });

  it('applying twice is refused the second time and changes nothing', async () => {
    const id = await started(db.prisma, w);
    await apply(id, w.actors.ben);
    const before = await snapshot(db.prisma);
    const e = await appError(apply(id, w.actors.ben));
    expect(e.code).toBe('TENDER_ALREADY_APPLIED');
    expect(e.userMessage).toBe('Du hast dich bereits am 24.11.2026 um 11:00 Uhr auf diese Aufgabe beworben.');
    expect(await snapshot(db.prisma)).toBe(before);
    expect(await db.prisma.tenderApplication.count({ where: { tenderId: id } })).toBe(1);
  });

  it('only invitees apply, only before the deadline, and not after the award', async () => {
    const id = await started(db.prisma, w);
    const before = await snapshot(db.prisma);
    expect((await appError(apply(id, w.actors.carla))).code).toBe('TENDER_NOT_INVITED');
    expect((await appError(apply(id, w.actors.ada))).code).toBe('TENDER_NOT_INVITED');
    expect((await appError(apply(id, null))).code).toBe('NOT_REGISTERED');
    const late = await appError(apply(id, w.actors.ben, AFTER_DEADLINE));
    expect(late.code).toBe('TENDER_DEADLINE_PASSED');
    expect(late.userMessage).toBe('Die Frist für Bewerbungen ist am 26.11.2026 um 23:59 Uhr abgelaufen.');
    expect(await snapshot(db.prisma)).toBe(before);
    await apply(id, w.actors.lena); // the last VPA: awarded at once
    const e = await appError(apply(id, w.actors.ben));
    expect(e.code).toBe('TENDER_ALREADY_AWARDED');
  });

  it('refuses an award by a non-admin, to a non-applicant, on a stale card; nothing changes', async () => {
    const id = await started(db.prisma, w);
    await apply(id, w.actors.ben);
    const before = await snapshot(db.prisma);
    for (const actor of [w.actors.ben, w.actors.lena, w.actors.kim]) expect((await appError(award(id, w.ben.id, { actor }))).code).toBe('TENDER_ADMIN_ONLY');
    expect((await appError(award(id, w.ben.id, { actor: null }))).code).toBe('NOT_REGISTERED');
    expect((await appError(award(id, w.lena.id))).code).toBe('TENDER_NOT_APPLICANT');
    expect((await appError(award(id, w.ben.id, { expectedVersion: 1 }))).code).toBe('TENDER_STALE');
    expect(await snapshot(db.prisma)).toBe(before);
    expect(reassignments(gw)).toEqual([]);
    expect(chats(gw)).toEqual([]);
  });

  it('awards after the deadline, too; a second award is refused with who awarded', async () => {
    const id = await started(db.prisma, w);
    await apply(id, w.actors.ben);
    await award(id, w.ben.id, { now: AFTER_DEADLINE });
    expect(await currentVpas(db.prisma, w.client.id, AFTER_DEADLINE)).toEqual([w.ben.id]);
    const again = await appError(award(id, w.ben.id, { actor: w.actors.alex, now: AFTER_DEADLINE }));
    expect(again.code).toBe('TENDER_ALREADY_AWARDED');
    expect(again.userMessage).toBe('Die Aufgabe wurde bereits am 27.11.2026 um 00:00 Uhr an Ben Bereit vergeben (von Ada Admin).');
  });

  it('when the last VPA applied, only they can be chosen', async () => {
    const id = await started(db.prisma, w);
    await apply(id, w.actors.ben);
    // An application of the last VPA that was not awarded at once (e.g. recorded before this rule): the rule still holds.
    await db.prisma.tenderApplication.create({ data: { tenderId: id, vpaId: w.lena.id, at: LATER } });
    const before = await snapshot(db.prisma);
    const e = await appError(award(id, w.ben.id));
    expect(e.code).toBe('TENDER_LAST_VPA_PREFERRED');
    expect(e.userMessage).toBe('Lena Letzte hat den Kunden zuletzt betreut und sich beworben: Die Aufgabe geht immer an Lena Letzte.');
    expect(await snapshot(db.prisma)).toBe(before);
    await award(id, w.lena.id);
    expect(await currentVpas(db.prisma, w.client.id, LATER)).toEqual([w.lena.id]);
  });

  it('a winner who already serves the client keeps their row; every other current VPA ends', async () => {
    // A shared client: Conny and Ben both current.
    await db.prisma.assignment.create({ data: { id: 'a-ben', clientId: w.client.id, vpaId: w.ben.id, from: new Date('2026-08-01T00:00:00Z') } });
    const id = await started(db.prisma, w);
    await apply(id, w.actors.ben);
    await award(id, w.ben.id);
    expect(await currentVpas(db.prisma, w.client.id, LATER)).toEqual([w.ben.id]);
    expect((await db.prisma.assignment.findUniqueOrThrow({ where: { id: 'a-ben' } })).to).toBeNull();
    expect(await db.prisma.assignment.count({ where: { clientId: w.client.id, vpaId: w.ben.id } })).toBe(1);
  });
});

for (const kind of ['sqlite', 'postgres'] as const) {
  describe.skipIf(kind === 'postgres' && !TEST_DATABASE_URL)(`tender: concurrency on ${kind}`, () => {
    useWorld(kind, (d, x) => {
      db = d;
      w = x;
      gw = gateway();
    });

    it('two admins awarding at the same moment give exactly one award, one reassignment, one client message', async () => {
      await db.prisma.person.update({ where: { id: w.carla.id }, data: { competences: 'Buchhaltung' } });
      const id = await started(db.prisma, w);
      await apply(id, w.actors.ben);
      await apply(id, w.actors.carla);
      const v = await version(db.prisma, id);
      const results = await Promise.allSettled([
        awardTender({ db: db.prisma, actor: w.actors.ada, now: LATER, timeZone: TZ, rules: RULES, gateway: gw, tenderId: id, winnerId: w.ben.id, expectedVersion: v }),
        awardTender({ db: db.prisma, actor: w.actors.alex, now: LATER, timeZone: TZ, rules: RULES, gateway: gw, tenderId: id, winnerId: w.carla.id, expectedVersion: v }),
      ]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const lost = results.find((r): r is PromiseRejectedResult => r.status === 'rejected')!;
      expect(['TENDER_ALREADY_AWARDED', 'TENDER_STALE']).toContain(lost.reason.code);
      const row = await db.prisma.tender.findUniqueOrThrow({ where: { id } });
      expect(await currentVpas(db.prisma, w.client.id, LATER)).toEqual([row.awardedToId]);
      expect(await db.prisma.auditEvent.count({ where: { subjectId: id, action: 'tender.awarded' } })).toBe(1);
      expect(reassignments(gw)).toHaveLength(1);
      expect(chats(gw)).toHaveLength(1);
      expect(sentTo(await outbox(db.prisma), 'tenderResult')).toEqual([w.ben.id, w.carla.id].sort());
    });

    it('the last VPA applying while an admin awards: one winner', async () => {
      const id = await started(db.prisma, w);
      await apply(id, w.actors.ben);
      const v = await version(db.prisma, id);
      const results = await Promise.allSettled([
        awardTender({ db: db.prisma, actor: w.actors.ada, now: LATER, timeZone: TZ, rules: RULES, gateway: gw, tenderId: id, winnerId: w.ben.id, expectedVersion: v }),
        applyToTender({ db: db.prisma, actor: w.actors.lena, now: LATER, timeZone: TZ, rules: RULES, gateway: gw, tenderId: id }),
      ]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      expect(await db.prisma.auditEvent.count({ where: { subjectId: id, action: 'tender.awarded' } })).toBe(1);
      expect(reassignments(gw)).toHaveLength(1);
      const row = await db.prisma.tender.findUniqueOrThrow({ where: { id } });
      expect(await currentVpas(db.prisma, w.client.id, LATER)).toEqual([row.awardedToId]);
    });

    it('the same VPA applying twice at once applies once', async () => {
      const id = await started(db.prisma, w);
      const results = await Promise.allSettled([apply(id, w.actors.ben), apply(id, w.actors.ben)]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      expect(await db.prisma.tenderApplication.count({ where: { tenderId: id } })).toBe(1);
      expect(await db.prisma.auditEvent.count({ where: { subjectId: id, action: 'tender.applied' } })).toBe(1);
    });
  });
}
