import { describe, expect, it } from 'vitest';
import { submitRequest } from '../../src/handover/submit-request.ts';
import { proposeSuccessor } from '../../src/handover/propose-successor.ts';
import { decide } from '../../src/handover/decide.ts';
import { confirmTrainingGiven } from '../../src/handover/confirm-training-given.ts';
import { confirmTrainingReceived } from '../../src/handover/confirm-training-received.ts';
import { completeHandover } from '../../src/handover/complete-handover.ts';
import { withdrawRequest } from '../../src/handover/withdraw-request.ts';
import { handoverCard } from '../../src/handover/handover-card.ts';
import { vpaChangesLast12Months } from '../../src/assignments/history.ts';
import type { HandoverApprovalModel, HandoverCompletedModel, HandoverInformClientModel, HandoverReviewModel, HandoverSubmittedModel, HandoverTrainingReminderModel } from '../../src/notices/handover.ts';
import type { TestDatabase } from '../support/db.ts';
import { NOW, appError, approved, bindPurpose, outbox, proposed, recipientsOf, snapshot, submitted, updatesOf, validInput, type World, useWorld } from './support.ts';

let db: TestDatabase;
let w: World;
const at = (hours: number) => new Date(NOW.getTime() + hours * 3_600_000);

function modelOf<T>(m: unknown): T {
  return (m as { notice: { model: T } }).notice.model;
}

useWorld('sqlite', (d, x) => {
  db = d;
  w = x;
});

async function history() {
  return db.prisma.assignment.findMany({ where: { clientId: w.client.id }, orderBy: { from: 'asc' }, select: { vpaId: true, from: true, to: true } });
}

