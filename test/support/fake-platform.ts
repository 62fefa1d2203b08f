// An in-process VPA platform speaking the contract (src/platform/openapi.yaml), for tests that run the bot against
// "the platform" without nock: every request is matched to its operation, its bearer token, Idempotency-Key and
// body are checked against the document (a request outside the contract gets 400 and is recorded as a violation),
// and every answer it gives is validated against the document too. It stores clients, tasks, the Conny inbox, the
// chats and e-mails sent, the red question marks and reassignments, replays a repeated Idempotency-Key like the
// real one must, and can be told to fail (a status with Retry-After, or connections reset).
//
//   const platform = await startFakePlatform();
//   platform.addClient({ number: 'K-1', name: 'Muster GmbH', class: 'A', workType: 'continuous', vpaEmail: 'anna@x.de' });
//   ... PLATFORM_BASE_URL=platform.url, PLATFORM_API_TOKEN=platform.token ...
//   platform.down({ status: 503, retryAfter: '60' }); ... platform.up();
//   expect(platform.chats).toEqual([...]);
//   await platform.close();
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { platformContract } from '../../src/platform/index.ts';
import type { components } from '../../src/platform/generated/openapi.ts';

type Schemas = components['schemas'];

export const FAKE_PLATFORM_TOKEN = 'fake-platform-token';
const BASE_PATH = '/api/v1';

export interface FakeCall {
  method: string;
  /** Relative to the base URL, with the query string. */
  path: string;
  operationId: string | undefined;
  authorization: string | undefined;
  idempotencyKey: string | undefined;
  contentType: string | undefined;
  body: unknown;
  status: number;
  /** True when the call changed something (a first write with its key, answered 2xx). */
  effective: boolean;
}

/** A status (with Retry-After), a reset connection, or `answer-lost`: the request is done, then the connection reset. */
export type Outage = { status: number; retryAfter?: string } | 'reset' | 'answer-lost';

export interface FakePlatform {
  /** The base URL (PLATFORM_BASE_URL). */
  url: string;
  token: string;
  clients: Map<string, Schemas['Client']>;
  tasks: Schemas['Task'][];
  inbox: Schemas['InboxItem'][];
  chats: { messageId: string; clientNumber: string; senderEmail: string; text: string; idempotencyKey: string }[];
  emails: { mailId: string; clientNumber: string; senderEmail: string; subject: string; text: string; idempotencyKey: string }[];
  marks: Map<string, Schemas['InactiveMark']>;
  reassignments: { clientNumber: string; vpaEmail: string; previousVpaEmail: string | null; idempotencyKey: string }[];
  /** Every request, also refused and failed ones. */
  calls: FakeCall[];
  /** Requests or answers outside the contract (a correct client and a correct fake leave this empty). */
  violations: string[];
  addClient(client: Schemas['Client']): void;
  /** Every request fails like this until `up()`. */
  down(outage: Outage): void;
  up(): void;
  /** The next `times` requests (of one operation, when given) fail like this. */
  failNext(outage: Outage, options?: { times?: number; operation?: string }): void;
  /** How many writes with each Idempotency-Key changed something (each must be 1). */
  effectiveWritesByKey(): Map<string, number>;
  close(): Promise<void>;
}

interface StoredAnswer {
  fingerprint: string;
  status: number;
  body: unknown;
}

