import { describe, expect, it } from 'vitest';
import { submitRequest } from '../../src/handover/submit-request.ts';
import { proposeSuccessor } from '../../src/handover/propose-successor.ts';
import { decide } from '../../src/handover/decide.ts';
import { confirmClientInformed } from '../../src/handover/confirm-client-informed.ts';
import { confirmTrainingGiven } from '../../src/handover/confirm-training-given.ts';
import { confirmTrainingReceived } from '../../src/handover/confirm-training-received.ts';
import { completeHandover } from '../../src/handover/complete-handover.ts';
import { cancelHandover } from '../../src/handover/cancel-handover.ts';
import { withdrawRequest } from '../../src/handover/withdraw-request.ts';
import { handoverCard } from '../../src/handover/handover-card.ts';
import { vpaChangesLast12Months } from '../../src/assignments/history.ts';
import type {
  HandoverApprovalModel,
  HandoverCompletedModel,
  HandoverInformClientModel,
  HandoverReminderModel,
  HandoverReviewModel,
  HandoverSubmittedModel,
  HandoverSuccessorModel,
  HandoverTrainingReminderModel,
} from '../../src/notices/handover.ts';
import { TEST_DATABASE_URL, type TestDatabase } from '../support/db.ts';
import { assign } from '../support/people.ts';
import { CASE_SUMMARY, NOW, appError, approved, bindPurpose, informed, outbox, proposed, recipientsOf, snapshot, submitted, updatesOf, validInput, type World, useWorld } from './support.ts';

let db: TestDatabase;
let w: World;
const TZ = 'Europe/Berlin';
const at = (hours: number) => new Date(NOW.getTime() + hours * 3_600_000);

function modelOf<T>(m: unknown): T {
  return (m as { notice: { model: T } }).notice.model;
}

useWorld('sqlite', (d, x) => {
  db = d;
  w = x;
});

async function history() {
  return db.prisma.assignment.findMany({ where: { clientId: w.client.id }, orderBy: [{ from: 'asc' }, { vpaId: 'asc' }], select: { vpaId: true, from: true, to: true } });
}

async function currentVpas(now: Date): Promise<string[]> {
  return (await history()).filter((a) => a.from <= now && (a.to === null || a.to > now)).map((a) => a.vpaId).sort();
}

/** The client goes to Carla at `when` (an import reassigned it while the handover ran). */
async function reassignToCarla(when: Date): Promise<void> {
  await db.prisma.assignment.updateMany({ where: { clientId: w.client.id, vpaId: w.anna.id, to: null }, data: { to: when } });
  await assign(db.prisma, { clientId: w.client.id, vpaId: w.carla.id, from: when });
}

