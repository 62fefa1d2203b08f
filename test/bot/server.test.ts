import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../support/harness.ts';
import { spawnServer } from '../support/spawn-server.ts';

describe('health and readiness', () => {
  let h: Harness | undefined;
  afterEach(async () => {
    await h?.close();
    h = undefined;
  });

  it('/healthz is 200 and /readyz is 200 when migrations are applied', async () => {
    h = await startHarness();
    const health = await fetch(`${h.url}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${h.url}/readyz`);
    expect(ready.status).toBe(200);
  });

  it('/readyz is 503 with the reason when a migration is missing', async () => {
    h = await startHarness();
    await h.db.prisma.$executeRawUnsafe('DELETE FROM "_prisma_migrations"');
    const ready = await fetch(`${h.url}/readyz`);
    expect(ready.status).toBe(503);
    expect(((await ready.json()) as { reason: string }).reason).toContain('migrations not applied');
  });

  it('graceful stop: a request in flight is answered, then the server stops listening', async () => {
    h = await startHarness();
    const anna = await h.person('Anna Schneider', ['vpa']);
    h.connector.setDelay(300);
    const inFlight = h.message('hilfe', { from: anna });
    await h.connector.waitFor(() => h!.connector.requests.length > 0, 5000, 'the reply to reach the connector');
    const stopping = h.app.stop();
    expect(await inFlight).toBe(200);
    await stopping;
    await expect(fetch(`${h.url}/healthz`)).rejects.toThrow();
    const db = h.db;
    h = undefined;
    await db.destroy().catch(() => undefined);
  });
});

describe('npm start on a fresh machine', () => {
  it('creates ./data/staffelstab.db, serves /healthz and /readyz, and stops cleanly on SIGTERM', async () => {
    const cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'staffelstab-start-'));
    const s = spawnServer({ cwd, env: { PORT: '0' } });
    try {
      const url = await s.listening(30_000);
      expect((await fetch(`${url}/healthz`)).status).toBe(200);
      expect((await fetch(`${url}/readyz`)).status).toBe(200);
      expect(fs.existsSync(path.join(cwd, 'data', 'staffelstab.db'))).toBe(true);
      s.child.kill('SIGTERM');
      expect(await s.exited).toBe(0);
    } finally {
      s.child.kill('SIGKILL');
      fs.rmSync(cwd, { recursive: true, force: true });
    }
  });
});

describe('the tab pages the manifest links to', () => {
  let h: Harness | undefined;
  afterEach(async () => {
    await h?.close();
    h = undefined;
  });

  it('serves the overview, privacy and terms pages; an unknown page is 404', async () => {
    h = await startHarness();
    for (const [page, text] of [['index.html', 'Kundenabgabe'], ['privacy.html', 'Datenschutz'], ['terms.html', 'Nutzungsbedingungen']] as const) {
      const res = await fetch(`${h.url}/tab/${page}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain('text/html');
      expect(await res.text()).toContain(text);
    }
    expect((await fetch(`${h.url}/tab/nope.html`)).status).toBe(404);
    expect((await fetch(`${h.url}/tab/../package.json`)).status).not.toBe(200);
  });
});
