import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { reportConduct } from '../../src/conduct/report-conduct.ts';
import { acknowledgeConduct } from '../../src/conduct/acknowledge-conduct.ts';
import { conductForm } from '../../src/conduct/conduct-form.ts';
import { listStatus } from '../../src/handover/list-status.ts';
import type { ConductAcknowledgedModel, ConductReportModel } from '../../src/notices/conduct.ts';
import { TEST_DATABASE_URL, type TestDatabase } from '../support/db.ts';
import { assign, createClient, createPerson, type TestPerson } from '../support/people.ts';
import { startHarness, type Harness } from '../support/harness.ts';
import { cardText, parseCard } from '../support/cards.ts';
import { NOW, actorOf, appError, bindPurpose, counts, outbox, snapshot, type World, useWorld } from '../handover/support.ts';

const LATER = new Date(NOW.getTime() + 3_600_000);
/** What a VPA reads under the date field when the date cannot be read: the formats that are accepted. */
const DATE_FORMAT_ERROR = 'Bitte gib das Datum als TT.MM.JJJJ an, zum Beispiel 23.11.2026 (JJJJ-MM-TT geht auch).';

function modelOf<T>(m: unknown): T {
  return (m as { notice: { model: T } }).notice.model;
}

function input(clientId: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    clientId,
    whatHappened: 'Der Kunde hat mich im Call mehrfach beleidigt und angeschrien.',
    occurredDate: '2026-11-23',
    occurredTime: '15:30',
    evidence: 'https://example.de/chat/123',
    ...overrides,
  };
}

