// The VPA's side: open the form, submit (with the wiki's challenge first where it applies), withdraw.
import { z } from 'zod';
import { VERBS } from '../../../cards/common/verbs.ts';
import { formValues, handoverForm, submitRequest, withdrawRequest } from '../../../src/handover/index.ts';
import { parseFormId } from '../../../src/invokes/form-id.ts';
import { renderNoticeCard } from '../../render/render-notice.ts';
import { defineAction } from '../registry.ts';
import { answerWithCard, requestRef, useCaseBase } from './shared.ts';

export const openHandoverForm = defineAction({
  verb: VERBS.handoverForm,
  personalOnly: true,
  // "Bearbeiten" on the challenge card sends the draft back to prefill the form, and the form instance (formId).
  data: z.object({ values: z.record(z.string(), z.unknown()).optional() }).loose(),
  roles: ['vpa'],
  async handle(ctx, data) {
    const base = useCaseBase(ctx);
    const model = await handoverForm({ ...base, values: data.values ? formValues(data.values) : undefined, formId: parseFormId(data.formId) });
    return { card: renderNoticeCard({ kind: 'handoverForm', model }) };
  },
});

export const submitHandover = defineAction({
  verb: VERBS.handoverSubmit,
  personalOnly: true,
  // Field-level validation is the use case's (it answers with the form and German field errors).
  data: z.record(z.string(), z.unknown()),
  roles: ['vpa'],
  mutating: true,
  async handle(ctx, data) {
    const confirm = data.confirmChallenges === true || data.confirmChallenges === 'true';
    const result = await submitRequest({ ...useCaseBase(ctx), input: data, confirmChallenges: confirm });
    switch (result.outcome) {
      // Nothing saved yet: no invoke receipt for these answers.
      case 'invalid':
        return { card: renderNoticeCard({ kind: 'handoverForm', model: result.form }), accepted: false };
      case 'challenged':
        return { card: renderNoticeCard({ kind: 'handoverChallenge', model: result.challenge }), accepted: false };
      case 'submitted':
        ctx.kickOutbox();
        return { card: renderNoticeCard({ kind: 'handoverSubmitted', model: result.submitted }) };
    }
  },
});

export const withdrawHandover = defineAction({
  verb: VERBS.handoverWithdraw,
  personalOnly: true,
  data: requestRef,
  roles: ['vpa'],
  mutating: true,
  async handle(ctx, data) {
    await withdrawRequest({ ...useCaseBase(ctx), requestId: data.requestId });
    return answerWithCard(ctx, data.requestId, 'handoverSubmitted');
  },
});
