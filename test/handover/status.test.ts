import { describe, expect, it } from 'vitest';
import { listStatus } from '../../src/handover/list-status.ts';
import { returnRequest } from '../../src/handover/return-request.ts';
import { submitRequest } from '../../src/handover/submit-request.ts';
import type { TestDatabase } from '../support/db.ts';
import { assign, createClient } from '../support/people.ts';
import { NOW, appError, approved, proposed, submitted, type World, useWorld } from './support.ts';

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
        [approvedId, 'Freigegeben – Übergabe läuft', 'Bitte informiere den Kunden und arbeite Bernd Nachfolger ein.'],
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
});
