// The handover state machine. A request is open from `submitted` to `approved`; `openClientId` is set exactly
// while it is open, so the database allows one open request per client.
//
//   submitted ──startReview──> in_review
//   submitted | in_review | clarifying ──returnRequest──> returned            (closed: keep supporting the client)
//   submitted | in_review | clarifying ──requestClarification──> clarifying   (VPA raises the problems first)
//   submitted | in_review | clarifying ──proposeSuccessor──> awaiting_approval
//   awaiting_approval ──decide──> approved | completed (no training wanted) | rejected (closed)
//   approved ──confirmTraining* / completeHandover──> completed (closed)
//   submitted … awaiting_approval ──withdraw──> withdrawn (closed)
import type { HandoverStatus } from './labels.ts';

export const OPEN_STATUSES: readonly HandoverStatus[] = ['submitted', 'in_review', 'clarifying', 'awaiting_approval', 'approved'];
/** Not decided yet: the VPA may withdraw. */
export const PENDING_STATUSES: readonly HandoverStatus[] = ['submitted', 'in_review', 'clarifying', 'awaiting_approval'];
/** The community team may return, clarify or propose. */
export const REVIEWABLE_STATUSES: readonly HandoverStatus[] = ['submitted', 'in_review', 'clarifying'];
/** Not reviewed yet (a reviewer may have taken it on, but has not acted). */
export const UNREVIEWED_STATUSES: readonly HandoverStatus[] = ['submitted', 'in_review'];

export type HandoverAction =
  | 'startReview'
  | 'returnRequest'
  | 'requestClarification'
  | 'proposeSuccessor'
  | 'decide'
  | 'withdraw'
  | 'confirmTraining'
  | 'complete';

export const ALLOWED_FROM: Record<HandoverAction, readonly HandoverStatus[]> = {
  startReview: ['submitted'],
  returnRequest: REVIEWABLE_STATUSES,
  requestClarification: REVIEWABLE_STATUSES,
  proposeSuccessor: REVIEWABLE_STATUSES,
  decide: ['awaiting_approval'],
  withdraw: PENDING_STATUSES,
  confirmTraining: ['approved'],
  complete: ['approved'],
};

export function allows(status: string, action: HandoverAction): boolean {
  return (ALLOWED_FROM[action] as readonly string[]).includes(status);
}

export function isOpenStatus(status: string): boolean {
  return (OPEN_STATUSES as readonly string[]).includes(status);
}
