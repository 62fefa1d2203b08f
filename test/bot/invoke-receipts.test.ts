// Issue 7, defect 13: invoke receipts. A receipt (the first answer to a mutating card click, kept so that
// Teams re-delivering the same invoke gets it again instead of a second run) is stored only for an accepted
// action — never for an unregistered, unauthorized, refused or malformed click — and pruned by `tick`
// after INVOKE_RECEIPT_RETENTION_DAYS (default 7).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.ts';
import { silentLogger } from '../../src/log/logger.ts';
import { runTick } from '../../src/tick/run-tick.ts';
import { cardText } from '../support/cards.ts';
import { startHarness, type Harness, type Sender } from '../support/harness.ts';
import { assign, createClient, type TestPerson } from '../support/people.ts';

const NOW = new Date('2026-11-23T09:00:00Z');
const DAY = 24 * 60 * 60 * 1000;

let h: Harness;
let anna: TestPerson; // VPA serving the client
let otto: TestPerson; // VPA not serving it
let kim: TestPerson; // community team
let maria: TestPerson; // VPA manager
let client: { id: string };
const stranger: Sender = { name: 'Unbekannte Person', aadObjectId: '00000000-0000-4000-8000-00000000dead' };

beforeEach(async () => {
  h = await startHarness({ now: NOW });
  anna = await h.person('Anna Schneider', ['vpa']);
  otto = await h.person('Otto Berg', ['vpa']);
  kim = await h.person('Kim Hoffmann', ['community']);
  maria = await h.person('Maria Weber', ['vpa_manager']);
  client = await createClient(h.db.prisma, { number: 'K-1001', name: 'Müller Consulting GmbH', class: 'A' });
  await assign(h.db.prisma, { clientId: client.id, vpaId: anna.id, from: new Date('2024-03-01T00:00:00Z') });
});

afterEach(async () => {
  await h.close();
});

const conduct = (overrides: Record<string, unknown> = {}) => ({
  clientId: client.id,
  whatHappened: 'Der Kunde hat mich im Call mehrfach beleidigt und angeschrien.',
  occurredDate: '2026-11-20',
  occurredTime: '14:30',
  evidence: '',
  ...overrides,
});
const handover = (overrides: Record<string, unknown> = {}) => ({
  clientId: client.id,
  reasonCategory: 'needs_changed',
  reason: 'Der Kunde braucht inzwischen täglich Buchhaltung nach DATEV, das kann ich fachlich nicht abdecken.',
  measures: 'Mit dem Kunden besprochen.',
  clientWantsTraining: 'true',
  successorNotes: '',
  ...overrides,
});
const receipts = () => h.db.prisma.invokeReceipt.count();
const tick = (now: Date, env: Record<string, string> = {}) =>
  runTick({ prisma: h.db.prisma, now, logger: silentLogger, config: loadConfig({ LOG_LEVEL: 'silent', DATABASE_URL: h.db.url, ...env }) });