describe('reportConduct', () => {
  let db: TestDatabase;
  let w: World;
  useWorld('sqlite', (d, x) => {
    db = d;
    w = x;
  });

  it('goes at once, urgent and 1:1, to every VPA manager and client manager — and to nobody else', async () => {
    // a channel for approvals exists: the report must still not go there
    await bindPurpose(db.prisma, 'freigabe', w.maria.id);
    const extra = await createPerson(db.prisma, { name: 'Olga Beides', roles: ['vpa_manager', 'client_manager'] });
    const r = await reportConduct({ db: db.prisma, timeZone: 'Europe/Berlin', actor: w.actors.anna, now: NOW, input: input(w.client.id) });
    expect(r.outcome).toBe('reported');
    if (r.outcome !== 'reported') return;

    const rows = await outbox(db.prisma);
    expect(rows.every((x) => x.message.mode === 'send' && x.message.recipient.type === 'person')).toBe(true);
    const recipients = rows.map((x) => (x.message.mode === 'send' && x.message.recipient.type === 'person' ? x.message.recipient.personId : '')).sort();
    expect(recipients).toEqual([w.maria.id, w.nils.id, extra.id].sort());
    expect(rows.map((x) => x.message.mode === 'send' && x.message.notice.kind)).toEqual(['conductReport', 'conductReport', 'conductReport']);
    const model = modelOf<ConductReportModel>(rows.find((x) => x.idempotencyKey === `conduct:${r.reportId}:manager:${w.maria.id}`)?.message);
    expect(model).toMatchObject({
      urgent: true,
      reporter: { name: 'Anna Beispiel' },
      client: { nameWithClass: 'Müller GmbH (B)' },
      whatHappened: 'Der Kunde hat mich im Call mehrfach beleidigt und angeschrien.',
      occurredAtText: '23.11.2026, 15:30 Uhr',
      evidence: 'https://example.de/chat/123',
      recipientId: w.maria.id,
      acknowledgements: [],
      actions: { acknowledge: true },
    });

    const row = await db.prisma.conductReport.findUniqueOrThrow({ where: { id: r.reportId } });
    expect(row).toMatchObject({ reporterId: w.anna.id, clientId: w.client.id, urgent: true, occurredAt: new Date('2026-11-23T14:30:00Z'), createdAt: NOW });
    // it is not a handover request, and the audit log has ids only
    expect((await counts(db.prisma)).requests).toBe(0);
    const audit = await db.prisma.auditEvent.findFirstOrThrow({ where: { subjectId: r.reportId } });
    expect(audit).toMatchObject({ action: 'conduct.reported', actorId: w.anna.id, subjectType: 'conduct' });
    expect(audit.data).not.toContain('beleidigt');
    expect(r.received.managerCount).toBe(3);
    expect(r.received.text).toMatch(/nicht im Kanal/);
  });

  it('a reporter who is also a manager gets no copy of the manager card', async () => {
    await db.prisma.personRole.create({ data: { personId: w.anna.id, role: 'vpa_manager' } });
    const r = await reportConduct({ db: db.prisma, timeZone: 'Europe/Berlin', actor: await actorOf(db.prisma, w.anna.id), now: NOW, input: input(w.client.id) });
    expect(r.outcome === 'reported' && r.managerIds.sort()).toEqual([w.maria.id, w.nils.id].sort());
  });

  it('the former VPA of a client may report it; someone who never served it may not', async () => {
    expect((await reportConduct({ db: db.prisma, timeZone: 'Europe/Berlin', actor: w.actors.carla, now: NOW, input: input(w.client.id) })).outcome).toBe('reported');
    const before = await snapshot(db.prisma);
    expect((await appError(reportConduct({ db: db.prisma, timeZone: 'Europe/Berlin', actor: w.actors.bernd, now: NOW, input: input(w.client.id) }))).code).toBe('CONDUCT_NOT_YOUR_CLIENT');
    expect((await appError(reportConduct({ db: db.prisma, timeZone: 'Europe/Berlin', actor: w.actors.kim, now: NOW, input: input(w.client.id) }))).code).toBe('CONDUCT_VPA_ONLY');
    expect(await snapshot(db.prisma)).toBe(before);
  });

  it('an invalid form comes back with German field errors and nothing is saved', async () => {
    const before = await snapshot(db.prisma);
    const r = await reportConduct({ db: db.prisma, timeZone: 'Europe/Berlin', actor: w.actors.anna, now: NOW, input: input(w.client.id, { whatHappened: 'doof', occurredDate: '2026-12-24', occurredTime: '' }) });
    expect(r.outcome).toBe('invalid');
    if (r.outcome !== 'invalid') return;
    expect(r.form.fieldErrors).toEqual({ whatHappened: 'Bitte beschreibe kurz, was passiert ist (mindestens 10 Zeichen).', occurredDate: 'Der Zeitpunkt liegt in der Zukunft.' });
    expect(r.form.clients).toEqual([{ value: w.client.id, label: '10023 · Müller GmbH' }]);
    expect(r.form.today).toBe('2026-11-24');
    // A date the card cannot have sent: the message names the formats that are accepted, and the typed
    // value comes back as it was.
    for (const typed of ['2026/11/23', '11/23/2026', '23.11.26', '31.02.2026', 'gestern']) {
      const bad = await reportConduct({ db: db.prisma, timeZone: 'Europe/Berlin', actor: w.actors.anna, now: NOW, input: input(w.client.id, { occurredDate: typed }) });
      expect(bad.outcome === 'invalid' && bad.form.fieldErrors, typed).toEqual({ occurredDate: DATE_FORMAT_ERROR });
      expect(bad.outcome === 'invalid' && bad.form.values.occurredDate).toBe(typed);
    }
    expect(await snapshot(db.prisma)).toBe(before);
  });

  it('the date is accepted as the card’s Input.Date sends it (JJJJ-MM-TT) and as typed in German (TT.MM.JJJJ)', async () => {
    const iso = await reportConduct({ db: db.prisma, timeZone: 'Europe/Berlin', actor: w.actors.anna, now: NOW, input: input(w.client.id, { occurredDate: '2026-11-23' }) });
    const german = await reportConduct({ db: db.prisma, timeZone: 'Europe/Berlin', actor: w.actors.anna, now: NOW, input: input(w.client.id, { occurredDate: '23.11.2026' }) });
    const short = await reportConduct({ db: db.prisma, timeZone: 'Europe/Berlin', actor: w.actors.anna, now: NOW, input: input(w.client.id, { occurredDate: ' 3.1.2026 ', occurredTime: '' }) });
    for (const r of [iso, german, short]) expect(r.outcome).toBe('reported');
    const at = async (r: typeof iso) => (r.outcome === 'reported' ? (await db.prisma.conductReport.findUniqueOrThrow({ where: { id: r.reportId } })).occurredAt : null);
    expect(await at(iso)).toEqual(new Date('2026-11-23T14:30:00Z'));
    expect(await at(german)).toEqual(new Date('2026-11-23T14:30:00Z'));
    expect(await at(short)).toEqual(new Date('2026-01-02T23:00:00Z'));
    // Shown again for another field's error, a German date comes back as the card's Input.Date can show it.
    const again = await reportConduct({ db: db.prisma, timeZone: 'Europe/Berlin', actor: w.actors.anna, now: NOW, input: input(w.client.id, { occurredDate: '23.11.2026', whatHappened: 'doof' }) });
    expect(again.outcome === 'invalid' && again.form.values.occurredDate).toBe('2026-11-23');
    // In the future, typed in German.
    const future = await reportConduct({ db: db.prisma, timeZone: 'Europe/Berlin', actor: w.actors.anna, now: NOW, input: input(w.client.id, { occurredDate: '24.12.2026', occurredTime: '' }) });
    expect(future.outcome === 'invalid' && future.form.fieldErrors).toEqual({ occurredDate: 'Der Zeitpunkt liegt in der Zukunft.' });
  });

  it('without any manager the report is refused and not saved', async () => {
    await db.prisma.personRole.deleteMany({ where: { role: { in: ['vpa_manager', 'client_manager'] } } });
    const before = await snapshot(db.prisma);
    const e = await appError(reportConduct({ db: db.prisma, timeZone: 'Europe/Berlin', actor: w.actors.anna, now: NOW, input: input(w.client.id) }));
    expect(e.code).toBe('CONDUCT_NO_MANAGER');
    expect(await snapshot(db.prisma)).toBe(before);
  });

  it('the form offers current and former clients', async () => {
    const form = await conductForm({ db: db.prisma, timeZone: 'Europe/Berlin', actor: w.actors.carla, now: NOW });
    expect(form.clients.map((c) => c.value)).toEqual([w.client.id]);
    expect((await conductForm({ db: db.prisma, timeZone: 'Europe/Berlin', actor: w.actors.bernd, now: NOW })).noClients).toBe(true);
  });
});

