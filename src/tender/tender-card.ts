// A tender's card as it is now, for the bot to answer a card action with (the admin team's card, or one VPA's
// invitation).
import type { DbOrTx } from '../db/client.ts';
import type { Notice } from '../notices/types.ts';
import { loadTender } from './context.ts';
import type { TenderRules } from './rules.ts';
import { trackedNotice } from './store.ts';

export interface TenderCardOptions {
  db: DbOrTx;
  tenderId: string;
  kind: 'tenderReview' | 'tenderInvite' | 'tenderDeadline';
  /** For `tenderInvite`: the VPA whose invitation it is. */
  personId?: string;
  now: Date;
  timeZone: string;
  rules: TenderRules;
}

export async function tenderCard(options: TenderCardOptions): Promise<Notice> {
  const ctx = await loadTender(options.db, options.tenderId);
  return trackedNotice(ctx, { key: '', kind: options.kind, ...(options.personId ? { personId: options.personId } : {}) }, options);
}
