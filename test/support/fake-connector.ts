// A fake Bot Connector for tests: an in-process HTTP server on 127.0.0.1 (random port) that answers the
// /v3/conversations routes the bot calls. Use its `url` as the serviceUrl of activities and stored
// conversation references.
//
//   const connector = await startFakeConnector();
//   ... connector.url                      -> 'http://127.0.0.1:PORT/'
//   connector.requests                     -> every request, in arrival order (method, path, headers, body, status)
//   connector.deliveries()                 -> POST/PUT of activities that were answered 2xx (a message "arrived")
//   connector.failNext(2, { status: 429, retryAfter: '1' })   -> the next 2 requests fail like that
//   connector.failNext(1, { status: 0 })   -> the next request gets its connection destroyed (network error)
//   connector.setDelay(50)                 -> answer every request after 50 ms
//   connector.hold(30) / holdFrom(30)      -> request #30 (or #30 and later) is not answered until release()
//   connector.setMembers('conv-1', [{ id: '29:a', name: 'A', aadObjectId: '...' }])
//   await connector.waitFor(() => connector.deliveries().length === 3)
//   await connector.close()
//
// Routes: POST /v3/conversations (create -> { id }), POST /v3/conversations/:id/activities (-> { id }),
// POST /v3/conversations/:id/activities/:replyToId (reply -> { id }), PUT .../activities/:activityId
// (-> { id }), DELETE .../activities/:activityId, GET /v3/conversations/:id/members, /pagedmembers,
// /members/:memberId. Anything else: 404 { error: { code: 'NotFound' } }.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  /** 1-based arrival number over all requests. */
  seq: number;
  method: string;
  /** Raw request path (conversation ids are percent-encoded in it). */
  path: string;
  /** Decoded route parameters, when the route has them. */
  conversationId: string | undefined;
  activityId: string | undefined;
  headers: http.IncomingHttpHeaders;
  /** Parsed JSON body (undefined when there was none). */
  body: unknown;
  /** Status answered; undefined while held, or when the client went away before the answer. */
  status: number | undefined;
  /** True once the answer was written completely to a live connection. */
  answered: boolean;
  /** True when the client closed the connection before it was answered (e.g. it was killed while held). */
  clientGone: boolean;
}

/** `status: 0` destroys the connection without an answer (the client sees a network error). */
export interface FailureSpec {
  status: number;
  retryAfter?: string;
  body?: unknown;
}

export interface Member {
  id: string;
  name?: string;
  aadObjectId?: string;
  [key: string]: unknown;
}

export interface FakeConnector {
  readonly url: string;
  readonly requests: RecordedRequest[];
  /** POST/PUT of activities (send, reply, update) that were answered 2xx. */
  deliveries(): RecordedRequest[];
  failNext(count: number, failure: FailureSpec, match?: (r: RecordedRequest) => boolean): void;
  setDelay(ms: number): void;
  hold(seq: number): void;
  holdFrom(seq: number): void;
  /** Answers every held request (and stops holding). */
  release(): void;
  /** Requests currently held. */
  heldCount(): number;
  setMembers(conversationId: string, members: Member[]): void;
  /** Resolves when `predicate` holds; rejects after `timeoutMs` (default 10 s) with `what` in the message. */
  waitFor(predicate: () => boolean, timeoutMs?: number, what?: string): Promise<void>;
  close(): Promise<void>;
}

type Answer = { status: number; body?: unknown; headers?: Record<string, string> } | { destroy: true };

const ACTIVITIES = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?\/?$/;
const MEMBERS = /^\/v3\/conversations\/([^/]+)\/(members|pagedmembers)(?:\/([^/]+))?\/?$/;

