/** Types for scripts/prisma.mjs (plain Node so that postinstall needs no TypeScript runtime). */
export function postgresSchemaFrom(sqliteSchema: string): string;
