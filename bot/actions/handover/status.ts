// "Aktualisieren" on the status card (and "Status anzeigen" on request cards): the presser's own open
// requests. The card is about clients, so it is answered only in the 1:1 chat; pressed in a channel or
// group chat (a forwarded or forged card) it gets an error card without any data.
import { z } from 'zod';
import { VERBS } from '../../../cards/common/verbs.ts';
import { listStatus } from '../../../src/handover/index.ts';
import { STATUS_ROLES } from '../../commands/handover.ts';
import { renderNoticeCard } from '../../render/render-notice.ts';
import { defineAction } from '../registry.ts';
import { useCaseBase } from './shared.ts';

export const showHandoverStatus = defineAction({
  verb: VERBS.handoverStatus,
  data: z.object({}).loose(),
  // The same roles the `status` command serves.
  roles: STATUS_ROLES,
  personalOnly: true,
  async handle(ctx) {
    const base = useCaseBase(ctx);
    return { card: renderNoticeCard({ kind: 'handoverStatus', model: await listStatus({ db: base.db, actor: base.actor, now: base.now, timeZone: base.timeZone }) }) };
  },
});
