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
  IMPORT_UNKNOWN_KIND: { status: 400, de: 'Diese Importart gibt es nicht.', en: 'unknown import kind' },
  IMPORT_FILE_UNREADABLE: { status: 400, de: 'Die Importdatei lässt sich nicht lesen.', en: 'import file cannot be read' },
  INVALID_INSTANT: { status: 400, de: 'Das ist kein gültiger Zeitpunkt (ISO-8601, z. B. 2026-03-02T09:00:00+01:00).', en: 'not a valid ISO-8601 instant' },
  OUTBOX_NOT_FOUND: { status: 404, de: 'Diese Nachricht gibt es im Postausgang nicht.', en: 'outbox message not found' },
  OUTBOX_NOT_DEAD: { status: 409, de: 'Nur endgültig fehlgeschlagene Nachrichten können neu versendet werden.', en: 'only dead outbox messages can be retried' },
  OUTBOX_DELIVERY_FAILED: { status: 502, de: 'Die Nachricht konnte nicht zugestellt werden.', en: 'outbound message delivery failed' },
  DB_NOT_READY: { status: 503, de: 'Die Datenbank ist gerade nicht erreichbar.', en: 'database not ready' },
  UNAUTHENTICATED: { status: 401, de: 'Nicht angemeldet.', en: 'missing or invalid authentication' },
  MANIFEST_CONFIG_MISSING: { status: 500, de: 'Für das Teams-App-Paket fehlt eine Einstellung: MICROSOFT_APP_ID und PUBLIC_URL müssen gesetzt sein.', en: 'building the Teams app package needs MICROSOFT_APP_ID and PUBLIC_URL' },
  MANIFEST_CONFIG_INVALID: { status: 500, de: 'Für das Teams-App-Paket ist eine Einstellung ungültig: MICROSOFT_APP_ID muss eine GUID sein, PUBLIC_URL eine https-Adresse.', en: 'building the Teams app package needs MICROSOFT_APP_ID to be a GUID and PUBLIC_URL an https URL' },
  // Kundenabgabe (src/handover) and conduct reports (src/conduct)
  HANDOVER_NOT_FOUND: { status: 404, de: 'Diese Abgabe-Anfrage gibt es nicht.', en: 'handover request not found' },
  HANDOVER_VPA_ONLY: { status: 403, de: 'Eine Kundenabgabe können nur VPAs anfragen.', en: 'only a VPA may request a handover' },
  HANDOVER_NOT_YOUR_CLIENT: { status: 403, de: 'Du kannst nur Kunden abgeben, die du zurzeit selbst betreust.', en: 'the client is not currently assigned to the acting VPA' },
  HANDOVER_ALREADY_OPEN: { status: 409, de: 'Für diesen Kunden läuft bereits eine Abgabe-Anfrage.', en: 'the client already has an open handover request' },
  HANDOVER_COMMUNITY_ONLY: { status: 403, de: 'Abgabe-Anfragen prüfen kann nur das Community-Team.', en: 'review actions require the community role' },
  HANDOVER_MANAGER_ONLY: { status: 403, de: 'Einen VPA-Wechsel freigeben oder ablehnen können nur VPA-Manager und Kundenmanager.', en: 'deciding requires the vpa_manager or client_manager role' },
  HANDOVER_OWN_REQUEST: { status: 403, de: 'Über einen Wechsel, an dem du selbst beteiligt bist, entscheidet bitte ein anderer Manager.', en: 'a manager may not decide a handover they are part of' },
  HANDOVER_NOT_REQUESTER: { status: 403, de: 'Das kann nur der VPA, der die Anfrage gestellt hat.', en: 'only the requesting VPA may do this' },
  HANDOVER_NOT_SUCCESSOR: { status: 403, de: 'Das kann nur der neue VPA (Nachfolger).', en: 'only the successor may do this' },
  HANDOVER_WRONG_STATE: { status: 409, de: 'Diese Anfrage ist inzwischen in einem anderen Stand; das geht jetzt nicht mehr.', en: 'action not allowed in the request\'s current status' },
  HANDOVER_ALREADY_DECIDED: { status: 409, de: 'Über diese Anfrage wurde bereits entschieden.', en: 'handover request already decided' },
  HANDOVER_WITHDRAWN: { status: 409, de: 'Der VPA hat diese Anfrage zurückgezogen.', en: 'handover request was withdrawn' },
  HANDOVER_STALE: { status: 409, de: 'Diese Karte ist nicht mehr aktuell. Bitte nutze die neueste Karte oder schreibe „status“.', en: 'card version is stale' },
  HANDOVER_INPUT_INVALID: { status: 400, de: 'Bitte prüfe deine Eingaben.', en: 'invalid handover input' },
  HANDOVER_SUCCESSOR_INVALID: { status: 400, de: 'Als Nachfolger kommt nur ein anderer VPA in Frage.', en: 'successor must be a VPA other than the current one' },
  HANDOVER_ASSIGNMENT_CHANGED: { status: 409, de: 'Der Kunde ist inzwischen nicht mehr diesem VPA zugeordnet. Bitte prüft die Zuordnung, bevor die Übergabe abgeschlossen wird.', en: 'the client\'s current assignment no longer matches the request' },
  CONDUCT_NOT_FOUND: { status: 404, de: 'Diese Meldung gibt es nicht.', en: 'conduct report not found' },
  CONDUCT_VPA_ONLY: { status: 403, de: 'Einen Kunden melden können nur VPAs.', en: 'only a VPA may report a client' },
  CONDUCT_NOT_YOUR_CLIENT: { status: 403, de: 'Du kannst nur Kunden melden, die du betreust oder betreut hast.', en: 'the reporter never served this client' },
  CONDUCT_MANAGER_ONLY: { status: 403, de: 'Meldungen bestätigen können nur VPA-Manager und Kundenmanager.', en: 'acknowledging requires the vpa_manager or client_manager role' },
  CONDUCT_NO_MANAGER: { status: 409, de: 'Es ist noch kein VPA-Manager oder Kundenmanager eingetragen. Deine Meldung wurde nicht gespeichert – bitte wende dich direkt an deine Ansprechperson.', en: 'no manager to receive the conduct report' },
  HANDOVER_OWN_PROPOSAL: { status: 403, de: 'Du hast diesen Wechsel selbst vorgeschlagen. Freigeben oder ablehnen muss ihn ein anderer VPA-Manager oder Kundenmanager (Vier-Augen-Prinzip).', en: 'the proposer of a change may not decide it (four eyes)' },
  HANDOVER_SUCCESSOR_SELF: { status: 400, de: 'Du kannst dich nicht selbst als Nachfolger vorschlagen. Bitte wähle einen anderen VPA.', en: 'the reviewer may not propose themself as successor' },
  // Confidentiality (issue 7): what is about clients is shown only where it was sent, or 1:1.
  PERSONAL_ONLY: { status: 400, de: 'Das zeige ich nur im 1:1-Chat mit mir, weil es um Details zu Kunden geht. Schreib mir dort bitte direkt.', en: 'only available in the personal chat with the bot' },
  NO_PERSONAL_CHAT: { status: 409, de: 'Ich kann dir noch nicht privat schreiben. Bitte öffne zuerst den 1:1-Chat mit mir (schreib mir dort zum Beispiel „hilfe“) und versuche es dann noch einmal.', en: 'the person has no personal conversation with the bot yet' },
  CARD_NOT_IN_THIS_CONVERSATION: { status: 403, de: 'Diese Karte wurde nicht in diese Unterhaltung geschickt, deshalb zeige ich sie hier nicht an.', en: 'the card was not sent to this conversation' },
  // The platform gateway (src/platform): standalone to-dos for client messages and reassignments.
  // The platform's HTTP API (src/platform/http, contract src/platform/openapi.yaml).
  PLATFORM_UNAVAILABLE: { status: 503, de: 'Die VPA-Plattform ist gerade nicht erreichbar. Es geht nichts verloren: es wird später noch einmal versucht.', en: 'the VPA platform did not answer usably (connection failed, 429 or 5xx); try again later' },
  PLATFORM_TIMEOUT: { status: 504, de: 'Die VPA-Plattform hat nicht rechtzeitig geantwortet. Es wird später noch einmal versucht.', en: 'the VPA platform did not answer within PLATFORM_TIMEOUT_MS' },
  PLATFORM_REJECTED: { status: 502, de: 'Die VPA-Plattform hat die Anfrage abgelehnt.', en: 'the VPA platform refused the request (4xx other than 408/409/429)' },
  PLATFORM_BAD_RESPONSE: { status: 502, de: 'Die Antwort der VPA-Plattform war unverständlich.', en: 'the VPA platform answered with something src/platform/openapi.yaml does not allow' },
  PLATFORM_TO_DO_NOT_FOUND: { status: 404, de: 'Diese Aufgabe gibt es nicht.', en: 'platform to-do not found' },
  PLATFORM_TO_DO_NOT_YOURS: { status: 403, de: 'Diese Aufgabe ist nicht an dich gegangen, deshalb kannst du sie nicht als erledigt markieren.', en: 'the acting person was not sent this platform to-do' },
  INACTIVITY_NOT_FOUND: { status: 404, de: 'Diesen Vorgang zu einem inaktiven Kunden gibt es nicht (mehr).', en: 'inactivity cycle not found' },
  INACTIVITY_STALE: { status: 409, de: 'Diese Karte ist nicht mehr aktuell. Bitte schreibe „inaktiv“ für die aktuelle Liste.', en: 'inactivity cycle changed meanwhile' },
  INACTIVITY_WRONG_STATE: { status: 409, de: 'Das geht in diesem Stand nicht mehr.', en: 'action not allowed in the cycle\'s state' },
  INACTIVITY_INPUT_INVALID: { status: 400, de: 'Bitte prüfe deine Eingaben.', en: 'invalid inactivity input' },
  CONNY_MISSING: { status: 409, de: 'Es ist noch kein Konto Conny eingetragen (Rolle „conny“). Bitte wende dich an das Admin-Team.', en: 'nobody holds the conny role' },
  // Reactivation review and tender (Umfrage, src/tender)
  TENDER_NOT_FOUND: { status: 404, de: 'Diese Umfrage gibt es nicht.', en: 'tender not found' },
  TENDER_TASK_NOT_FOUND: { status: 404, de: 'Diese Aufgabe des Kunden ist nicht eingetragen.', en: 'task not found for the client' },
  TENDER_ADMIN_ONLY: { status: 403, de: 'Umfragen starten und Aufgaben vergeben kann nur das Admin-Team.', en: 'starting and awarding a tender requires the admin role' },
  TENDER_STALE: { status: 409, de: 'Diese Karte ist nicht mehr aktuell. Bitte nutze die neueste Karte oder schreibe „umfragen“.', en: 'tender card version is stale' },
  TENDER_WRONG_STATE: { status: 409, de: 'Diese Umfrage ist inzwischen in einem anderen Stand; das geht jetzt nicht mehr.', en: 'action not allowed in the tender\'s status' },
  TENDER_ALREADY_AWARDED: { status: 409, de: 'Die Aufgabe wurde bereits vergeben.', en: 'tender already awarded' },
  TENDER_INPUT_INVALID: { status: 400, de: 'Bitte prüfe deine Eingaben.', en: 'invalid tender input' },
  TENDER_LAST_VPA_REASON_MISSING: { status: 400, de: 'Der letzte VPA kann die Aufgabe nicht angeboten bekommen. Bitte haltet fest, warum er nicht eingeladen wird (abwesend oder fehlende Kompetenz), mit einer Notiz.', en: 'the last VPA cannot be invited, and no reason for leaving them out was recorded' },
  TENDER_LAST_VPA_REQUIRED: { status: 400, de: 'Der letzte VPA wird immer eingeladen. Nicht einladen dürft ihr ihn nur, wenn er länger abwesend ist oder die Kompetenz fehlt.', en: 'the last VPA may be left out only when absent for long or lacking the competence' },
  TENDER_NO_INVITEES: { status: 409, de: 'Gerade kann niemand zu dieser Umfrage eingeladen werden. Es wurde nichts gestartet.', en: 'no VPA can be invited to the tender' },
  TENDER_NOT_INVITED: { status: 403, de: 'Du bist zu dieser Umfrage nicht eingeladen.', en: 'the acting person was not invited to the tender' },
  TENDER_ALREADY_APPLIED: { status: 409, de: 'Du hast dich auf diese Aufgabe bereits beworben.', en: 'the acting person has applied before' },
  TENDER_DEADLINE_PASSED: { status: 409, de: 'Die Frist für Bewerbungen ist abgelaufen.', en: 'the tender deadline has passed' },
  TENDER_NOT_APPLICANT: { status: 400, de: 'Vergeben könnt ihr die Aufgabe nur an jemanden, der sich beworben hat.', en: 'the chosen person did not apply' },
  TENDER_LAST_VPA_PREFERRED: { status: 409, de: 'Der letzte VPA hat sich beworben: Die Aufgabe geht immer an ihn.', en: 'the last VPA applied and must be chosen' },
  TENDER_LIST_WRONG_PLACE: { status: 400, de: 'Die Umfragen zeige ich nur im Admin-Kanal (kanal admin) oder im 1:1-Chat mit mir, weil es um Kunden geht.', en: 'the tender list is shown only in the admin channel or the personal chat' },
  TENDER_ALREADY_CANCELLED: { status: 409, de: 'Diese Umfrage wurde bereits abgebrochen.', en: 'tender already cancelled' },
  CONNY_TAKEN: { status: 409, de: 'Die Rolle „conny“ hat schon jemand. Es gibt genau ein Konto Conny.', en: 'another person already holds the conny role' },
  // Shift duty for the Conny account (src/shift)
  SHIFT_CHECK_NOT_FOUND: { status: 404, de: 'Diesen Schicht-Check gibt es nicht.', en: 'shift check not found' },
  SHIFT_ALREADY_CHECKED: { status: 409, de: 'Dieser Schicht-Check wurde bereits geprüft.', en: 'shift check already acknowledged' },
  SHIFT_NOT_ON_DUTY: { status: 403, de: 'Als geprüft markieren oder erledigen kann das nur die Schicht, die Schichtleitung oder ein Manager.', en: 'acting person is neither shift staff, on the plan, nor a manager' },
  SHIFT_ITEM_NOT_FOUND: { status: 404, de: 'Diesen Eintrag im Konto Conny gibt es nicht.', en: 'inbox item not found' },
  SHIFT_PLAN_NOT_LEAD: { status: 403, de: 'Den Schichtplan ändern können nur die Schichtleitung des Tages und die Manager.', en: 'changing the shift plan requires the day\'s shift lead or a manager' },
  SHIFT_PLAN_INPUT_INVALID: { status: 400, de: 'Bitte prüfe deine Eingaben zum Schichtplan.', en: 'invalid shift plan input' },
  SHIFT_ASSIGNMENT_NOT_FOUND: { status: 404, de: 'Diesen Eintrag im Schichtplan gibt es nicht (mehr).', en: 'shift assignment not found' },
  SHIFT_REPORT_PERIOD_INVALID: { status: 400, de: 'Bitte gib den Zeitraum als JJJJ-MM-TT an, das Ende nicht vor dem Anfang.', en: 'invalid report period' },
  // Platform webhooks and their processing (src/platform/webhooks, src/platform/events).
  PLATFORM_WEBHOOKS_DISABLED: { status: 503, de: 'Webhooks der VPA-Plattform sind hier nicht eingerichtet.', en: 'platform webhooks are not configured on this bot (PLATFORM_WEBHOOK_SECRET is not set)' },
  WEBHOOK_TOO_LARGE: { status: 413, de: 'Die Nachricht der Plattform ist zu groß.', en: 'webhook body exceeds 1 MiB' },
  WEBHOOK_SIGNATURE_INVALID: { status: 401, de: 'Die Signatur der Plattform-Nachricht ist ungültig.', en: 'missing, malformed or wrong webhook signature, or a timestamp outside the 5-minute window' },
  WEBHOOK_MALFORMED_JSON: { status: 400, de: 'Die Nachricht der Plattform ist kein gültiges JSON.', en: 'webhook body is not valid JSON' },
  WEBHOOK_UNKNOWN_TYPE: { status: 422, de: 'Diese Art von Plattform-Ereignis kenne ich nicht.', en: 'unknown webhook event type' },
  WEBHOOK_INVALID_EVENT: { status: 422, de: 'Das Plattform-Ereignis passt nicht zu seinem Schema.', en: 'webhook event does not match src/platform/webhook-events.yaml' },
  PLATFORM_EVENT_UNKNOWN_CLIENT: { status: 422, de: 'Der Kunde aus dem Plattform-Ereignis ist hier nicht eingetragen.', en: 'the platform event names a client number the bot does not know (import clients first)' },
  PLATFORM_EVENT_UNKNOWN_PERSON: { status: 422, de: 'Die Person aus dem Plattform-Ereignis ist hier nicht eingetragen.', en: 'the platform event names a VPA e-mail address the bot does not know (import people first)' },
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
