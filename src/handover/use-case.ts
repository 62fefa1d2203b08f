// What every handover use case takes. The bot passes the Actor it loaded from the activity's sender
// (src/identity/find-actor.ts): roles come from the database, never from a card's payload.
import type { Db } from '../db/client.ts';
import type { Actor } from '../identity/find-actor.ts';
import type { IdGenerator } from '../ids.ts';

export interface UseCaseOptions {
  db: Db;
  actor: Actor | null;
  now: Date;
  /** config.businessTimeZone; default Europe/Berlin. */
  timeZone?: string;
}

export interface RequestActionOptions extends UseCaseOptions {
  requestId: string;
  /** The `version` the clicked card showed; a click on an outdated card is refused (HANDOVER_STALE). */
  expectedVersion?: number;
}

export interface WithIds {
  newId?: IdGenerator;
}

/** Result of a use case that changed a request. */
export interface HandoverChange {
  requestId: string;
  status: string;
  version: number;
}
