import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { listMigrations, migrate, pendingMigrations } from '../../src/db/migrate.ts';
import { postgresSchemaFrom } from '../../scripts/prisma.mjs';
import { TEST_DATABASE_URL, testDatabase, type TestDatabase } from '../support/db.ts';

const read = (p: string) => fs.readFileSync(p, 'utf8');

describe('schema and migrations stay in step', () => {
  it('the PostgreSQL schema is the SQLite schema with only provider and output changed', () => {
    expect(read('prisma/postgres/schema.prisma')).toBe(postgresSchemaFrom(read('prisma/schema.prisma')));
  });

  it('the last migration of each provider was written from the current schema (run npm run migrate:new)', () => {
    expect(read('prisma/migrations/schema.snapshot.prisma')).toBe(read('prisma/schema.prisma'));
    expect(read('prisma/postgres/migrations/schema.snapshot.prisma')).toBe(read('prisma/postgres/schema.prisma'));
  });

  it('both providers have the same migrations', () => {
    expect(listMigrations('sqlite').map((m) => m.name)).toEqual(listMigrations('postgresql').map((m) => m.name));
  });
});

for (const kind of ['sqlite', 'postgres'] as const) {
  describe.skipIf(kind === 'postgres' && !TEST_DATABASE_URL)(`migrations on ${kind}`, () => {
    let db: TestDatabase | undefined;
    afterEach(async () => {
      await db?.destroy();
      db = undefined;
    });

    it('applies every migration once; a second run applies nothing; the model is usable', async () => {
      db = await testDatabase(kind);
      expect(await pendingMigrations(db.prisma, db.provider)).toEqual([]);
      expect((await migrate(db.url)).applied).toEqual([]);
      const rows = await db.prisma.$queryRawUnsafe<{ migration_name: string }[]>('SELECT migration_name FROM "_prisma_migrations"');
      expect(rows.map((r) => r.migration_name).sort()).toEqual(listMigrations(db.provider).map((m) => m.name));

      await db.prisma.person.create({ data: { id: 'p1', name: 'Anna Schneider', email: 'anna@example.de', roles: { create: [{ role: 'vpa' }] } } });
      await db.prisma.client.create({ data: { id: 'c1', number: 'K-1', name: 'Müller GmbH', class: 'A', workType: 'continuous' } });
      await db.prisma.assignment.create({ data: { id: 'a1', clientId: 'c1', vpaId: 'p1', from: new Date('2025-01-01T00:00:00Z') } });
      const person = await db.prisma.person.findUniqueOrThrow({ where: { email: 'anna@example.de' }, include: { roles: true, assignments: true } });
      expect(person.roles.map((r) => r.role)).toEqual(['vpa']);
      expect(person.assignments[0]?.from.toISOString()).toBe('2025-01-01T00:00:00.000Z');
      await expect(db.prisma.person.create({ data: { id: 'p2', name: 'X', email: 'anna@example.de' } })).rejects.toThrow();
    });

    it('two instances migrating an empty database at once both succeed and apply each migration once', async () => {
      db = await testDatabase(kind, { migrate: false });
      const results = await Promise.all([migrate(db.url), migrate(db.url)]);
      expect(results.flatMap((r) => r.applied).sort()).toEqual(listMigrations(db.provider).map((m) => m.name));
      expect(await pendingMigrations(db.prisma, db.provider)).toEqual([]);
      const count = await db.prisma.$queryRawUnsafe<{ n: number | bigint }[]>('SELECT COUNT(*) AS n FROM "_prisma_migrations"');
      expect(Number(count[0]?.n)).toBe(listMigrations(db.provider).length);
    });
  });
}
