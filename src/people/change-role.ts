// Grants or revokes one role of a person (CLI `roles grant|revoke`). Idempotent: granting a role the
// person has, or revoking one they lack, changes nothing and records nothing.
import type { Db } from '../db/client.ts';
import { recordAudit } from '../audit/record.ts';
import { AppError } from '../errors/catalogue.ts';
import { requirePersonByKey, type PersonRef } from './find-person.ts';
import { CONNY_ROLE, ROLES, isRole, type Role } from './roles.ts';

export interface ChangeRoleInput {
  /** E-mail address or aadObjectId. */
  person: string;
  role: string;
  now: Date;
  actorId?: string | null;
}

export interface ChangeRoleResult {
  person: PersonRef;
  role: Role;
  /** false when the person already had (grant) or lacked (revoke) the role. */
  changed: boolean;
}

export function parseRole(name: string): Role {
  const role = name.trim().toLowerCase();
  if (!isRole(role)) {
    throw new AppError('UNKNOWN_ROLE', { detail: name, userMessage: `Die Rolle „${name}“ gibt es nicht. Verfügbar sind: ${ROLES.join(', ')}.` });
  }
  return role;
}

export async function grantRole(prisma: Db, input: ChangeRoleInput): Promise<ChangeRoleResult> {
  const role = parseRole(input.role);
  return prisma.$transaction(async (tx) => {
    const person = await requirePersonByKey(tx, input.person);
    if (person.roles.includes(role)) return { person, role, changed: false };
    // Exactly one person is the Conny account (CONTRACT.md, Roles): hand it over by revoking it first.
    if (role === CONNY_ROLE) {
      const holder = await tx.personRole.findFirst({ where: { role: CONNY_ROLE }, select: { person: { select: { name: true } } } });
      if (holder) throw new AppError('CONNY_TAKEN', { detail: holder.person.name, userMessage: `Die Rolle „conny“ hat schon ${holder.person.name}. Es gibt genau ein Konto Conny: entziehe sie dort zuerst.` });
    }
    await tx.personRole.create({ data: { personId: person.id, role } });
    await recordAudit(tx, { at: input.now, actorId: input.actorId ?? null, action: 'role.granted', subjectType: 'person', subjectId: person.id, data: { role } });
    return { person: { ...person, roles: [...person.roles, role] }, role, changed: true };
  });
}

export async function revokeRole(prisma: Db, input: ChangeRoleInput): Promise<ChangeRoleResult> {
  const role = parseRole(input.role);
  return prisma.$transaction(async (tx) => {
    const person = await requirePersonByKey(tx, input.person);
    if (!person.roles.includes(role)) return { person, role, changed: false };
    await tx.personRole.delete({ where: { personId_role: { personId: person.id, role } } });
    await recordAudit(tx, { at: input.now, actorId: input.actorId ?? null, action: 'role.revoked', subjectType: 'person', subjectId: person.id, data: { role } });
    return { person: { ...person, roles: person.roles.filter((r) => r !== role) }, role, changed: true };
  });
}
