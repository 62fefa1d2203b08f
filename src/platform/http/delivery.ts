// The outbox's PlatformDeliveryPort over HTTP: one queued platform call (a row of channel `platform.call`) becomes
// exactly one request, with the row's key as `Idempotency-Key`, so a retry after a lost answer is done once by the
// platform. The body is checked against the contract first (a body the platform must refuse is never sent).
// Failures become DeliveryErrors for the outbox's retry policy: temporary (timeout, network, 408/409/429/5xx, with
// Retry-After) or permanent (other 4xx, a request the contract does not allow). A 2xx whose body is outside the
// contract counts as done (the platform acted; sending again could not undo it), with a note in the row's result.
import { DeliveryError } from '../../outbox/delivery-error.ts';
import type { PlatformCallResult, PlatformRequest } from '../../outbox/platform-call.ts';
import type { PlatformDeliveryPort } from '../../outbox/process-message.ts';
import { isPlatformHttpError, type PlatformHttpClient } from './client.ts';
import { platformContract } from './contract.ts';

export function createPlatformDelivery(client: PlatformHttpClient): PlatformDeliveryPort {
  const contract = platformContract();
  return {
    async call(request: PlatformRequest, idempotencyKey: string): Promise<PlatformCallResult> {
      const op = contract.operations().find((o) => o.operationId === request.operation);
      if (!op || !op.requiresIdempotencyKey) throw DeliveryError.permanent(`platform call ${request.operation.slice(0, 60)} is not a write of the contract`);
      const valid = contract.validateRequestBody(op.operationId, request.body);
      if (!valid.ok) throw DeliveryError.permanent(`platform call ${op.operationId} does not match the contract (${valid.problems.slice(0, 3).join('; ')})`);
      try {
        const answer = await client.call(op.operationId, { params: request.params, body: request.body, idempotencyKey });
        return { operation: op.operationId, status: answer.status };
      } catch (e) {
        if (!isPlatformHttpError(e)) throw e;
        // The platform did it (2xx) but its answer is outside the contract: done, never sent again; the row says why.
        if (e.code === 'PLATFORM_BAD_RESPONSE' && e.httpStatus !== undefined && e.httpStatus < 300) return { operation: op.operationId, status: e.httpStatus, note: e.reason };
        throw new DeliveryError({ reason: `${e.code}: ${e.operation}: ${e.reason}`, retryable: e.retryable, status: e.httpStatus, retryAfter: e.retryAfter, cause: e });
      }
    },
  };
}
