// "Aktualisieren" on the status card (and "Status anzeigen" on request cards): the presser's own open
// requests. The card is about clients, so it is answered only in the 1:1 chat; pressed in a channel or
// group chat (a forwarded or forged card) it gets an error card without any data.
import { z } from 'zod';
import { VERBS } from '../../../cards/common/verbs.ts';
import { AppError } from '../../../src/errors/catalogue.ts';
import { listStatus } from '../../../src/handover/index.ts';
import { scopeOf } from '../../activity.ts';
import { STATUS_ROLES } from '../../commands/handover.ts';
import { renderNoticeCard } from '../../render/render-notice.ts';
import { defineAction } from '../registry.ts';
import { useCaseBase } from './shared.ts';

export const showHandoverStatus = defineAction({
  verb: VERBS.handoverStatus,
  data: z.object({}).loose(),
  // The same roles the `status` command serves.
  roles: STATUS_ROLES,
  async handle(ctx) {
    if (scopeOf(ctx.turn.activity) !== 'personal') throw new AppError('PERSONAL_ONLY', { detail: `${VERBS.handoverStatus} outside the personal chat` });
    const base = useCaseBase(ctx);
    return { card: renderNoticeCard({ kind: 'handoverStatus', model: await listStatus({ db: base.db, actor: base.actor, now: base.now, timeZone: base.timeZone }) }) };
  },
});
