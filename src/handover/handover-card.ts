// The current model of a card that shows a request, built on demand — for the bot's Universal Actions
// `refresh` (user-specific views of the approval card) and for re-showing a card after an error.
import type { DbOrTx } from '../db/client.ts';
import type { TrackedHandoverKind } from '../notices/handover.ts';
import type { Notice } from '../notices/types.ts';
import { cardContext, loadContext, loadRequest } from './context.ts';
import { trackedNotice } from './view/tracked.ts';

export interface HandoverCardOptions {
  db: DbOrTx;
  requestId: string;
  kind: TrackedHandoverKind;
  now: Date;
  timeZone: string;
  /** For `handoverTrainingReminder`. */
  step?: 'given' | 'received';
}

export async function handoverCard(options: HandoverCardOptions): Promise<Notice> {
  const row = await loadRequest(options.db, options.requestId);
  const ctx = await loadContext(options.db, row, options.now, options.timeZone);
  return trackedNotice(options.kind, await cardContext(options.db, ctx, options.kind), options.step);
}
