#!/usr/bin/env node
// Writes a new SQL migration for both providers from the change of prisma/schema.prisma since the
// last migration. Each migrations folder keeps `schema.snapshot.prisma`, the schema its migrations
// produce, so no shadow database is needed. Usage: npm run migrate:new -- <name>
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error('usage: npm run migrate:new -- <name in snake_case>');
  process.exit(2);
}
spawnSync(process.execPath, [path.join(root, 'scripts', 'prisma.mjs'), 'sync-schemas'], { stdio: 'inherit' });
const stamp = new Date().toISOString().replace(/[-:T]/g, '').slice(0, 14);
const targets = [
  { target: 'sqlite', dir: path.join(root, 'prisma', 'migrations'), schema: path.join(root, 'prisma', 'schema.prisma'), url: 'file:./data/unused.db' },
  { target: 'postgres', dir: path.join(root, 'prisma', 'postgres', 'migrations'), schema: path.join(root, 'prisma', 'postgres', 'schema.prisma'), url: process.env.TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/test' },
];
fs.mkdirSync(path.join(root, 'data'), { recursive: true });
for (const t of targets) {
  fs.mkdirSync(t.dir, { recursive: true });
  const snapshot = path.join(t.dir, 'schema.snapshot.prisma');
  const from = fs.existsSync(snapshot) ? ['--from-schema-datamodel', snapshot] : ['--from-empty'];
  const r = spawnSync(process.execPath, [path.join(root, 'node_modules', 'prisma', 'build', 'index.js'), 'migrate', 'diff', ...from, '--to-schema-datamodel', t.schema, '--script'],
    { cwd: root, encoding: 'utf8', env: { ...process.env, PRISMA_TARGET: t.target, DATABASE_URL: t.url } });
  if (r.status !== 0) { console.error(r.stderr); process.exit(r.status ?? 1); }
  const sql = r.stdout.replace(/^Loaded Prisma config.*\n\n?/m, '');
  if (!/\S/.test(sql.replace(/^--.*$/gm, '')) ) { console.log(`${t.target}: no changes`); continue; }
  const folder = path.join(t.dir, `${stamp}_${name}`);
  fs.mkdirSync(folder);
  fs.writeFileSync(path.join(folder, 'migration.sql'), sql);
  fs.copyFileSync(t.schema, snapshot);
  console.log(`${t.target}: wrote ${path.relative(root, folder)}/migration.sql`);
}
