// The VPA's answer to "klären lassen": "geklärt, ich behalte den Kunden" or "nicht geklärt" with a note.
import { z } from 'zod';
import { VERBS } from '../../../cards/common/verbs.ts';
import { answerClarification } from '../../../src/handover/index.ts';
import { defineAction } from '../registry.ts';
import { answerWithCard, optionalText, requestRef, useCaseBase } from './shared.ts';

export const answerHandoverClarification = defineAction({
  verb: VERBS.handoverClarificationAnswer,
  personalOnly: true,
  data: requestRef.extend({ answer: z.enum(['resolved', 'unresolved']), clarificationNote: optionalText(4000) }),
  roles: ['vpa'],
  mutating: true,
  async handle(ctx, data) {
    await answerClarification({ ...useCaseBase(ctx), requestId: data.requestId, expectedVersion: data.version, answer: data.answer, note: data.clarificationNote });
    return answerWithCard(ctx, data.requestId, 'handoverClarify');
  },
});
