// Calls to the company's VPA platform go through the outbox like Teams messages, so a platform outage delays a
// write and never loses it: the HTTP gateway (src/platform/http) queues a row on channel `platform.call`, in the
// caller's transaction, with the caller's idempotency key; the sender hands the row to the PlatformDeliveryPort,
// which makes one HTTP request with `Idempotency-Key: <row key>`. The row stores the request as the contract
// (src/platform/openapi.yaml) names it: the operationId, its path parameters and its JSON body. One client's calls
// share the conversationKey `platform:<clientNumber>`, so they reach the platform in the order they were queued.
import { z } from 'zod';
import type { DbOrTx } from '../db/client.ts';
import { randomId } from '../ids.ts';
import { queueTimeOf } from './enqueue.ts';

export const PLATFORM_CHANNEL = 'platform.call';

export interface PlatformRequest {
  /** The contract's operationId, e.g. `sendChat`. */
  operation: string;
  /** Path parameters, e.g. `{ number: 'K-1001' }`. */
  params: Record<string, string>;
  /** The JSON request body, when the operation has one. */
  body?: unknown;
}

/** What an outbox row of channel `platform.call` stores. */
export interface PlatformCallMessage {
  mode: 'platform';
  request: PlatformRequest;
}

export function platformConversationKey(clientNumber: string): string {
  return `platform:${clientNumber}`;
}

export interface EnqueuePlatformCallInput {
  idempotencyKey: string;
  clientNumber: string;
  request: PlatformRequest;
  now: Date;
}

/** Returns false when a row with this key was queued before (nothing is written then). */
export async function enqueuePlatformCall(tx: DbOrTx, input: EnqueuePlatformCallInput): Promise<boolean> {
  const existing = await tx.outboxMessage.findUnique({ where: { idempotencyKey: input.idempotencyKey }, select: { id: true } });
  if (existing) return false;
  const conversationKey = platformConversationKey(input.clientNumber);
  const message: PlatformCallMessage = { mode: 'platform', request: input.request };
  await tx.outboxMessage.create({
    data: {
      id: randomId(),
      idempotencyKey: input.idempotencyKey,
      channel: PLATFORM_CHANNEL,
      conversationKey,
      notice: JSON.stringify(message),
      status: 'pending',
      nextAttemptAt: input.now,
      createdAt: await queueTimeOf(tx, conversationKey, input.now),
    },
  });
  return true;
}

const platformCallSchema = z.object({
  mode: z.literal('platform'),
  request: z.object({ operation: z.string().min(1), params: z.record(z.string(), z.string()), body: z.unknown().optional() }),
});

export type ParsedPlatformCall = { ok: true; message: PlatformCallMessage } | { ok: false; reason: string };

/** A stored row that cannot be read is a permanent failure of that row, never a crash of the sender. */
export function parsePlatformCall(json: string): ParsedPlatformCall {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return { ok: false, reason: 'stored platform call is not valid JSON' };
  }
  const parsed = platformCallSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, reason: `stored platform call is malformed at ${parsed.error.issues[0]?.path.join('.') || 'message'}` };
  return { ok: true, message: parsed.data as PlatformCallMessage };
}

/** The platform's answer to a call that succeeded, as the row's `result` keeps it. */
export interface PlatformCallResult {
  operation: string;
  /** The HTTP status of the platform's 2xx answer. */
  status: number;
  /** Set when the answer was a 2xx outside the contract (English, no body values). */
  note?: string;
}