describe('the whole process', () => {
  it('submit -> propose -> approve -> Kunde informiert (training wanted) -> training given + received -> the successor serves the client, counted in "VPA Wechsel 12mon"', async () => {
    await bindPurpose(db.prisma, 'freigabe', w.maria.id);
    const before = vpaChangesLast12Months(await history(), at(100), { timeZone: TZ });
    expect(before).toBe(1);

    const s = await submitRequest({ db: db.prisma, timeZone: TZ, actor: w.actors.anna, now: at(0), input: validInput(w.client.id) });
    if (s.outcome !== 'submitted') throw new Error(s.outcome);
    const id = s.requestId;
    await proposeSuccessor({ db: db.prisma, timeZone: TZ, actor: w.actors.kim, now: at(1), requestId: id, successorId: w.bernd.id, onboardingEffort: 'mittel', caseSummary: CASE_SUMMARY });
    await decide({ db: db.prisma, timeZone: TZ, actor: w.actors.nils, now: at(2), requestId: id, decision: 'approved', expectedVersion: 2 });

    // before "Kunde informiert" no training can be confirmed
    const early = await snapshot(db.prisma);
    expect((await appError(confirmTrainingGiven({ db: db.prisma, timeZone: TZ, actor: w.actors.anna, now: at(3), requestId: id }))).code).toBe('HANDOVER_WRONG_STATE');
    expect((await appError(confirmTrainingReceived({ db: db.prisma, timeZone: TZ, actor: w.actors.bernd, now: at(3), requestId: id }))).code).toBe('HANDOVER_WRONG_STATE');
    // only the requesting VPA confirms "Kunde informiert"
    for (const actor of [w.actors.bernd, w.actors.nils, w.actors.kim]) {
      expect((await appError(confirmClientInformed({ db: db.prisma, timeZone: TZ, actor, now: at(3), requestId: id, trainingWanted: true }))).code).toBe('HANDOVER_NOT_REQUESTER');
    }
    expect(await snapshot(db.prisma)).toBe(early);

    const inf = await confirmClientInformed({ db: db.prisma, timeZone: TZ, actor: w.actors.anna, now: at(3), requestId: id, trainingWanted: true });
    expect(inf).toMatchObject({ changed: true, status: 'approved' });
    let row = await db.prisma.handoverRequest.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ status: 'approved', clientInformedAt: at(3), trainingWanted: true, completedAt: null });
    expect(await currentVpas(at(3))).toEqual([w.anna.id]);
    // the successor learns that a training follows, with the receipt button
    let rows = await outbox(db.prisma);
    const heads = modelOf<HandoverTrainingReminderModel>(rows.find((r) => r.idempotencyKey === `handover:${id}:informed:successor`)?.message);
    expect(heads).toMatchObject({ step: 'received', actions: { confirmTrainingGiven: false, confirmTrainingReceived: true } });
    // the VPA's inform card now offers "Einarbeitung erfolgt"
    const informCard = modelOf<HandoverInformClientModel>(updatesOf(rows, `handover:${id}:approved:vpa`).at(-1));
    expect(informCard.actions).toEqual({ confirmClientInformed: false, confirmTrainingGiven: true });
    expect(informCard.informed).toMatchObject({ done: true, atText: '24.11.2026, 13:00 Uhr' });
    // a second click changes nothing
    expect(await confirmClientInformed({ db: db.prisma, timeZone: TZ, actor: w.actors.anna, now: at(4), requestId: id, trainingWanted: false })).toMatchObject({ changed: false });
    expect((await db.prisma.handoverRequest.findUniqueOrThrow({ where: { id } })).trainingWanted).toBe(true);

    // a VPA other than the two cannot confirm the training
    expect((await appError(confirmTrainingGiven({ db: db.prisma, timeZone: TZ, actor: w.actors.bernd, now: at(5), requestId: id }))).code).toBe('HANDOVER_NOT_REQUESTER');
    expect((await appError(confirmTrainingReceived({ db: db.prisma, timeZone: TZ, actor: w.actors.anna, now: at(5), requestId: id }))).code).toBe('HANDOVER_NOT_SUCCESSOR');

    const given = await confirmTrainingGiven({ db: db.prisma, timeZone: TZ, actor: w.actors.anna, now: at(24), requestId: id });
    expect(given).toMatchObject({ changed: true, completed: false, status: 'approved' });
    // the successor is asked to confirm receipt
    rows = await outbox(db.prisma);
    const nudge = modelOf<HandoverTrainingReminderModel>(rows.find((r) => r.idempotencyKey === `handover:${id}:training:given:successor`)?.message);
    expect(nudge).toMatchObject({ step: 'received', actions: { confirmTrainingGiven: false, confirmTrainingReceived: true } });
    expect(nudge.text).toMatch(/Anna Beispiel hat die Einarbeitung für Müller GmbH als erfolgt bestätigt/);
    // a second click changes nothing
    expect(await confirmTrainingGiven({ db: db.prisma, timeZone: TZ, actor: w.actors.anna, now: at(25), requestId: id })).toMatchObject({ changed: false });
    expect((await history()).filter((a) => a.to === null).map((a) => a.vpaId)).toEqual([w.anna.id]);

    const received = await confirmTrainingReceived({ db: db.prisma, timeZone: TZ, actor: w.actors.bernd, now: at(26), requestId: id });
    expect(received).toMatchObject({ changed: true, completed: true, status: 'completed' });
    // a late click on a completed request changes nothing
    expect(await confirmTrainingReceived({ db: db.prisma, timeZone: TZ, actor: w.actors.bernd, now: at(27), requestId: id })).toMatchObject({ changed: false, completed: true });

    row = await db.prisma.handoverRequest.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ status: 'completed', completedAt: at(26), openClientId: null, clientInformedAt: at(3), trainingGivenAt: at(24), trainingReceivedAt: at(26), completionError: null });
    const h = await history();
    expect(h.map((a) => [a.vpaId, a.to?.toISOString() ?? null])).toEqual([
      [w.carla.id, '2026-03-01T00:00:00.000Z'],
      [w.anna.id, at(26).toISOString()],
      [w.bernd.id, null],
    ]);
    expect(h[2]!.from).toEqual(at(26));
    expect(vpaChangesLast12Months(h, at(100), { timeZone: TZ })).toBe(before + 1);

    const audit = await db.prisma.auditEvent.findMany({ where: { subjectId: id } });
    expect(audit.map((a) => [a.action, a.actorId, a.at.toISOString()]).sort()).toEqual(
      [
        ['handover.submitted', w.anna.id, at(0).toISOString()],
        ['handover.successor_proposed', w.kim.id, at(1).toISOString()],
        ['handover.approved', w.nils.id, at(2).toISOString()],
        ['handover.client_informed', w.anna.id, at(3).toISOString()],
        ['handover.training_given', w.anna.id, at(24).toISOString()],
        ['handover.training_received', w.bernd.id, at(26).toISOString()],
        ['handover.completed', w.bernd.id, at(26).toISOString()],
      ].sort(),
    );
    expect(JSON.parse(audit.find((a) => a.action === 'handover.client_informed')!.data)).toEqual({ trainingWanted: true, formDefault: true });

    rows = await outbox(db.prisma);
    expect(recipientsOf(rows, 'handoverCompleted')).toEqual([w.anna.id, w.bernd.id].sort());
    const done = modelOf<HandoverCompletedModel>(rows.find((r) => r.idempotencyKey === `handover:${id}:completed:successor`)?.message);
    expect(done.text).toBe('Die Übergabe ist abgeschlossen: Du betreust Müller GmbH (B) ab jetzt.');
    // the channel card shows the decision for everyone; its last update shows the completed state
    const channel = updatesOf(rows, `handover:${id}:approval:channel`);
    const last = modelOf<HandoverApprovalModel>(channel.at(-1));
    // the timeline (from the audit log) keeps the process order, also for steps in the same instant
    const own = modelOf<HandoverSubmittedModel>(updatesOf(rows, `handover:${id}:submitted:vpa`).at(-1));
    expect(own.timeline.map((t) => t.text)).toEqual([
      'Eingereicht von Anna Beispiel',
      'Wechsel zu Bernd Nachfolger vorgeschlagen von Kim Community',
      'Freigegeben von Nils Kundenmanager',
      'Kunde informiert (bestätigt von Anna Beispiel)',
      'Einarbeitung erfolgt (bestätigt von Anna Beispiel)',
      'Einarbeitung erhalten (bestätigt von Bernd Nachfolger)',
      'Übergabe abgeschlossen: Bernd Nachfolger betreut den Kunden',
    ]);
    expect(last.decision.label).toBe('Freigegeben von Nils Kundenmanager am 24.11.2026, 12:00 Uhr');
    expect(last.ref.status).toBe('completed');
    expect(last.closable).toBe(false);
    // the VPA's inform card lost its buttons and shows the training as done
    const inform = modelOf<HandoverInformClientModel>(updatesOf(rows, `handover:${id}:approved:vpa`).at(-1));
    expect(inform.actions).toEqual({ confirmClientInformed: false, confirmTrainingGiven: false });
    expect(inform.training.text).toMatch(/^Einarbeitung abgeschlossen/);
    // nothing can happen to a completed request
    expect((await appError(withdrawRequest({ db: db.prisma, timeZone: TZ, actor: w.actors.anna, now: at(30), requestId: id }))).code).toBe('HANDOVER_WRONG_STATE');
    expect((await appError(completeHandover({ db: db.prisma, timeZone: TZ, actor: w.actors.maria, now: at(30), requestId: id, reason: 'Nur zur Sicherheit.' }))).code).toBe('HANDOVER_WRONG_STATE');
    expect((await appError(cancelHandover({ db: db.prisma, timeZone: TZ, actor: w.actors.maria, now: at(30), requestId: id, reason: 'Nur zur Sicherheit.' }))).code).toBe('HANDOVER_WRONG_STATE');
  });

  it('"Kunde informiert" without a training completes at once, whatever the form said', async () => {
    // the form said "training wanted" (only the default); the client says no
    const id = await approved(db.prisma, w, {}, at(2));
    const r = await confirmClientInformed({ db: db.prisma, timeZone: TZ, actor: w.actors.anna, now: at(3), requestId: id, trainingWanted: false });
    expect(r).toMatchObject({ changed: true, status: 'completed' });
    const row = await db.prisma.handoverRequest.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ status: 'completed', decision: 'approved', clientWantsTraining: true, trainingWanted: false, clientInformedAt: at(3), completedAt: at(3), openClientId: null });
    expect(await currentVpas(at(3))).toEqual([w.bernd.id]);
    const rows = await outbox(db.prisma);
    expect(recipientsOf(rows, 'handoverCompleted')).toEqual([w.anna.id, w.bernd.id].sort());
    // no training card for the successor
    expect(rows.find((x) => x.idempotencyKey === `handover:${id}:informed:successor`)).toBeUndefined();
    const inform = modelOf<HandoverInformClientModel>(updatesOf(rows, `handover:${id}:approved:vpa`).at(-1));
    expect(inform.training).toMatchObject({ wanted: false, completed: true, text: 'Der Kunde wünscht keine Einarbeitung.' });
    expect(inform.actions).toEqual({ confirmClientInformed: false, confirmTrainingGiven: false });
    const successor = modelOf<HandoverSuccessorModel>(updatesOf(rows, `handover:${id}:approved:successor`).at(-1));
    expect(successor.actions.confirmTrainingReceived).toBe(false);
    expect(await db.prisma.auditEvent.count({ where: { subjectId: id, action: 'handover.completed' } })).toBe(1);
    expect(JSON.parse((await db.prisma.auditEvent.findFirstOrThrow({ where: { subjectId: id, action: 'handover.completed' } })).data)).toMatchObject({ trainingWanted: false });
    // no training to confirm afterwards
    expect((await appError(confirmTrainingGiven({ db: db.prisma, timeZone: TZ, actor: w.actors.anna, now: at(4), requestId: id }))).code).toBe('HANDOVER_WRONG_STATE');
    expect(await confirmClientInformed({ db: db.prisma, timeZone: TZ, actor: w.actors.anna, now: at(4), requestId: id, trainingWanted: true })).toMatchObject({ changed: false, status: 'completed' });
  });

  // Suspected src bug (src/handover/context.ts STEP_ORDER): steps written in the same instant are ordered by
  // STEP_ORDER, which lacks the new actions (client_informed, completion_failed, cancelled, resolved,
  // clarification_failed). "Kunde informiert" without a training completes in the same instant, so the
  // timeline shows "Übergabe abgeschlossen" before "Kunde informiert". Flip to `it` once fixed.
  it('the timeline shows "Kunde informiert" before the completion it caused (same instant)', async () => {
    const id = await informed(db.prisma, w, { trainingWanted: false });
    const own = modelOf<HandoverSubmittedModel>(updatesOf(await outbox(db.prisma), `handover:${id}:submitted:vpa`).at(-1));
    expect(own.timeline.map((t) => t.text).slice(-2)).toEqual(['Kunde informiert (bestätigt von Anna Beispiel)', 'Übergabe abgeschlossen: Bernd Nachfolger betreut den Kunden']);
  });

  it('the client\'s wish at "Kunde informiert" overrides the form: no training in the form, but the client wants one', async () => {
    const id = await approved(db.prisma, w, { clientWantsTraining: 'false' }, at(2));
    await confirmClientInformed({ db: db.prisma, timeZone: TZ, actor: w.actors.anna, now: at(3), requestId: id, trainingWanted: true });
    expect(await db.prisma.handoverRequest.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: 'approved', clientWantsTraining: false, trainingWanted: true });
    expect(recipientsOf(await outbox(db.prisma), 'handoverTrainingReminder')).toEqual([w.bernd.id]);
    await confirmTrainingGiven({ db: db.prisma, timeZone: TZ, actor: w.actors.anna, now: at(4), requestId: id });
    expect(await confirmTrainingReceived({ db: db.prisma, timeZone: TZ, actor: w.actors.bernd, now: at(5), requestId: id })).toMatchObject({ completed: true });
    expect(await currentVpas(at(5))).toEqual([w.bernd.id]);
  });

  it('"Kunde informiert" needs an approved request', async () => {
    const id = await proposed(db.prisma, w);
    const before = await snapshot(db.prisma);
    expect((await appError(confirmClientInformed({ db: db.prisma, timeZone: TZ, actor: w.actors.anna, now: at(1), requestId: id, trainingWanted: false }))).code).toBe('HANDOVER_WRONG_STATE');
    expect(await snapshot(db.prisma)).toBe(before);
  });

  it('the training can be confirmed in either order; the second confirmation completes', async () => {
    const id = await informed(db.prisma, w, { trainingWanted: true });
    expect(await confirmTrainingReceived({ db: db.prisma, timeZone: TZ, actor: w.actors.bernd, now: at(1), requestId: id })).toMatchObject({ changed: true, completed: false });
    expect(await confirmTrainingGiven({ db: db.prisma, timeZone: TZ, actor: w.actors.anna, now: at(2), requestId: id })).toMatchObject({ changed: true, completed: true, status: 'completed' });
    expect(await currentVpas(at(2))).toEqual([w.bernd.id]);
  });

  it('approval refuses, and writes nothing, when the client was reassigned meanwhile', async () => {
    const id = await proposed(db.prisma, w, { clientWantsTraining: 'false' });
    await reassignToCarla(at(1));
    const before = await snapshot(db.prisma);
    expect((await appError(decide({ db: db.prisma, timeZone: TZ, actor: w.actors.maria, now: at(2), requestId: id, decision: 'approved' }))).code).toBe('HANDOVER_ASSIGNMENT_CHANGED');
    expect(await snapshot(db.prisma)).toBe(before);
  });
});

