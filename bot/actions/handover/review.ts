// The community team's review: start, zurückspielen, klären lassen, Wechsel vorschlagen.
import { z } from 'zod';
import { VERBS } from '../../../cards/common/verbs.ts';
import { AppError } from '../../../src/errors/catalogue.ts';
import { proposeSuccessor, requestClarification, returnRequest, startReview } from '../../../src/handover/index.ts';
import { parseLocalDateTime } from '../../../src/time/format.ts';
import { defineAction } from '../registry.ts';
import { answerWithCard, optionalText, requestRef, useCaseBase } from './shared.ts';

const REVIEWERS = ['community'] as const;

export const startHandoverReview = defineAction({
  verb: VERBS.handoverReviewStart,
  data: requestRef,
  roles: REVIEWERS,
  mutating: true,
  async handle(ctx, data) {
    await startReview({ ...useCaseBase(ctx), requestId: data.requestId, expectedVersion: data.version });
    return answerWithCard(ctx, data.requestId, 'handoverReview');
  },
});

export const returnHandover = defineAction({
  verb: VERBS.handoverReturn,
  data: requestRef.extend({ returnMessage: optionalText(2000) }),
  roles: REVIEWERS,
  mutating: true,
  async handle(ctx, data) {
    await returnRequest({ ...useCaseBase(ctx), requestId: data.requestId, expectedVersion: data.version, message: data.returnMessage });
    return answerWithCard(ctx, data.requestId, 'handoverReview');
  },
});

export const clarifyHandover = defineAction({
  verb: VERBS.handoverClarify,
  data: requestRef.extend({
    clarifyMessage: optionalText(2000),
    mediationNote: optionalText(2000),
    followUpAt: optionalText(10).pipe(z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional()),
  }),
  roles: REVIEWERS,
  mutating: true,
  async handle(ctx, data) {
    const tz = ctx.config.businessTimeZone;
    // A follow-up date means that working day's morning in the business time zone.
    const followUpAt = data.followUpAt ? parseLocalDateTime(data.followUpAt, '09:00', tz) : null;
    if (data.followUpAt && !followUpAt) throw new AppError('HANDOVER_INPUT_INVALID', { detail: 'followUpAt', userMessage: 'Bitte gib ein gültiges Datum für die Wiedervorlage an.' });
    await requestClarification({ ...useCaseBase(ctx), requestId: data.requestId, expectedVersion: data.version, message: data.clarifyMessage, mediationNote: data.mediationNote, followUpAt });
    return answerWithCard(ctx, data.requestId, 'handoverReview');
  },
});

export const proposeHandover = defineAction({
  verb: VERBS.handoverPropose,
  // The use case checks the case description's length and answers in German; only its type is checked here.
  data: requestRef.extend({ successorId: z.string().min(1).max(100), onboardingEffort: z.enum(['hoch', 'mittel', 'gering']), caseSummary: optionalText(4000) }),
  roles: REVIEWERS,
  mutating: true,
  async handle(ctx, data) {
    await proposeSuccessor({ ...useCaseBase(ctx), requestId: data.requestId, expectedVersion: data.version, successorId: data.successorId, onboardingEffort: data.onboardingEffort, caseSummary: data.caseSummary ?? '' });
    return answerWithCard(ctx, data.requestId, 'handoverReview');
  },
});
