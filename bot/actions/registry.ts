// Verb routing as a table: each Action.Execute verb maps to one handler with a zod schema for its
// `data`. Unknown verbs and invalid payloads get a German error card and change nothing. The acting
// person comes from the database (ctx.actor), never from the payload; a required role is checked
// here before the handler runs. A mutating verb's answer is kept as an invoke receipt
// (src/invokes/receipts.ts) only when the action was accepted, so a re-delivery gets it again.
import type { TurnContext } from 'botbuilder';
import type { AdaptiveCardInvokeResponse, AdaptiveCardInvokeValue } from 'botframework-schema';
import { z } from 'zod';
import type { AdaptiveCard } from '../../cards/common/types.ts';
import { errorCard } from '../../cards/error.ts';
import type { Clock } from '../../src/time/clock.ts';
import type { Config } from '../../src/config/config.ts';
import type { Database } from '../../src/db/client.ts';
import { AppError, toAppError } from '../../src/errors/catalogue.ts';
import { type Actor } from '../../src/identity/find-actor.ts';
import type { Logger } from '../../src/log/logger.ts';
import type { Role } from '../../src/people/roles.ts';
import { hasRole } from '../../src/people/access.ts';
import { scopeOf } from '../activity.ts';
import { beginReceipt, completeReceipt, findReceipt, receiptKey, releaseReceipt } from '../../src/invokes/receipts.ts';

export interface BotDeps {
  db: Database;
  config: Config;
  clock: Clock;
  logger: Logger;
  /** Ask the outbox sender to drain now (after a turn queued messages), instead of at its next poll. */
  kickOutbox(): void;
}

export interface ActionContext extends BotDeps {
  turn: TurnContext;
  actor: Actor | null;
}

/**
 * A handler's answer. `accepted: false` marks an answer that changed nothing (e.g. a form sent back with field
 * errors): no invoke receipt is kept for it.
 */
export type ActionResult = { card: AdaptiveCard; accepted?: boolean } | { message: string; accepted?: boolean };

export interface ActionDefinition<S extends z.ZodType = z.ZodType> {
  verb: string;
  data: S;
  /** When set, the actor must hold one of these roles (checked against the database). */
  roles?: readonly Role[];
  /** Whether an unregistered sender may use the verb (e.g. help). */
  allowUnregistered?: boolean;
  /**
   * The verb shows or changes something personal (a VPA's clients, a conduct report): it answers only in the
   * 1:1 chat. Its cards are only ever sent there; a click from a channel or group chat is forged or misrouted.
   */
  personalOnly?: boolean;
  /**
   * The verb changes state. Teams re-sends an invoke it thinks was answered too slowly; a mutating verb
   * delivered twice (same activity id) is processed once and the second delivery gets the first answer.
   */
  mutating?: boolean;
  handle(ctx: ActionContext, data: z.infer<S>): Promise<ActionResult>;
}

export function defineAction<S extends z.ZodType>(definition: ActionDefinition<S>): ActionDefinition<S> {
  return definition;
}

export type ActionTable = ReadonlyMap<string, ActionDefinition>;

export function actionTable(definitions: readonly ActionDefinition[]): ActionTable {
  const table = new Map<string, ActionDefinition>();
  for (const d of definitions) {
    if (table.has(d.verb)) throw new Error(`duplicate Action.Execute verb ${d.verb}`);
    table.set(d.verb, d);
  }
  return table;
}

export function cardResponse(card: AdaptiveCard): AdaptiveCardInvokeResponse {
  return { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: card };
}

export function messageResponse(message: string): AdaptiveCardInvokeResponse {
  // For this response type Teams expects the value to be the message string itself; the SDK types it as an object.
  return { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: message as unknown as Record<string, unknown> };
}

function errorResponse(e: AppError): AdaptiveCardInvokeResponse {
  return cardResponse(errorCard({ code: e.code, message: e.userMessage }));
}

const invokeValueSchema = z.object({
  action: z.object({ type: z.literal('Action.Execute'), verb: z.string().min(1), data: z.unknown().optional() }),
  trigger: z.string().optional(),
});