describe('completion that cannot move the assignment', () => {
  async function failedCompletion(): Promise<string> {
    const id = await approved(db.prisma, w, {}, at(2));
    await reassignToCarla(at(3));
    const r = await confirmClientInformed({ db: db.prisma, timeZone: TZ, actor: w.actors.anna, now: at(4), requestId: id, trainingWanted: false });
    expect(r).toMatchObject({ changed: true, status: 'approved' });
    return id;
  }

  it('keeps the request approved with the cause, audits it and tells every manager (with abschließen / abbrechen)', async () => {
    await bindPurpose(db.prisma, 'freigabe', w.maria.id);
    const id = await failedCompletion();
    const row = await db.prisma.handoverRequest.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ status: 'approved', clientInformedAt: at(4), trainingWanted: false, completedAt: null, completionFailedAt: at(4), openClientId: w.client.id });
    expect(row.completionError).toBe('Der Kunde ist inzwischen Carla Fremd zugeordnet, nicht mehr dem abgebenden VPA.');
    // nothing moved
    expect(await currentVpas(at(4))).toEqual([w.carla.id]);
    expect(await db.prisma.assignment.count({ where: { vpaId: w.bernd.id } })).toBe(0);
    const failed = await db.prisma.auditEvent.findMany({ where: { subjectId: id, action: 'handover.completion_failed' } });
    expect(failed).toHaveLength(1);
    expect(JSON.parse(failed[0]!.data)).toEqual({ cause: 'reassigned', currentVpaIds: [w.carla.id] });
    expect(await db.prisma.auditEvent.count({ where: { subjectId: id, action: 'handover.completed' } })).toBe(0);

    const rows = await outbox(db.prisma);
    const reminders = rows.filter((r) => r.message.mode === 'send' && r.message.notice.kind === 'handoverReminder');
    expect(recipientsOf(rows, 'handoverReminder')).toEqual([w.maria.id, w.nils.id].sort());
    expect(recipientsOf(rows, 'handoverCompleted')).toEqual([]);
    for (const r of reminders) {
      expect(r.idempotencyKey).toMatch(new RegExp(`^handover:${id}:completion-failed:v${row.version}:`));
      const model = modelOf<HandoverReminderModel>(r.message);
      expect(model).toMatchObject({ reason: 'completionFailed', closeActions: true, title: 'Übergabe konnte nicht abgeschlossen werden' });
      expect(model.text).toMatch(/Carla Fremd/);
    }
    // the approval card offers the managers abschließen / abbrechen with the cause
    const card = modelOf<HandoverApprovalModel>(updatesOf(rows, `handover:${id}:approval:channel`).at(-1));
    expect(card).toMatchObject({ closable: true, completionError: row.completionError, decidable: false });
  });

  it('a manager completes anyway: the successor gets a row, the other VPA keeps theirs', async () => {
    const id = await failedCompletion();
    const before = await snapshot(db.prisma);
    // a reason is required, and only a manager who is not part of the change may
    for (const reason of ['', '  ', 'ok']) {
      expect((await appError(completeHandover({ db: db.prisma, timeZone: TZ, actor: w.actors.nils, now: at(5), requestId: id, reason }))).code).toBe('HANDOVER_INPUT_INVALID');
    }
    expect((await appError(completeHandover({ db: db.prisma, timeZone: TZ, actor: w.actors.kim, now: at(5), requestId: id, reason: 'Kunde wünscht Bernd.' }))).code).toBe('HANDOVER_MANAGER_ONLY');
    expect((await appError(completeHandover({ db: db.prisma, timeZone: TZ, actor: w.actors.anna, now: at(5), requestId: id, reason: 'Kunde wünscht Bernd.' }))).code).toBe('HANDOVER_MANAGER_ONLY');
    expect(await snapshot(db.prisma)).toBe(before);

    const r = await completeHandover({ db: db.prisma, timeZone: TZ, actor: w.actors.nils, now: at(5), requestId: id, reason: 'Kunde wünscht Bernd trotzdem.' });
    expect(r.status).toBe('completed');
    const row = await db.prisma.handoverRequest.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ status: 'completed', completedAt: at(5), completionError: null, closedById: w.nils.id, closeReason: 'Kunde wünscht Bernd trotzdem.', openClientId: null });
    expect(await currentVpas(at(5))).toEqual([w.bernd.id, w.carla.id].sort());
    const audit = await db.prisma.auditEvent.findFirstOrThrow({ where: { subjectId: id, action: 'handover.completed' } });
    expect(audit.actorId).toBe(w.nils.id);
    expect(JSON.parse(audit.data)).toMatchObject({ manual: true, closedAssignmentIds: [], previousError: 'Der Kunde ist inzwischen Carla Fremd zugeordnet, nicht mehr dem abgebenden VPA.' });
    expect(recipientsOf(await outbox(db.prisma), 'handoverCompleted')).toEqual([w.anna.id, w.bernd.id].sort());
    // the other manager's click comes too late
    expect((await appError(cancelHandover({ db: db.prisma, timeZone: TZ, actor: w.actors.maria, now: at(6), requestId: id, reason: 'Doch lieber nicht.' }))).code).toBe('HANDOVER_WRONG_STATE');
  });

  it('a manager cancels: nothing moves, the client is free for a new request, VPA and successor are told', async () => {
    const id = await failedCompletion();
    expect((await appError(cancelHandover({ db: db.prisma, timeZone: TZ, actor: w.actors.maria, now: at(5), requestId: id, reason: 'kurz' }))).code).toBe('HANDOVER_INPUT_INVALID');
    const before = (await history()).map((a) => [a.vpaId, a.from.toISOString(), a.to?.toISOString() ?? null]);
    const r = await cancelHandover({ db: db.prisma, timeZone: TZ, actor: w.actors.maria, now: at(5), requestId: id, reason: 'Der Kunde ist jetzt bei Carla.' });
    expect(r.status).toBe('cancelled');
    const row = await db.prisma.handoverRequest.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ status: 'cancelled', cancelledAt: at(5), closedById: w.maria.id, closeReason: 'Der Kunde ist jetzt bei Carla.', openClientId: null, completedAt: null });
    expect((await history()).map((a) => [a.vpaId, a.from.toISOString(), a.to?.toISOString() ?? null])).toEqual(before);
    const audit = await db.prisma.auditEvent.findFirstOrThrow({ where: { subjectId: id, action: 'handover.cancelled' } });
    expect(audit.actorId).toBe(w.maria.id);
    const rows = await outbox(db.prisma);
    const told = rows.filter((x) => x.idempotencyKey === `handover:${id}:cancelled:vpa` || x.idempotencyKey === `handover:${id}:cancelled:successor`);
    expect(told).toHaveLength(2);
    for (const t of told) expect(modelOf<HandoverReminderModel>(t.message)).toMatchObject({ reason: 'cancelled', note: 'Der Kunde ist jetzt bei Carla.', closeActions: false });
    // nothing more happens to it
    expect((await appError(completeHandover({ db: db.prisma, timeZone: TZ, actor: w.actors.nils, now: at(6), requestId: id, reason: 'Doch abschließen.' }))).code).toBe('HANDOVER_WRONG_STATE');
    // (the VPA had confirmed "Kunde informiert" already: a repeated click changes nothing)
    expect(await confirmClientInformed({ db: db.prisma, timeZone: TZ, actor: w.actors.anna, now: at(6), requestId: id, trainingWanted: true })).toMatchObject({ changed: false, status: 'cancelled' });
    // Carla, who serves the client now, may start a new request
    const again = await submitRequest({ db: db.prisma, timeZone: TZ, actor: w.actors.carla, now: at(6), input: validInput(w.client.id) });
    expect(again.outcome).toBe('submitted');
  });

  it('the training path fails the same way when the client was reassigned before the last confirmation', async () => {
    const id = await informed(db.prisma, w, { trainingWanted: true, now: at(2) });
    await confirmTrainingGiven({ db: db.prisma, timeZone: TZ, actor: w.actors.anna, now: at(3), requestId: id });
    await reassignToCarla(at(4));
    const r = await confirmTrainingReceived({ db: db.prisma, timeZone: TZ, actor: w.actors.bernd, now: at(5), requestId: id });
    expect(r).toMatchObject({ changed: true, completed: false, status: 'approved' });
    expect((await db.prisma.handoverRequest.findUniqueOrThrow({ where: { id } })).completionError).toMatch(/Carla Fremd/);
    expect(recipientsOf(await outbox(db.prisma), 'handoverReminder')).toEqual([w.maria.id, w.nils.id].sort());
  });

  it('a client with no VPA at all is named as such', async () => {
    const id = await approved(db.prisma, w, {}, at(2));
    await db.prisma.assignment.updateMany({ where: { clientId: w.client.id, to: null }, data: { to: at(3) } });
    await confirmClientInformed({ db: db.prisma, timeZone: TZ, actor: w.actors.anna, now: at(4), requestId: id, trainingWanted: false });
    expect((await db.prisma.handoverRequest.findUniqueOrThrow({ where: { id } })).completionError).toBe('Der Kunde ist inzwischen keinem VPA mehr zugeordnet.');
  });
});

