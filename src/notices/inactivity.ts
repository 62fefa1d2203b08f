// View models of process 2 (inactive clients and the Conny account): the VPA's card at the start of a cycle (the red
// question mark with everything important and the wiki's tips), the note that a client replied (reminders paused,
// "fortsetzen"), the inactive-management list (`inaktiv`), a VPA's clients (`kunden`) and the sequence report.
import type { ClientInfo, PersonInfo } from './common.ts';

/** Where a cycle stands, for every card that shows one. */
export interface InactivityRef {
  cycleId: string;
  clientId: string;
  version: number;
}

/** To the VPA, 1:1, when a client of theirs becomes inactive (the wiki's red question mark). */
export interface InactivityVpaModel {
  ref: InactivityRef;
  client: ClientInfo;
  /** "12.09.2026 (vor 8 Wochen)" or "keine Aufgabe bisher". */
  lastTaskText: string;
  /** "seit 15.08.2024 (2 Jahre, 3 Monate)" or null. */
  servingSinceText: string | null;
  /** The message the client gets (or got) in the VPA's name, exactly. */
  clientMessage: string;
  /** When it goes out: "heute", "am 14.12.2026 ab 09:00 Uhr" (send window). */
  clientMessageWhen: string;
  /** The wiki's tips for reactivating the client oneself. */
  tips: string[];
  /** "Ohne neue Aufgabe bis zum 05.12.2026 übernimmt das Inactive Management (Conny)." */
  nextStepText: string;
}

/** A client replied to a message of the sequence: reminders are paused until "fortsetzen" or a new task. */
export interface InactivityReplyModel {
  ref: InactivityRef;
  client: ClientInfo;
  /** "Anna Schneider" (the VPA) or "Konto Conny". */
  handledBy: string;
  repliedAtText: string;
  text: string;
  /** Who resumed, once resumed: "Fortgesetzt von … am …". */
  resumedText: string | null;
  actions: { resume: boolean };
}

/** The kinds of this module, merged into NoticeModels (src/notices/types.ts). */
export interface InactivityNoticeModels {
  inactivityVpa: InactivityVpaModel;
  inactivityReply: InactivityReplyModel;
  inactivityList: InactivityListModel;
  inactivityClients: InactivityClientsModel;
  inactivityReport: InactivityReportModel;
}

export type { ClientInfo, PersonInfo };

/** One client on the inactive-management list (`inaktiv`): the running cycle reached the list and is with nobody yet. */
export interface InactivityListRow {
  ref: InactivityRef;
  client: ClientInfo;
  /** The VPA serving the client when the cycle started; "–" when none is recorded. */
  vpaName: string;
  /** "12.08.2026", or "keine (zugeordnet seit 01.02.2026)" when the client never posted a task. */
  lastTaskText: string;
  /** Whole weeks since the last task (local calendar days). */
  weeksInactive: number;
  /** "seit 15 Wochen ohne Aufgabe" */
  inactiveText: string;
  /** A postponement that has run out: "War verschoben bis 01.11.2026: Kunde im Urlaub"; else null. */
  postponedText: string | null;
}

/** `inaktiv`: the list that replaces the manual dashlet "Inaktive", longest-inactive first. */
export interface InactivityListModel {
  rows: InactivityListRow[];
  /** "Stand 23.11.2026, 10:00 Uhr" */
  asOfText: string;
  /** config.inactivity.listAfterWeeks */
  listAfterWeeks: number;
  /** The earliest date "verschieben" and "ausnehmen … bis" accept (YYYY-MM-DD: tomorrow, business time zone). */
  minDate: string;
  /** The automatic mode hands clients to Conny itself when they reach the list. */
  autoHandover: boolean;
  /** After an action on the list: what was just done, shown on top of the refreshed list; null otherwise. */
  doneText: string | null;
}

/** One current client of a VPA (`kunden`). */
export interface InactivityClientRow {
  client: ClientInfo;
  /** The red question mark (ClientMark): the client is inactive. */
  marked: boolean;
  /** "12.08.2026 (vor 14 Wochen)" or "noch keine Aufgabe". */
  lastTaskText: string;
  /** "seit 15.08.2024 (2 Jahre, 3 Monate)", or null. */
  servingSinceText: string | null;
  /** For a marked client: where the messages stand ("Der Kunde hat geantwortet; die Erinnerungen ruhen."); else null. */
  statusText: string | null;
  /** A cycle paused by the client's reply, to resume with "fortsetzen"; else null. */
  resume: InactivityRef | null;
}

/** `kunden`: a VPA's current clients, the inactive ones (red question mark) first, with the wiki's tips. */
export interface InactivityClientsModel {
  personName: string;
  rows: InactivityClientRow[];
  markedCount: number;
  /** REACTIVATION_TIPS (src/inactivity/tips.ts); shown when a client is marked. */
  tips: string[];
  asOfText: string;
}

/** The sequence report (`inaktiv bericht`), ready to show. */
export interface InactivityReportModel {
  /** "Stand 23.11.2026, 10:00 Uhr" */
  asOfText: string;
  /** "01.12.2025 – 23.11.2026" */
  periodText: string;
  /** Running and paused cycles by where they stand today, in sequence order (empty buckets included). */
  today: { label: string; clients: number; paused: number }[];
  todayTotal: number;
  /** Clients excluded today ("ausnehmen", for good or an agreed break). */
  excludedNow: number;
  /** Per month of the period, oldest first: reactivations and after which message (only non-zero parts). */
  months: { label: string; total: number; parts: { label: string; count: number }[] }[];
  reactivatedTotal: number;
  /** Per message: reactivated after it in the period (and share of all), and of the clients who got it in the period how many reactivated right after it. */
  effect: { label: string; reactivated: number; shareText: string; sent: number | null; reactivatedOfSent: number | null; rateText: string }[];
}
