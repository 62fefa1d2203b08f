// Event type -> what processing it means. Adding an event type adds a row here and a schema in
// src/platform/webhook-events.yaml.
import type { EventData, WebhookEventType } from '../../webhooks/events.ts';
import type { EventHandler } from '../handler.ts';
import { chatAnswered, mailAnswered } from './answered.ts';
import { chatReceived, mailReceived } from './client-message.ts';
import { clientReassigned } from './client-reassigned.ts';
import { taskCreated } from './task-created.ts';

export const EVENT_HANDLERS: { readonly [T in WebhookEventType]: EventHandler<EventData[T]> } = {
  'task.created': taskCreated,
  'chat.received': chatReceived,
  'chat.answered': chatAnswered,
  'mail.received': mailReceived,
  'mail.answered': mailAnswered,
  'client.reassigned': clientReassigned,
};