for (const kind of ['sqlite', 'postgres'] as const) {
  describe.skipIf(kind === 'postgres' && !TEST_DATABASE_URL)(`acknowledgeConduct on ${kind}`, () => {
    let db: TestDatabase;
    let w: World;
    let reportId: string;
    useWorld(kind, (d, x) => {
      db = d;
      w = x;
    });
    beforeEach(async () => {
      const r = await reportConduct({ db: db.prisma, timeZone: 'Europe/Berlin', actor: w.actors.anna, now: NOW, input: input(w.client.id) });
      reportId = r.outcome === 'reported' ? r.reportId : '';
    });

    it('only managers acknowledge; the first acknowledgement updates every manager card and tells the reporter once', async () => {
      const before = await snapshot(db.prisma);
      expect((await appError(acknowledgeConduct({ db: db.prisma, timeZone: 'Europe/Berlin', actor: w.actors.kim, now: LATER, reportId }))).code).toBe('CONDUCT_MANAGER_ONLY');
      expect((await appError(acknowledgeConduct({ db: db.prisma, timeZone: 'Europe/Berlin', actor: w.actors.anna, now: LATER, reportId }))).code).toBe('CONDUCT_MANAGER_ONLY');
      expect((await appError(acknowledgeConduct({ db: db.prisma, timeZone: 'Europe/Berlin', actor: w.actors.maria, now: LATER, reportId: 'nope' }))).code).toBe('CONDUCT_NOT_FOUND');
      expect(await snapshot(db.prisma)).toBe(before);

      expect(await acknowledgeConduct({ db: db.prisma, timeZone: 'Europe/Berlin', actor: w.actors.maria, now: LATER, reportId })).toEqual({ reportId, changed: true, first: true });
      let rows = await outbox(db.prisma);
      const updates = rows.filter((x) => x.message.mode === 'update');
      expect(updates.map((x) => (x.message.mode === 'update' ? x.message.updatesKey : '')).sort()).toEqual([`conduct:${reportId}:manager:${w.maria.id}`, `conduct:${reportId}:manager:${w.nils.id}`].sort());
      const nilsCard = modelOf<ConductReportModel>(updates.find((x) => x.message.mode === 'update' && x.message.updatesKey.endsWith(w.nils.id))?.message);
      expect(nilsCard.acknowledgements).toEqual([{ person: { id: w.maria.id, name: 'Maria Managerin' }, atText: '24.11.2026, 11:00 Uhr' }]);
      expect(nilsCard.actions.acknowledge).toBe(true);
      const mariaCard = modelOf<ConductReportModel>(updates.find((x) => x.message.mode === 'update' && x.message.updatesKey.endsWith(w.maria.id))?.message);
      expect(mariaCard).toMatchObject({ acknowledgedByRecipient: true, actions: { acknowledge: false } });
      const told = rows.filter((x) => x.message.mode === 'send' && x.message.notice.kind === 'conductAcknowledged');
      expect(told).toHaveLength(1);
      expect(told[0]!.message.mode === 'send' && told[0]!.message.recipient).toEqual({ type: 'person', personId: w.anna.id });
      expect(modelOf<ConductAcknowledgedModel>(told[0]!.message).text).toBe('Maria Managerin hat deine Meldung zu Müller GmbH gelesen und kümmert sich darum.');

      // a repeated click changes nothing
      const count = rows.length;
      expect(await acknowledgeConduct({ db: db.prisma, timeZone: 'Europe/Berlin', actor: w.actors.maria, now: LATER, reportId })).toEqual({ reportId, changed: false, first: false });
      expect((await outbox(db.prisma)).length).toBe(count);

      // the second manager's acknowledgement updates the cards but does not tell the reporter again
      expect(await acknowledgeConduct({ db: db.prisma, timeZone: 'Europe/Berlin', actor: w.actors.nils, now: LATER, reportId })).toEqual({ reportId, changed: true, first: false });
      rows = await outbox(db.prisma);
      expect(rows.filter((x) => x.message.mode === 'send' && x.message.notice.kind === 'conductAcknowledged')).toHaveLength(1);
      expect(rows.filter((x) => x.message.mode === 'update')).toHaveLength(4);
      expect(await db.prisma.auditEvent.count({ where: { subjectId: reportId, action: 'conduct.acknowledged' } })).toBe(2);
      // no longer open in the managers' status
      expect((await listStatus({ db: db.prisma, timeZone: 'Europe/Berlin', actor: w.actors.nils, now: LATER })).openConductReports).toEqual([]);
    });

    it('two managers acknowledging at once: both recorded, the reporter told once', async () => {
      expect((await listStatus({ db: db.prisma, timeZone: 'Europe/Berlin', actor: w.actors.nils, now: LATER })).openConductReports.map((r) => r.reportId)).toEqual([reportId]);
      const results = await Promise.all([
        acknowledgeConduct({ db: db.prisma, timeZone: 'Europe/Berlin', actor: w.actors.maria, now: LATER, reportId }),
        acknowledgeConduct({ db: db.prisma, timeZone: 'Europe/Berlin', actor: w.actors.nils, now: LATER, reportId }),
      ]);
      expect(results.filter((r) => r.first)).toHaveLength(1);
      expect(await db.prisma.conductAcknowledgement.count({ where: { reportId } })).toBe(2);
      const rows = await outbox(db.prisma);
      expect(rows.filter((x) => x.message.mode === 'send' && x.message.notice.kind === 'conductAcknowledged')).toHaveLength(1);
    });
  });
}

