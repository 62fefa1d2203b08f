// POST /api/platform/webhooks through HTTP against the whole app (bot/server.ts with the event processor): each answer
// of the contract (200, 401, 400, 413, 422, 503), nothing stored twice (PlatformEvent rows counted), and a valid event
// processed end to end: task.created ends a running inactivity cycle at the next tick, chat.received pauses it.
import http from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { signWebhook } from '../../src/platform/index.ts';
import { signatureHex } from '../../src/platform/webhooks/signature.ts';
import {
  chatReceived,
  clientInCycle,
  eventually,
  HOUR,
  NOW,
  postRaw,
  postSigned,
  SECRET,
  startWebhookApp,
  taskCreated,
  tick,
  type WebhookApp,
} from './webhook-support.ts';

let w: WebhookApp;

const count = () => w.db.prisma.platformEvent.count();

describe('webhook answers', () => {
  beforeEach(async () => {
    // No processor: these tests look at what is stored, not at what processing does.
    w = await startWebhookApp({ worker: false });
  });
  afterEach(async () => {
    await w.close();
  });

  it('accepts a validly signed event and stores it once, pending', async () => {
    const event = taskCreated('K-1', NOW, 'T-100', { title: 'Reisekosten' });
    const r = await postSigned(w, event);
    expect(r).toEqual({ status: 200, body: { status: 'accepted', id: event.id } });
    const row = await w.db.prisma.platformEvent.findUniqueOrThrow({ where: { id: event.id } });
    expect(row).toMatchObject({ type: 'task.created', source: 'webhook', status: 'pending', attempts: 0, receivedAt: NOW, occurredAt: NOW });
    expect(JSON.parse(row.data)).toEqual(event.data);
    expect(await w.db.prisma.auditEvent.count({ where: { action: 'platform.event_received', subjectId: event.id } })).toBe(1);
  });

  it('accepts a timestamp four minutes old or ahead (the window is five minutes either way)', async () => {
    expect((await postSigned(w, taskCreated('K-1', NOW), new Date(NOW.getTime() - 4 * 60_000))).status).toBe(200);
    expect((await postSigned(w, taskCreated('K-1', NOW), new Date(NOW.getTime() + 4 * 60_000))).status).toBe(200);
    expect(await count()).toBe(2);
  });

  it('refuses a wrong signature with 401 and stores nothing', async () => {
    const raw = JSON.stringify(taskCreated('K-1', NOW));
    const headers = signWebhook('another-secret', raw, NOW);
    const r = await postRaw(w.url, raw, headers);
    expect(r.status).toBe(401);
    expect(r.body.code).toBe('WEBHOOK_SIGNATURE_INVALID');
    expect(await count()).toBe(0);
  });

  it('refuses a signature over other bytes (body changed after signing) with 401', async () => {
    const event = taskCreated('K-1', NOW);
    const headers = signWebhook(SECRET, JSON.stringify(event), NOW);
    const r = await postRaw(w.url, JSON.stringify({ ...event, data: { ...event.data, clientNumber: 'K-2' } }), headers);
    expect(r.status).toBe(401);
    expect(await count()).toBe(0);
  });

  it('refuses a truncated, over-long, malformed or missing signature with 401', async () => {
    const raw = JSON.stringify(taskCreated('K-1', NOW));
    const ts = String(Math.floor(NOW.getTime() / 1000));
    const hex = signatureHex(SECRET, ts, Buffer.from(raw));
    const variants: Record<string, string>[] = [
      { 'X-Staffelstab-Timestamp': ts, 'X-Staffelstab-Signature': `sha256=${hex.slice(0, 63)}` },
      { 'X-Staffelstab-Timestamp': ts, 'X-Staffelstab-Signature': `sha256=${hex.slice(0, 32)}` },
      { 'X-Staffelstab-Timestamp': ts, 'X-Staffelstab-Signature': 'sha256=' },
      { 'X-Staffelstab-Timestamp': ts, 'X-Staffelstab-Signature': `sha256=${hex}00` },
      { 'X-Staffelstab-Timestamp': ts, 'X-Staffelstab-Signature': hex },
      { 'X-Staffelstab-Timestamp': ts, 'X-Staffelstab-Signature': `sha1=${hex}` },
      { 'X-Staffelstab-Timestamp': `${ts}.5`, 'X-Staffelstab-Signature': `sha256=${hex}` },
      { 'X-Staffelstab-Timestamp': ts },
      { 'X-Staffelstab-Signature': `sha256=${hex}` },
      {},
    ];
    for (const headers of variants) {
      const r = await postRaw(w.url, raw, headers);
      expect(r.status, JSON.stringify(headers)).toBe(401);
      expect(r.body.code).toBe('WEBHOOK_SIGNATURE_INVALID');
    }
    // The untouched signature passes: the variants failed for what was changed.
    expect((await postRaw(w.url, raw, { 'X-Staffelstab-Timestamp': ts, 'X-Staffelstab-Signature': `sha256=${hex.toUpperCase()}` })).status).toBe(200);
    expect(await count()).toBe(1);
  });

  it('refuses a stale timestamp (more than five minutes old or ahead) with 401, though correctly signed', async () => {
    for (const minutes of [-6, 6, -60 * 24]) {
      const r = await postSigned(w, taskCreated('K-1', NOW), new Date(NOW.getTime() + minutes * 60_000));
      expect(r.status, `${minutes} min`).toBe(401);
      expect(r.body.code).toBe('WEBHOOK_SIGNATURE_INVALID');
    }
    expect(await count()).toBe(0);
  });

  it('answers a replayed delivery and a re-used event id with 200 and ignores them: stored once', async () => {
    const event = taskCreated('K-1', NOW, 'T-1');
    const raw = JSON.stringify(event);
    const headers = signWebhook(SECRET, raw, NOW);
    expect((await postRaw(w.url, raw, headers)).body).toEqual({ status: 'accepted', id: event.id });
    // The same bytes and headers again (a replay within the window), and the same id with other data.
    expect(await postRaw(w.url, raw, headers)).toEqual({ status: 200, body: { status: 'duplicate', id: event.id } });
    const changed = { ...event, data: { ...event.data, taskId: 'T-2' } };
    expect(await postSigned(w, changed)).toEqual({ status: 200, body: { status: 'duplicate', id: event.id } });
    expect(await count()).toBe(1);
    expect(JSON.parse((await w.db.prisma.platformEvent.findUniqueOrThrow({ where: { id: event.id } })).data)).toMatchObject({ taskId: 'T-1' });
    expect(await w.db.prisma.auditEvent.count({ where: { action: 'platform.event_received' } })).toBe(1);
  });

  it('stores an event delivered many times at once exactly once', async () => {
    const event = taskCreated('K-1', NOW);
    const answers = await Promise.all(Array.from({ length: 10 }, () => postSigned(w, event)));
    expect(answers.every((a) => a.status === 200)).toBe(true);
    expect(answers.filter((a) => a.body.status === 'accepted')).toHaveLength(1);
    expect(await count()).toBe(1);
  });

  it('answers a body over 1 MiB with 413, signed or not, and stores nothing; exactly 1 MiB is accepted', async () => {
    const event = taskCreated('K-1', NOW);
    const sized = (bytes: number) => {
      const base = JSON.stringify({ ...event, data: { ...event.data, padding: '' } });
      return JSON.stringify({ ...event, data: { ...event.data, padding: 'x'.repeat(bytes - Buffer.byteLength(base)) } });
    };
    const over = sized(1024 * 1024 + 1);
    expect(Buffer.byteLength(over)).toBe(1024 * 1024 + 1);
    const r = await postSigned(w, over);
    expect(r.status).toBe(413);
    expect(r.body.code).toBe('WEBHOOK_TOO_LARGE');
    expect((await postRaw(w.url, 'x'.repeat(5 * 1024 * 1024), {})).status).toBe(413);
    expect(await count()).toBe(0);
    const exact = sized(1024 * 1024);
    expect(Buffer.byteLength(exact)).toBe(1024 * 1024);
    expect((await postSigned(w, exact)).status).toBe(200);
    expect(await count()).toBe(1);
  });

  it('answers a chunked body (no Content-Length) that grows over 1 MiB with 413', async () => {
    const port = Number(new URL(w.url).port);
    const status = await new Promise<number>((resolve, reject) => {
      const req = http.request({ host: '127.0.0.1', port, method: 'POST', path: '/api/platform/webhooks', headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked', ...signWebhook(SECRET, 'x', NOW) } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      let sent = 0;
      const pump = () => {
        while (sent < 20) {
          sent++;
          if (!req.write(chunk)) return void req.once('drain', pump);
        }
        req.end();
      };
      pump();
    });
    expect(status).toBe(413);
    expect(await count()).toBe(0);
  });

  it('answers malformed JSON with 400 (after the signature check) and stores nothing', async () => {
    for (const body of ['{"id": "e1", "type": "task.created",', 'not json', '']) {
      const r = await postSigned(w, body);
      expect(r.status, body).toBe(400);
      expect(r.body.code).toBe('WEBHOOK_MALFORMED_JSON');
    }
    // Unsigned malformed JSON is a signature problem first.
    expect((await postRaw(w.url, 'not json', {})).status).toBe(401);
    expect(await count()).toBe(0);
  });

  it('answers an unknown event type with 422 and stores nothing', async () => {
    const r = await postSigned(w, { id: 'e-unknown', type: 'task.deleted', occurredAt: NOW.toISOString(), data: { taskId: 'T-1' } });
    expect(r.status).toBe(422);
    expect(r.body.code).toBe('WEBHOOK_UNKNOWN_TYPE');
    expect(await count()).toBe(0);
  });

  it('answers data that does not match its type (or no envelope) with 422 WEBHOOK_INVALID_EVENT, naming the fields', async () => {
    const event = taskCreated('K-1', NOW);
    const cases: unknown[] = [
      { ...event, data: { taskId: 'T-1', createdAt: NOW.toISOString() } },
      { ...event, data: { ...event.data, createdAt: 'yesterday' } },
      { ...event, occurredAt: '2026-11-30 09:00' },
      { ...chatReceived('K-1', NOW, 'vpa'), data: { messageId: 'C-1', clientNumber: 'K-1', receivedAt: NOW.toISOString(), account: 'anne' } },
      { type: 'task.created', occurredAt: NOW.toISOString(), data: event.data },
      [event],
      'a string',
    ];
    for (const body of cases) {
      const r = await postSigned(w, JSON.stringify(body));
      expect(r.status, JSON.stringify(body)).toBe(422);
      expect(r.body.code).toBe('WEBHOOK_INVALID_EVENT');
    }
    const missing = await postSigned(w, cases[0]);
    expect(missing.body.problems).toEqual(expect.arrayContaining([expect.stringContaining("must have required property 'clientNumber'")]));
    expect(await count()).toBe(0);
  });

  it('keeps parsing JSON for /api/messages (only the webhook route reads raw bytes)', async () => {
    const res = await fetch(`${w.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"type": "typing"' });
    expect(res.status).toBe(400);
  });
});

describe('webhooks without a secret (standalone)', () => {
  afterEach(async () => {
    await w.close();
  });

  it('answers 503 with a coded error and stores nothing', async () => {
    w = await startWebhookApp({ env: { PLATFORM_WEBHOOK_SECRET: '' }, worker: false });
    const r = await postSigned(w, taskCreated('K-1', NOW));
    expect(r.status).toBe(503);
    expect(r.body).toMatchObject({ code: 'PLATFORM_WEBHOOKS_DISABLED', message: expect.stringContaining('PLATFORM_WEBHOOK_SECRET') });
    expect(await count()).toBe(0);
    // The rest of the app runs as ever.
    expect((await fetch(`${w.url}/healthz`)).status).toBe(200);
  });
});

describe('webhook events processed end to end', () => {
  beforeEach(async () => {
    w = await startWebhookApp();
  });
  afterEach(async () => {
    await w.close();
  });

  const processed = (id: string) => async () => (await w.db.prisma.platformEvent.findUnique({ where: { id } }))?.status === 'processed';
  const cycleOf = (clientId: string) => w.db.prisma.inactivityCycle.findFirstOrThrow({ where: { clientId }, orderBy: { cycle: 'desc' } });

  it('task.created: the task is stored by the processor, and the next tick ends the running cycle as reactivated', async () => {
    const { client } = await clientInCycle(w.db.prisma, w.config);
    const at = new Date(NOW.getTime() + HOUR);
    w.clock.set(at);
    const event = taskCreated(client.number, at, 'T-500', { title: 'Neue Website' });
    expect((await postSigned(w, event)).status).toBe(200);
    await eventually(processed(event.id), 'the task event processed');
    const task = await w.db.prisma.task.findUniqueOrThrow({ where: { sourceKey: 'platform:task:T-500' } });
    expect(task).toMatchObject({ clientId: client.id, createdAt: at, title: 'Neue Website' });
    expect((await cycleOf(client.id)).status).toBe('running');
    const lines = await tick(w.db.prisma, w.config, at);
    expect(lines).toContain('Kunde K-3001 (Stille Wasser GmbH) ist reaktiviert: Prüfung durch das Admin-Team angelegt');
    expect(await cycleOf(client.id)).toMatchObject({ status: 'reactivated', reactivationTaskId: task.id });
    // Delivered again: nothing new.
    expect((await postSigned(w, event)).body.status).toBe('duplicate');
    expect(await w.db.prisma.task.count({ where: { clientId: client.id } })).toBe(2);
  });

  it('task.created: a tick processes an event the server has not processed yet, then reactivates in the same tick', async () => {
    await w.worker.stop();
    const { client } = await clientInCycle(w.db.prisma, w.config);
    const at = new Date(NOW.getTime() + HOUR);
    w.clock.set(at);
    const event = taskCreated(client.number, at);
    expect((await postSigned(w, event)).status).toBe(200);
    expect((await w.db.prisma.platformEvent.findUniqueOrThrow({ where: { id: event.id } })).status).toBe('pending');
    const lines = await tick(w.db.prisma, w.config, at);
    expect(lines).toEqual(expect.arrayContaining(['Plattform-Ereignisse verarbeitet: 1 × task.created', 'Kunde K-3001 (Stille Wasser GmbH) ist reaktiviert: Prüfung durch das Admin-Team angelegt']));
    expect((await cycleOf(client.id)).status).toBe('reactivated');
  });

  it('chat.received: the processor pauses the running cycle', async () => {
    const { client } = await clientInCycle(w.db.prisma, w.config);
    const at = new Date(NOW.getTime() + HOUR);
    w.clock.set(at);
    const event = chatReceived(client.number, at, 'vpa');
    expect((await postSigned(w, event)).status).toBe(200);
    await eventually(processed(event.id), 'the chat event processed');
    expect(await cycleOf(client.id)).toMatchObject({ status: 'paused', pausedAt: at });
    // A chat in the VPA's own inbox is no item of Conny's.
    expect(await w.db.prisma.inboxItem.count()).toBe(0);
  });
});
