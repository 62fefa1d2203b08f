// Who hears of a check or an alert: the `schicht` channel (with @mentions of the people on shift) when a manager
// bound one (`kanal schicht`), else each person on shift 1:1. With nobody on shift the shift lead and the VPA
// managers are told 1:1 as well (the channel, when bound, still gets the card saying that nobody is on shift).
import type { DbOrTx } from '../db/client.ts';
import { peopleWithRoles } from '../notices/audience.ts';
import type { Recipient } from '../notices/types.ts';
import { onShiftAt, type OnShift } from './on-shift.ts';

/** The role whose holders stand in when there is no shift lead (and hear of unacknowledged checks last). */
export const VPA_MANAGER_ROLE = 'vpa_manager' as const;

export interface Delivery {
  recipient: Recipient;
  /** Part of the idempotency key: `channel` or the person id. */
  suffix: string;
  channel: boolean;
}

export interface ShiftRecipients {
  onShift: OnShift;
  deliveries: Delivery[];
  /** The people told 1:1 (ids). */
  told: string[];
  channel: boolean;
  unstaffed: boolean;
}

export async function channelBound(db: DbOrTx): Promise<boolean> {
  return !!(await db.channelBinding.findUnique({ where: { purpose: 'schicht' }, select: { purpose: true } }));
}

/** The shift leads of the date, or (no lead on the plan) the VPA managers. */
export async function leadsOrManagers(db: DbOrTx, onShift: OnShift): Promise<{ people: { id: string; name: string }[]; fallback: boolean }> {
  if (onShift.leads.length > 0) return { people: onShift.leads.map((p) => ({ id: p.id, name: p.name })), fallback: false };
  return { people: (await peopleWithRoles(db, [VPA_MANAGER_ROLE])).map((p) => ({ id: p.id, name: p.name })), fallback: true };
}

export async function shiftRecipients(db: DbOrTx, at: Date, timeZone: string): Promise<ShiftRecipients> {
  const onShift = await onShiftAt(db, at, timeZone);
  const channel = await channelBound(db);
  const unstaffed = onShift.people.length === 0;
  const direct = new Map<string, string>();
  if (!unstaffed && !channel) for (const p of onShift.people) direct.set(p.id, p.name);
  if (unstaffed) {
    for (const p of onShift.leads) direct.set(p.id, p.name);
    for (const p of await peopleWithRoles(db, [VPA_MANAGER_ROLE])) direct.set(p.id, p.name);
  }
  const deliveries: Delivery[] = [
    ...(channel ? [{ recipient: { type: 'channel', purpose: 'schicht' } as const, suffix: 'channel', channel: true }] : []),
    ...[...direct.keys()].map((personId) => ({ recipient: { type: 'person', personId } as const, suffix: personId, channel: false })),
  ];
  return { onShift, deliveries, told: [...direct.keys()], channel, unstaffed };
}
