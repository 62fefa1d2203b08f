// The handover state machine: the one table of which action moves a request from which states to which.
// docs/kundenabgabe.md draws the same machine as a Mermaid diagram; test/handover/state-diagram.test.ts reads
// both and fails when they disagree. A request is open from `submitted` to `approved`; `openClientId` is set
// exactly while it is open, so the database allows one open request per client.
import type { HandoverStatus } from './labels.ts';

export type HandoverAction =
  | 'startReview'
  | 'returnRequest'
  | 'requestClarification'
  | 'answerClarification'
  | 'proposeSuccessor'
  | 'decide'
  | 'withdraw'
  | 'confirmClientInformed'
  | 'confirmTraining'
  | 'complete'
  | 'cancel';

export interface Transition {
  action: HandoverAction;
  from: readonly HandoverStatus[];
  to: readonly HandoverStatus[];
  /** Who may take it (for docs/kundenabgabe.md and the help texts). */
  by: string;
}

export const TRANSITIONS: readonly Transition[] = [
  { action: 'startReview', from: ['submitted'], to: ['in_review'], by: 'community' },
  { action: 'returnRequest', from: ['submitted', 'in_review', 'clarifying'], to: ['returned'], by: 'community' },
  { action: 'requestClarification', from: ['submitted', 'in_review'], to: ['clarifying'], by: 'community' },
  // "geklärt, ich behalte den Kunden" ends the request; "nicht geklärt" hands it back to the reviewer.
  { action: 'answerClarification', from: ['clarifying'], to: ['resolved', 'in_review'], by: 'vpa' },
  { action: 'proposeSuccessor', from: ['submitted', 'in_review', 'clarifying'], to: ['awaiting_approval'], by: 'community' },
  { action: 'decide', from: ['awaiting_approval'], to: ['approved', 'rejected'], by: 'manager' },
  { action: 'withdraw', from: ['submitted', 'in_review', 'clarifying', 'awaiting_approval'], to: ['withdrawn'], by: 'vpa' },
  // The assignment moves when the client is informed and, if they want one, the training is given and received.
  { action: 'confirmClientInformed', from: ['approved'], to: ['approved', 'completed'], by: 'vpa' },
  { action: 'confirmTraining', from: ['approved'], to: ['approved', 'completed'], by: 'vpa, successor' },
  { action: 'complete', from: ['approved'], to: ['completed'], by: 'manager' },
  { action: 'cancel', from: ['approved'], to: ['cancelled'], by: 'manager' },
];

function byAction(action: HandoverAction): Transition {
  const t = TRANSITIONS.find((x) => x.action === action);
  if (!t) throw new RangeError(`no transition for ${action}`);
  return t;
}

export const ALLOWED_FROM: Record<HandoverAction, readonly HandoverStatus[]> = Object.fromEntries(
  TRANSITIONS.map((t) => [t.action, t.from]),
) as Record<HandoverAction, readonly HandoverStatus[]>;

export const OPEN_STATUSES: readonly HandoverStatus[] = ['submitted', 'in_review', 'clarifying', 'awaiting_approval', 'approved'];
/** Not decided yet: the VPA may withdraw. */
export const PENDING_STATUSES: readonly HandoverStatus[] = byAction('withdraw').from;
/** The community team may return or propose. */
export const REVIEWABLE_STATUSES: readonly HandoverStatus[] = byAction('proposeSuccessor').from;
/** Not reviewed yet (a reviewer may have taken it on, but has not acted). */
export const UNREVIEWED_STATUSES: readonly HandoverStatus[] = ['submitted', 'in_review'];

export function allows(status: string, action: HandoverAction): boolean {
  return (ALLOWED_FROM[action] as readonly string[]).includes(status);
}

/** Whether `action` may lead from `from` to `to` (the use cases assert this for every write). */
export function leadsTo(action: HandoverAction, from: string, to: string): boolean {
  const t = byAction(action);
  return (t.from as readonly string[]).includes(from) && (t.to as readonly string[]).includes(to);
}

export function isOpenStatus(status: string): boolean {
  return (OPEN_STATUSES as readonly string[]).includes(status);
}
