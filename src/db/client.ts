// The one Prisma client of the process. SQLite (file:...) by default, PostgreSQL (postgresql://...)
// for production and for more than one instance. Both generated clients come from the same
// prisma/schema.prisma (the PostgreSQL copy differs only in provider), so they share one API.
import fs from 'node:fs';
import path from 'node:path';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient as SqliteClient } from './generated/sqlite/client.ts';
import { PrismaClient as PostgresClient } from './generated/postgres/client.ts';
import { immediateSqliteAdapter } from './sqlite-immediate.ts';

export type Db = SqliteClient;
/** The client handed to a `$transaction` callback. */
export type Tx = Parameters<Parameters<Db['$transaction']>[0]>[0];
/** Either the root client or a transaction client: what a use case writes through. */
export type DbOrTx = Db | Tx;

export type Provider = 'sqlite' | 'postgresql';

export function providerOf(databaseUrl: string): Provider {
  return databaseUrl.startsWith('postgres') ? 'postgresql' : 'sqlite';
}

/** `file:./data/x.db` -> absolute path (relative to the working directory, as Prisma resolves it). */
export function sqlitePath(databaseUrl: string): string {
  const raw = databaseUrl.replace(/^file:/, '').replace(/\?.*$/, '');
  return path.resolve(raw);
}

export interface Database {
  prisma: Db;
  provider: Provider;
  url: string;
  close(): Promise<void>;
}

export function openDatabase(databaseUrl: string): Database {
  const provider = providerOf(databaseUrl);
  let prisma: Db;
  if (provider === 'sqlite') {
    const file = sqlitePath(databaseUrl);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    // busy timeout: the CLI and the server share the file (WAL mode is set by the migration runner).
    // Transactions take the write lock at BEGIN, so the CLI and the server never fail each other (sqlite-immediate.ts).
    prisma = new SqliteClient({ adapter: immediateSqliteAdapter({ url: `file:${file}`, timeout: 10_000 }) });
  } else {
    // The two generated clients have the same model API; only the engine's SQL dialect differs.
    prisma = new PostgresClient({ adapter: new PrismaPg({ connectionString: databaseUrl }) }) as unknown as Db;
  }
  return { prisma, provider, url: databaseUrl, close: () => prisma.$disconnect() };
}
