// Applies the SQL migrations that `npm run migrate:new` writes (prisma/migrations for SQLite,
// prisma/postgres/migrations for PostgreSQL) and records them in `_prisma_migrations` exactly as
// `prisma migrate deploy` does, so either tool sees the same history. We run them ourselves because
// the Prisma 6.19 CLI needs the app's own driver adapters and is slow to spawn (STACK.md).
// Several instances may start at once: PostgreSQL serialises them with an advisory lock, SQLite with
// BEGIN IMMEDIATE.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';
import { providerOf, sqlitePath } from './client.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const MIGRATION_LOCK_KEY = 7_071_992_001;

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

export function migrationsDir(provider: 'sqlite' | 'postgresql'): string {
  return provider === 'sqlite' ? path.join(root, 'prisma', 'migrations') : path.join(root, 'prisma', 'postgres', 'migrations');
}

export function listMigrations(provider: 'sqlite' | 'postgresql'): Migration[] {
  const dir = migrationsDir(provider);
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const sql = fs.readFileSync(path.join(dir, name, 'migration.sql'), 'utf8');
      return { name, sql, checksum: crypto.createHash('sha256').update(sql).digest('hex') };
    });
}

const CREATE_TABLE_SQLITE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" TEXT PRIMARY KEY NOT NULL, "checksum" TEXT NOT NULL, "finished_at" DATETIME, "migration_name" TEXT NOT NULL,
  "logs" TEXT, "rolled_back_at" DATETIME, "started_at" DATETIME NOT NULL DEFAULT current_timestamp,
  "applied_steps_count" INTEGER UNSIGNED NOT NULL DEFAULT 0)`;
const CREATE_TABLE_PG = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL, "checksum" VARCHAR(64) NOT NULL, "finished_at" TIMESTAMPTZ, "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT, "rolled_back_at" TIMESTAMPTZ, "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0)`;

export interface MigrationResult {
  applied: string[];
}

export async function migrate(databaseUrl: string): Promise<MigrationResult> {
  return providerOf(databaseUrl) === 'sqlite' ? migrateSqlite(databaseUrl) : migratePostgres(databaseUrl);
}

function migrateSqlite(databaseUrl: string): MigrationResult {
  const file = sqlitePath(databaseUrl);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const db = new BetterSqlite3(file, { timeout: 10_000 });
  try {
    // WAL lets the CLI write while the server reads and sends; the setting persists in the file.
    db.pragma('journal_mode = WAL');
    db.exec(CREATE_TABLE_SQLITE);
    const applied: string[] = [];
    for (const m of listMigrations('sqlite')) {
      const run = db.transaction(() => {
        const done = db.prepare('SELECT 1 FROM "_prisma_migrations" WHERE migration_name = ? AND finished_at IS NOT NULL AND rolled_back_at IS NULL').get(m.name);
        if (done) return false;
        db.exec(m.sql);
        db.prepare('INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, started_at, applied_steps_count) VALUES (?, ?, ?, ?, ?, 1)').run(
          crypto.randomUUID(), m.checksum, new Date().toISOString(), m.name, new Date().toISOString(),
        );
        return true;
      });
      if (run.immediate()) applied.push(m.name);
    }
    // Table statistics for the query planner (SQLite keeps none by itself): without them the scheduler's scans
    // (src/inactivity/due-scan.ts) may pick a poor index. Analyses only what changed much, so it is cheap.
    db.pragma('optimize=0x10002');
    return { applied };
  } finally {
    db.close();
  }
}

async function migratePostgres(databaseUrl: string): Promise<MigrationResult> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    await client.query(CREATE_TABLE_PG);
    const applied: string[] = [];
    for (const m of listMigrations('postgresql')) {
      const done = await client.query('SELECT 1 FROM "_prisma_migrations" WHERE migration_name = $1 AND finished_at IS NOT NULL AND rolled_back_at IS NULL', [m.name]);
      if (done.rowCount) continue;
      await client.query('BEGIN');
      try {
        await client.query(m.sql);
        await client.query(
          'INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, started_at, applied_steps_count) VALUES ($1, $2, now(), $3, now(), 1)',
          [crypto.randomUUID(), m.checksum, m.name],
        );
        await client.query('COMMIT');
      } catch (e) {
        await client.query('ROLLBACK');
        throw e;
      }
      applied.push(m.name);
    }
    return { applied };
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await client.end();
  }
}

/** For /readyz: the names of migrations in the repo that the database has not applied. */
export async function pendingMigrations(db: { $queryRawUnsafe<T = unknown>(sql: string): Promise<T> }, provider: 'sqlite' | 'postgresql'): Promise<string[]> {
  const rows = await db.$queryRawUnsafe<{ migration_name: string }[]>(
    'SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL',
  );
  const done = new Set(rows.map((r) => r.migration_name));
  return listMigrations(provider).map((m) => m.name).filter((n) => !done.has(n));
}
