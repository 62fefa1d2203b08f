// The one catalogue of error codes. Each has a German message for people and a precise English
// message for logs and the API. Domain code throws AppError with a code from here, never a bare Error.

export const ERRORS = {
  INTERNAL: { status: 500, de: 'Entschuldigung, da ist etwas schiefgelaufen. Bitte versuche es gleich noch einmal.', en: 'unexpected internal error' },
  UNKNOWN_VERB: { status: 400, de: 'Diese Aktion kenne ich nicht. Bitte nutze die Schaltflächen einer aktuellen Karte.', en: 'unknown Action.Execute verb' },
  INVALID_PAYLOAD: { status: 400, de: 'Die Eingaben dieser Karte sind unvollständig oder ungültig.', en: 'invalid action payload' },
  NOT_REGISTERED: { status: 403, de: 'Ich kenne dich noch nicht. Bitte wende dich an das Admin-Team, damit du eingetragen wirst.', en: 'acting user is not a known person' },
  FORBIDDEN_ROLE: { status: 403, de: 'Dafür fehlt dir die Berechtigung.', en: 'acting user lacks the required role' },
  CHANNEL_ONLY: { status: 400, de: 'Dieser Befehl funktioniert nur in einem Team-Kanal.', en: 'command requires a channel conversation' },
  UNKNOWN_ROLE: { status: 400, de: 'Diese Rolle gibt es nicht.', en: 'unknown role name' },
  PERSON_NOT_FOUND: { status: 404, de: 'Diese Person ist nicht eingetragen.', en: 'person not found' },
  CLIENT_NOT_FOUND: { status: 404, de: 'Dieser Kunde ist nicht eingetragen.', en: 'client not found' },
  IMPORT_INVALID: { status: 400, de: 'Die Importdatei enthält Fehler; es wurde nichts übernommen.', en: 'import file has invalid rows; nothing was imported' },
  OUTBOX_NOT_FOUND: { status: 404, de: 'Diese Nachricht gibt es im Postausgang nicht.', en: 'outbox message not found' },
  OUTBOX_NOT_DEAD: { status: 409, de: 'Nur endgültig fehlgeschlagene Nachrichten können neu versendet werden.', en: 'only dead outbox messages can be retried' },
  DB_NOT_READY: { status: 503, de: 'Die Datenbank ist gerade nicht erreichbar.', en: 'database not ready' },
  UNAUTHENTICATED: { status: 401, de: 'Nicht angemeldet.', en: 'missing or invalid authentication' },
} as const satisfies Record<string, { status: number; de: string; en: string }>;

export type ErrorCode = keyof typeof ERRORS;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly userMessage: string;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: ErrorCode, options: { detail?: string; userMessage?: string; details?: Record<string, unknown>; cause?: unknown } = {}) {
    const entry = ERRORS[code];
    super(options.detail ? `${entry.en}: ${options.detail}` : entry.en, { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.status = entry.status;
    this.userMessage = options.userMessage ?? entry.de;
    this.details = options.details;
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}

/** Any thrown value as an AppError (unknown errors become INTERNAL, keeping the cause for the log). */
export function toAppError(e: unknown): AppError {
  return isAppError(e) ? e : new AppError('INTERNAL', { cause: e, detail: e instanceof Error ? e.message : String(e) });
}
