// The reason a manager gives for "abschließen" or "abbrechen": required, so the audit log says why.
import { AppError } from '../errors/catalogue.ts';
import { TEXT_MAX_LENGTH } from './validation.ts';

export const CLOSE_REASON_MIN_LENGTH = 5;

export function validCloseReason(raw: string | undefined): string {
  const reason = raw?.trim() ?? '';
  if (reason.length < CLOSE_REASON_MIN_LENGTH) throw new AppError('HANDOVER_INPUT_INVALID', { userMessage: 'Bitte gib einen Grund an (mindestens 5 Zeichen).', details: { field: 'closeReason' } });
  if (reason.length > TEXT_MAX_LENGTH) throw new AppError('HANDOVER_INPUT_INVALID', { userMessage: `Bitte fasse den Grund kürzer (höchstens ${TEXT_MAX_LENGTH} Zeichen).`, details: { field: 'closeReason' } });
  return reason;
}
