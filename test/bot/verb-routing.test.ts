// Verb routing: a table from Action.Execute verb to handler; unknown verbs and invalid payloads get a
// German error card and change nothing; roles come from the database, never from the payload.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineAction } from '../../bot/actions/registry.ts';
import { recordAudit } from '../../src/audit/record.ts';
import { cardText, parseCard } from '../support/cards.ts';
import { startHarness, type Harness } from '../support/harness.ts';

// A test-only verb that changes state, so refusals can be shown to change nothing.
const touch = defineAction({
  verb: 'test.touch',
  data: z.object({ subject: z.string().min(1), actorId: z.string().optional() }),
  roles: ['vpa_manager', 'client_manager'],
  async handle(ctx, data) {
    await ctx.db.prisma.$transaction((tx) => recordAudit(tx, { at: ctx.clock.now(), actorId: ctx.actor!.id, action: 'test.touched', subjectType: 'test', subjectId: data.subject }));
    return { message: 'ok' };
  },
});
const explode = defineAction({
  verb: 'test.explode',
  data: z.object({}),
  allowUnregistered: true,
  async handle() {
    throw new Error('database on fire');
  },
});

let h: Harness;
beforeEach(async () => {
  h = await startHarness({ extraActions: [touch, explode] });
});
afterEach(async () => {
  await h.close();
});

function errorCardOf(result: Awaited<ReturnType<Harness['invoke']>>): string {
  expect(result.httpStatus).toBe(200);
  expect(result.body?.type).toBe('application/vnd.microsoft.card.adaptive');
  expect(parseCard(result.body?.value).problems).toEqual([]);
  return cardText(result.body?.value);
}

const audits = () => h.db.prisma.auditEvent.count({ where: { action: 'test.touched' } });

describe('Action.Execute routing', () => {
  it('answers help.show with the help card in the invoke response', async () => {
    const anna = await h.person('Anna Schneider', ['vpa']);
    const r = await h.invoke('help.show', {}, { from: anna });
    expect(r.body?.statusCode).toBe(200);
    expect(parseCard(r.body?.value).problems).toEqual([]);
    expect(cardText(r.body?.value)).toContain('abgeben');
  });

  it('answers an unknown verb with a German error card', async () => {
    const anna = await h.person('Anna Schneider', ['vpa']);
    const text = errorCardOf(await h.invoke('handover.explode', {}, { from: anna }));
    expect(text).toContain('Diese Aktion kenne ich nicht');
    expect(text).toContain('UNKNOWN_VERB');
  });

  it('answers an invalid payload with a German error card and changes nothing', async () => {
    const maria = await h.person('Maria Weber', ['vpa_manager']);
    const text = errorCardOf(await h.invoke('test.touch', { subject: '' }, { from: maria }));
    expect(text).toContain('unvollständig oder ungültig');
    expect(await audits()).toBe(0);
  });

  it('refuses a person without the role, whatever the payload claims, and changes nothing', async () => {
    const anna = await h.person('Anna Schneider', ['vpa']);
    const maria = await h.person('Maria Weber', ['vpa_manager']);
    const text = errorCardOf(await h.invoke('test.touch', { subject: 's1', actorId: maria.id }, { from: anna }));
    expect(text).toContain('Berechtigung');
    expect(await audits()).toBe(0);
  });

  it('refuses somebody who is not registered', async () => {
    const text = errorCardOf(await h.invoke('test.touch', { subject: 's1' }, { from: { name: 'Fremd', aadObjectId: 'not-in-db' } }));
    expect(text).toContain('Ich kenne dich noch nicht');
    expect(await audits()).toBe(0);
  });

  it('runs the handler for a person with the role (from the database)', async () => {
    const maria = await h.person('Maria Weber', ['client_manager']);
    const r = await h.invoke('test.touch', { subject: 's1' }, { from: maria });
    expect(r.body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: 'ok' });
    expect(await audits()).toBe(1);
  });

  it('turns an unexpected failure into a German apology card; the server keeps running', async () => {
    const anna = await h.person('Anna Schneider', ['vpa']);
    expect(errorCardOf(await h.invoke('test.explode', {}, { from: anna }))).toContain('Entschuldigung');
    expect((await fetch(`${h.url}/healthz`)).status).toBe(200);
  });

  it('rejects an invoke that is not an Action.Execute', async () => {
    const anna = await h.person('Anna Schneider', ['vpa']);
    const r = await h.post({
      type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Submit' } }, serviceUrl: h.connector.url, channelId: 'msteams',
      from: { id: anna.teamsUserId, name: anna.name, aadObjectId: anna.aadObjectId }, recipient: { id: 'bot', name: 'bot' }, conversation: { id: 'a:x', isGroup: false, conversationType: 'personal', name: '' },
    });
    expect(r.status).toBe(200);
    expect(cardText((r.body as { value?: unknown }).value)).toContain('unvollständig oder ungültig');
  });
});
