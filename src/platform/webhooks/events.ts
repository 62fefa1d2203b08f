// The webhook events as TypeScript sees them. The shapes are defined once, in src/platform/webhook-events.yaml
// (validated at runtime against it); these types are a typed view of that file, and `EVENT_FIELDS` lists each
// type's fields as required/optional so test/platform/webhook-schema.test.ts can compare them with the YAML: the
// compiler keeps the lists in step with the types, the test keeps them in step with the schema.

export const WEBHOOK_EVENT_TYPES = ['task.created', 'chat.received', 'chat.answered', 'mail.received', 'mail.answered', 'client.reassigned'] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

export function isWebhookEventType(value: string): value is WebhookEventType {
  return (WEBHOOK_EVENT_TYPES as readonly string[]).includes(value);
}

/** Instants travel as RFC 3339 strings (`format: date-time`). */
type Instant = string;
export type Account = 'conny' | 'vpa';

export interface TaskCreated {
  taskId: string;
  clientNumber: string;
  createdAt: Instant;
  title?: string;
  competence?: string;
}

export interface ChatReceived {
  messageId: string;
  clientNumber: string;
  receivedAt: Instant;
  account: Account;
}

export interface ChatAnswered {
  messageId: string;
  clientNumber: string;
  answeredAt: Instant;
}

export interface MailReceived {
  mailId: string;
  clientNumber: string;
  subject?: string;
  receivedAt: Instant;
  account: Account;
}

export interface MailAnswered {
  mailId: string;
  clientNumber: string;
  answeredAt: Instant;
}

export interface ClientReassigned {
  clientNumber: string;
  vpaEmail: string;
  at: Instant;
}

/** The data of each event type. */
export interface EventData {
  'task.created': TaskCreated;
  'chat.received': ChatReceived;
  'chat.answered': ChatAnswered;
  'mail.received': MailReceived;
  'mail.answered': MailAnswered;
  'client.reassigned': ClientReassigned;
}

/** The schema (components.schemas.<name> in webhook-events.yaml) of each type's data. */
export const DATA_SCHEMA: { readonly [T in WebhookEventType]: string } = {
  'task.created': 'TaskCreated',
  'chat.received': 'ChatReceived',
  'chat.answered': 'ChatAnswered',
  'mail.received': 'MailReceived',
  'mail.answered': 'MailAnswered',
  'client.reassigned': 'ClientReassigned',
};

/** One event as validated: `{ id, type, occurredAt, data }` with the data of its type. */
export type WebhookEvent = { [T in WebhookEventType]: { id: string; type: T; occurredAt: Instant; data: EventData[T] } }[WebhookEventType];

/** Every field of T, marked as the type declares it. */
type FieldSpec<T> = { readonly [K in keyof Required<T>]: undefined extends T[K] ? 'optional' : 'required' };

export const ENVELOPE_FIELDS: FieldSpec<{ id: string; type: string; occurredAt: string; data: object }> = { id: 'required', type: 'required', occurredAt: 'required', data: 'required' };

export const EVENT_FIELDS: { readonly [T in WebhookEventType]: FieldSpec<EventData[T]> } = {
  'task.created': { taskId: 'required', clientNumber: 'required', createdAt: 'required', title: 'optional', competence: 'optional' },
  'chat.received': { messageId: 'required', clientNumber: 'required', receivedAt: 'required', account: 'required' },
  'chat.answered': { messageId: 'required', clientNumber: 'required', answeredAt: 'required' },
  'mail.received': { mailId: 'required', clientNumber: 'required', subject: 'optional', receivedAt: 'required', account: 'required' },
  'mail.answered': { mailId: 'required', clientNumber: 'required', answeredAt: 'required' },
  'client.reassigned': { clientNumber: 'required', vpaEmail: 'required', at: 'required' },
};

/** The values of `account` (the YAML's Account enum). */
export const ACCOUNTS: readonly Account[] = ['conny', 'vpa'];