describe('the whole process', () => {
  it('submit -> propose -> approve -> training given + received -> the successor serves the client, counted in "VPA Wechsel 12mon"', async () => {
    await bindPurpose(db.prisma, 'freigabe', w.maria.id);
    const before = vpaChangesLast12Months(await history(), at(100), { timeZone: 'Europe/Berlin' });
    expect(before).toBe(1);

    const s = await submitRequest({ db: db.prisma, timeZone: 'Europe/Berlin', actor: w.actors.anna, now: at(0), input: validInput(w.client.id) });
    if (s.outcome !== 'submitted') throw new Error(s.outcome);
    const id = s.requestId;
    await proposeSuccessor({ db: db.prisma, timeZone: 'Europe/Berlin', actor: w.actors.kim, now: at(1), requestId: id, successorId: w.bernd.id, onboardingEffort: 'mittel', caseSummary: 'Der Kunde braucht Buchhaltung nach DATEV, die der VPA nicht abdecken kann.' });
    await decide({ db: db.prisma, timeZone: 'Europe/Berlin', actor: w.actors.nils, now: at(2), requestId: id, decision: 'approved', expectedVersion: 2 });

    // a VPA other than the two cannot confirm
    expect((await appError(confirmTrainingGiven({ db: db.prisma, timeZone: 'Europe/Berlin', actor: w.actors.bernd, now: at(3), requestId: id }))).code).toBe('HANDOVER_NOT_REQUESTER');
    expect((await appError(confirmTrainingReceived({ db: db.prisma, timeZone: 'Europe/Berlin', actor: w.actors.anna, now: at(3), requestId: id }))).code).toBe('HANDOVER_NOT_SUCCESSOR');

    const given = await confirmTrainingGiven({ db: db.prisma, timeZone: 'Europe/Berlin', actor: w.actors.anna, now: at(24), requestId: id });
    expect(given).toMatchObject({ changed: true, completed: false, status: 'approved' });
    // the successor is asked to confirm receipt
    let rows = await outbox(db.prisma);
    const nudge = modelOf<HandoverTrainingReminderModel>(rows.find((r) => r.idempotencyKey === `handover:${id}:training:given:successor`)?.message);
    expect(nudge).toMatchObject({ step: 'received', actions: { confirmTrainingGiven: false, confirmTrainingReceived: true } });
    expect(nudge.text).toMatch(/Anna Beispiel hat die Einarbeitung für Müller GmbH als erfolgt bestätigt/);
    // a second click changes nothing
    expect(await confirmTrainingGiven({ db: db.prisma, timeZone: 'Europe/Berlin', actor: w.actors.anna, now: at(25), requestId: id })).toMatchObject({ changed: false });
    expect((await history()).filter((a) => a.to === null).map((a) => a.vpaId)).toEqual([w.anna.id]);

    const received = await confirmTrainingReceived({ db: db.prisma, timeZone: 'Europe/Berlin', actor: w.actors.bernd, now: at(26), requestId: id });
    expect(received).toMatchObject({ changed: true, completed: true, status: 'completed' });

    const row = await db.prisma.handoverRequest.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ status: 'completed', completedAt: at(26), openClientId: null, trainingGivenAt: at(24), trainingReceivedAt: at(26) });
    const h = await history();
    expect(h.map((a) => [a.vpaId, a.to?.toISOString() ?? null])).toEqual([
      [w.carla.id, '2026-03-01T00:00:00.000Z'],
      [w.anna.id, at(26).toISOString()],
      [w.bernd.id, null],
    ]);
    expect(h[2]!.from).toEqual(at(26));
    expect(vpaChangesLast12Months(h, at(100), { timeZone: 'Europe/Berlin' })).toBe(before + 1);

    const audit = await db.prisma.auditEvent.findMany({ where: { subjectId: id } });
    expect(audit.map((a) => [a.action, a.actorId, a.at.toISOString()]).sort()).toEqual(
      [
        ['handover.submitted', w.anna.id, at(0).toISOString()],
        ['handover.successor_proposed', w.kim.id, at(1).toISOString()],
        ['handover.approved', w.nils.id, at(2).toISOString()],
        ['handover.training_given', w.anna.id, at(24).toISOString()],
        ['handover.training_received', w.bernd.id, at(26).toISOString()],
        ['handover.completed', w.bernd.id, at(26).toISOString()],
      ].sort(),
    );

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
      'Einarbeitung erfolgt (bestätigt von Anna Beispiel)',
      'Einarbeitung erhalten (bestätigt von Bernd Nachfolger)',
      'Übergabe abgeschlossen: Bernd Nachfolger betreut den Kunden',
    ]);
    expect(last.decision.label).toBe('Freigegeben von Nils Kundenmanager am 24.11.2026, 12:00 Uhr');
    expect(last.ref.status).toBe('completed');
    // the VPA's inform card lost its button and shows the training as done
    const inform = modelOf<HandoverInformClientModel>(updatesOf(rows, `handover:${id}:approved:vpa`).at(-1));
    expect(inform.actions.confirmTrainingGiven).toBe(false);
    expect(inform.training.text).toMatch(/^Einarbeitung abgeschlossen/);
    // nothing can happen to a completed request
    expect((await appError(withdrawRequest({ db: db.prisma, timeZone: 'Europe/Berlin', actor: w.actors.anna, now: at(30), requestId: id }))).code).toBe('HANDOVER_WRONG_STATE');
  });

  it('approval without a wanted training completes at once, in the same step', async () => {
    const id = await proposed(db.prisma, w, { clientWantsTraining: 'false' });
    await decide({ db: db.prisma, timeZone: 'Europe/Berlin', actor: w.actors.maria, now: at(2), requestId: id, decision: 'approved' });
    const row = await db.prisma.handoverRequest.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ status: 'completed', decision: 'approved', completedAt: at(2), openClientId: null });
    expect((await history()).filter((a) => a.to === null).map((a) => a.vpaId)).toEqual([w.bernd.id]);
    const rows = await outbox(db.prisma);
    const inform = modelOf<HandoverInformClientModel>(rows.find((r) => r.idempotencyKey === `handover:${id}:approved:vpa`)?.message);
    expect(inform.training).toMatchObject({ wanted: false, completed: true, text: 'Der Kunde wünscht keine Einarbeitung.' });
    expect(inform.actions.confirmTrainingGiven).toBe(false);
    expect(inform.howToInform.at(-1)).toMatch(/Ab sofort betreut Bernd Nachfolger den Kunden/);
    expect(recipientsOf(rows, 'handoverCompleted')).toEqual([]);
    expect((await appError(confirmTrainingGiven({ db: db.prisma, timeZone: 'Europe/Berlin', actor: w.actors.anna, now: at(3), requestId: id }))).code).toBe('HANDOVER_WRONG_STATE');
  });

  it('completion refuses and rolls back the approval when the client was reassigned meanwhile', async () => {
    const id = await proposed(db.prisma, w, { clientWantsTraining: 'false' });
    // An import moved the client to Carla in the meantime.
    await db.prisma.assignment.updateMany({ where: { clientId: w.client.id, to: null }, data: { to: at(1) } });
    await db.prisma.assignment.create({ data: { id: 'x', clientId: w.client.id, vpaId: w.carla.id, from: at(1) } });
    const before = await snapshot(db.prisma);
    expect((await appError(decide({ db: db.prisma, timeZone: 'Europe/Berlin', actor: w.actors.maria, now: at(2), requestId: id, decision: 'approved' }))).code).toBe('HANDOVER_ASSIGNMENT_CHANGED');
    expect(await snapshot(db.prisma)).toBe(before);
  });

  it('a manager can complete an approved handover without the confirmations; nobody else can', async () => {
    const id = await approved(db.prisma, w);
    const before = await snapshot(db.prisma);
    expect((await appError(completeHandover({ db: db.prisma, timeZone: 'Europe/Berlin', actor: w.actors.kim, now: at(5), requestId: id }))).code).toBe('HANDOVER_MANAGER_ONLY');
    expect((await appError(completeHandover({ db: db.prisma, timeZone: 'Europe/Berlin', actor: w.actors.anna, now: at(5), requestId: id }))).code).toBe('HANDOVER_MANAGER_ONLY');
    expect(await snapshot(db.prisma)).toBe(before);
    await completeHandover({ db: db.prisma, timeZone: 'Europe/Berlin', actor: w.actors.nils, now: at(5), requestId: id });
    expect((await db.prisma.handoverRequest.findUniqueOrThrow({ where: { id } })).status).toBe('completed');
    expect((await history()).filter((a) => a.to === null).map((a) => a.vpaId)).toEqual([w.bernd.id]);
    const completed = await db.prisma.auditEvent.findFirstOrThrow({ where: { subjectId: id, action: 'handover.completed' } });
    expect(JSON.parse(completed.data)).toMatchObject({ manual: true });
  });
});

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
