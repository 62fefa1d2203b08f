import { describe, expect, it } from 'vitest';
import { ALLOWED_FROM, OPEN_STATUSES, allows, isOpenStatus } from '../../src/handover/states.ts';
import { HANDOVER_STATUSES } from '../../src/handover/labels.ts';
import { assertMayClose, assertMayDecide, assertMayPropose, assertMayRequest, assertMayReview, assertRequester, assertSuccessor } from '../../src/handover/permissions.ts';
import { parseBoolean, validateDraft } from '../../src/handover/validation.ts';
import { parseLocalDateTime } from '../../src/time/format.ts';
import { AppError } from '../../src/errors/catalogue.ts';
import type { Actor } from '../../src/identity/find-actor.ts';
import type { Role } from '../../src/people/roles.ts';
import { requireActor } from '../../src/people/access.ts';

const actor = (id: string, ...roles: Role[]): Actor => ({ id, name: id, email: `${id}@x.de`, aadObjectId: null, teamsUserId: null, roles });
function code(f: () => void): string | null {
  try {
    f();
    return null;
  } catch (e) {
    if (e instanceof AppError) return e.code;
    throw e;
  }
}

describe('state machine', () => {
  it('open states are exactly those up to approval', () => {
    expect(HANDOVER_STATUSES.filter(isOpenStatus)).toEqual(['submitted', 'in_review', 'clarifying', 'awaiting_approval', 'approved']);
    expect(OPEN_STATUSES).not.toContain('completed');
  });

  it('allows each action only from its states', () => {
    const table = Object.fromEntries(Object.keys(ALLOWED_FROM).map((a) => [a, HANDOVER_STATUSES.filter((s) => allows(s, a as keyof typeof ALLOWED_FROM))]));
    expect(table).toEqual({
      startReview: ['submitted'],
      returnRequest: ['submitted', 'in_review', 'clarifying'],
      requestClarification: ['submitted', 'in_review'],
      answerClarification: ['clarifying'],
      proposeSuccessor: ['submitted', 'in_review', 'clarifying'],
      decide: ['awaiting_approval'],
      withdraw: ['submitted', 'in_review', 'clarifying', 'awaiting_approval'],
      confirmClientInformed: ['approved'],
      confirmTraining: ['approved'],
      complete: ['approved'],
      cancel: ['approved'],
    });
    expect(allows('nonsense', 'decide')).toBe(false);
  });

  it('closed states allow nothing', () => {
    for (const s of ['completed', 'returned', 'rejected', 'withdrawn', 'resolved', 'cancelled']) {
      expect(Object.keys(ALLOWED_FROM).filter((a) => allows(s, a as keyof typeof ALLOWED_FROM))).toEqual([]);
    }
  });
});

