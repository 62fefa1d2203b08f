// Prisma's code for a unique-constraint violation, the same on SQLite and PostgreSQL. Races between two
// instances (or two clicks) end here: the loser's transaction rolls back and the caller decides what it means.
export function isUniqueViolation(error: unknown): boolean {
  return !!error && typeof error === 'object' && (error as { code?: unknown }).code === 'P2002';
}
