// The PlatformGateway with a platform (PLATFORM_BASE_URL): every call queues the platform request in the outbox
// (src/outbox/platform-call.ts), in the caller's transaction and with the caller's idempotency key, so it is sent
// if and only if the state change commits, survives a platform outage (the outbox retries for hours) and is done
// once (the key goes out as `Idempotency-Key`). The request is resolved here, when it is queued: the client's
// number and the people's e-mail addresses, as the contract (src/platform/openapi.yaml) identifies them; its body
// type comes from the generated contract types. The red question mark is also kept as the bot's own ClientMark
// (the `kunden` command shows it), exactly as the standalone gateway keeps it. One audit event per queued call,
// with ids only (never the text).
import { recordAudit } from '../../audit/record.ts';
import type { Tx } from '../../db/client.ts';
import { AppError } from '../../errors/catalogue.ts';
import { enqueuePlatformCall, type PlatformRequest } from '../../outbox/platform-call.ts';
import type { ChatToClient, EmailToClient, PlatformGateway, Reassignment } from '../gateway.ts';
import type { operations } from '../generated/openapi.ts';

type JsonBody<O extends keyof operations> = operations[O] extends { requestBody: { content: { 'application/json': infer B } } } ? B : never;

/** A write of the contract with its typed body (the generated types keep this in step with the document). */
function request<O extends 'sendChat' | 'sendEmail' | 'markInactive' | 'reassignClient'>(operation: O, clientNumber: string, body: JsonBody<O>): PlatformRequest {
  return { operation, params: { number: clientNumber }, body };
}

async function clientNumberOf(tx: Tx, clientId: string): Promise<string> {
  const client = await tx.client.findUnique({ where: { id: clientId }, select: { number: true } });
  if (!client) throw new AppError('CLIENT_NOT_FOUND', { detail: clientId });
  return client.number;
}

async function emailOf(tx: Tx, personId: string, what: string): Promise<string> {
  const person = await tx.person.findUnique({ where: { id: personId }, select: { email: true } });
  if (!person) throw new AppError('PERSON_NOT_FOUND', { detail: `${what} ${personId}` });
  return person.email;
}

async function queue(tx: Tx, input: { clientId: string; clientNumber: string; idempotencyKey: string; request: PlatformRequest; now: Date }): Promise<void> {
  const queued = await enqueuePlatformCall(tx, { idempotencyKey: input.idempotencyKey, clientNumber: input.clientNumber, request: input.request, now: input.now });
  if (!queued) return;
  await recordAudit(tx, {
    at: input.now,
    actorId: null,
    action: 'platform.call_queued',
    subjectType: 'client',
    subjectId: input.clientId,
    data: { operation: input.request.operation, idempotencyKey: input.idempotencyKey },
  });
}

export function createHttpGateway(): PlatformGateway {
  return {
    async sendChat(tx: Tx, message: ChatToClient, now: Date): Promise<void> {
      const clientNumber = await clientNumberOf(tx, message.clientId);
      const senderEmail = await emailOf(tx, message.senderId, 'sender of a client message');
      await queue(tx, { clientId: message.clientId, clientNumber, idempotencyKey: message.idempotencyKey, request: request('sendChat', clientNumber, { senderEmail, text: message.text }), now });
    },

    async sendEmail(tx: Tx, message: EmailToClient, now: Date): Promise<void> {
      const clientNumber = await clientNumberOf(tx, message.clientId);
      const senderEmail = await emailOf(tx, message.senderId, 'sender of a client e-mail');
      await queue(tx, {
        clientId: message.clientId,
        clientNumber,
        idempotencyKey: message.idempotencyKey,
        request: request('sendEmail', clientNumber, { senderEmail, subject: message.subject, text: message.text }),
        now,
      });
    },

    async markInactive(tx: Tx, mark: { clientId: string; vpaId: string | null; idempotencyKey: string }, now: Date): Promise<void> {
      const clientNumber = await clientNumberOf(tx, mark.clientId);
      const vpaEmail = mark.vpaId ? await emailOf(tx, mark.vpaId, 'VPA of a red question mark') : null;
      // The bot's own mark too (the `kunden` command): marked already, it stays marked since then.
      await tx.clientMark.upsert({ where: { clientId: mark.clientId }, create: { clientId: mark.clientId, vpaId: mark.vpaId, markedAt: now }, update: { vpaId: mark.vpaId } });
      await queue(tx, { clientId: mark.clientId, clientNumber, idempotencyKey: mark.idempotencyKey, request: request('markInactive', clientNumber, { vpaEmail }), now });
    },

    async clearInactiveMark(tx: Tx, clientId: string, now: Date, idempotencyKey: string): Promise<void> {
      const clientNumber = await clientNumberOf(tx, clientId);
      await tx.clientMark.deleteMany({ where: { clientId } });
      await queue(tx, { clientId, clientNumber, idempotencyKey, request: { operation: 'clearInactiveMark', params: { number: clientNumber } }, now });
    },

    async reassignClient(tx: Tx, change: Reassignment, now: Date): Promise<void> {
      const clientNumber = await clientNumberOf(tx, change.clientId);
      const vpaEmail = await emailOf(tx, change.toVpaId, 'new VPA of a reassignment');
      const previousVpaEmail = change.fromVpaId ? await emailOf(tx, change.fromVpaId, 'previous VPA of a reassignment') : null;
      await queue(tx, { clientId: change.clientId, clientNumber, idempotencyKey: change.idempotencyKey, request: request('reassignClient', clientNumber, { vpaEmail, previousVpaEmail }), now });
    },
  };
}
