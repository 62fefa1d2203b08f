// What every use case takes, whatever the process. The bot passes the Actor it loaded from the activity's
// sender (src/identity/find-actor.ts): roles come from the database, never from a card's payload. The time
// zone is the configured business time zone (config.businessTimeZone): required, so no module falls back to
// a default of its own.
import type { Db } from '../db/client.ts';
import type { Actor } from '../identity/find-actor.ts';
import type { IdGenerator } from '../ids.ts';

export interface UseCaseOptions {
  db: Db;
  actor: Actor | null;
  now: Date;
  /** config.businessTimeZone. */
  timeZone: string;
}

export interface WithIds {
  /** Id generator (tests pass a deterministic one). */
  newId?: IdGenerator;
}