export async function startFakeConnector(): Promise<FakeConnector> {
  const requests: RecordedRequest[] = [];
  const failures: { failure: FailureSpec; match: (r: RecordedRequest) => boolean }[] = [];
  const members = new Map<string, Member[]>();
  const holdSeqs = new Set<number>();
  let holdFromSeq = Number.POSITIVE_INFINITY;
  const held: (() => void)[] = [];
  let delayMs = 0;
  let seq = 0;
  let nextId = 0;

  function route(r: RecordedRequest, path: string): Answer {
    const act = ACTIVITIES.exec(path);
    if (act) {
      const body = (r.body ?? {}) as { id?: unknown };
      if (r.method === 'POST') return { status: 200, body: { id: `activity-${++nextId}` } };
      if (r.method === 'PUT' && act[2]) return { status: 200, body: { id: typeof body.id === 'string' ? body.id : decodeURIComponent(act[2]) } };
      if (r.method === 'DELETE' && act[2]) return { status: 200, body: {} };
    }
    if (path === '/v3/conversations' && r.method === 'POST') return { status: 200, body: { id: `conversation-${++nextId}`, activityId: `activity-${++nextId}` } };
    const mem = MEMBERS.exec(path);
    if (mem && r.method === 'GET') {
      const list = members.get(decodeURIComponent(mem[1] ?? '')) ?? [];
      if (mem[3]) {
        const one = list.find((m) => m.id === decodeURIComponent(mem[3] ?? ''));
        return one ? { status: 200, body: one } : { status: 404, body: { error: { code: 'MemberNotFoundInConversation', message: 'member not found' } } };
      }
      return { status: 200, body: mem[2] === 'pagedmembers' ? { members: list } : list };
    }
    return { status: 404, body: { error: { code: 'NotFound', message: `no fake route for ${r.method} ${path}` } } };
  }

  function answer(req: http.IncomingMessage, res: http.ServerResponse, r: RecordedRequest, a: Answer): void {
    if (req.socket.destroyed || res.destroyed) return; // the client went away: nothing arrives
    if ('destroy' in a) {
      req.socket.destroy();
      return;
    }
    r.status = a.status;
    res.on('finish', () => {
      r.answered = true;
    });
    const payload = a.body === undefined ? '' : JSON.stringify(a.body);
    res.writeHead(a.status, { 'content-type': 'application/json; charset=utf-8', ...a.headers });
    res.end(payload);
  }

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      let body: unknown;
      try {
        body = raw ? JSON.parse(raw) : undefined;
      } catch {
        body = raw;
      }
      const path = (req.url ?? '/').split('?')[0] ?? '/';
      const act = ACTIVITIES.exec(path) ?? MEMBERS.exec(path);
      const r: RecordedRequest = {
        seq: ++seq,
        method: req.method ?? 'GET',
        path,
        conversationId: act?.[1] ? decodeURIComponent(act[1]) : undefined,
        activityId: act && ACTIVITIES.test(path) && act[2] ? decodeURIComponent(act[2]) : undefined,
        headers: req.headers,
        body,
        status: undefined,
        answered: false,
        clientGone: false,
      };
      requests.push(r);
      res.on('close', () => {
        if (!res.writableFinished) r.clientGone = true;
      });

      let a: Answer;
      const i = failures.findIndex((f) => f.match(r));
      if (i >= 0) {
        const { failure } = failures.splice(i, 1)[0]!;
        a =
          failure.status === 0
            ? { destroy: true }
            : {
                status: failure.status,
                body: failure.body ?? { error: { code: `Http${failure.status}`, message: 'fake failure' } },
                headers: failure.retryAfter === undefined ? undefined : { 'retry-after': failure.retryAfter },
              };
      } else {
        a = route(r, path);
      }
      const go = () => answer(req, res, r, a);
      if (holdSeqs.has(r.seq) || r.seq >= holdFromSeq) held.push(go);
      else if (delayMs > 0) setTimeout(go, delayMs);
      else go();
    });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/`,
    requests,
    deliveries: () => requests.filter((r) => r.answered && (r.method === 'POST' || r.method === 'PUT') && ACTIVITIES.test(r.path) && r.status !== undefined && r.status >= 200 && r.status < 300),
    failNext(count, failure, match = () => true) {
      for (let i = 0; i < count; i++) failures.push({ failure, match });
    },
    setDelay(ms) {
      delayMs = ms;
    },
    hold(s) {
      holdSeqs.add(s);
    },
    holdFrom(s) {
      holdFromSeq = s;
    },
    release() {
      holdSeqs.clear();
      holdFromSeq = Number.POSITIVE_INFINITY;
      for (const go of held.splice(0)) go();
    },
    heldCount: () => held.length,
    setMembers(conversationId, list) {
      members.set(conversationId, list);
    },
    async waitFor(predicate, timeoutMs = 10_000, what = 'condition') {
      const until = Date.now() + timeoutMs;
      while (!predicate()) {
        if (Date.now() > until) throw new Error(`fake connector: timed out waiting for ${what}`);
        await new Promise((r) => setTimeout(r, 10));
      }
    },
    async close() {
      held.length = 0;
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