describe('abschließen / abbrechen by a manager', () => {
  it('a manager can complete an approved handover without the confirmations, with a reason; nobody else can', async () => {
    const id = await approved(db.prisma, w);
    const before = await snapshot(db.prisma);
    const reason = 'Bernd hat den Kunden schon übernommen.';
    expect((await appError(completeHandover({ db: db.prisma, timeZone: TZ, actor: w.actors.kim, now: at(5), requestId: id, reason }))).code).toBe('HANDOVER_MANAGER_ONLY');
    expect((await appError(completeHandover({ db: db.prisma, timeZone: TZ, actor: w.actors.anna, now: at(5), requestId: id, reason }))).code).toBe('HANDOVER_MANAGER_ONLY');
    expect((await appError(completeHandover({ db: db.prisma, timeZone: TZ, actor: w.actors.nils, now: at(5), requestId: id, reason: '' }))).code).toBe('HANDOVER_INPUT_INVALID');
    expect((await appError(completeHandover({ db: db.prisma, timeZone: TZ, actor: w.actors.nils, now: at(5), requestId: id, reason: 'x'.repeat(2001) }))).code).toBe('HANDOVER_INPUT_INVALID');
    expect(await snapshot(db.prisma)).toBe(before);
    await completeHandover({ db: db.prisma, timeZone: TZ, actor: w.actors.nils, now: at(5), requestId: id, reason });
    expect(await db.prisma.handoverRequest.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: 'completed', closedById: w.nils.id, closeReason: reason });
    expect((await history()).filter((a) => a.to === null).map((a) => a.vpaId)).toEqual([w.bernd.id]);
    const completed = await db.prisma.auditEvent.findFirstOrThrow({ where: { subjectId: id, action: 'handover.completed' } });
    expect(JSON.parse(completed.data)).toMatchObject({ manual: true });
  });

  it('a manager who is part of the change may not close it', async () => {
    const id = await approved(db.prisma, w);
    await db.prisma.personRole.create({ data: { personId: w.bernd.id, role: 'client_manager' } });
    const bernd = { ...w.actors.bernd, roles: [...w.actors.bernd.roles, 'client_manager' as const] };
    expect((await appError(completeHandover({ db: db.prisma, timeZone: TZ, actor: bernd, now: at(5), requestId: id, reason: 'Ich mache das selbst.' }))).code).toBe('HANDOVER_OWN_REQUEST');
    expect((await appError(cancelHandover({ db: db.prisma, timeZone: TZ, actor: bernd, now: at(5), requestId: id, reason: 'Ich mache das selbst.' }))).code).toBe('HANDOVER_OWN_REQUEST');
  });

  it('only an approved request can be completed or cancelled', async () => {
    const id = await proposed(db.prisma, w);
    const before = await snapshot(db.prisma);
    expect((await appError(completeHandover({ db: db.prisma, timeZone: TZ, actor: w.actors.nils, now: at(5), requestId: id, reason: 'Schnell erledigen.' }))).code).toBe('HANDOVER_WRONG_STATE');
    expect((await appError(cancelHandover({ db: db.prisma, timeZone: TZ, actor: w.actors.nils, now: at(5), requestId: id, reason: 'Schnell erledigen.' }))).code).toBe('HANDOVER_WRONG_STATE');
    expect(await snapshot(db.prisma)).toBe(before);
  });

  it('cancelling an approved handover keeps the VPA, and the confirmations are refused afterwards', async () => {
    const id = await approved(db.prisma, w);
    await cancelHandover({ db: db.prisma, timeZone: TZ, actor: w.actors.nils, now: at(5), requestId: id, reason: 'Der Kunde bleibt doch bei Anna.' });
    expect(await currentVpas(at(5))).toEqual([w.anna.id]);
    expect((await appError(confirmClientInformed({ db: db.prisma, timeZone: TZ, actor: w.actors.anna, now: at(6), requestId: id, trainingWanted: false }))).code).toBe('HANDOVER_WRONG_STATE');
    expect(await currentVpas(at(6))).toEqual([w.anna.id]);
  });
});

