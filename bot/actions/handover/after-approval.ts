// After approval (wiki step 4): the VPA confirms "Kunde informiert" with the client's training wish; a manager
// may "abschließen" or "abbrechen" an approved handover (with a reason) when it stalls or cannot complete.
import { z } from 'zod';
import { VERBS } from '../../../cards/common/verbs.ts';
import { cancelHandover, completeHandover, confirmClientInformed } from '../../../src/handover/index.ts';
import { defineAction } from '../registry.ts';
import { answerWithCard, optionalText, requestRef, useCaseBase } from './shared.ts';

const MANAGERS = ['vpa_manager', 'client_manager'] as const;
const yesNo = z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')]);

export const confirmHandoverClientInformed = defineAction({
  verb: VERBS.handoverClientInformed,
  personalOnly: true,
  data: requestRef.extend({ trainingWanted: yesNo }),
  roles: ['vpa'],
  mutating: true,
  async handle(ctx, data) {
    await confirmClientInformed({ ...useCaseBase(ctx), requestId: data.requestId, expectedVersion: data.version, trainingWanted: data.trainingWanted });
    return answerWithCard(ctx, data.requestId, 'handoverInformClient');
  },
});

// Each action's ShowCard has its own input (one card may not repeat an id); `closeReason` is accepted for both.
const closeData = requestRef.extend({ completeReason: optionalText(4000), cancelReason: optionalText(4000), closeReason: optionalText(4000) });

export const completeApprovedHandover = defineAction({
  verb: VERBS.handoverComplete,
  data: closeData,
  roles: MANAGERS,
  mutating: true,
  async handle(ctx, data) {
    await completeHandover({ ...useCaseBase(ctx), requestId: data.requestId, expectedVersion: data.version, reason: data.completeReason ?? data.closeReason ?? '' });
    return answerWithCard(ctx, data.requestId, 'handoverApproval');
  },
});

export const cancelApprovedHandover = defineAction({
  verb: VERBS.handoverCancel,
  data: closeData,
  roles: MANAGERS,
  mutating: true,
  async handle(ctx, data) {
    await cancelHandover({ ...useCaseBase(ctx), requestId: data.requestId, expectedVersion: data.version, reason: data.cancelReason ?? data.closeReason ?? '' });
    return answerWithCard(ctx, data.requestId, 'handoverApproval');
  },
});
