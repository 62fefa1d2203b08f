// `melden`: a VPA reports a client who insults, disrespects, discriminates or harasses. The report goes
// urgent and 1:1 to the VPA managers and client managers, who acknowledge it ("erledigt").
import { z } from 'zod';
import { VERBS } from '../../../cards/common/verbs.ts';
import { acknowledgeConduct, conductForm, conductReportFor, reportConduct } from '../../../src/conduct/index.ts';
import { renderNoticeCard } from '../../render/render-notice.ts';
import { defineAction } from '../registry.ts';
import { useCaseBase } from '../handover/shared.ts';

export const openConductForm = defineAction({
  verb: VERBS.conductForm,
  personalOnly: true,
  data: z.object({}).loose(),
  roles: ['vpa'],
  async handle(ctx) {
    const base = useCaseBase(ctx);
    return { card: renderNoticeCard({ kind: 'conductForm', model: await conductForm({ db: base.db, actor: base.actor, now: base.now, timeZone: base.timeZone }) }) };
  },
});

export const submitConduct = defineAction({
  verb: VERBS.conductSubmit,
  personalOnly: true,
  data: z.record(z.string(), z.unknown()),
  roles: ['vpa'],
  mutating: true,
  async handle(ctx, data) {
    const result = await reportConduct({ ...useCaseBase(ctx), input: data });
    // Nothing saved: no invoke receipt for the form with field errors.
    if (result.outcome === 'invalid') return { card: renderNoticeCard({ kind: 'conductForm', model: result.form }), accepted: false };
    ctx.kickOutbox();
    return { card: renderNoticeCard({ kind: 'conductReceived', model: result.received }) };
  },
});

export const acknowledgeConductReport = defineAction({
  verb: VERBS.conductAck,
  personalOnly: true,
  data: z.object({ reportId: z.string().min(1).max(100) }).loose(),
  roles: ['vpa_manager', 'client_manager'],
  mutating: true,
  async handle(ctx, data) {
    await acknowledgeConduct({ ...useCaseBase(ctx), reportId: data.reportId });
    ctx.kickOutbox();
    const model = await conductReportFor(ctx.db.prisma, data.reportId, ctx.actor?.id ?? '', ctx.config.businessTimeZone);
    return { card: renderNoticeCard({ kind: 'conductReport', model }) };
  },
});