describe('which assignment moves', () => {
  it('an assignment with a future end date counts as current and moves (ends at completion)', async () => {
    await db.prisma.assignment.updateMany({ where: { clientId: w.client.id, vpaId: w.anna.id }, data: { to: new Date('2027-06-30T00:00:00Z') } });
    const id = await informed(db.prisma, w, { trainingWanted: false, now: at(2) });
    expect((await db.prisma.handoverRequest.findUniqueOrThrow({ where: { id } })).status).toBe('completed');
    const h = await history();
    expect(h.map((a) => [a.vpaId, a.to?.toISOString() ?? null])).toEqual([
      [w.carla.id, '2026-03-01T00:00:00.000Z'],
      [w.anna.id, at(2).toISOString()],
      [w.bernd.id, null],
    ]);
  });

  it('a shared client (two current VPAs) moves only the requesting VPA\'s row', async () => {
    await assign(db.prisma, { clientId: w.client.id, vpaId: w.carla.id, from: new Date('2026-06-01T00:00:00Z') });
    const id = await informed(db.prisma, w, { trainingWanted: false, now: at(2) });
    expect((await db.prisma.handoverRequest.findUniqueOrThrow({ where: { id } })).status).toBe('completed');
    expect(await currentVpas(at(3))).toEqual([w.bernd.id, w.carla.id].sort());
    const carla = await db.prisma.assignment.findMany({ where: { clientId: w.client.id, vpaId: w.carla.id }, orderBy: { from: 'asc' } });
    expect(carla.map((a) => a.to?.toISOString() ?? null)).toEqual(['2026-03-01T00:00:00.000Z', null]);
    const moved = JSON.parse((await db.prisma.auditEvent.findFirstOrThrow({ where: { subjectId: id, action: 'handover.completed' } })).data) as { closedAssignmentIds: string[] };
    expect(moved.closedAssignmentIds).toHaveLength(1);
  });

  it('an assignment ending exactly now is no longer current: the completion fails and waits for a manager', async () => {
    const id = await approved(db.prisma, w, {}, at(2));
    // Anna's row ends exactly now: "to > now" fails, so she no longer serves the client
    await db.prisma.assignment.updateMany({ where: { clientId: w.client.id, vpaId: w.anna.id }, data: { to: at(4) } });
    await confirmClientInformed({ db: db.prisma, timeZone: TZ, actor: w.actors.anna, now: at(4), requestId: id, trainingWanted: false });
    expect(await db.prisma.handoverRequest.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: 'approved', completionError: 'Der Kunde ist inzwischen keinem VPA mehr zugeordnet.' });
  });
});

