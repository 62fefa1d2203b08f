// Sends and updates activities through the Bot Connector REST API of a stored conversation reference
// (POST/PUT {serviceUrl}/v3/conversations/{id}/activities[/{activityId}]). Plain fetch, one request per
// call and no retries here: the outbox's retry policy (src/outbox) is the only one in effect. The SDK is
// used for tokens only (bot-token.ts). Every failure is a DeliveryError carrying the HTTP status and
// Retry-After, so src/outbox can decide between retry and dead letter.
import type { Activity, ConversationReference } from 'botbuilder';
import { DeliveryError } from '../../src/outbox/delivery-error.ts';
import type { TokenSource } from './bot-token.ts';

export interface ConnectorTransport {
  /** POST a new activity into the reference's conversation. */
  send(ref: ConversationReference, activity: Partial<Activity>): Promise<{ activityId: string }>;
  /** PUT (replace) an activity sent earlier into the same conversation. */
  update(ref: ConversationReference, activityId: string, activity: Partial<Activity>): Promise<void>;
}

export interface ConnectorTransportOptions {
  /** Bearer tokens for the connector. Absent: local mode, no Authorization header (as the Bot Framework Emulator expects). */
  tokens?: TokenSource;
  /** Per request; must stay well below the outbox lease (default 15 s). */
  timeoutMs?: number;
  /** Injected for tests; defaults to the global fetch. */
  fetch?: typeof fetch;
}

export const DEFAULT_CONNECTOR_TIMEOUT_MS = 15_000;
const USER_AGENT = 'staffelstab-outbox (botbuilder-js 4.23 REST)';
const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

function activitiesUrl(ref: ConversationReference, activityId?: string): URL {
  let base: URL;
  try {
    base = new URL(ref.serviceUrl);
  } catch {
    throw DeliveryError.permanent('conversation reference has no valid serviceUrl');
  }
  if (base.protocol !== 'https:' && base.protocol !== 'http:') throw DeliveryError.permanent('conversation reference has no valid serviceUrl');
  const conversationId = ref.conversation?.id;
  if (!conversationId) throw DeliveryError.permanent('conversation reference has no conversation id');
  const root = base.href.replace(/\/+$/, '');
  const path = `/v3/conversations/${encodeURIComponent(conversationId)}/activities${activityId === undefined ? '' : `/${encodeURIComponent(activityId)}`}`;
  return new URL(root + path);
}

/** The connector's error code from an error body ({ error: { code } }); never the message text. */
function errorCodeOf(body: string): string | undefined {
  try {
    const parsed = JSON.parse(body) as { error?: { code?: unknown } };
    const code = parsed?.error?.code;
    return typeof code === 'string' && /^[A-Za-z0-9_.-]{1,80}$/.test(code) ? code : undefined;
  } catch {
    return undefined;
  }
}

function networkDetail(e: unknown, timeoutMs: number): string {
  if (e instanceof Error && (e.name === 'TimeoutError' || e.name === 'AbortError')) return `request timed out after ${timeoutMs} ms`;
  const cause = e instanceof Error ? (e.cause as { code?: unknown } | undefined) : undefined;
  if (cause && typeof cause.code === 'string') return cause.code;
  return e instanceof Error ? e.name : 'unknown';
}

export function createConnectorTransport(options: ConnectorTransportOptions = {}): ConnectorTransport {
  const doFetch = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? DEFAULT_CONNECTOR_TIMEOUT_MS;
  const tokens = options.tokens;
  // After a 401 the next request asks for a fresh token instead of the cached one.
  let refreshToken = false;

  async function call(method: 'POST' | 'PUT', url: URL, activity: Partial<Activity>): Promise<string> {
    const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8', accept: 'application/json', 'user-agent': USER_AGENT };
    if (tokens) {
      // A bearer token goes only over TLS (or to this machine, for local test connectors).
      if (url.protocol !== 'https:' && !LOOPBACK.has(url.hostname)) throw DeliveryError.permanent('refusing to send a bot token to a non-https serviceUrl');
      let token: string;
      try {
        token = await tokens.getToken(refreshToken);
      } catch (e) {
        const code = (e as { errorCode?: unknown } | undefined)?.errorCode;
        throw DeliveryError.transient(`could not get a bot token${typeof code === 'string' ? ` (${code})` : ''}`, e);
      }
      refreshToken = false;
      headers.authorization = `Bearer ${token}`;
    }
    let res: Response;
    try {
      res = await doFetch(url, { method, headers, body: JSON.stringify(activity), signal: AbortSignal.timeout(timeoutMs) });
    } catch (e) {
      throw DeliveryError.network(networkDetail(e, timeoutMs), e);
    }
    let body: string;
    try {
      body = await res.text();
    } catch (e) {
      if (res.ok) throw DeliveryError.network(`answer body lost after HTTP ${res.status}: ${networkDetail(e, timeoutMs)}`, e);
      body = '';
    }
    if (!res.ok) {
      if (res.status === 401 && tokens) refreshToken = true;
      throw DeliveryError.http(res.status, res.headers.get('retry-after') ?? undefined, errorCodeOf(body));
    }
    return body;
  }

  return {
    async send(ref, activity) {
      const body = await call('POST', activitiesUrl(ref), activity);
      let id: unknown;
      try {
        id = body ? (JSON.parse(body) as { id?: unknown }).id : undefined;
      } catch {
        id = undefined;
      }
      // Some channels answer without an id; the message is out all the same (updates of it will go dead).
      return { activityId: typeof id === 'string' ? id : '' };
    },
    async update(ref, activityId, activity) {
      await call('PUT', activitiesUrl(ref, activityId), { ...activity, id: activityId });
    },
  };
}
