// Prisma CLI configuration (Prisma 6.19, JS engine with driver adapters; see STACK.md).
// The CLI is used for `generate` and for writing new SQL migrations; the app applies migrations
// itself at start (src/db/migrate.ts), so no native engine is ever downloaded.
import path from 'node:path';
import { defineConfig } from 'prisma/config';

const target = process.env.PRISMA_TARGET === 'postgres' ? 'postgres' : 'sqlite';

export default defineConfig({
  experimental: { adapter: true },
  schema: target === 'postgres' ? path.join('prisma', 'postgres', 'schema.prisma') : path.join('prisma', 'schema.prisma'),
  engine: 'js',
  async adapter() {
    const url = process.env.DATABASE_URL ?? 'file:./data/staffelstab.db';
    if (url.startsWith('postgres')) {
      const { PrismaPg } = await import('@prisma/adapter-pg');
      return new PrismaPg({ connectionString: url });
    }
    const { PrismaBetterSqlite3 } = await import('@prisma/adapter-better-sqlite3');
    return new PrismaBetterSqlite3({ url });
  },
});
