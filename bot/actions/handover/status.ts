import { z } from 'zod';
import { VERBS } from '../../../cards/common/verbs.ts';
import { listStatus } from '../../../src/handover/index.ts';
import { renderNoticeCard } from '../../render/render-notice.ts';
import { defineAction } from '../registry.ts';
import { useCaseBase } from './shared.ts';

export const showHandoverStatus = defineAction({
  verb: VERBS.handoverStatus,
  data: z.object({}).loose(),
  async handle(ctx) {
    const base = useCaseBase(ctx);
    return { card: renderNoticeCard({ kind: 'handoverStatus', model: await listStatus({ db: base.db, actor: base.actor, now: base.now, timeZone: base.timeZone }) }) };
  },
});
