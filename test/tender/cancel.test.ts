// "Umfrage abbrechen" (admin team) and "Frist verlängern": a cancelled tender keeps its reason on the admin team's
// cards, every invitation says it was cancelled (without the reason), applicants are told, nothing else changes.
import { describe, expect, it } from 'vitest';
import { applyToTender, awardTender, cancelTender, extendTenderDeadline, tenderCard } from '../../src/tender/index.ts';
import type { TenderInviteModel, TenderResultModel, TenderReviewModel } from '../../src/notices/tender.ts';
import type { TestDatabase } from '../support/db.ts';
import { DEADLINE, LATER, NOW, RULES, TZ, appError, currentVpas, gateway, lastUpdateOf, modelTo, openReview, outbox, sentTo, snapshot, started, useWorld, version, type RecordingGateway, type World } from './support.ts';

let db: TestDatabase;
let w: World;
let gw: RecordingGateway;

type Who = World['actors'][keyof World['actors']] | null;

async function cancel(tenderId: string, extra: { actor?: Who; reason?: string; expectedVersion?: number; now?: Date } = {}) {
  return cancelTender({
    db: db.prisma,
    actor: extra.actor === undefined ? w.actors.ada : extra.actor,
    now: extra.now ?? LATER,
    timeZone: TZ,
    rules: RULES,
    tenderId,
    reason: extra.reason ?? 'Kunde wurde direkt Ben Bereit zugewiesen.',
    expectedVersion: extra.expectedVersion ?? (await version(db.prisma, tenderId)),
  });
}

const apply = (tenderId: string, actor: Who, now = LATER) => applyToTender({ db: db.prisma, actor, now, timeZone: TZ, rules: RULES, gateway: gw, tenderId });

describe('tender: Umfrage abbrechen', () => {
  useWorld('sqlite', (d, x) => {
    db = d;
    w = x;
    gw = gateway();
  });

  it('cancels an open tender: status, audit with the reason, invitations and review cards updated, applicants told', async () => {
    const id = await started(db.prisma, w);
    await apply(id, w.actors.ben);
    const before = await version(db.prisma, id);
    const r = await cancel(id);
    expect(r).toMatchObject({ status: 'cancelled', version: before + 1 });
    expect(await db.prisma.tender.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: 'cancelled', cancelledById: w.ada.id, cancelReason: 'Kunde wurde direkt Ben Bereit zugewiesen.' });
    const audit = await db.prisma.auditEvent.findFirstOrThrow({ where: { subjectId: id, action: 'tender.cancelled' } });
    expect(audit.actorId).toBe(w.ada.id);
    // The audit log holds ids and decisions, never people's words: the reason lives on the tender.
    expect(JSON.parse(audit.data)).toEqual({ clientId: expect.any(String), from: 'open', invited: 2, applicants: 1 });

    const rows = await outbox(db.prisma);
    // Every invitation (Lena, Ben) is updated in place: cancelled, no button, no reason.
    for (const p of [w.lena, w.ben]) {
      const update = lastUpdateOf(rows, `tender:${id}:invite:${p.id}`);
      expect(update?.kind).toBe('tenderInvite');
      const m = update!.model as TenderInviteModel;
      expect(m).toMatchObject({ state: 'cancelled', actions: { apply: false } });
      expect(m.stateText).toContain('abgebrochen');
      expect(m.stateText).not.toContain('Ben Bereit zugewiesen');
    }
    // The admin team's review cards show who, when and why; no buttons any more.
    const review = lastUpdateOf(rows, `tender:${id}:review:${w.ada.id}`)!.model as TenderReviewModel;
    expect(review.status).toBe('cancelled');
    expect(review.statusLabel).toBe('Abgebrochen');
    expect(review.cancellation).toEqual({ text: expect.stringContaining('Abgebrochen von Ada Admin am 24.11.2026, 11:00 Uhr'), reason: 'Kunde wurde direkt Ben Bereit zugewiesen.' });
    expect(review.actions).toEqual({ start: false, award: false, cancel: false, extend: false });
    // Only the applicant gets a message of its own.
    expect(sentTo(rows, 'tenderResult')).toEqual([w.ben.id]);
    expect((modelTo(rows, 'tenderResult', w.ben.id) as TenderResultModel).outcome).toBe('cancelled');
    // The client stays where it was, and the platform is told nothing.
    expect(await currentVpas(db.prisma, w.client.id, LATER)).toEqual([w.conny.id]);
    expect(gw.calls).toHaveLength(0);
  });

  it('cancels a review that was never started; the card as it is now shows the reason', async () => {
    const id = await openReview(db.prisma, w);
    await cancel(id, { reason: '  Aufgabe hat sich erledigt  ' });
    const notice = await tenderCard({ db: db.prisma, tenderId: id, kind: 'tenderReview', now: LATER, timeZone: TZ, rules: RULES });
    expect((notice.model as TenderReviewModel).cancellation?.reason).toBe('Aufgabe hat sich erledigt');
    expect(sentTo(await outbox(db.prisma), 'tenderResult')).toEqual([]);
  });

  it('afterwards nobody can apply, award, extend or cancel again; each gets a clear refusal and nothing changes', async () => {
    const id = await started(db.prisma, w);
    await apply(id, w.actors.ben);
    await cancel(id);
    const before = await snapshot(db.prisma);
    const again = await appError(cancel(id));
    expect(again.code).toBe('TENDER_ALREADY_CANCELLED');
    expect(again.userMessage).toBe('Diese Umfrage wurde bereits am 24.11.2026 um 11:00 Uhr von Ada Admin abgebrochen.');
    expect((await appError(apply(id, w.actors.lena))).code).toBe('TENDER_ALREADY_CANCELLED');
    expect((await appError(awardTender({ db: db.prisma, actor: w.actors.alex, now: LATER, timeZone: TZ, rules: RULES, gateway: gw, tenderId: id, winnerId: w.ben.id }))).code).toBe('TENDER_ALREADY_CANCELLED');
    expect((await appError(extendTenderDeadline({ db: db.prisma, actor: w.actors.alex, now: LATER, timeZone: TZ, rules: RULES, tenderId: id, deadline: new Date(DEADLINE.getTime() + 86_400_000) }))).code).toBe('TENDER_ALREADY_CANCELLED');
    expect(await snapshot(db.prisma)).toBe(before);
  });

  it('refuses without changes: not an admin, no or a too short reason, an outdated card, an awarded tender', async () => {
    const id = await started(db.prisma, w);
    const before = await snapshot(db.prisma);
    expect((await appError(cancel(id, { actor: w.actors.kim }))).code).toBe('TENDER_ADMIN_ONLY');
    expect((await appError(cancel(id, { actor: null }))).code).toBe('NOT_REGISTERED');
    const short = await appError(cancel(id, { reason: ' kurz ' }));
    expect(short.code).toBe('TENDER_INPUT_INVALID');
    expect(short.userMessage).toContain('mindestens 5 Zeichen');
    expect((await appError(cancel(id, { reason: 'x'.repeat(1001) }))).code).toBe('TENDER_INPUT_INVALID');
    expect((await appError(cancel(id, { expectedVersion: 1 }))).code).toBe('TENDER_STALE');
    expect(await snapshot(db.prisma)).toBe(before);

    await apply(id, w.actors.lena); // the last VPA applies: awarded at once
    const awarded = await appError(cancel(id));
    expect(awarded.code).toBe('TENDER_ALREADY_AWARDED');
    expect(awarded.userMessage).toContain('an Lena Letzte vergeben');
  });

  it('two admins cancelling at once: one wins, the other is told who cancelled', async () => {
    const id = await started(db.prisma, w);
    const v = await version(db.prisma, id);
    const results = await Promise.allSettled([cancel(id, { expectedVersion: v }), cancel(id, { actor: w.actors.alex, expectedVersion: v })]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const lost = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(['TENDER_ALREADY_CANCELLED', 'TENDER_STALE']).toContain((lost.reason as { code: string }).code);
    expect(await db.prisma.auditEvent.count({ where: { subjectId: id, action: 'tender.cancelled' } })).toBe(1);
  });
});

