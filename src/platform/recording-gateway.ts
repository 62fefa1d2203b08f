// A test double of the PlatformGateway: it records every call and writes nothing (not even inside the caller's
// transaction). For the process tests (inactivity, tender), which assert what the platform was asked to do;
// replaced in production by the standalone gateway now and by the platform's HTTP client later (issue 9).
//
//   const gateway = createRecordingGateway();
//   ... run the use case with `gateway` ...
//   expect(gateway.calls).toEqual([{ method: 'sendChat', args: [{ clientId, senderId, text, idempotencyKey }, now] }]);
//
// `args` are the call's arguments without the transaction (copied, so later changes by the caller do not show).
import type { ChatToClient, EmailToClient, PlatformGateway, Reassignment } from './gateway.ts';

export type RecordedCall =
  | { method: 'sendChat'; args: [message: ChatToClient, now: Date] }
  | { method: 'sendEmail'; args: [message: EmailToClient, now: Date] }
  | { method: 'markInactive'; args: [mark: { clientId: string; vpaId: string | null }, now: Date] }
  | { method: 'clearInactiveMark'; args: [clientId: string, now: Date] }
  | { method: 'reassignClient'; args: [change: Reassignment, now: Date] };

export type GatewayMethod = RecordedCall['method'];

export interface RecordingGateway extends PlatformGateway {
  /** Every call, oldest first. */
  readonly calls: RecordedCall[];
  /** The recorded calls of one method, oldest first. */
  callsOf<M extends GatewayMethod>(method: M): Extract<RecordedCall, { method: M }>[];
  /** Forgets the calls recorded so far. */
  clear(): void;
}

export function createRecordingGateway(): RecordingGateway {
  const calls: RecordedCall[] = [];
  const at = (now: Date) => new Date(now.getTime());
  return {
    calls,
    callsOf<M extends GatewayMethod>(method: M) {
      return calls.filter((c): c is Extract<RecordedCall, { method: M }> => c.method === method);
    },
    clear() {
      calls.length = 0;
    },
    async sendChat(_tx, message, now) {
      calls.push({ method: 'sendChat', args: [{ ...message }, at(now)] });
    },
    async sendEmail(_tx, message, now) {
      calls.push({ method: 'sendEmail', args: [{ ...message }, at(now)] });
    },
    async markInactive(_tx, mark, now) {
      calls.push({ method: 'markInactive', args: [{ ...mark }, at(now)] });
    },
    async clearInactiveMark(_tx, clientId, now) {
      calls.push({ method: 'clearInactiveMark', args: [clientId, at(now)] });
    },
    async reassignClient(_tx, change, now) {
      calls.push({ method: 'reassignClient', args: [{ ...change }, at(now)] });
    },
  };
}
