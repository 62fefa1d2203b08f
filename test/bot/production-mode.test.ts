// Issue 3, acceptance 3: production without credentials exits non-zero naming the variable; with
// credentials an unauthenticated POST to /api/messages gets 401.
import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type App } from '../../bot/server.ts';
import { loadConfig } from '../../src/config/config.ts';
import { silentLogger } from '../../src/log/logger.ts';
import { FixedClock } from '../../src/time/clock.ts';
import { testDatabase } from '../support/db.ts';
import { spawnServer } from '../support/spawn-server.ts';

describe('production start-up', () => {
  it('refuses to start without MICROSOFT_APP_ID and says so', async () => {
    const s = spawnServer({ env: { NODE_ENV: 'production', PORT: '0', DATABASE_URL: 'file:/tmp/staffelstab-never-created.db' } });
    expect(await s.exited).toBe(1);
    expect(s.stderr()).toContain('MICROSOFT_APP_ID');
  });

  it('refuses to start without MICROSOFT_APP_PASSWORD and says so', async () => {
    const s = spawnServer({ env: { NODE_ENV: 'production', PORT: '0', MICROSOFT_APP_ID: '11111111-2222-3333-4444-555555555555' } });
    expect(await s.exited).toBe(1);
    expect(s.stderr()).toContain('MICROSOFT_APP_PASSWORD');
  });
});

describe('authenticated /api/messages', () => {
  let app: App;
  let url: string;
  beforeAll(async () => {
    nock.disableNetConnect();
    nock.enableNetConnect(/127\.0\.0\.1|localhost/);
    const db = await testDatabase();
    const config = loadConfig({ NODE_ENV: 'production', MICROSOFT_APP_ID: '11111111-2222-3333-4444-555555555555', MICROSOFT_APP_PASSWORD: 'secret', DATABASE_URL: db.url });
    app = createServer({ config, db, logger: silentLogger, clock: new FixedClock(new Date('2026-11-23T09:00:00Z')) });
    url = (await app.listen(0, '127.0.0.1')).url;
  });
  afterEach(() => nock.cleanAll());
  afterAll(async () => {
    await app.stop();
    nock.enableNetConnect();
  });

  const activity = {
    type: 'message', text: 'hilfe', id: '1', channelId: 'msteams', serviceUrl: 'https://smba.trafficmanager.net/emea/',
    from: { id: '29:x', aadObjectId: 'a' }, recipient: { id: '28:bot' }, conversation: { id: 'a:1', conversationType: 'personal' },
  };

  it('answers 401 to a POST without a token', async () => {
    const res = await fetch(`${url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
    expect(res.status).toBe(401);
  });

  it('answers 401 to a POST with a token that is not a Bot Framework token', async () => {
    const res = await fetch(`${url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer not.a.jwt' },
      body: JSON.stringify(activity),
    });
    expect(res.status).toBe(401);
  });

  it('still serves /healthz without a token', async () => {
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
  });
});
