// Finds a person by what an operator types: an e-mail address (has an @) or an aadObjectId.
// Both are compared case-insensitively, since imports store them in lower case.
import type { DbOrTx } from '../db/client.ts';
import { AppError } from '../errors/catalogue.ts';

export interface PersonRef {
  id: string;
  name: string;
  email: string;
  aadObjectId: string | null;
  roles: string[];
}

export async function findPersonByKey(db: DbOrTx, key: string): Promise<PersonRef | null> {
  const k = key.trim();
  if (k === '') return null;
  const select = { id: true, name: true, email: true, aadObjectId: true, roles: { select: { role: true } } } as const;
  const where = k.includes('@') ? [{ email: k.toLowerCase() }, { email: k }] : [{ aadObjectId: k.toLowerCase() }, { aadObjectId: k }];
  const person = await db.person.findFirst({ where: { OR: where }, select });
  return person ? { ...person, roles: person.roles.map((r) => r.role) } : null;
}

export async function requirePersonByKey(db: DbOrTx, key: string): Promise<PersonRef> {
  const person = await findPersonByKey(db, key);
  if (!person) {
    throw new AppError('PERSON_NOT_FOUND', {
      detail: key,
      userMessage: `Es ist keine Person mit der E-Mail-Adresse oder aadObjectId „${key}“ eingetragen.`,
    });
  }
  return person;
}