export async function dispatchAction(table: ActionTable, ctx: ActionContext, value: AdaptiveCardInvokeValue | undefined): Promise<AdaptiveCardInvokeResponse> {
  const parsed = invokeValueSchema.safeParse(value);
  if (!parsed.success) {
    ctx.logger.warn({ code: 'INVALID_PAYLOAD' }, 'adaptiveCard/action without a valid Action.Execute value');
    return errorResponse(new AppError('INVALID_PAYLOAD'));
  }
  const { verb, data } = parsed.data.action;
  const definition = table.get(verb);
  if (!definition) {
    ctx.logger.warn({ code: 'UNKNOWN_VERB', verb }, 'unknown verb');
    return errorResponse(new AppError('UNKNOWN_VERB', { detail: verb }));
  }
  const payload = definition.data.safeParse(data ?? {});
  if (!payload.success) {
    ctx.logger.warn({ code: 'INVALID_PAYLOAD', verb, issues: payload.error.issues.map((i) => ({ path: i.path.join('.'), code: i.code })) }, 'invalid action payload');
    return errorResponse(new AppError('INVALID_PAYLOAD', { detail: verb }));
  }
  // Who may use the verb is checked before anything is stored: a refused click leaves no receipt.
  if (!ctx.actor && !definition.allowUnregistered) return refused(ctx, verb, new AppError('NOT_REGISTERED'));
  if (definition.roles && !hasRole(ctx.actor, definition.roles)) return refused(ctx, verb, new AppError('FORBIDDEN_ROLE', { detail: verb }));
  if (definition.personalOnly && scopeOf(ctx.turn.activity) !== 'personal') return refused(ctx, verb, new AppError('PERSONAL_ONLY', { detail: `${verb} outside the personal chat` }));
  const run = async (): Promise<Outcome> => {
    try {
      const result = await definition.handle(ctx, payload.data);
      return { response: 'card' in result ? cardResponse(result.card) : messageResponse(result.message), accepted: result.accepted !== false };
    } catch (error) {
      return { response: refused(ctx, verb, error), accepted: false };
    }
  };
  const activityId = ctx.turn.activity.id;
  if (!definition.mutating || !activityId) return (await run()).response;
  return oncePer(ctx, receiptKey(ctx.turn.activity.from?.id ?? '', activityId), run);
}

interface Outcome {
  response: AdaptiveCardInvokeResponse;
  /** The action ran and was accepted: its answer is kept for a re-delivery. */
  accepted: boolean;
}

/** The error card for a refused or failed action, logged. */
function refused(ctx: ActionContext, verb: string, error: unknown): AdaptiveCardInvokeResponse {
  const e = toAppError(error);
  const log = { code: e.code, verb, actorId: ctx.actor?.id };
  if (e.code === 'INTERNAL') ctx.logger.error({ ...log, err: { message: e.message } }, 'action failed');
  else ctx.logger.info(log, 'action refused');
  return errorResponse(e);
}

const DUPLICATE_WAIT_MS = 1500;

/**
 * Runs `run` once per key; a concurrent or later duplicate gets the answer stored by the first. The claim of
 * an action that was not accepted is released (it changed nothing, one transaction), so no receipt stays
 * behind and a waiting duplicate runs it itself.
 */
async function oncePer(ctx: ActionContext, key: string, run: () => Promise<Outcome>): Promise<AdaptiveCardInvokeResponse> {
  const db = ctx.db.prisma;
  const deadline = Date.now() + DUPLICATE_WAIT_MS;
  let logged = false;
  for (;;) {
    if (await beginReceipt(db, key, ctx.clock.now())) {
      let outcome: Outcome;
      try {
        outcome = await run();
      } catch (error) {
        await releaseReceipt(db, key);
        throw error;
      }
      if (outcome.accepted) await completeReceipt(db, key, outcome.response);
      else await releaseReceipt(db, key);
      return outcome.response;
    }
    if (!logged) {
      ctx.logger.info({ code: 'DUPLICATE_INVOKE' }, 'invoke delivered again; answering with the first answer');
      logged = true;
    }
    const receipt = await findReceipt(db, key);
    if (receipt?.result) return receipt.result as AdaptiveCardInvokeResponse;
    if (Date.now() > deadline) return messageResponse('Diese Aktion wird bereits bearbeitet.');
    // Still running: wait. Released (the first delivery was not accepted): claim it on the next round.
    if (receipt) await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
