// Fresh, migrated databases for tests: a temporary SQLite file by default, or a new PostgreSQL
// database created from TEST_DATABASE_URL (dropped afterwards) for the PostgreSQL suite.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database } from '../../src/db/client.ts';
import { migrate } from '../../src/db/migrate.ts';

export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL && process.env.TEST_DATABASE_URL.startsWith('postgres') ? process.env.TEST_DATABASE_URL : undefined;

export interface TestDatabase extends Database {
  /** Closes the client and removes the database. */
  destroy(): Promise<void>;
}

export interface TestDatabaseOptions {
  /** false: an empty database, for tests of the migration runner itself. */
  migrate?: boolean;
}

export async function sqliteTestDatabase(options: TestDatabaseOptions = {}): Promise<TestDatabase> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'staffelstab-test-'));
  const url = `file:${path.join(dir, 'test.db')}`;
  if (options.migrate !== false) await migrate(url);
  const db = openDatabase(url);
  return { ...db, destroy: async () => { await db.close(); fs.rmSync(dir, { recursive: true, force: true }); } };
}

/** A new empty database on the PostgreSQL server of TEST_DATABASE_URL. Call only when it is set. */
export async function postgresTestDatabase(options: TestDatabaseOptions = {}): Promise<TestDatabase> {
  if (!TEST_DATABASE_URL) throw new Error('TEST_DATABASE_URL is not set');
  const name = `staffelstab_t_${crypto.randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const u = new URL(TEST_DATABASE_URL);
  u.pathname = `/${name}`;
  const url = u.toString();
  if (options.migrate !== false) await migrate(url);
  const db = openDatabase(url);
  return {
    ...db,
    destroy: async () => {
      await db.close();
      const a = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    },
  };
}

export function testDatabase(kind: 'sqlite' | 'postgres' = 'sqlite', options: TestDatabaseOptions = {}): Promise<TestDatabase> {
  return kind === 'postgres' ? postgresTestDatabase(options) : sqliteTestDatabase(options);
}
