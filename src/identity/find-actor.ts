// Who is acting: always the activity's sender looked up in the database (CONTRACT.md: roles come from
// the database, never from a card's payload). Teams sends the Entra object id as `from.aadObjectId`.
// The Bot Framework Emulator sends no aadObjectId, so in local mode the sender's `from.id` may name
// the person's aadObjectId instead (the demo prints the ids to use as the Emulator's user ID).
import type { DbOrTx } from '../db/client.ts';
import { isRole, type Role } from '../people/roles.ts';

export interface Actor {
  id: string;
  name: string;
  email: string;
  aadObjectId: string | null;
  teamsUserId: string | null;
  roles: Role[];
}

export interface SenderIdentity {
  aadObjectId: string | undefined;
  /** The channel-specific user id (`29:...` in Teams). */
  fromId: string | undefined;
}

export async function findActor(db: DbOrTx, sender: SenderIdentity, options: { localMode: boolean }): Promise<Actor | null> {
  const key = sender.aadObjectId ?? (options.localMode ? sender.fromId : undefined);
  if (!key) return null;
  const person = await db.person.findUnique({
    where: { aadObjectId: key },
    select: { id: true, name: true, email: true, aadObjectId: true, teamsUserId: true, roles: { select: { role: true } } },
  });
  if (!person) return null;
  return {
    id: person.id,
    name: person.name,
    email: person.email,
    aadObjectId: person.aadObjectId,
    teamsUserId: person.teamsUserId,
    roles: person.roles.map((r) => r.role).filter(isRole),
  };
}

/** First name for a greeting. */
export function firstName(name: string | undefined): string | undefined {
  return name?.trim().split(/\s+/)[0] || undefined;
}