describe('invoke receipts', () => {
  it('50 unregistered, unauthorized, refused, invalid and malformed clicks store no receipt and change nothing', async () => {
    const audits = await h.db.prisma.auditEvent.count();
    const answers: { status: number; text: string }[] = [];
    const invoke = async (verb: string, data: Record<string, unknown>, from: Sender | TestPerson) => {
      const r = await h.invoke(verb, data, { from });
      answers.push({ status: r.httpStatus, text: cardText(r.body?.value) });
    };
    for (let i = 0; i < 5; i++) {
      // Unregistered sender, every mutating verb family.
      await invoke('conduct.submit', conduct(), stranger);
      await invoke('handover.submit', handover(), stranger);
      // A role the verb does not allow.
      await invoke('handover.approve', { requestId: 'req-x', version: 1 }, otto);
      await invoke('handover.submit', handover(), kim);
      // Refused by the use case (AppError after the role check).
      await invoke('handover.submit', handover(), otto);
      await invoke('conduct.submit', conduct(), otto);
      await invoke('handover.withdraw', { requestId: 'gibt-es-nicht', version: 1 }, anna);
      // Invalid form values: the form comes back with field errors, nothing is saved.
      await invoke('conduct.submit', conduct({ whatHappened: 'doof', occurredDate: 'gestern' }), anna);
      // Malformed payload and unknown verb.
      await invoke('conduct.ack', { reportId: 42 }, maria);
      await invoke('handover.delete-everything', { requestId: 'x' }, maria);
    }
    // And an invoke whose value is not an Action.Execute at all.
    for (let i = 0; i < 3; i++) {
      const r = await h.post({
        type: 'invoke',
        name: 'adaptiveCard/action',
        id: `malformed-${i}`,
        channelId: 'msteams',
        serviceUrl: h.connector.url,
        from: { id: anna.teamsUserId, name: anna.name, aadObjectId: anna.aadObjectId },
        recipient: { id: '28:staffelstab-bot', name: 'Staffelstab' },
        conversation: { id: h.personalConversationOf(anna).id, conversationType: 'personal', isGroup: false, name: '', tenantId: 'tenant-1' },
        value: { action: { type: 'Action.Submit', data: 'x' } },
      });
      expect(r.status).toBe(200);
    }
    expect(answers).toHaveLength(50);
    expect(answers.every((a) => a.status === 200)).toBe(true);
    expect(answers.filter((a) => /Ich kenne dich noch nicht/.test(a.text))).toHaveLength(10);
    expect(answers.filter((a) => /Berechtigung/.test(a.text))).toHaveLength(10);

    expect(await receipts()).toBe(0);
    expect(await h.db.prisma.conductReport.count()).toBe(0);
    expect(await h.db.prisma.handoverRequest.count()).toBe(0);
    expect(await h.db.prisma.auditEvent.count()).toBe(audits);
  });

  it('an accepted click stores one receipt; a re-delivery of it gets the first answer and runs nothing again', async () => {
    const extra = { id: 'invoke-activity-7' };
    const first = await h.invoke('conduct.submit', conduct(), { from: anna, extra });
    expect(cardText(first.body?.value)).toMatch(/Manager/);
    expect(await receipts()).toBe(1);
    const [again, again2] = await Promise.all([h.invoke('conduct.submit', conduct(), { from: anna, extra }), h.invoke('conduct.submit', conduct(), { from: anna, extra })]);
    expect(again.body).toEqual(first.body);
    expect(again2.body).toEqual(first.body);
    expect(await h.db.prisma.conductReport.count()).toBe(1);
    expect(await receipts()).toBe(1);
  });

  it('a refused click re-delivered with the same activity id is refused again (no receipt stands in the way, none is left)', async () => {
    const extra = { id: 'invoke-activity-8' };
    const [a, b] = await Promise.all([h.invoke('conduct.submit', conduct(), { from: otto, extra }), h.invoke('conduct.submit', conduct(), { from: otto, extra })]);
    for (const r of [a, b]) expect(cardText(r.body?.value)).toContain('Du kannst nur Kunden melden, die du betreust oder betreut hast.');
    expect(await receipts()).toBe(0);
  });

  it('tick prunes receipts older than INVOKE_RECEIPT_RETENTION_DAYS (default 7), relative to its own instant', async () => {
    await h.invoke('conduct.submit', conduct(), { from: anna });
    expect(await receipts()).toBe(1);

    const early = await tick(new Date(NOW.getTime() + 6 * DAY));
    expect(early.find((r) => r.job === 'invokes.pruneReceipts')).toEqual({ job: 'invokes.pruneReceipts', lines: [] });
    expect(await receipts()).toBe(1);

    // A shorter configured retention prunes it already.
    const configured = await tick(new Date(NOW.getTime() + 3 * DAY), { INVOKE_RECEIPT_RETENTION_DAYS: '2' });
    expect(configured.find((r) => r.job === 'invokes.pruneReceipts')?.lines).toEqual(['1 gespeicherte Antwort auf einen Kartenklick gelöscht (älter als 2 Tage)']);
    expect(await receipts()).toBe(0);

    await h.invoke('conduct.submit', conduct({ whatHappened: 'Der Kunde hat mich erneut beleidigt, diesmal per E-Mail.' }), { from: anna });
    await h.invoke('handover.submit', handover(), { from: anna });
    expect(await receipts()).toBe(2);
    const late = await tick(new Date(NOW.getTime() + 8 * DAY));
    expect(late.find((r) => r.job === 'invokes.pruneReceipts')).toEqual({ job: 'invokes.pruneReceipts', lines: ['2 gespeicherte Antworten auf Kartenklicks gelöscht (älter als 7 Tage)'] });
    expect(await receipts()).toBe(0);
    expect(await h.db.prisma.auditEvent.count({ where: { action: 'invokes.receipts_pruned' } })).toBe(2);
    // Nothing left: the next tick says nothing.
    expect((await tick(new Date(NOW.getTime() + 9 * DAY))).find((r) => r.job === 'invokes.pruneReceipts')?.lines).toEqual([]);
  });
});
