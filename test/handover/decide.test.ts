import { describe, expect, it } from 'vitest';
import { decide } from '../../src/handover/decide.ts';
import { withdrawRequest } from '../../src/handover/withdraw-request.ts';
import type { HandoverApprovalModel, HandoverInformClientModel, HandoverRejectedModel, HandoverSuccessorModel } from '../../src/notices/handover.ts';
import { TEST_DATABASE_URL, type TestDatabase } from '../support/db.ts';
import { assign, createPerson } from '../support/people.ts';
import { proposeSuccessor } from '../../src/handover/propose-successor.ts';
import { CASE_SUMMARY, NOW, actorOf, appError, bindPurpose, outbox, proposed, recipientsOf, snapshot, submitted, updatesOf, type World, useWorld } from './support.ts';

const LATER = new Date(NOW.getTime() + 3_600_000);

function modelOf<T>(m: unknown): T {
  return (m as { notice: { model: T } }).notice.model;
}

for (const kind of ['sqlite', 'postgres'] as const) {
  describe.skipIf(kind === 'postgres' && !TEST_DATABASE_URL)(`decide: concurrency on ${kind}`, () => {
    let db: TestDatabase;
    let w: World;
    useWorld(kind, (d, x) => {
      db = d;
      w = x;
    });

    it('two managers deciding at the same moment produce exactly one decision; the other is told who decided', async () => {
      const id = await proposed(db.prisma, w);
      const results = await Promise.allSettled([
        decide({ db: db.prisma, timeZone: 'Europe/Berlin', actor: w.actors.maria, now: LATER, requestId: id, decision: 'approved' }),
        decide({ db: db.prisma, timeZone: 'Europe/Berlin', actor: w.actors.nils, now: LATER, requestId: id, decision: 'rejected', rejectionReason: 'Der Kunde hatte schon zu viele Wechsel.' }),
      ]);
      const won = results.filter((r) => r.status === 'fulfilled');
      const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(1);
      const row = await db.prisma.handoverRequest.findUniqueOrThrow({ where: { id } });
      const winner = row.decidedById === w.maria.id ? 'Maria Managerin' : 'Nils Kundenmanager';
      expect(row.decision).toBe(row.decidedById === w.maria.id ? 'approved' : 'rejected');
      expect(lost[0]!.reason.code).toBe('HANDOVER_ALREADY_DECIDED');
      expect(lost[0]!.reason.userMessage).toBe(`Diese Anfrage wurde bereits von ${winner} am 24.11.2026 um 11:00 Uhr ${row.decision === 'approved' ? 'freigegeben' : 'abgelehnt'}.`);
      const decisions = await db.prisma.auditEvent.count({ where: { subjectId: id, action: { in: ['handover.approved', 'handover.rejected'] } } });
      expect(decisions).toBe(1);
      // one set of messages: either the approval's two or the rejection's one
      const rows = await outbox(db.prisma);
      expect(recipientsOf(rows, 'handoverInformClient').length + recipientsOf(rows, 'handoverRejected').length).toBe(1);
    });

    it('the same manager clicking twice at once decides once', async () => {
      const id = await proposed(db.prisma, w);
      const results = await Promise.allSettled([
        decide({ db: db.prisma, timeZone: 'Europe/Berlin', actor: w.actors.maria, now: LATER, requestId: id, decision: 'approved', expectedVersion: 2 }),
        decide({ db: db.prisma, timeZone: 'Europe/Berlin', actor: w.actors.maria, now: LATER, requestId: id, decision: 'approved', expectedVersion: 2 }),
      ]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      expect(await db.prisma.auditEvent.count({ where: { subjectId: id, action: 'handover.approved' } })).toBe(1);
      expect(recipientsOf(await outbox(db.prisma), 'handoverSuccessor')).toEqual([w.bernd.id]);
    });
  });
}

describe('decide', () => {
  let db: TestDatabase;
  let w: World;
  useWorld('sqlite', (d, x) => {
    db = d;
    w = x;
  });

  it('refuses non-managers (a VPA pressing "Freigeben", the community team) and changes nothing', async () => {
    const id = await proposed(db.prisma, w);
    const before = await snapshot(db.prisma);
    for (const actor of [w.actors.anna, w.actors.carla, w.actors.kim]) {
      const e = await appError(decide({ db: db.prisma, timeZone: 'Europe/Berlin', actor, now: LATER, requestId: id, decision: 'approved' }));
      expect(e.code).toBe('HANDOVER_MANAGER_ONLY');
      expect(e.userMessage).toBe('Einen VPA-Wechsel freigeben oder ablehnen können nur VPA-Manager und Kundenmanager.');
    }
    expect((await appError(decide({ db: db.prisma, timeZone: 'Europe/Berlin', actor: null, now: LATER, requestId: id, decision: 'approved' }))).code).toBe('NOT_REGISTERED');
    expect(await snapshot(db.prisma)).toBe(before);
  });

  it('a manager who is part of the change may not decide it', async () => {
    const id = await proposed(db.prisma, w);
    // Bernd becomes a manager too; he is the successor.
    await db.prisma.personRole.create({ data: { personId: w.bernd.id, role: 'vpa_manager' } });
    const e = await appError(decide({ db: db.prisma, timeZone: 'Europe/Berlin', actor: await actorOf(db.prisma, w.bernd.id), now: LATER, requestId: id, decision: 'approved' }));
    expect(e.code).toBe('HANDOVER_OWN_REQUEST');
  });

  it('a rejection needs a reason', async () => {
    const id = await proposed(db.prisma, w);
    const before = await snapshot(db.prisma);
    const e = await appError(decide({ db: db.prisma, timeZone: 'Europe/Berlin', actor: w.actors.nils, now: LATER, requestId: id, decision: 'rejected', rejectionReason: ' ' }));
    expect(e.code).toBe('HANDOVER_INPUT_INVALID');
    expect(e.userMessage).toBe('Bitte gib einen Grund für die Ablehnung an.');
    expect(await snapshot(db.prisma)).toBe(before);
  });

  it('a rejection closes the request, tells the VPA why, and shows the decision on the channel card for everyone', async () => {
    await bindPurpose(db.prisma, 'freigabe', w.maria.id);
    const id = await proposed(db.prisma, w);
    await decide({ db: db.prisma, timeZone: 'Europe/Berlin', actor: w.actors.nils, now: LATER, requestId: id, decision: 'rejected', rejectionReason: 'Zu viele Wechsel in kurzer Zeit.' });
    const row = await db.prisma.handoverRequest.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ status: 'rejected', decision: 'rejected', decidedById: w.nils.id, decidedAt: LATER, rejectionReason: 'Zu viele Wechsel in kurzer Zeit.', openClientId: null });
    const rows = await outbox(db.prisma);
    const rejected = modelOf<HandoverRejectedModel>(rows.find((r) => r.idempotencyKey === `handover:${id}:rejected:vpa`)?.message);
    expect(rejected).toMatchObject({ rejectionReason: 'Zu viele Wechsel in kurzer Zeit.', decidedBy: { name: 'Nils Kundenmanager' }, decidedAtText: '24.11.2026, 11:00 Uhr', keepSupportingText: 'Bitte betreue Müller GmbH (B) weiterhin.' });
    const channel = updatesOf(rows, `handover:${id}:approval:channel`);
    expect(channel).toHaveLength(1);
    expect(rows.find((r) => r.message.mode === 'update' && r.message.updatesKey === `handover:${id}:approval:channel`)?.conversationKey).toBe('channel:freigabe'); // the update goes to the channel that holds the post
    const card = modelOf<HandoverApprovalModel>(channel[0]);
    expect(card.decision).toEqual({ state: 'rejected', label: 'Abgelehnt von Nils Kundenmanager am 24.11.2026, 11:00 Uhr', byName: 'Nils Kundenmanager', atText: '24.11.2026, 11:00 Uhr', rejectionReason: 'Zu viele Wechsel in kurzer Zeit.' });
    expect(card.decidable).toBe(false);
    expect(recipientsOf(rows, 'handoverSuccessor')).toEqual([]);
  });

  it('an approval tells the VPA to inform the client (and how) and the successor with the notes', async () => {
    const id = await proposed(db.prisma, w);
    await decide({ db: db.prisma, timeZone: 'Europe/Berlin', actor: w.actors.maria, now: LATER, requestId: id, decision: 'approved' });
    const row = await db.prisma.handoverRequest.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ status: 'approved', decision: 'approved', decidedById: w.maria.id, openClientId: w.client.id });
    const rows = await outbox(db.prisma);
    const inform = modelOf<HandoverInformClientModel>(rows.find((r) => r.idempotencyKey === `handover:${id}:approved:vpa`)?.message);
    expect(inform.successor.name).toBe('Bernd Nachfolger');
    expect(inform.howToInform[0]).toMatch(/Informiere Müller GmbH bitte selbst und persönlich/);
    expect(inform.howToInform.join(' ')).toMatch(/Kunde informiert/);
    expect(inform.howToInform.join(' ')).toMatch(/Einarbeitung erfolgt/);
    // first "Kunde informiert" (with the form's answer as the default of the client's wish); the training follows
    expect(inform.actions).toEqual({ confirmClientInformed: true, confirmTrainingGiven: false });
    expect(inform.informed).toEqual({ done: false, atText: null, trainingWantedDefault: true });
    const successor = modelOf<HandoverSuccessorModel>(rows.find((r) => r.idempotencyKey === `handover:${id}:approved:successor`)?.message);
    expect(successor).toMatchObject({ successorNotes: 'Der Kunde mag kurze Nachrichten am Vormittag.', previousVpa: { name: 'Anna Beispiel' }, onboardingEffort: 'mittel', actions: { confirmTrainingReceived: false } });
    expect(successor.trainingIntro).toMatch(/informiert den Kunden jetzt/);
    expect(recipientsOf(rows, 'handoverSuccessor')).toEqual([w.bernd.id]);
    // approval never moves the assignment and never completes
    expect(await db.prisma.assignment.count({ where: { clientId: w.client.id, to: null, vpaId: w.anna.id } })).toBe(1);
    expect(await db.prisma.assignment.count({ where: { clientId: w.client.id, vpaId: w.bernd.id } })).toBe(0);
    expect(row.completedAt).toBeNull();
    expect(row.clientInformedAt).toBeNull();
    expect(recipientsOf(rows, 'handoverCompleted')).toEqual([]);
  });

  it('approval does not complete even when the form said no training: the VPA informs the client first', async () => {
    const id = await proposed(db.prisma, w, { clientWantsTraining: 'false' });
    const r = await decide({ db: db.prisma, timeZone: 'Europe/Berlin', actor: w.actors.maria, now: LATER, requestId: id, decision: 'approved' });
    expect(r.status).toBe('approved');
    const row = await db.prisma.handoverRequest.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ status: 'approved', completedAt: null, trainingWanted: null, openClientId: w.client.id });
    expect(await db.prisma.assignment.count({ where: { clientId: w.client.id, to: null, vpaId: w.anna.id } })).toBe(1);
  });

  it('four eyes: a manager who also reviews (community + vpa_manager) cannot approve their own proposal', async () => {
    const paula = await createPerson(db.prisma, { name: 'Paula Doppelrolle', roles: ['community', 'vpa_manager'] });
    const paulaActor = await actorOf(db.prisma, paula.id);
    const id = await submitted(db.prisma, w);
    await proposeSuccessor({ db: db.prisma, timeZone: 'Europe/Berlin', actor: paulaActor, now: NOW, requestId: id, successorId: w.bernd.id, onboardingEffort: 'mittel', caseSummary: CASE_SUMMARY });
    const before = await snapshot(db.prisma);
    for (const decision of ['approved', 'rejected'] as const) {
      const e = await appError(decide({ db: db.prisma, timeZone: 'Europe/Berlin', actor: paulaActor, now: LATER, requestId: id, decision, rejectionReason: 'Lieber doch nicht wechseln.' }));
      expect(e.code).toBe('HANDOVER_OWN_PROPOSAL');
      expect(e.userMessage).toMatch(/Vier-Augen-Prinzip/);
    }
    expect(await snapshot(db.prisma)).toBe(before);
    // another manager decides
    await decide({ db: db.prisma, timeZone: 'Europe/Berlin', actor: w.actors.maria, now: LATER, requestId: id, decision: 'approved' });
    expect((await db.prisma.handoverRequest.findUniqueOrThrow({ where: { id } })).status).toBe('approved');
  });

  it('an approval for a client the VPA no longer serves is refused, before anything is written; a rejection still works', async () => {
    const id = await proposed(db.prisma, w);
    // Meanwhile the client went to Carla.
    const moved = new Date(NOW.getTime() + 60_000);
    await db.prisma.assignment.updateMany({ where: { clientId: w.client.id, vpaId: w.anna.id, to: null }, data: { to: moved } });
    await assign(db.prisma, { clientId: w.client.id, vpaId: w.carla.id, from: moved });
    const before = await snapshot(db.prisma);
    const e = await appError(decide({ db: db.prisma, timeZone: 'Europe/Berlin', actor: w.actors.maria, now: LATER, requestId: id, decision: 'approved' }));
    expect(e.code).toBe('HANDOVER_ASSIGNMENT_CHANGED');
    expect(await snapshot(db.prisma)).toBe(before);
    await decide({ db: db.prisma, timeZone: 'Europe/Berlin', actor: w.actors.nils, now: LATER, requestId: id, decision: 'rejected', rejectionReason: 'Kunde ist schon bei Carla.' });
    expect((await db.prisma.handoverRequest.findUniqueOrThrow({ where: { id } })).status).toBe('rejected');
  });

  it('an assignment that ends in the future still counts as current: approval works', async () => {
    const id = await proposed(db.prisma, w);
    await db.prisma.assignment.updateMany({ where: { clientId: w.client.id, vpaId: w.anna.id, to: null }, data: { to: new Date('2027-03-01T00:00:00Z') } });
    await decide({ db: db.prisma, timeZone: 'Europe/Berlin', actor: w.actors.maria, now: LATER, requestId: id, decision: 'approved' });
    expect((await db.prisma.handoverRequest.findUniqueOrThrow({ where: { id } })).status).toBe('approved');
  });

  it('a later click says who decided already and when', async () => {
    const id = await proposed(db.prisma, w);
    await decide({ db: db.prisma, timeZone: 'Europe/Berlin', actor: w.actors.maria, now: LATER, requestId: id, decision: 'approved' });
    const before = await snapshot(db.prisma);
    const e = await appError(decide({ db: db.prisma, timeZone: 'Europe/Berlin', actor: w.actors.nils, now: new Date(LATER.getTime() + 60_000), requestId: id, decision: 'rejected', rejectionReason: 'Doch lieber nicht.' }));
    expect(e.code).toBe('HANDOVER_ALREADY_DECIDED');
    expect(e.userMessage).toBe('Diese Anfrage wurde bereits von Maria Managerin am 24.11.2026 um 11:00 Uhr freigegeben.');
    expect(await snapshot(db.prisma)).toBe(before);
  });

  it('a withdrawn request cannot be decided', async () => {
    const id = await proposed(db.prisma, w);
    await withdrawRequest({ db: db.prisma, timeZone: 'Europe/Berlin', actor: w.actors.anna, now: LATER, requestId: id });
    const e = await appError(decide({ db: db.prisma, timeZone: 'Europe/Berlin', actor: w.actors.maria, now: LATER, requestId: id, decision: 'approved' }));
    expect(e.code).toBe('HANDOVER_WITHDRAWN');
    expect(e.userMessage).toBe('Der VPA hat diese Anfrage zurückgezogen.');
  });

  it('a request still in review cannot be decided', async () => {
    const extra = await createPerson(db.prisma, { name: 'Olga Managerin', roles: ['client_manager'] });
    const id = await submitted(db.prisma, w);
    const e = await appError(decide({ db: db.prisma, timeZone: 'Europe/Berlin', actor: await actorOf(db.prisma, extra.id), now: LATER, requestId: id, decision: 'approved' }));
    expect(e.code).toBe('HANDOVER_WRONG_STATE');
    expect(e.userMessage).toBe('Diese Anfrage steht inzwischen auf „Eingereicht – wartet auf das Community-Team“; das geht jetzt nicht mehr.');
  });
});