export async function startFakePlatform(options: { now?: () => Date; pageSize?: number } = {}): Promise<FakePlatform> {
  const contract = platformContract();
  const now = options.now ?? (() => new Date());
  const pageSize = options.pageSize ?? 100;
  let outage: Outage | undefined;
  const failures: { outage: Outage; times: number; operation?: string }[] = [];
  const answers = new Map<string, StoredAnswer>();
  let seq = 0;

  const platform: Omit<FakePlatform, 'url' | 'close'> = {
    token: FAKE_PLATFORM_TOKEN,
    clients: new Map(),
    tasks: [],
    inbox: [],
    chats: [],
    emails: [],
    marks: new Map(),
    reassignments: [],
    calls: [],
    violations: [],
    addClient(client) {
      const valid = contract.validateSchema('Client', client);
      if (!valid.ok) throw new Error(`fake platform: client outside the contract: ${valid.problems.join('; ')}`);
      platform.clients.set(client.number, { ...client });
    },
    down(o) {
      outage = o;
    },
    up() {
      outage = undefined;
    },
    failNext(o, opts = {}) {
      failures.push({ outage: o, times: opts.times ?? 1, operation: opts.operation });
    },
    effectiveWritesByKey() {
      const out = new Map<string, number>();
      for (const c of platform.calls) if (c.effective && c.idempotencyKey) out.set(c.idempotencyKey, (out.get(c.idempotencyKey) ?? 0) + 1);
      return out;
    },
  };

  const error = (status: number, code: string, message: string) => ({ status, body: { code, message } });

  function page<T>(items: T[], cursor: string | null): { items: T[]; nextCursor: string | null } {
    const from = cursor ? Number(cursor) : 0;
    const next = from + pageSize;
    return { items: items.slice(from, next), nextCursor: next < items.length ? String(next) : null };
  }

  /** The operation's effect; returns the answer. Only called for requests that match the contract. */
  function perform(operationId: string, params: Record<string, string>, query: URLSearchParams, body: unknown, key: string | undefined): { status: number; body?: unknown } {
    const client = params.number !== undefined ? platform.clients.get(params.number) : undefined;
    if (params.number !== undefined && !client) return error(404, 'CLIENT_NOT_FOUND', 'unknown client number');
    switch (operationId) {
      case 'listClients':
        return { status: 200, body: page([...platform.clients.values()].sort((a, b) => a.number.localeCompare(b.number)), query.get('cursor')) };
      case 'getClient':
        return { status: 200, body: client };
      case 'listTasks': {
        const since = Date.parse(query.get('since') ?? '');
        if (Number.isNaN(since)) return error(400, 'INVALID_REQUEST', 'since must be a date-time');
        const tasks = platform.tasks.filter((t) => Date.parse(t.createdAt) >= since).sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
        return { status: 200, body: page(tasks, query.get('cursor')) };
      }
      case 'listConnyInbox':
        return { status: 200, body: page([...platform.inbox].sort((a, b) => a.receivedAt.localeCompare(b.receivedAt) || a.id.localeCompare(b.id)), query.get('cursor')) };
      case 'sendChat': {
        const b = body as Schemas['ChatRequest'];
        const messageId = `msg-${++seq}`;
        platform.chats.push({ messageId, clientNumber: params.number!, senderEmail: b.senderEmail, text: b.text, idempotencyKey: key! });
        return { status: 201, body: { messageId } };
      }
      case 'sendEmail': {
        const b = body as Schemas['EmailRequest'];
        const mailId = `mail-${++seq}`;
        platform.emails.push({ mailId, clientNumber: params.number!, senderEmail: b.senderEmail, subject: b.subject, text: b.text, idempotencyKey: key! });
        return { status: 202, body: { mailId } };
      }
      case 'markInactive': {
        const b = body as Schemas['InactiveMarkRequest'];
        const before = platform.marks.get(params.number!);
        const mark = { clientNumber: params.number!, vpaEmail: b.vpaEmail, markedAt: before?.markedAt ?? now().toISOString() };
        platform.marks.set(params.number!, mark);
        return { status: 200, body: mark };
      }
      case 'clearInactiveMark':
        platform.marks.delete(params.number!);
        return { status: 204 };
      case 'reassignClient': {
        const b = body as Schemas['ReassignRequest'];
        platform.reassignments.push({ clientNumber: params.number!, vpaEmail: b.vpaEmail, previousVpaEmail: b.previousVpaEmail, idempotencyKey: key! });
        const updated = { ...client!, vpaEmail: b.vpaEmail };
        platform.clients.set(updated.number, updated);
        return { status: 200, body: updated };
      }
      default:
        return error(404, 'NOT_FOUND', 'no such operation');
    }
  }

  function failureFor(operationId: string | undefined): Outage | undefined {
    if (outage) return outage;
    const f = failures.find((x) => x.times > 0 && (x.operation === undefined || x.operation === operationId));
    if (!f) return undefined;
    f.times--;
    return f.outage;
  }

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://fake');
      const path = url.pathname.startsWith(BASE_PATH) ? url.pathname.slice(BASE_PATH.length) : url.pathname;
      const method = req.method ?? 'GET';
      const matched = contract.match(method, path);
      const operationId = matched?.operation.operationId;
      const header = (name: string) => {
        const v = req.headers[name];
        return Array.isArray(v) ? v[0] : v;
      };
      const raw = Buffer.concat(chunks).toString('utf8');
      let body: unknown;
      let bodyIsJson = true;
      try {
        body = raw === '' ? undefined : (JSON.parse(raw) as unknown);
      } catch {
        bodyIsJson = false;
        body = raw;
      }
      const call: FakeCall = {
        method,
        path: path + url.search,
        operationId,
        authorization: header('authorization'),
        idempotencyKey: header('idempotency-key'),
        contentType: header('content-type'),
        body,
        status: 0,
        effective: false,
      };
      platform.calls.push(call);

      const failure = failureFor(operationId);
      const send = (answer: { status: number; body?: unknown }, headers: Record<string, string> = {}) => {
        call.status = answer.status;
        if (failure === 'answer-lost') {
          req.socket.destroy();
          return;
        }
        if (operationId) {
          const valid = contract.validateResponse(operationId, answer.status, answer.body);
          if (!valid.ok) platform.violations.push(`answer ${answer.status} of ${operationId}: ${valid.problems.join('; ')}`);
        }
        const text = answer.body === undefined ? '' : JSON.stringify(answer.body);
        res.writeHead(answer.status, { ...(text ? { 'content-type': 'application/json' } : {}), ...headers });
        res.end(text);
      };

      if (failure === 'reset') {
        call.status = -1;
        req.socket.destroy();
        return;
      }
      if (failure && failure !== 'answer-lost') {
        send(error(failure.status, failure.status === 429 ? 'RATE_LIMITED' : 'UNAVAILABLE', 'injected failure'), failure.retryAfter ? { 'retry-after': failure.retryAfter } : {});
        return;
      }
      if (call.authorization !== `Bearer ${platform.token}`) {
        send(error(401, 'UNAUTHORIZED', 'missing or wrong bearer token'));
        return;
      }
      if (!matched) {
        platform.violations.push(`no operation for ${method} ${path}`);
        send({ status: 404, body: { code: 'NOT_FOUND', message: 'no such path' } });
        return;
      }
      const op = matched.operation;
      const problems: string[] = [];
      if (op.requiresIdempotencyKey && !call.idempotencyKey) problems.push('Idempotency-Key header missing');
      for (const q of op.query) if (q.required && !url.searchParams.has(q.name)) problems.push(`query parameter ${q.name} missing`);
      if (op.requestSchema) {
        if (!call.contentType?.startsWith('application/json')) problems.push('content-type must be application/json');
        if (!bodyIsJson) problems.push('body is not JSON');
        else {
          const valid = contract.validateRequestBody(op.operationId, body);
          if (!valid.ok) problems.push(...valid.problems);
        }
      } else if (raw !== '') problems.push('this operation takes no body');
      if (problems.length > 0) {
        platform.violations.push(`${op.operationId}: ${problems.join('; ')}`);
        send(error(400, 'INVALID_REQUEST', problems.join('; ')));
        return;
      }
      if (op.requiresIdempotencyKey) {
        const fingerprint = JSON.stringify([op.operationId, matched.params, body ?? null]);
        const stored = answers.get(call.idempotencyKey!);
        if (stored) {
          if (stored.fingerprint !== fingerprint) send(error(422, 'IDEMPOTENCY_KEY_REUSED', 'key used with another request'));
          else send({ status: stored.status, body: stored.body });
          return;
        }
        const answer = perform(op.operationId, matched.params, url.searchParams, body, call.idempotencyKey);
        if (answer.status >= 200 && answer.status < 300) {
          answers.set(call.idempotencyKey!, { fingerprint, status: answer.status, body: answer.body });
          call.effective = true;
        }
        send(answer);
        return;
      }
      send(perform(op.operationId, matched.params, url.searchParams, body, undefined));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    ...platform,
    url: `http://127.0.0.1:${port}${BASE_PATH}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  } as FakePlatform;
}
