// After approval: the VPA confirms the handover training, the successor confirms receipt; both complete it.
import { VERBS } from '../../../cards/common/verbs.ts';
import { confirmTrainingGiven, confirmTrainingReceived } from '../../../src/handover/index.ts';
import { defineAction } from '../registry.ts';
import { answerWithCard, requestRef, useCaseBase } from './shared.ts';

export const trainingGiven = defineAction({
  verb: VERBS.handoverTrainingGiven,
  personalOnly: true,
  data: requestRef,
  roles: ['vpa'],
  mutating: true,
  async handle(ctx, data) {
    await confirmTrainingGiven({ ...useCaseBase(ctx), requestId: data.requestId });
    return answerWithCard(ctx, data.requestId, 'handoverInformClient');
  },
});

export const trainingReceived = defineAction({
  verb: VERBS.handoverTrainingReceived,
  personalOnly: true,
  data: requestRef,
  roles: ['vpa'],
  mutating: true,
  async handle(ctx, data) {
    await confirmTrainingReceived({ ...useCaseBase(ctx), requestId: data.requestId });
    return answerWithCard(ctx, data.requestId, 'handoverSuccessor');
  },
});