describe('the conduct form\'s date through /api/messages', () => {
  let h: Harness;
  let anna: TestPerson;
  let client: { id: string };
  beforeEach(async () => {
    h = await startHarness({ now: NOW });
    anna = await h.person('Anna Beispiel', ['vpa']);
    await h.person('Maria Managerin', ['vpa_manager']);
    client = await createClient(h.db.prisma, { number: '10023', name: 'Müller GmbH' });
    await assign(h.db.prisma, { clientId: client.id, vpaId: anna.id, from: new Date('2026-03-01T00:00:00Z') });
  });
  afterEach(async () => {
    await h.close();
  });

  it('a date typed as TT.MM.JJJJ (a client without a date picker) is taken; an unreadable one gets a message naming the accepted formats under the date field', async () => {
    const typed = await h.invoke('conduct.submit', input(client.id, { occurredDate: '23.11.2026' }), { from: anna });
    expect(cardText(typed.body?.value)).toContain('Deine Meldung ist angekommen');
    expect(await h.db.prisma.conductReport.count()).toBe(1);

    const bad = await h.invoke('conduct.submit', input(client.id, { occurredDate: '2026/11/23' }), { from: anna });
    const form = bad.body?.value as { body: { type: string; id?: string; text?: string }[] };
    expect(parseCard(form).problems).toEqual([]);
    const dateIndex = form.body.findIndex((e) => e.type === 'Input.Date');
    expect(form.body[dateIndex + 1]).toMatchObject({ type: 'TextBlock', text: DATE_FORMAT_ERROR });
    expect(await h.db.prisma.conductReport.count()).toBe(1);
  });
});