describe('permissions', () => {
  const request = { vpaId: 'anna', successorId: 'bernd', reviewerId: 'kim' };
  it('an unknown sender is not registered', () => {
    expect(code(() => requireActor(null))).toBe('NOT_REGISTERED');
  });
  it('a VPA may request only for a client they serve now', () => {
    expect(code(() => assertMayRequest(actor('anna', 'vpa'), ['anna']))).toBeNull();
    expect(code(() => assertMayRequest(actor('anna', 'vpa'), ['carla']))).toBe('HANDOVER_NOT_YOUR_CLIENT');
    expect(code(() => assertMayRequest(actor('anna', 'vpa'), []))).toBe('HANDOVER_NOT_YOUR_CLIENT');
    expect(code(() => assertMayRequest(actor('anna', 'community'), ['anna']))).toBe('HANDOVER_VPA_ONLY');
  });
  it('review: community only, not on their own request', () => {
    expect(code(() => assertMayReview(actor('kim', 'community'), request))).toBeNull();
    expect(code(() => assertMayReview(actor('maria', 'vpa_manager'), request))).toBe('HANDOVER_COMMUNITY_ONLY');
    expect(code(() => assertMayReview(actor('anna', 'vpa', 'community'), request))).toBe('HANDOVER_OWN_REQUEST');
  });
  it('decide: vpa_manager or client_manager, not involved', () => {
    expect(code(() => assertMayDecide(actor('maria', 'vpa_manager'), request))).toBeNull();
    expect(code(() => assertMayDecide(actor('nils', 'client_manager'), request))).toBeNull();
    for (const r of ['vpa', 'community', 'shift', 'admin'] as Role[]) expect(code(() => assertMayDecide(actor('x', r), request))).toBe('HANDOVER_MANAGER_ONLY');
    expect(code(() => assertMayDecide(actor('anna', 'vpa_manager'), request))).toBe('HANDOVER_OWN_REQUEST');
    expect(code(() => assertMayDecide(actor('bernd', 'client_manager'), request))).toBe('HANDOVER_OWN_REQUEST');
  });
  it('decide (four eyes): whoever proposed the change does not decide it', () => {
    // Kim holds both community and vpa_manager: she proposed, so another manager decides.
    expect(code(() => assertMayDecide(actor('kim', 'community', 'vpa_manager'), request))).toBe('HANDOVER_OWN_PROPOSAL');
    expect(code(() => assertMayDecide(actor('kim', 'community', 'client_manager'), request))).toBe('HANDOVER_OWN_PROPOSAL');
    expect(code(() => assertMayDecide(actor('lea', 'community', 'vpa_manager'), request))).toBeNull();
    expect(code(() => assertMayDecide(actor('kim', 'community', 'vpa_manager'), { ...request, reviewerId: null }))).toBeNull();
  });
  it('propose: community, not their own request, never themself as successor', () => {
    expect(code(() => assertMayPropose(actor('kim', 'community'), request, 'bernd'))).toBeNull();
    expect(code(() => assertMayPropose(actor('kim', 'community', 'vpa'), request, 'kim'))).toBe('HANDOVER_SUCCESSOR_SELF');
    expect(code(() => assertMayPropose(actor('maria', 'vpa_manager'), request, 'bernd'))).toBe('HANDOVER_COMMUNITY_ONLY');
    expect(code(() => assertMayPropose(actor('anna', 'vpa', 'community'), request, 'bernd'))).toBe('HANDOVER_OWN_REQUEST');
  });
  it('requester, successor and closing (abschließen / abbrechen)', () => {
    expect(code(() => assertRequester(actor('anna', 'vpa'), request))).toBeNull();
    expect(code(() => assertRequester(actor('bernd', 'vpa'), request))).toBe('HANDOVER_NOT_REQUESTER');
    expect(code(() => assertSuccessor(actor('bernd', 'vpa'), request))).toBeNull();
    expect(code(() => assertSuccessor(actor('anna', 'vpa'), request))).toBe('HANDOVER_NOT_SUCCESSOR');
    expect(code(() => assertSuccessor(actor('bernd', 'vpa'), { successorId: null }))).toBe('HANDOVER_NOT_SUCCESSOR');
    expect(code(() => assertMayClose(actor('maria', 'vpa_manager'), request))).toBeNull();
    expect(code(() => assertMayClose(actor('nils', 'client_manager'), request))).toBeNull();
    // the proposer may close (the four-eyes decision is already made)
    expect(code(() => assertMayClose(actor('kim', 'community', 'vpa_manager'), request))).toBeNull();
    expect(code(() => assertMayClose(actor('kim', 'community'), request))).toBe('HANDOVER_MANAGER_ONLY');
    expect(code(() => assertMayClose(actor('anna', 'vpa', 'vpa_manager'), request))).toBe('HANDOVER_OWN_REQUEST');
    expect(code(() => assertMayClose(actor('bernd', 'vpa', 'client_manager'), request))).toBe('HANDOVER_OWN_REQUEST');
  });
});

describe('form validation', () => {
  const ok = { clientId: 'c', reasonCategory: 'collaboration', reason: 'Zusammenarbeit klappt nicht', measures: '', clientWantsTraining: 'false', successorNotes: '' };
  it('accepts a complete form and trims', () => {
    const v = validateDraft({ ...ok, reason: '  Zusammenarbeit klappt nicht  ' });
    expect(v).toEqual({ ok: true, draft: { clientId: 'c', reasonCategory: 'collaboration', reason: 'Zusammenarbeit klappt nicht', measures: '', clientWantsTraining: false, successorNotes: '' } });
  });
  it('reports every missing or invalid field', () => {
    const v = validateDraft({});
    expect(v.ok).toBe(false);
    if (v.ok) return;
    expect(Object.keys(v.fieldErrors).sort()).toEqual(['clientId', 'clientWantsTraining', 'reason', 'reasonCategory']);
  });
  it('limits the length of free text', () => {
    const long = 'x'.repeat(2001);
    const v = validateDraft({ ...ok, reason: long, measures: long, successorNotes: long });
    expect(v.ok ? [] : Object.keys(v.fieldErrors).sort()).toEqual(['measures', 'reason', 'successorNotes']);
  });
  it('ignores non-string values', () => {
    const v = validateDraft({ ...ok, reason: 12345678901, clientId: { id: 'c' } });
    expect(v.ok ? [] : Object.keys(v.fieldErrors).sort()).toEqual(['clientId', 'reason']);
  });
  it('reads the toggle', () => {
    expect([true, 'true', 'ja', false, 'false', 'nein', '', undefined, 'vielleicht'].map(parseBoolean)).toEqual([true, true, true, false, false, false, null, null, null]);
  });
});

describe('parseLocalDateTime', () => {
  it('reads Input.Date and Input.Time in the business time zone', () => {
    expect(parseLocalDateTime('2026-11-24', '14:30', 'Europe/Berlin')).toEqual(new Date('2026-11-24T13:30:00Z'));
    expect(parseLocalDateTime('2026-07-01', undefined, 'Europe/Berlin')).toEqual(new Date('2026-06-30T22:00:00Z'));
    expect(parseLocalDateTime('24.11.2026', '14:30', 'Europe/Berlin')).toBeNull();
    expect(parseLocalDateTime('2026-02-30', '', 'Europe/Berlin')).toBeNull();
    expect(parseLocalDateTime('2026-11-24', '25:00', 'Europe/Berlin')).toBeNull();
  });
});