for (const kind of ['sqlite', 'postgres'] as const) {
  describe.skipIf(kind === 'postgres' && !TEST_DATABASE_URL)(`training confirmations at the same moment on ${kind}`, () => {
    let pdb: TestDatabase;
    let pw: World;
    useWorld(kind, (d, x) => {
      pdb = d;
      pw = x;
    });

    it('"Einarbeitung erfolgt" and "Einarbeitung erhalten" together: both succeed, the handover completes exactly once', async () => {
      const id = await informed(pdb.prisma, pw, { trainingWanted: true });
      const when = new Date(NOW.getTime() + 86_400_000);
      const results = await Promise.all([
        confirmTrainingGiven({ db: pdb.prisma, timeZone: TZ, actor: pw.actors.anna, now: when, requestId: id }),
        confirmTrainingReceived({ db: pdb.prisma, timeZone: TZ, actor: pw.actors.bernd, now: when, requestId: id }),
      ]);
      expect(results.map((r) => r.changed)).toEqual([true, true]);
      expect(results.filter((r) => r.completed)).toHaveLength(1);
      const row = await pdb.prisma.handoverRequest.findUniqueOrThrow({ where: { id } });
      expect(row).toMatchObject({ status: 'completed', trainingGivenAt: when, trainingReceivedAt: when, completedAt: when, openClientId: null });
      expect(await pdb.prisma.auditEvent.count({ where: { subjectId: id, action: 'handover.completed' } })).toBe(1);
      const rows = await pdb.prisma.assignment.findMany({ where: { clientId: pw.client.id, to: null } });
      expect(rows.map((a) => a.vpaId)).toEqual([pw.bernd.id]);
      expect(await pdb.prisma.assignment.count({ where: { clientId: pw.client.id, vpaId: pw.bernd.id } })).toBe(1);
      expect(recipientsOf(await outbox(pdb.prisma), 'handoverCompleted')).toEqual([pw.anna.id, pw.bernd.id].sort());
    });
  });
}

