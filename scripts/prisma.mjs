#!/usr/bin/env node
// Runs the Prisma CLI for both providers. The schema's `url = env("DATABASE_URL")` must resolve
// for the CLI to read the generator's engineType; without it Prisma 6.19 falls back to the native
// query engine and tries to download it. The URL is never used to connect here.
//   node scripts/prisma.mjs generate        -> writes prisma/postgres/schema.prisma, generates both clients
//   node scripts/prisma.mjs sync-schemas    -> only writes prisma/postgres/schema.prisma
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export function postgresSchemaFrom(sqliteSchema) {
  return sqliteSchema
    .replace('provider = "sqlite"', 'provider = "postgresql"')
    .replace('output     = "../src/db/generated/sqlite"', 'output     = "../../src/db/generated/postgres"');
}

function syncSchemas() {
  const source = fs.readFileSync(path.join(root, 'prisma', 'schema.prisma'), 'utf8');
  fs.mkdirSync(path.join(root, 'prisma', 'postgres'), { recursive: true });
  fs.writeFileSync(path.join(root, 'prisma', 'postgres', 'schema.prisma'), postgresSchemaFrom(source));
}

function prisma(args, env) {
  const bin = path.join(root, 'node_modules', 'prisma', 'build', 'index.js');
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

const command = process.argv[2];
if (command === 'sync-schemas' || command === 'generate') syncSchemas();
if (command === 'generate') {
  prisma(['generate'], { PRISMA_TARGET: 'sqlite', DATABASE_URL: 'file:./data/unused.db' });
  prisma(['generate'], { PRISMA_TARGET: 'postgres', DATABASE_URL: 'postgresql://unused@127.0.0.1/unused' });
}
