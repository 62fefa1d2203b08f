import { describe, expect, it } from 'vitest';
import { submitRequest } from '../../src/handover/submit-request.ts';
import { handoverForm } from '../../src/handover/handover-form.ts';
import { returnRequest } from '../../src/handover/return-request.ts';
import type { HandoverReviewModel, HandoverSubmittedModel } from '../../src/notices/handover.ts';
import { TEST_DATABASE_URL, type TestDatabase } from '../support/db.ts';
import { assign, createClient } from '../support/people.ts';
import { NOW, appError, bindPurpose, counts, outbox, recipientsOf, snapshot, submitted, validInput, type World, useWorld } from './support.ts';

let db: TestDatabase;
let w: World;

useWorld('sqlite', (d, x) => {
  db = d;
  w = x;
});

describe('handoverForm', () => {
  it('offers only the VPA\'s own current clients, without those with an open request', async () => {
    const other = await createClient(db.prisma, { number: '10077', name: 'Zeta AG' });
    await assign(db.prisma, { clientId: other.id, vpaId: w.anna.id, from: new Date('2025-01-01T00:00:00Z') });
    const former = await createClient(db.prisma, { number: '10001', name: 'Alt KG' });
    await assign(db.prisma, { clientId: former.id, vpaId: w.anna.id, from: new Date('2020-01-01T00:00:00Z'), to: new Date('2024-01-01T00:00:00Z') });
    const form = await handoverForm({ db: db.prisma, timeZone: 'Europe/Berlin', actor: w.actors.anna, now: NOW });
    expect(form.clients).toEqual([
      { value: w.client.id, label: '10023 · Müller GmbH' },
      { value: other.id, label: '10077 · Zeta AG' },
    ]);
    expect(form.categories.map((c) => c.label)).toEqual(['Bedarf des Kunden hat sich geändert', 'Zusammenarbeit klappt nicht', 'Kunde war länger inaktiv', 'Anderer Grund']);
    await submitted(db.prisma, w);
    expect((await handoverForm({ db: db.prisma, timeZone: 'Europe/Berlin', actor: w.actors.anna, now: NOW })).clients.map((c) => c.value)).toEqual([other.id]);
  });

  it('says so when the VPA has no client, and refuses non-VPAs', async () => {
    expect((await handoverForm({ db: db.prisma, timeZone: 'Europe/Berlin', actor: w.actors.bernd, now: NOW })).noClients).toBe(true);
    expect((await appError(handoverForm({ db: db.prisma, timeZone: 'Europe/Berlin', actor: w.actors.kim, now: NOW }))).code).toBe('HANDOVER_VPA_ONLY');
  });
});

