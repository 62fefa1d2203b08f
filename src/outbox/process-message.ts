// One attempt for one claimed row: find the recipient's conversation, hand the notice to the delivery
// port (bot/ renders and sends it), and record the outcome. Updates of an earlier message wait for that
// message to be sent and go to the conversation and activity it was sent as.
import { z } from 'zod';
import type { Db } from '../db/client.ts';
import type { Notice } from '../notices/types.ts';
import type { Clock } from '../time/clock.ts';
import type { OutboxMessage } from './claim.ts';
import { DeliveryError, toDeliveryError } from './delivery-error.ts';
import { parseOutboundMessage } from './outbound-message.ts';
import { parsePlatformCall, PLATFORM_CHANNEL, type PlatformCallResult, type PlatformRequest } from './platform-call.ts';
import { recordDeferred, recordFailure, recordSent, type DeliveryResult, type SendResult } from './record-outcome.ts';
import { resolveConversation, resolveTarget, type ConversationTarget } from './resolve-target.ts';
import { PLATFORM_RETRY_POLICY, type RandomSource, type RetryPolicy } from './retry-policy.ts';

/** What bot/ implements: render the notice and talk to the Bot Connector. Throws DeliveryError. */
export interface DeliveryPort {
  send(target: ConversationTarget, notice: Notice): Promise<{ activityId: string }>;
  update(target: ConversationTarget, activityId: string, notice: Notice): Promise<void>;
}

/**
 * What the platform's HTTP client implements (src/platform/http/delivery.ts): exactly one HTTP request for the row,
 * with `Idempotency-Key: <idempotencyKey>`, no retries of its own. Throws DeliveryError (retryable or not).
 */
export interface PlatformDeliveryPort {
  call(request: PlatformRequest, idempotencyKey: string): Promise<PlatformCallResult>;
}

export interface ProcessDeps {
  prisma: Db;
  port: DeliveryPort;
  clock: Clock;
  instanceId: string;
  retry: RetryPolicy;
  random: RandomSource;
  /** Rows of channel `platform.call` go here; without it they wait (never dropped) until a sender that has one. */
  platform?: PlatformDeliveryPort;
  /** Retry policy of platform rows (default PLATFORM_RETRY_POLICY: outlasts an outage of hours). */
  platformRetry?: RetryPolicy;
}

export type ProcessResult =
  | { outcome: 'sent'; result: DeliveryResult }
  | { outcome: 'retried'; reason: string; nextAttemptAt: Date; httpStatus: number | undefined }
  | { outcome: 'deferred'; reason: string }
  | { outcome: 'dead'; reason: string; httpStatus: number | undefined }
  /** Another instance took the row over (our lease had run out); nothing was recorded. */
  | { outcome: 'lost' };

const RECORD_SENT_TRIES = 3;

export const NO_CONVERSATION_REFERENCE = 'recipient has no conversation reference';

/** A platform row claimed by a sender without a platform port: it waits, keeps its attempts, and is never dropped. */
export const NO_PLATFORM_PORT = 'platform call waits: this sender has no platform configured (PLATFORM_BASE_URL)';
export const NO_PLATFORM_WAIT_MS = 5 * 60_000;

const sendResultSchema = z.object({ activityId: z.string(), conversationId: z.string().min(1) });

type Attempt = { kind: 'deliver'; run: () => Promise<DeliveryResult> } | { kind: 'fail'; error: DeliveryError } | { kind: 'defer'; reason: string; waitMs?: number };

function planPlatformAttempt(deps: ProcessDeps, row: OutboxMessage): Attempt {
  const parsed = parsePlatformCall(row.notice);
  if (!parsed.ok) return { kind: 'fail', error: DeliveryError.permanent(parsed.reason) };
  const port = deps.platform;
  if (!port) return { kind: 'defer', reason: NO_PLATFORM_PORT, waitMs: NO_PLATFORM_WAIT_MS };
  const { request } = parsed.message;
  return { kind: 'deliver', run: () => port.call(request, row.idempotencyKey) };
}

