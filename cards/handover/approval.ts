// The approval request in the `freigabe` channel (or 1:1 to each manager), in exactly the wiki's template.
// Two views of one model: `readonly` is what the channel post shows everyone; `manager` adds "Freigeben"
// and "Ablehnen" (with a reason). The bot decides who gets which: Teams calls the refresh verb for the
// people in `refresh.userIds` (managers, at most 60) and, in small chats and channels, for every member,
// and the bot answers non-managers with the read-only view. Once decided or withdrawn the refresh is gone
// and the posted message itself is edited to show the outcome for everyone.
import type { HandoverApprovalModel } from '../../src/notices/handover.ts';
import { card, container, executeAction, heading, note, text } from '../common/build.ts';
import type { AdaptiveCard, CardAction, CardElement, RefreshDefinition } from '../common/types.ts';
import { VERBS } from '../common/verbs.ts';
import { callout, closeActions, labeledLine, requestAction, withBanner } from './parts.ts';

export type ApprovalView = 'manager' | 'readonly';

/** Teams accepts at most 60 user ids in `refresh.userIds`. */
export const REFRESH_USER_IDS_MAX = 60;

export function handoverApprovalCard(model: HandoverApprovalModel, view: ApprovalView): AdaptiveCard {
  const { ref, decision } = model;
  const pending = decision.state === 'pending' && !ref.withdrawn && model.decidable;
  // An approved handover that is not done yet: managers may complete or cancel it (with a reason).
  const closable = model.closable && !ref.withdrawn;

  const body: CardElement[] = [
    heading(model.title),
    ...model.template.map((line, i) => labeledLine(line.label, line.value, i === 0 ? 'medium' : 'small')),
  ];
  if (model.facts.length > 0) {
    body.push(container(model.facts.map((f, i) => labeledLine(f.label, f.value, i === 0 ? 'none' : 'small')), { separator: true, spacing: 'medium' }));
  }
  if (model.refundCheck) {
    body.push(callout('warning', 'Erstattung prüfen', [text('Der Einarbeitungsaufwand ist hoch: Bitte prüft, ob dem Kunden etwas erstattet werden muss.', { spacing: 'small' })]));
  }
  if (model.proposedBy) {
    body.push(note(`Vorgeschlagen von ${model.proposedBy.name}${model.proposedAtText ? ` am ${model.proposedAtText}` : ''}`, { spacing: 'medium' }));
  }
  body.push(...decisionState(model, view, pending));
  if (model.completionError) body.push(callout('attention', 'Zuordnung konnte nicht geändert werden', [text(model.completionError, { spacing: 'small' })]));
  if (model.closedText) body.push(note(model.closedText, { spacing: 'small' }));

  const actions: CardAction[] = view === 'manager' && pending ? managerActions(model) : view === 'manager' && closable ? closeActions(ref, { complete: VERBS.handoverComplete, cancel: VERBS.handoverCancel }) : [];
  const refresh = refreshFor(model, pending || closable);
  return card(withBanner(ref, body), actions, {
    ...(refresh ? { refresh } : {}),
    fallbackText: `${model.title} – ${decision.label}`,
  });
}

function decisionState(model: HandoverApprovalModel, view: ApprovalView, pending: boolean): CardElement[] {
  const d = model.decision;
  if (d.state === 'approved') return [callout('good', d.label)];
  if (d.state === 'rejected') {
    return [callout('attention', d.label, d.rejectionReason ? [labeledLine('Begründung', d.rejectionReason)] : [])];
  }
  // Withdrawn: the banner at the top says it; repeat the decision line only when the model disagrees.
  if (d.state === 'withdrawn' || model.ref.withdrawn) return model.ref.withdrawn ? [] : [callout('emphasis', d.label)];
  const out: CardElement[] = [text(d.label, { weight: 'bolder', spacing: 'medium' })];
  if (pending && view === 'readonly') out.push(note('Freigeben oder ablehnen können nur VPA-Manager und Kundenmanager.', { spacing: 'small' }));
  return out;
}

function managerActions(model: HandoverApprovalModel): CardAction[] {
  const { ref } = model;
  return [
    requestAction('Freigeben', VERBS.handoverApprove, ref, { style: 'positive', associatedInputs: 'none' }),
    {
      type: 'Action.ShowCard',
      title: 'Ablehnen',
      card: {
        type: 'AdaptiveCard',
        body: [
          {
            type: 'Input.Text',
            id: 'rejectionReason',
            label: 'Warum lehnst du den Wechsel ab?',
            isRequired: true,
            errorMessage: 'Bitte gib einen Grund für die Ablehnung an.',
            isMultiline: true,
            placeholder: 'Der VPA erhält diese Begründung.',
          },
        ],
        actions: [requestAction('Ablehnen', VERBS.handoverReject, ref, { style: 'destructive', associatedInputs: 'auto' })],
      },
    },
  ];
}

/** User-specific views while managers have something to do (decide, or complete/cancel); none afterwards. */
function refreshFor(model: HandoverApprovalModel, active: boolean): RefreshDefinition | null {
  const userIds = model.managerTeamsUserIds.slice(0, REFRESH_USER_IDS_MAX);
  if (!active || userIds.length === 0) return null;
  return { action: executeAction('Aktualisieren', VERBS.handoverApprovalRefresh, { requestId: model.ref.requestId }), userIds };
}