describe('withdrawRequest', () => {
  it('only the requesting VPA may withdraw', async () => {
    const id = await submitted(db.prisma, w);
    const before = await snapshot(db.prisma);
    for (const actor of [w.actors.bernd, w.actors.kim, w.actors.maria]) {
      expect((await appError(withdrawRequest({ db: db.prisma, timeZone: 'Europe/Berlin', actor, now: at(1), requestId: id }))).code).toBe('HANDOVER_NOT_REQUESTER');
    }
    expect(await snapshot(db.prisma)).toBe(before);
  });

  it('every card that shows the request says it was withdrawn, and loses its buttons', async () => {
    await bindPurpose(db.prisma, 'freigabe', w.maria.id);
    const id = await proposed(db.prisma, w);
    const r = await withdrawRequest({ db: db.prisma, timeZone: 'Europe/Berlin', actor: w.actors.anna, now: at(1), requestId: id });
    expect(r.status).toBe('withdrawn');
    const row = await db.prisma.handoverRequest.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ status: 'withdrawn', withdrawnAt: at(1), openClientId: null });

    const rows = await outbox(db.prisma);
    const cards = JSON.parse(row.cards) as { key: string }[];
    expect(cards.map((c) => c.key).sort()).toEqual([`handover:${id}:approval:channel`, `handover:${id}:review:${w.kim.id}`, `handover:${id}:review:${w.lea.id}`, `handover:${id}:submitted:vpa`].sort());
    for (const card of cards) {
      const updates = rows.filter((x) => x.message.mode === 'update' && x.message.updatesKey === card.key && x.idempotencyKey === `${card.key}:v${row.version}`);
      expect(updates, card.key).toHaveLength(1);
      const model = modelOf<{ ref: { withdrawn: boolean; withdrawnText: string } }>(updates[0]!.message);
      expect(model.ref.withdrawn).toBe(true);
      expect(model.ref.withdrawnText).toBe('Zurückgezogen von Anna Beispiel am 24.11.2026, 11:00 Uhr');
    }
    const approval = modelOf<HandoverApprovalModel>(updatesOf(rows, `handover:${id}:approval:channel`).at(-1));
    expect(approval).toMatchObject({ decidable: false, decision: { state: 'withdrawn' } });
    const review = modelOf<HandoverReviewModel>(updatesOf(rows, `handover:${id}:review:${w.kim.id}`).at(-1));
    expect(review.actions.proposeSuccessor).toBe(false);
    const own = modelOf<HandoverSubmittedModel>(updatesOf(rows, `handover:${id}:submitted:vpa`).at(-1));
    expect(own.actions.withdraw).toBe(false);
    expect(own.nextStepText).toBe('Du hast die Anfrage zurückgezogen.');
    expect((await db.prisma.auditEvent.findFirstOrThrow({ where: { subjectId: id, action: 'handover.withdrawn' } })).actorId).toBe(w.anna.id);
  });

  it('an approved request can no longer be withdrawn', async () => {
    const id = await approved(db.prisma, w);
    expect((await appError(withdrawRequest({ db: db.prisma, timeZone: 'Europe/Berlin', actor: w.actors.anna, now: at(3), requestId: id }))).code).toBe('HANDOVER_WRONG_STATE');
  });
});

describe('handoverCard', () => {
  it('builds the current model of a card on demand (for refresh)', async () => {
    const id = await proposed(db.prisma, w);
    const notice = await handoverCard({ db: db.prisma, timeZone: 'Europe/Berlin', requestId: id, kind: 'handoverApproval', now: at(1) });
    expect(notice.kind).toBe('handoverApproval');
    expect((notice.model as HandoverApprovalModel).decidable).toBe(true);
    expect((await appError(handoverCard({ db: db.prisma, timeZone: 'Europe/Berlin', requestId: 'nope', kind: 'handoverApproval', now: at(1) }))).code).toBe('HANDOVER_NOT_FOUND');
  });
});
