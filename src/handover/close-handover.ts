// What "abschließen" and "abbrechen" share: a manager (never the VPA or the successor) acts on an approved
// handover and gives a reason, required so the audit log says why; all checks run before anything is written.
import type { Tx } from '../db/client.ts';
import { AppError } from '../errors/catalogue.ts';
import type { Actor } from '../identity/find-actor.ts';
import { requireActor } from '../people/access.ts';
import { loadRequest, type HandoverRow } from './context.ts';
import { assertMayClose } from './permissions.ts';
import { assertActionAllowed } from './store.ts';
import type { RequestActionOptions, WithIds } from './use-case.ts';
import { TEXT_MAX_LENGTH } from './validation.ts';

export interface CloseHandoverOptions extends RequestActionOptions, WithIds {
  reason: string;
}

export const CLOSE_REASON_MIN_LENGTH = 5;

export function validCloseReason(raw: string | undefined): string {
  const reason = raw?.trim() ?? '';
  if (reason.length < CLOSE_REASON_MIN_LENGTH) throw new AppError('HANDOVER_INPUT_INVALID', { userMessage: 'Bitte gib einen Grund an (mindestens 5 Zeichen).', details: { field: 'closeReason' } });
  if (reason.length > TEXT_MAX_LENGTH) throw new AppError('HANDOVER_INPUT_INVALID', { userMessage: `Bitte fasse den Grund kürzer (höchstens ${TEXT_MAX_LENGTH} Zeichen).`, details: { field: 'closeReason' } });
  return reason;
}

/** Runs `work` in one transaction once the manager, the reason and the request's state allow `action`. */
export async function closeHandover<T>(options: CloseHandoverOptions, action: 'complete' | 'cancel', work: (tx: Tx, row: HandoverRow, actor: Actor, reason: string) => Promise<T>): Promise<T> {
  const actor = requireActor(options.actor);
  const reason = validCloseReason(options.reason);
  return options.db.$transaction(async (tx) => {
    const row = await loadRequest(tx, options.requestId);
    assertMayClose(actor, row);
    await assertActionAllowed(tx, row, action, options.expectedVersion, options.timeZone);
    return work(tx, row, actor, reason);
  });
}