describe('tender: Frist verlängern', () => {
  useWorld('sqlite', (d, x) => {
    db = d;
    w = x;
    gw = gateway();
  });

  const AFTER = new Date(DEADLINE.getTime() + 3_600_000);
  const NEW_DEADLINE = new Date('2026-12-01T22:59:59.999Z');
  const extend = async (id: string, deadline: Date, extra: { actor?: Who; now?: Date } = {}) =>
    extendTenderDeadline({ db: db.prisma, actor: extra.actor === undefined ? w.actors.ada : extra.actor, now: extra.now ?? AFTER, timeZone: TZ, rules: RULES, tenderId: id, deadline, expectedVersion: await version(db.prisma, id) });

  it('re-opens a tender whose deadline passed: the invitations show "bewerben" again and the VPAs can apply', async () => {
    const id = await started(db.prisma, w);
    expect((await appError(apply(id, w.actors.ben, AFTER))).code).toBe('TENDER_DEADLINE_PASSED');
    await extend(id, NEW_DEADLINE);
    expect((await db.prisma.tender.findUniqueOrThrow({ where: { id } })).deadline).toEqual(NEW_DEADLINE);
    const invite = lastUpdateOf(await outbox(db.prisma), `tender:${id}:invite:${w.ben.id}`)!.model as TenderInviteModel;
    expect(invite).toMatchObject({ state: 'open', actions: { apply: true }, deadlineText: '01.12.2026, 23:59 Uhr' });
    await apply(id, w.actors.ben, AFTER);
    expect(await db.prisma.tenderApplication.count({ where: { tenderId: id } })).toBe(1);
    const audit = await db.prisma.auditEvent.findFirstOrThrow({ where: { subjectId: id, action: 'tender.deadline_extended' } });
    expect(JSON.parse(audit.data)).toEqual({ from: DEADLINE.toISOString(), to: NEW_DEADLINE.toISOString() });
  });

  it('refuses an earlier or past deadline, a non-admin and a tender in review, changing nothing', async () => {
    const id = await started(db.prisma, w);
    const before = await snapshot(db.prisma);
    expect((await appError(extend(id, new Date(DEADLINE.getTime() - 86_400_000), { now: NOW }))).userMessage).toContain('nach der bisherigen');
    expect((await appError(extend(id, new Date(AFTER.getTime() - 60_000)))).userMessage).toBe('Die neue Frist muss in der Zukunft liegen.');
    expect((await appError(extend(id, NEW_DEADLINE, { actor: w.actors.ben }))).code).toBe('TENDER_ADMIN_ONLY');
    expect(await snapshot(db.prisma)).toBe(before);
    const review = await openReview(db.prisma, w, { taskId: await otherTask() });
    expect((await appError(extend(review, NEW_DEADLINE))).code).toBe('TENDER_WRONG_STATE');
  });
});

async function otherTask(): Promise<string> {
  await db.prisma.task.create({ data: { id: 'task-2', clientId: w.client.id, createdAt: NOW, title: 'Noch eine Aufgabe', competence: '', sourceKey: 'platform:task-2' } });
  return 'task-2';
}
