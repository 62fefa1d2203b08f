import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONFIG_VARIABLES, ConfigError, loadConfig } from '../../src/config/config.ts';

function failure(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env);
  } catch (e) {
    if (e instanceof ConfigError) return e;
    throw e;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('starts with no configuration at all: local mode, port 3978, SQLite in ./data', () => {
    const c = loadConfig({});
    expect(c.mode).toBe('local');
    expect(c.port).toBe(3978);
    expect(c.databaseUrl).toBe('file:./data/staffelstab.db');
    expect(c.businessTimeZone).toBe('Europe/Berlin');
    expect(c.platform).toBeUndefined();
    expect(c.handoverReminderWorkingDays).toBe(2);
    expect(c.handoverTrainingReminderWorkingDays).toBe(5);
  });

  it('treats empty values as unset', () => {
    const c = loadConfig({ PORT: '', DATABASE_URL: ' ', MICROSOFT_APP_ID: '', TZ_BUSINESS: '' });
    expect(c.port).toBe(3978);
    expect(c.databaseUrl).toBe('file:./data/staffelstab.db');
    expect(c.mode).toBe('local');
  });

  it('refuses production without an app id and names the variable', () => {
    const e = failure({ NODE_ENV: 'production' });
    expect(e.variable).toBe('MICROSOFT_APP_ID');
    expect(e.message).toContain('MICROSOFT_APP_ID');
  });

  it('refuses production without a password unless the app is a managed identity', () => {
    expect(failure({ NODE_ENV: 'production', MICROSOFT_APP_ID: 'a' }).variable).toBe('MICROSOFT_APP_PASSWORD');
    const msi = loadConfig({ NODE_ENV: 'production', MICROSOFT_APP_ID: 'a', MICROSOFT_APP_TYPE: 'UserAssignedMSI', MICROSOFT_APP_TENANT_ID: 't' });
    expect(msi.mode).toBe('authenticated');
  });

  it('requires a tenant for single-tenant apps', () => {
    expect(failure({ MICROSOFT_APP_ID: 'a', MICROSOFT_APP_PASSWORD: 'p', MICROSOFT_APP_TYPE: 'SingleTenant' }).variable).toBe('MICROSOFT_APP_TENANT_ID');
  });

  it('names the variable of an invalid value', () => {
    expect(failure({ PORT: 'abc' }).variable).toBe('PORT');
    expect(failure({ DATABASE_URL: 'mysql://x' }).variable).toBe('DATABASE_URL');
    expect(failure({ TZ_BUSINESS: 'Mars/Olympus' }).variable).toBe('TZ_BUSINESS');
    expect(failure({ PUBLIC_URL: 'not a url' }).variable).toBe('PUBLIC_URL');
    expect(failure({ MICROSOFT_APP_TYPE: 'Other' }).variable).toBe('MICROSOFT_APP_TYPE');
    expect(failure({ PLATFORM_BASE_URL: 'https://platform.example' }).variable).toBe('PLATFORM_API_TOKEN');
  });

  it('uses credentials when given and strips trailing slashes from URLs', () => {
    const c = loadConfig({ MICROSOFT_APP_ID: 'id', MICROSOFT_APP_PASSWORD: 'pw', PUBLIC_URL: 'https://bot.example.com/', PLATFORM_BASE_URL: 'https://p.example/api/', PLATFORM_API_TOKEN: 't' });
    expect(c.mode).toBe('authenticated');
    expect(c.credentials).toEqual({ appId: 'id', appPassword: 'pw', tenantId: undefined, appType: 'MultiTenant' });
    expect(c.publicUrl).toBe('https://bot.example.com');
    expect(c.platform?.baseUrl).toBe('https://p.example/api');
  });
});

describe('.env.example', () => {
  it('documents exactly the variables the app reads, including all of CONTRACT.md', () => {
    const documented = fs.readFileSync('.env.example', 'utf8').split('\n').filter((l) => /^[A-Z_]+=/.test(l)).map((l) => l.split('=')[0]);
    expect([...documented].sort()).toEqual([...CONFIG_VARIABLES].sort());
    for (const v of ['PORT', 'PUBLIC_URL', 'DATABASE_URL', 'MICROSOFT_APP_ID', 'MICROSOFT_APP_PASSWORD', 'MICROSOFT_APP_TENANT_ID', 'MICROSOFT_APP_TYPE', 'PLATFORM_BASE_URL', 'PLATFORM_API_TOKEN', 'PLATFORM_WEBHOOK_SECRET', 'TZ_BUSINESS', 'LOG_LEVEL']) {
      expect(documented).toContain(v);
    }
  });
});
