// "The last VPA" of a client (process 2): the VPA who served the client most recently, never the Conny account
// (CONTRACT.md: handing a client to Conny never makes Conny a client's last VPA). Also the ids the "VPA Wechsel
// 12mon" count ignores.
import type { DbOrTx } from '../db/client.ts';
import { CONNY_ROLE } from '../people/roles.ts';

/** The person ids holding the `conny` role (exactly one in practice). */
export async function connyIds(db: DbOrTx): Promise<Set<string>> {
  const rows = await db.personRole.findMany({ where: { role: CONNY_ROLE }, select: { personId: true } });
  return new Set(rows.map((r) => r.personId));
}

/** The Conny account's person id, or null when nobody holds the role yet. */
export async function connyId(db: DbOrTx): Promise<string | null> {
  const row = await db.personRole.findFirst({ where: { role: CONNY_ROLE }, select: { personId: true }, orderBy: { createdAt: 'asc' } });
  return row?.personId ?? null;
}

/** The VPA whose assignment started last among those before `at` (Conny's rows skipped), or null. */
export async function lastVpaOf(db: DbOrTx, clientId: string, at: Date): Promise<string | null> {
  const ignore = [...(await connyIds(db))];
  const row = await db.assignment.findFirst({
    where: { clientId, from: { lte: at }, vpaId: { notIn: ignore } },
    orderBy: [{ from: 'desc' }, { id: 'desc' }],
    select: { vpaId: true },
  });
  return row?.vpaId ?? null;
}
