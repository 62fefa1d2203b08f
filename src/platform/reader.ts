// What the bot reads from the VPA platform (the reconciliation that catches what a lost webhook missed).
// The HTTP client implements it against src/platform/openapi.yaml; tests may use an in-memory one.
// Types mirror the contract's response schemas (a test checks them against the document).

export interface PlatformTask {
  /** The platform's task id. */
  id: string;
  clientNumber: string;
  createdAt: Date;
  title: string;
  competence: string;
}

export interface PlatformInboxItem {
  /** The platform's chat message or mail id (a new task: the task id). */
  id: string;
  kind: 'chat' | 'mail' | 'task';
  clientNumber: string;
  receivedAt: Date;
  subject: string;
}

export interface PlatformClient {
  number: string;
  name: string;
  class: string;
  workType: 'continuous' | 'one-off';
  /** E-mail of the current VPA (the Conny account's e-mail when handed to Conny), null when unassigned. */
  vpaEmail: string | null;
}

export interface PlatformReader {
  /** Tasks created at or after `since`, oldest first (the client follows the contract's paging). */
  listTasksSince(since: Date): Promise<PlatformTask[]>;
  /** The Conny account's items that are not answered yet. */
  listConnyInbox(): Promise<PlatformInboxItem[]>;
  listClients(): Promise<PlatformClient[]>;
}