describe('submitRequest', () => {
  it('saves a valid request, audits it, confirms to the VPA and puts it before every community member', async () => {
    const r = await submitRequest({ db: db.prisma, timeZone: 'Europe/Berlin', actor: w.actors.anna, now: NOW, input: validInput(w.client.id) });
    expect(r.outcome).toBe('submitted');
    if (r.outcome !== 'submitted') return;
    const row = await db.prisma.handoverRequest.findUniqueOrThrow({ where: { id: r.requestId } });
    expect(row).toMatchObject({ status: 'submitted', vpaId: w.anna.id, clientId: w.client.id, openClientId: w.client.id, reasonCategory: 'needs_changed', clientWantsTraining: true, flaggedForCommunity: false, challenges: '[]', version: 1 });
    expect(row.submittedAt).toEqual(NOW);

    const audit = await db.prisma.auditEvent.findMany({ where: { subjectId: r.requestId } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'handover.submitted', actorId: w.anna.id, subjectType: 'handover', at: NOW });
    expect(audit[0]!.data).not.toContain('Lohnbuchhaltung'); // no message bodies in the audit log

    const rows = await outbox(db.prisma);
    expect(recipientsOf(rows, 'handoverSubmitted')).toEqual([w.anna.id]);
    expect(recipientsOf(rows, 'handoverReview')).toEqual([w.kim.id, w.lea.id].sort());
    expect(rows.map((x) => x.idempotencyKey).sort()).toEqual([`handover:${r.requestId}:review:${w.kim.id}`, `handover:${r.requestId}:review:${w.lea.id}`, `handover:${r.requestId}:submitted:vpa`].sort());

    const review = rows.find((x) => x.message.mode === 'send' && x.message.notice.kind === 'handoverReview')!.message;
    const model = (review.mode === 'send' ? review.notice.model : null) as HandoverReviewModel;
    expect(model.facts).toMatchObject({
      client: { number: '10023', name: 'Müller GmbH', class: 'B', nameWithClass: 'Müller GmbH (B)', workTypeLabel: 'kontinuierliche Aufgaben' },
      vpa: { id: w.anna.id, name: 'Anna Beispiel' },
      serviceLengthText: '8 Monate',
      serviceSinceText: '01.03.2026',
      vpaChanges12Months: 1,
      reasonCategoryLabel: 'Bedarf des Kunden hat sich geändert',
      clientWantsTrainingLabel: 'ja',
    });
    expect(model.actions).toEqual({ startReview: true, returnRequest: true, requestClarification: true, proposeSuccessor: true });
    expect(model.successorChoices.map((c) => c.value).sort()).toEqual([w.bernd.id, w.carla.id].sort());
    expect(model.timeline).toEqual([{ atText: '24.11.2026, 10:00 Uhr', text: 'Eingereicht von Anna Beispiel' }]);
    expect(r.submitted.actions.withdraw).toBe(true);
  });

  it('posts the review card to the bound community channel instead of 1:1', async () => {
    await bindPurpose(db.prisma, 'betreuung', w.maria.id);
    const id = await submitted(db.prisma, w);
    const rows = await outbox(db.prisma);
    expect(recipientsOf(rows, 'handoverReview')).toEqual(['channel:betreuung']);
    const row = await db.prisma.handoverRequest.findUniqueOrThrow({ where: { id } });
    expect(JSON.parse(row.cards)).toEqual([
      { key: `handover:${id}:submitted:vpa`, kind: 'handoverSubmitted' },
      { key: `handover:${id}:review:channel`, kind: 'handoverReview' },
    ]);
  });

  it('returns the form with German field errors and saves nothing', async () => {
    const before = await snapshot(db.prisma);
    const r = await submitRequest({ db: db.prisma, timeZone: 'Europe/Berlin', actor: w.actors.anna, now: NOW, input: { clientId: '', reasonCategory: 'weil', reason: 'kurz', clientWantsTraining: '' } });
    expect(r.outcome).toBe('invalid');
    if (r.outcome !== 'invalid') return;
    expect(r.form.fieldErrors).toEqual({
      clientId: 'Bitte wähle den Kunden aus, den du abgeben möchtest.',
      reasonCategory: 'Bitte wähle einen Grund aus.',
      reason: 'Bitte beschreibe den Grund (mindestens 10 Zeichen).',
      clientWantsTraining: 'Bitte gib an, ob der Kunde eine Einarbeitung des neuen VPA wünscht.',
    });
    expect(r.form.values.reason).toBe('kurz');
    expect(r.form.clients.map((c) => c.value)).toEqual([w.client.id]);
    expect(await snapshot(db.prisma)).toBe(before);
  });

  it('refuses a VPA without that client (and a forged client id) and writes nothing', async () => {
    const before = await snapshot(db.prisma);
    const e = await appError(submitRequest({ db: db.prisma, timeZone: 'Europe/Berlin', actor: w.actors.bernd, now: NOW, input: validInput(w.client.id) }));
    expect(e.code).toBe('HANDOVER_NOT_YOUR_CLIENT');
    expect(e.userMessage).toBe('Du kannst nur Kunden abgeben, die du zurzeit selbst betreust.');
    // Carla served the client before: a former VPA is refused, too.
    expect((await appError(submitRequest({ db: db.prisma, timeZone: 'Europe/Berlin', actor: w.actors.carla, now: NOW, input: validInput(w.client.id) }))).code).toBe('HANDOVER_NOT_YOUR_CLIENT');
    expect((await appError(submitRequest({ db: db.prisma, timeZone: 'Europe/Berlin', actor: w.actors.anna, now: NOW, input: validInput('no-such-client') }))).code).toBe('HANDOVER_NOT_YOUR_CLIENT');
    expect((await appError(submitRequest({ db: db.prisma, timeZone: 'Europe/Berlin', actor: w.actors.kim, now: NOW, input: validInput(w.client.id) }))).code).toBe('HANDOVER_VPA_ONLY');
    expect((await appError(submitRequest({ db: db.prisma, timeZone: 'Europe/Berlin', actor: null, now: NOW, input: validInput(w.client.id) }))).code).toBe('NOT_REGISTERED');
    expect(await snapshot(db.prisma)).toBe(before);
  });

  it('plays back the wiki\'s challenge for "knausrig" without saving, then saves it flagged when the VPA insists', async () => {
    const input = validInput(w.client.id, { reasonCategory: 'other', reason: 'Der Kunde ist extrem knausrig mit Budgets.' });
    const before = await snapshot(db.prisma);
    const first = await submitRequest({ db: db.prisma, timeZone: 'Europe/Berlin', actor: w.actors.anna, now: NOW, input });
    expect(first.outcome).toBe('challenged');
    if (first.outcome !== 'challenged') return;
    expect(first.challenge.challenges.map((c) => c.id)).toEqual(['stingy']);
    expect(first.challenge.intro).toMatch(/Wissensverlust, Vertrauensverlust/);
    expect(first.challenge.challenges[0]!.text).toMatch(/Ein anderer VPA hätte mit dem Kunden die gleichen Probleme/);
    expect(first.challenge.draft).toMatchObject({ clientId: w.client.id, reason: 'Der Kunde ist extrem knausrig mit Budgets.', clientWantsTraining: true });
    expect(first.challenge.client.nameWithClass).toBe('Müller GmbH (B)');
    expect(await snapshot(db.prisma)).toBe(before);

    const second = await submitRequest({ db: db.prisma, timeZone: 'Europe/Berlin', actor: w.actors.anna, now: NOW, input: { ...first.challenge.draft }, confirmChallenges: true });
    expect(second.outcome).toBe('submitted');
    if (second.outcome !== 'submitted') return;
    expect(second.challenges).toEqual(['stingy']);
    const row = await db.prisma.handoverRequest.findUniqueOrThrow({ where: { id: second.requestId } });
    expect(row.flaggedForCommunity).toBe(true);
    expect(JSON.parse(row.challenges)).toEqual(['stingy']);
    const review = (await outbox(db.prisma)).find((x) => x.message.mode === 'send' && x.message.notice.kind === 'handoverReview')!.message;
    const model = (review.mode === 'send' ? review.notice.model : null) as HandoverReviewModel;
    expect(model.facts.flaggedForCommunity).toBe(true);
    expect(model.facts.challenges.map((c) => c.title)).toEqual(['Kunde „knausrig“ mit Budgets']);
  });

  it('challenges "Zusammenarbeit klappt nicht" without measures', async () => {
    const r = await submitRequest({ db: db.prisma, timeZone: 'Europe/Berlin', actor: w.actors.anna, now: NOW, input: validInput(w.client.id, { reasonCategory: 'collaboration', reason: 'Die Zusammenarbeit klappt einfach nicht mehr.', measures: 'keine' }) });
    expect(r.outcome === 'challenged' && r.challenge.challenges.map((c) => c.id)).toEqual(['no_measures']);
  });

  it('allows only one open request per client, also when two arrive at once', async () => {
    await submitted(db.prisma, w);
    const e = await appError(submitRequest({ db: db.prisma, timeZone: 'Europe/Berlin', actor: w.actors.anna, now: NOW, input: validInput(w.client.id) }));
    expect(e.code).toBe('HANDOVER_ALREADY_OPEN');
    expect(e.userMessage).toContain('Eingereicht');
    expect((await counts(db.prisma)).requests).toBe(1);
  });

  it('two simultaneous submissions for the same client: exactly one is saved', async () => {
    const results = await Promise.allSettled([
      submitRequest({ db: db.prisma, timeZone: 'Europe/Berlin', actor: w.actors.anna, now: NOW, input: validInput(w.client.id) }),
      submitRequest({ db: db.prisma, timeZone: 'Europe/Berlin', actor: w.actors.anna, now: NOW, input: validInput(w.client.id) }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(rejected.reason.code).toBe('HANDOVER_ALREADY_OPEN');
    expect((await counts(db.prisma)).requests).toBe(1);
  });

  it('a closed request frees the client for a new one', async () => {
    const id = await submitted(db.prisma, w);
    await returnRequest({ db: db.prisma, timeZone: 'Europe/Berlin', actor: w.actors.kim, now: NOW, requestId: id });
    const again = await submitRequest({ db: db.prisma, timeZone: 'Europe/Berlin', actor: w.actors.anna, now: new Date(NOW.getTime() + 60_000), input: validInput(w.client.id) });
    expect(again.outcome).toBe('submitted');
    expect(await db.prisma.handoverRequest.count({ where: { openClientId: w.client.id } })).toBe(1);
  });

  it('the VPA\'s confirmation shows where the request stands', async () => {
    const r = await submitRequest({ db: db.prisma, timeZone: 'Europe/Berlin', actor: w.actors.anna, now: NOW, input: validInput(w.client.id) });
    const model = (r.outcome === 'submitted' ? r.submitted : null) as HandoverSubmittedModel;
    expect(model.ref).toMatchObject({ status: 'submitted', statusLabel: 'Eingereicht – wartet auf das Community-Team', open: true, withdrawn: false, version: 1 });
    expect(model.nextStepText).toBe('Das Community-Team sieht sich deine Anfrage an und meldet sich bei dir.');
  });
});

describe('the current assignment (from <= now, no end or an end in the future)', () => {
  it('an assignment with a future end date is current: the form offers the client and the request is accepted', async () => {
    await db.prisma.assignment.updateMany({ where: { clientId: w.client.id, vpaId: w.anna.id }, data: { to: new Date('2027-01-31T00:00:00Z') } });
    expect((await handoverForm({ db: db.prisma, timeZone: 'Europe/Berlin', actor: w.actors.anna, now: NOW })).clients.map((c) => c.value)).toEqual([w.client.id]);
    expect((await submitRequest({ db: db.prisma, timeZone: 'Europe/Berlin', actor: w.actors.anna, now: NOW, input: validInput(w.client.id) })).outcome).toBe('submitted');
  });

  it('an assignment ending exactly now, or starting later, is not current', async () => {
    const later = await createClient(db.prisma, { number: '10088', name: 'Später GmbH' });
    await assign(db.prisma, { clientId: later.id, vpaId: w.anna.id, from: new Date(NOW.getTime() + 86_400_000) });
    await db.prisma.assignment.updateMany({ where: { clientId: w.client.id, vpaId: w.anna.id }, data: { to: NOW } });
    expect((await handoverForm({ db: db.prisma, timeZone: 'Europe/Berlin', actor: w.actors.anna, now: NOW })).noClients).toBe(true);
    for (const clientId of [w.client.id, later.id]) {
      expect((await appError(submitRequest({ db: db.prisma, timeZone: 'Europe/Berlin', actor: w.actors.anna, now: NOW, input: validInput(clientId) }))).code).toBe('HANDOVER_NOT_YOUR_CLIENT');
    }
  });

  it('a shared client: each of its current VPAs may request, one open request at a time', async () => {
    await assign(db.prisma, { clientId: w.client.id, vpaId: w.carla.id, from: new Date('2026-06-01T00:00:00Z') });
    const id = await submitted(db.prisma, w);
    expect((await appError(submitRequest({ db: db.prisma, timeZone: 'Europe/Berlin', actor: w.actors.carla, now: NOW, input: validInput(w.client.id) }))).code).toBe('HANDOVER_ALREADY_OPEN');
    await returnRequest({ db: db.prisma, timeZone: 'Europe/Berlin', actor: w.actors.kim, now: NOW, requestId: id });
    expect((await submitRequest({ db: db.prisma, timeZone: 'Europe/Berlin', actor: w.actors.carla, now: new Date(NOW.getTime() + 60_000), input: validInput(w.client.id) })).outcome).toBe('submitted');
  });
});

describe.skipIf(!TEST_DATABASE_URL)('submitRequest on postgres', () => {
  let pg: TestDatabase;
  let pw: World;
  useWorld('postgres', (d, x) => {
    pg = d;
    pw = x;
  });

  it('two simultaneous submissions for the same client: the unique open-request marker lets exactly one through', async () => {
    const results = await Promise.allSettled([
      submitRequest({ db: pg.prisma, timeZone: 'Europe/Berlin', actor: pw.actors.anna, now: NOW, input: validInput(pw.client.id) }),
      submitRequest({ db: pg.prisma, timeZone: 'Europe/Berlin', actor: pw.actors.anna, now: NOW, input: validInput(pw.client.id) }),
      submitRequest({ db: pg.prisma, timeZone: 'Europe/Berlin', actor: pw.actors.anna, now: NOW, input: validInput(pw.client.id) }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of results.filter((x): x is PromiseRejectedResult => x.status === 'rejected')) expect(r.reason.code).toBe('HANDOVER_ALREADY_OPEN');
    expect(await pg.prisma.handoverRequest.count()).toBe(1);
    expect(await pg.prisma.auditEvent.count()).toBe(1);
  });
});
