// What processing one event type means: `apply` writes the event's effect inside the event's transaction (with the
// status change to `processed` and the audit event), and returns ids and decisions for the audit event.
import type { Tx } from '../../db/client.ts';
import type { EventSource } from './store.ts';

export interface EventContext {
  eventId: string;
  source: EventSource;
  /** When the event is processed. */
  now: Date;
  timeZone: string;
}

export type Effects = Record<string, string | number | boolean | null>;

export interface EventHandler<T> {
  apply(tx: Tx, data: T, ctx: EventContext): Promise<Effects>;
}

/** The platform's instant, but never later than now (a clock ahead of ours must not date history in the future). */
export function notAfter(at: Date, now: Date): Date {
  return at.getTime() > now.getTime() ? now : at;
}
