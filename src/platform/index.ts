// Public API of the platform module: the one port to the company's VPA platform (clients' chats and e-mails, the
// red question mark, reassignments), what the bot reads from it, and how the app chooses the implementation:
//   - without PLATFORM_BASE_URL every call becomes a to-do card in Teams (standalone-gateway.ts) closed with
//     "erledigt" (complete-todo.ts);
//   - with PLATFORM_BASE_URL every call is queued in the outbox and sent to the platform's HTTP API
//     (http/gateway.ts, http/delivery.ts), against the contract src/platform/openapi.yaml (docs/platform.md).
// Card data for Action.Execute: `todoId` from the model.
import type { Config } from '../config/config.ts';
import type { PlatformDeliveryPort } from '../outbox/process-message.ts';
import type { Clock } from '../time/clock.ts';
import type { PlatformGateway } from './gateway.ts';
import { createPlatformHttpClient, type PlatformHttpClient } from './http/client.ts';
import { createPlatformDelivery } from './http/delivery.ts';
import { createHttpGateway } from './http/gateway.ts';
import { createHttpReader, type HttpPlatformReader } from './http/reader.ts';
import type { ReadRetryOptions } from './http/read-retries.ts';
import { createStandaloneGateway } from './standalone-gateway.ts';

export type { ChatToClient, EmailToClient, PlatformGateway, Reassignment } from './gateway.ts';
export type { PlatformClient, PlatformInboxItem, PlatformReader, PlatformTask } from './reader.ts';
export { createStandaloneGateway, connyOperators, todoCardKey, type StandaloneGatewayOptions } from './standalone-gateway.ts';
export { completeTodo, mayComplete, CHANNEL_TO_DO_ROLES, type CompleteTodoOptions, type CompleteTodoResult } from './complete-todo.ts';
export { platformTodoFor, todoConversationIds } from './todo-card.ts';
/** A test double that records the calls (for process tests). */
export { createRecordingGateway, type RecordedCall, type RecordingGateway } from './recording-gateway.ts';
export { createHttpGateway } from './http/gateway.ts';
export { createPlatformHttpClient, isPlatformHttpError, PlatformHttpError, type PlatformHttpClient, type PlatformHttpOptions } from './http/client.ts';
export { createHttpReader, type HttpPlatformReader } from './http/reader.ts';
export { createPlatformDelivery } from './http/delivery.ts';
export { platformContract, type PlatformContract, type ContractOperation } from './http/contract.ts';

/** Injected in tests: fetch, and for reads the sleep between retries, the jitter and the clock. */
export interface PlatformHttpDeps extends ReadRetryOptions {
  fetch?: typeof fetch;
  clock?: Clock;
}

function httpClientFor(platform: NonNullable<Config['platform']>, deps: PlatformHttpDeps): PlatformHttpClient {
  // loadConfig refuses PLATFORM_BASE_URL without PLATFORM_API_TOKEN; '' would be refused by the platform (401).
  return createPlatformHttpClient({ baseUrl: platform.baseUrl, token: platform.apiToken ?? '', timeoutMs: platform.timeoutMs, fetch: deps.fetch });
}

/**
 * The gateway for this configuration: standalone (to-do cards) without a platform; with PLATFORM_BASE_URL the HTTP
 * gateway, which queues each call in the outbox (the outbox sender needs `platformDeliveryFor` to send them).
 */
export function gatewayFor(config: Pick<Config, 'platform'>): PlatformGateway {
  return config.platform === undefined ? createStandaloneGateway() : createHttpGateway();
}

/** What the reconciliation reads from the platform; undefined when standalone (no PLATFORM_BASE_URL). */
export function platformReaderFor(config: Pick<Config, 'platform'>, deps: PlatformHttpDeps = {}): HttpPlatformReader | undefined {
  if (config.platform === undefined) return undefined;
  return createHttpReader(httpClientFor(config.platform, deps), deps);
}

/** The outbox sender's port for rows of channel `platform.call`; undefined when standalone. */
export function platformDeliveryFor(config: Pick<Config, 'platform'>, deps: Pick<PlatformHttpDeps, 'fetch'> = {}): PlatformDeliveryPort | undefined {
  if (config.platform === undefined) return undefined;
  return createPlatformDelivery(httpClientFor(config.platform, deps));
}

// Webhooks and reconciliation (src/platform/webhooks, events, reconcile; docs/platform.md "Webhooks and reconciliation").
import type { TickJob } from '../tick/job.ts';
import { platformEventsJob } from './events/job.ts';
import { createReconcileJob } from './reconcile/job.ts';
export { receiveWebhook, WEBHOOK_MAX_BYTES, type WebhookAnswer, type WebhookRequest } from './webhooks/receive.ts';
export { SIGNATURE_HEADER, TIMESTAMP_HEADER, signWebhook } from './webhooks/signature.ts';
export { WEBHOOK_EVENT_TYPES, type WebhookEvent, type WebhookEventType } from './webhooks/events.ts';
export { processPendingEvents, type ProcessedEvent } from './events/process.ts';
export { createPlatformEventWorker, type PlatformEventWorker } from './events/worker.ts';
export { platformEventsJob, createReconcileJob };
export type { PlatformReaderFactory } from './reconcile/job.ts';
export { reconcilePlatform, type ReconcileResult } from './reconcile/reconcile.ts';
export { platformSyncStatus, type PlatformSyncStatus } from './reconcile/status.ts';
/** The tick's platform work, in order: pull what webhooks missed (every PLATFORM_RECONCILE_MINUTES), then apply pending events. */
export const platformJobs: readonly TickJob[] = [createReconcileJob((config) => platformReaderFor(config)), platformEventsJob];
