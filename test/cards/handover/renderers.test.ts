import { describe, expect, it } from 'vitest';
import { CONDUCT_RENDERERS } from '../../../bot/render/conduct-renderers.ts';
import { HANDOVER_RENDERERS } from '../../../bot/render/handover-renderers.ts';
import { handoverApprovalCard } from '../../../cards/handover/approval.ts';
import type { AdaptiveCard } from '../../../cards/common/types.ts';
import type { ConductNoticeModels } from '../../../src/notices/conduct.ts';
import type { HandoverNoticeModels } from '../../../src/notices/handover.ts';
import { cardActions } from '../../support/cards.ts';
import { expectValidCard } from './helpers.ts';
import * as m from './models.ts';

const EXAMPLES: { [K in keyof HandoverNoticeModels]: HandoverNoticeModels[K] } = {
  handoverForm: m.formModel(),
  handoverChallenge: m.challengeModel(),
  handoverSubmitted: m.submittedModel(),
  handoverReview: m.reviewModel(),
  handoverApproval: m.approvalModel(),
  handoverReturned: m.returnedModel(),
  handoverClarify: m.clarifyModel(),
  handoverRejected: m.rejectedModel(),
  handoverInformClient: m.informClientModel(),
  handoverSuccessor: m.successorModel(),
  handoverTrainingReminder: m.trainingReminderModel(),
  handoverReminder: m.reminderModel(),
  handoverCompleted: m.completedModel(),
  handoverStatus: m.statusModel(),
};

const CONDUCT_EXAMPLES: { [K in keyof ConductNoticeModels]: ConductNoticeModels[K] } = {
  conductForm: m.conductFormModel(),
  conductReceived: m.conductReceivedModel(),
  conductReport: m.conductReportModel(),
  conductAcknowledged: m.conductAcknowledgedModel(),
  conductReminder: m.conductReminderModel(),
  conductEscalation: m.conductEscalationModel(),
};

function renderAny<K extends keyof HandoverNoticeModels>(kind: K): AdaptiveCard {
  return HANDOVER_RENDERERS[kind](EXAMPLES[kind]);
}

function renderConduct<K extends keyof ConductNoticeModels>(kind: K): AdaptiveCard {
  return CONDUCT_RENDERERS[kind](CONDUCT_EXAMPLES[kind]);
}

function expectTeamsCard(card: AdaptiveCard, kind: string): void {
  expect(card.version, kind).toBe('1.5');
  expectValidCard(card);
  const types = new Set(cardActions(card).map((a) => a.type));
  expect([...types].filter((t) => t !== 'Action.Execute' && t !== 'Action.ShowCard'), kind).toEqual([]);
  expect(card.fallbackText, kind).toBeTruthy();
}

describe('HANDOVER_RENDERERS', () => {
  it('renders every Kundenabgabe and conduct notice kind to a valid 1.5 card that uses only Action.Execute to talk to the bot', () => {
    const kinds = Object.keys(EXAMPLES) as (keyof HandoverNoticeModels)[];
    expect(Object.keys(HANDOVER_RENDERERS).sort()).toEqual([...kinds].sort());
    for (const kind of kinds) expectTeamsCard(renderAny(kind), kind);
    const conductKinds = Object.keys(CONDUCT_EXAMPLES) as (keyof ConductNoticeModels)[];
    expect(Object.keys(CONDUCT_RENDERERS).sort()).toEqual([...conductKinds].sort());
    for (const kind of conductKinds) expectTeamsCard(renderConduct(kind), kind);
  });

  it('posts the approval request in its read-only view (managers get theirs through the refresh)', () => {
    const model = m.approvalModel();
    expect(HANDOVER_RENDERERS.handoverApproval(model)).toEqual(handoverApprovalCard(model, 'readonly'));
    expect(cardActions(HANDOVER_RENDERERS.handoverApproval(model)).map((a) => a.verb)).toEqual(['handover.approval.refresh']);
  });
});
