// Who receives what. A purpose channel (`kanal betreuung`, `kanal freigabe`) is used when one is bound;
// without it the same card goes 1:1 to every person with the responsible roles, so nothing is lost before a
// manager binds the channel. Conduct reports never use a channel: they always go 1:1 to the managers
// (src/conduct); only their escalation to the admin team uses the `admin` channel, when bound.
import type { DbOrTx } from '../db/client.ts';
import type { ChannelPurpose, Recipient } from './types.ts';
import { MANAGER_ROLES, type Role } from '../people/roles.ts';

export interface Audience {
  recipient: Recipient;
  /** Part of the idempotency key: `channel` or the person id. */
  suffix: string;
  personId: string | null;
}

export async function peopleWithRoles(db: DbOrTx, roles: readonly Role[], exclude: readonly string[] = []): Promise<{ id: string; name: string; teamsUserId: string | null }[]> {
  return db.person.findMany({
    where: { roles: { some: { role: { in: [...roles] } } }, id: { notIn: [...exclude] } },
    select: { id: true, name: true, teamsUserId: true },
    orderBy: [{ name: 'asc' }, { id: 'asc' }],
  });
}

export function personAudience(personId: string): Audience {
  return { recipient: { type: 'person', personId }, suffix: personId, personId };
}

async function channelOrPeople(db: DbOrTx, purpose: ChannelPurpose, roles: readonly Role[], exclude: readonly string[]): Promise<Audience[]> {
  const binding = await db.channelBinding.findUnique({ where: { purpose }, select: { purpose: true } });
  if (binding) return [{ recipient: { type: 'channel', purpose }, suffix: 'channel', personId: null }];
  return (await peopleWithRoles(db, roles, exclude)).map((p) => personAudience(p.id));
}

/** The community team: the `betreuung` channel, or every community person 1:1. */
export function reviewAudience(db: DbOrTx, exclude: readonly string[] = []): Promise<Audience[]> {
  return channelOrPeople(db, 'betreuung', ['community'], exclude);
}

/** The approval request: the `freigabe` channel, or every manager 1:1. */
export function approvalAudience(db: DbOrTx, exclude: readonly string[] = []): Promise<Audience[]> {
  return channelOrPeople(db, 'freigabe', MANAGER_ROLES, exclude);
}

/** The staff who operate the Conny account: the `schicht` channel, or every person on shift duty 1:1. */
export function shiftAudience(db: DbOrTx, exclude: readonly string[] = []): Promise<Audience[]> {
  return channelOrPeople(db, 'schicht', ['shift'], exclude);
}

/** Every VPA manager and client manager, 1:1. */
export async function managerAudience(db: DbOrTx, exclude: readonly string[] = []): Promise<Audience[]> {
  return (await peopleWithRoles(db, MANAGER_ROLES, exclude)).map((p) => personAudience(p.id));
}

/** The admin team: the `admin` channel, or every person with the role `admin` 1:1. */
export function adminAudience(db: DbOrTx, exclude: readonly string[] = []): Promise<Audience[]> {
  return channelOrPeople(db, 'admin', ['admin'], exclude);
}

/** "Kanal freigabe, Anna Schneider, Ben Wagner": who a reminder went to, for the tick's German output. */
export async function recipientNames(db: DbOrTx, audience: readonly Audience[]): Promise<string> {
  if (audience.length === 0) return 'niemanden (keine Empfänger eingetragen)';
  const ids = audience.map((a) => a.personId).filter((id): id is string => !!id);
  const people = ids.length ? await db.person.findMany({ where: { id: { in: ids } }, select: { name: true }, orderBy: { name: 'asc' } }) : [];
  const channels = audience.flatMap((a) => (a.recipient.type === 'channel' ? [`Kanal ${a.recipient.purpose}`] : []));
  return [...channels, ...people.map((p) => p.name)].join(', ');
}