async function planAttempt(deps: ProcessDeps, row: OutboxMessage): Promise<Attempt> {
  if (row.channel === PLATFORM_CHANNEL) return planPlatformAttempt(deps, row);
  const parsed = parseOutboundMessage(row.notice);
  if (!parsed.ok) return { kind: 'fail', error: DeliveryError.permanent(parsed.reason) };
  const m = parsed.message;

  if (m.mode === 'send') {
    const target = await resolveTarget(deps.prisma, m.recipient);
    // The person may install the bot later, the channel may be bound later: retry, bounded by maxAttempts.
    if (!target) return { kind: 'fail', error: DeliveryError.transient(NO_CONVERSATION_REFERENCE) };
    return {
      kind: 'deliver',
      run: async () => {
        const { activityId } = await deps.port.send(target, m.notice);
        return { activityId, conversationId: target.conversationId };
      },
    };
  }

  const original = await deps.prisma.outboxMessage.findUnique({ where: { idempotencyKey: m.updatesKey }, select: { status: true, result: true } });
  if (!original) return { kind: 'fail', error: DeliveryError.permanent(`original message ${m.updatesKey} not found`) };
  if (original.status === 'dead') return { kind: 'fail', error: DeliveryError.permanent(`original message ${m.updatesKey} is dead`) };
  if (original.status !== 'sent') return { kind: 'defer', reason: `waiting for original message ${m.updatesKey} to be sent` };
  let sent: SendResult;
  try {
    sent = sendResultSchema.parse(JSON.parse(original.result ?? ''));
  } catch {
    return { kind: 'fail', error: DeliveryError.permanent(`original message ${m.updatesKey} has no readable send result`) };
  }
  if (sent.activityId === '') return { kind: 'fail', error: DeliveryError.permanent(`original message ${m.updatesKey} has no activity id`) };
  const target = await resolveConversation(deps.prisma, sent.conversationId);
  if (!target) return { kind: 'fail', error: DeliveryError.transient(NO_CONVERSATION_REFERENCE) };
  return {
    kind: 'deliver',
    run: async () => {
      await deps.port.update(target, sent.activityId, m.notice);
      return sent;
    },
  };
}

export async function processClaimed(deps: ProcessDeps, row: OutboxMessage): Promise<ProcessResult> {
  const { prisma, instanceId } = deps;
  let attempt: Attempt;
  try {
    attempt = await planAttempt(deps, row);
  } catch (e) {
    attempt = { kind: 'fail', error: toDeliveryError(e) };
  }

  if (attempt.kind === 'defer') {
    const ok = await recordDeferred(prisma, row, { now: deps.clock.now(), instanceId, waitMs: attempt.waitMs ?? deps.retry.updateWaitMs, reason: attempt.reason });
    return ok ? { outcome: 'deferred', reason: attempt.reason } : { outcome: 'lost' };
  }

  if (attempt.kind === 'deliver') {
    let result: DeliveryResult;
    try {
      result = await attempt.run();
    } catch (e) {
      return recordFailed(deps, row, toDeliveryError(e));
    }
    // The message is out: record it at once. Between the connector's answer and this commit lies the
    // only window in which a crash leaves the delivery in doubt (the row is sent again when its lease
    // has run out: at-least-once for that window).
    const ok = await recordSentPersistently(deps, row, result);
    return ok ? { outcome: 'sent', result } : { outcome: 'lost' };
  }
  return recordFailed(deps, row, attempt.error);
}

/** A failed write here would mean a second delivery later, so a short database hiccup is waited out. */
async function recordSentPersistently(deps: ProcessDeps, row: OutboxMessage, result: DeliveryResult): Promise<boolean> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await recordSent(deps.prisma, row, { now: deps.clock.now(), instanceId: deps.instanceId, result });
    } catch (e) {
      if (attempt >= RECORD_SENT_TRIES) throw e;
      await new Promise((resolve) => setTimeout(resolve, 250 * attempt));
    }
  }
}

async function recordFailed(deps: ProcessDeps, row: OutboxMessage, error: DeliveryError): Promise<ProcessResult> {
  const policy = row.channel === PLATFORM_CHANNEL ? (deps.platformRetry ?? PLATFORM_RETRY_POLICY) : deps.retry;
  const failure = await recordFailure(deps.prisma, row, { now: deps.clock.now(), instanceId: deps.instanceId, error, policy, random: deps.random });
  if (failure.outcome === 'retried') return { outcome: 'retried', reason: failure.reason, nextAttemptAt: failure.nextAttemptAt, httpStatus: error.httpStatus };
  if (failure.outcome === 'dead') return { outcome: 'dead', reason: failure.reason, httpStatus: error.httpStatus };
  return failure;
}
