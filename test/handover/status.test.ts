import { describe, expect, it } from 'vitest';
import { listStatus } from '../../src/handover/list-status.ts';
import { returnRequest } from '../../src/handover/return-request.ts';
import { submitRequest } from '../../src/handover/submit-request.ts';
import type { TestDatabase } from '../support/db.ts';
import { assign, createClient } from '../support/people.ts';
import { confirmClientInformed } from '../../src/handover/confirm-client-informed.ts';
import { confirmTrainingGiven } from '../../src/handover/confirm-training-given.ts';
import { confirmTrainingReceived } from '../../src/handover/confirm-training-received.ts';
import { cancelHandover } from '../../src/handover/cancel-handover.ts';
import { requestClarification } from '../../src/handover/request-clarification.ts';
import { answerClarification } from '../../src/handover/answer-clarification.ts';
import { NOW, appError, approved, informed, proposed, submitted, type World, useWorld } from './support.ts';

let db: TestDatabase;
let w: World;

useWorld('sqlite', (d, x) => {
  db = d;
  w = x;
});

describe('listStatus', () => {
  it('shows each person their open requests and where each stands', async () => {
    const second = await createClient(db.prisma, { number: '10050', name: 'Beta OHG', class: 'A' });
    await assign(db.prisma, { clientId: second.id, vpaId: w.anna.id, from: new Date('2025-01-01T00:00:00Z') });
    const approvedId = await approved(db.prisma, w);
    const r = await submitRequest({ db: db.prisma, timeZone: 'Europe/Berlin', actor: w.actors.anna, now: NOW, input: { clientId: second.id, reasonCategory: 'long_inactive', reason: 'Der Kunde war ein Jahr lang inaktiv.', clientWantsTraining: 'false' } });
    const pendingId = r.outcome === 'submitted' ? r.requestId : '';

    const anna = await listStatus({ db: db.prisma, timeZone: 'Europe/Berlin', actor: w.actors.anna, now: NOW });
    expect(anna.personName).toBe('Anna Beispiel');
    expect(anna.sections.map((s) => s.id)).toEqual(['own']);
    expect(anna.sections[0]!.items.map((i) => [i.requestId, i.statusLabel, i.nextStepText])).toEqual(
      expect.arrayContaining([
        [approvedId, 'Freigegeben – Übergabe läuft', 'Bitte informiere den Kunden über den Wechsel und bestätige „Kunde informiert“.'],
        [pendingId, 'Eingereicht – wartet auf das Community-Team', 'Das Community-Team sieht sich deine Anfrage an und meldet sich bei dir.'],
      ]),
    );
    expect(anna.sections[0]!.items[0]!.sinceText).toBe('seit 24.11.2026');

    const bernd = await listStatus({ db: db.prisma, timeZone: 'Europe/Berlin', actor: w.actors.bernd, now: NOW });
    expect(bernd.sections.map((s) => [s.id, s.items.map((i) => i.requestId)])).toEqual([['successor', [approvedId]]]);

    const kim = await listStatus({ db: db.prisma, timeZone: 'Europe/Berlin', actor: w.actors.kim, now: NOW });
    expect(kim.sections.map((s) => [s.id, s.items.map((i) => i.requestId)])).toEqual([
      ['review', [pendingId]],
      ['running', [approvedId]],
    ]);

    const maria = await listStatus({ db: db.prisma, timeZone: 'Europe/Berlin', actor: w.actors.maria, now: NOW });
    expect(maria.sections.map((s) => s.id)).toEqual(['running']);
    expect(maria.empty).toBe(false);

    const carla = await listStatus({ db: db.prisma, timeZone: 'Europe/Berlin', actor: w.actors.carla, now: NOW });
    expect(carla).toEqual({ personName: 'Carla Fremd', sections: [], openConductReports: [], empty: true });
    expect((await appError(listStatus({ db: db.prisma, timeZone: 'Europe/Berlin', actor: null, now: NOW }))).code).toBe('NOT_REGISTERED');
  });

  it('keeps a returned request in the VPA\'s list for two weeks', async () => {
    const id = await submitted(db.prisma, w);
    await returnRequest({ db: db.prisma, timeZone: 'Europe/Berlin', actor: w.actors.kim, now: NOW, requestId: id });
    const soon = await listStatus({ db: db.prisma, timeZone: 'Europe/Berlin', actor: w.actors.anna, now: new Date(NOW.getTime() + 86_400_000) });
    expect(soon.sections[0]!.items[0]).toMatchObject({ requestId: id, status: 'returned', nextStepText: 'Bitte betreue den Kunden weiterhin.' });
    const later = await listStatus({ db: db.prisma, timeZone: 'Europe/Berlin', actor: w.actors.anna, now: new Date(NOW.getTime() + 15 * 86_400_000) });
    expect(later.empty).toBe(true);
    // it is no longer under review for the community team
    expect((await listStatus({ db: db.prisma, timeZone: 'Europe/Berlin', actor: w.actors.kim, now: NOW })).empty).toBe(true);
  });

  it('managers see what waits for their decision', async () => {
    const id = await proposed(db.prisma, w);
    const nils = await listStatus({ db: db.prisma, timeZone: 'Europe/Berlin', actor: w.actors.nils, now: NOW });
    expect(nils.sections.map((s) => [s.id, s.title, s.items.map((i) => i.requestId)])).toEqual([['decision', 'Warten auf Freigabe', [id]]]);
    expect(nils.sections[0]!.items[0]!.nextStepText).toBe('Ein VPA-Manager oder Kundenmanager entscheidet über den Wechsel zu Bernd Nachfolger.');
  });

  it('follows the steps after approval: informed, training given, completion failed', async () => {
    const TZ = 'Europe/Berlin';
    const id = await approved(db.prisma, w);
    const nextFor = async (actor: typeof w.actors.anna) => (await listStatus({ db: db.prisma, timeZone: TZ, actor, now: NOW })).sections.flatMap((s) => s.items).find((i) => i.requestId === id)?.nextStepText;
    expect(await nextFor(w.actors.maria)).toBe('Anna Beispiel informiert den Kunden über den Wechsel.');
    await confirmClientInformed({ db: db.prisma, timeZone: TZ, actor: w.actors.anna, now: NOW, requestId: id, trainingWanted: true });
    expect(await nextFor(w.actors.anna)).toBe('Bitte arbeite Bernd Nachfolger ein und bestätige „Einarbeitung erfolgt“.');
    expect(await nextFor(w.actors.bernd)).toBe('Anna Beispiel arbeitet Bernd Nachfolger ein.');
    const later = new Date(NOW.getTime() + 3_600_000);
    // the client goes elsewhere before the successor confirms: the completion fails and waits for a manager
    await db.prisma.assignment.updateMany({ where: { clientId: w.client.id, to: null }, data: { to: later } });
    await confirmTrainingGiven({ db: db.prisma, timeZone: TZ, actor: w.actors.anna, now: later, requestId: id });
    expect(await nextFor(w.actors.kim)).toBe('Die Bestätigung der Einarbeitung durch Bernd Nachfolger fehlt noch.');
    await confirmTrainingReceived({ db: db.prisma, timeZone: TZ, actor: w.actors.bernd, now: later, requestId: id });
    expect(await nextFor(w.actors.maria)).toBe('Die Zuordnung konnte nicht geändert werden: Der Kunde ist inzwischen keinem VPA mehr zugeordnet. Ein Manager schließt die Übergabe ab oder bricht sie ab.');
  });

  it('a completed handover stays in the VPA\'s list and leaves the running ones', async () => {
    const id = await informed(db.prisma, w, { trainingWanted: false });
    const anna = await listStatus({ db: db.prisma, timeZone: 'Europe/Berlin', actor: w.actors.anna, now: NOW });
    expect(anna.sections[0]!.items[0]).toMatchObject({ requestId: id, status: 'completed', nextStepText: 'Bernd Nachfolger betreut den Kunden jetzt.' });
    expect((await listStatus({ db: db.prisma, timeZone: 'Europe/Berlin', actor: w.actors.maria, now: NOW })).empty).toBe(true);
    expect((await listStatus({ db: db.prisma, timeZone: 'Europe/Berlin', actor: w.actors.bernd, now: NOW })).empty).toBe(true);
  });

  it('a cancelled or resolved request is no longer running or under review', async () => {
    const TZ = 'Europe/Berlin';
    const id = await approved(db.prisma, w);
    await cancelHandover({ db: db.prisma, timeZone: TZ, actor: w.actors.nils, now: NOW, requestId: id, reason: 'Kunde bleibt bei Anna.' });
    expect((await listStatus({ db: db.prisma, timeZone: TZ, actor: w.actors.maria, now: NOW })).empty).toBe(true);
    expect((await listStatus({ db: db.prisma, timeZone: TZ, actor: w.actors.bernd, now: NOW })).empty).toBe(true);
    const second = await submitted(db.prisma, w);
    await requestClarification({ db: db.prisma, timeZone: TZ, actor: w.actors.kim, now: NOW, requestId: second });
    expect((await listStatus({ db: db.prisma, timeZone: TZ, actor: w.actors.lea, now: NOW })).sections.map((s) => s.id)).toEqual(['review']);
    await answerClarification({ db: db.prisma, timeZone: TZ, actor: w.actors.anna, now: NOW, requestId: second, answer: 'resolved' });
    expect((await listStatus({ db: db.prisma, timeZone: TZ, actor: w.actors.lea, now: NOW })).empty).toBe(true);
  });

  // Suspected src gap (src/handover/list-status.ts): the VPA's own list keeps returned, withdrawn, completed and
  // rejected requests for RECENTLY_CLOSED_DAYS, but not the new closed states `resolved` and `cancelled` (no
  // `clarificationAnsweredAt` / `cancelledAt` clause, and sinceOf() has no entry for them). Flip to `it` once fixed.
  it('keeps a resolved or cancelled request in the VPA\'s list for two weeks, like a returned one', async () => {
    const TZ = 'Europe/Berlin';
    const id = await approved(db.prisma, w);
    await cancelHandover({ db: db.prisma, timeZone: TZ, actor: w.actors.nils, now: NOW, requestId: id, reason: 'Kunde bleibt bei Anna.' });
    const soon = await listStatus({ db: db.prisma, timeZone: TZ, actor: w.actors.anna, now: new Date(NOW.getTime() + 86_400_000) });
    expect(soon.sections[0]?.items[0]).toMatchObject({ requestId: id, status: 'cancelled', sinceText: 'seit 24.11.2026' });
  });
});
