// Fixture factories for people, clients and assignments.
import crypto from 'node:crypto';
import type { Db } from '../../src/db/client.ts';
import type { Role } from '../../src/people/roles.ts';

export interface TestPerson {
  id: string;
  name: string;
  email: string;
  aadObjectId: string;
  /** The Teams user id (29:...) the person's activities carry. */
  teamsUserId: string;
  roles: Role[];
}

export async function createPerson(prisma: Db, input: { name: string; roles: Role[]; email?: string; teamsUserIdKnown?: boolean }): Promise<TestPerson> {
  const id = crypto.randomUUID();
  const aadObjectId = crypto.randomUUID();
  const teamsUserId = `29:${crypto.randomBytes(8).toString('hex')}`;
  const email = input.email ?? `${input.name.toLowerCase().replace(/[^a-z]+/g, '.')}@example.de`;
  await prisma.person.create({
    data: {
      id,
      name: input.name,
      email,
      aadObjectId,
      teamsUserId: input.teamsUserIdKnown === false ? null : teamsUserId,
      roles: { create: input.roles.map((role) => ({ role })) },
    },
  });
  return { id, name: input.name, email, aadObjectId, teamsUserId, roles: input.roles };
}

export async function createClient(prisma: Db, input: { number: string; name: string; class?: string; workType?: 'continuous' | 'one-off' }): Promise<{ id: string; number: string; name: string }> {
  const id = crypto.randomUUID();
  await prisma.client.create({ data: { id, number: input.number, name: input.name, class: input.class ?? 'B', workType: input.workType ?? 'continuous' } });
  return { id, number: input.number, name: input.name };
}

export async function assign(prisma: Db, input: { clientId: string; vpaId: string; from: Date; to?: Date }): Promise<void> {
  await prisma.assignment.create({ data: { id: crypto.randomUUID(), clientId: input.clientId, vpaId: input.vpaId, from: input.from, to: input.to ?? null } });
}
