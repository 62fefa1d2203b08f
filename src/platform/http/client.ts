// The platform API client: one HTTP request per `call`, as the contract (src/platform/openapi.yaml) describes the
// operation: bearer token, per-request timeout (AbortSignal), `Idempotency-Key` on every write, JSON in and out,
// and every answer checked against the document before anyone uses it. Failures are PlatformHttpError with a code
// from the catalogue (PLATFORM_TIMEOUT, PLATFORM_UNAVAILABLE, PLATFORM_REJECTED, PLATFORM_BAD_RESPONSE), the HTTP
// status, Retry-After and whether another attempt may succeed. Retries are not made here: reads retry in
// `readWithRetries` (read-retries.ts), writes through the outbox (delivery.ts). Never logs, never puts a body
// value or the token into an error message.
import { AppError, type ErrorCode } from '../../errors/catalogue.ts';
import { platformContract, type ContractOperation } from './contract.ts';

export interface PlatformHttpOptions {
  /** PLATFORM_BASE_URL, without a trailing slash; every contract path is relative to it. */
  baseUrl: string;
  /** PLATFORM_API_TOKEN. */
  token: string;
  /** Per request (PLATFORM_TIMEOUT_MS); must stay below the outbox lease. */
  timeoutMs: number;
  /** Injected for tests; defaults to the global fetch. */
  fetch?: typeof fetch;
}

export interface CallInput {
  /** Path parameters, e.g. `{ number: 'K-1001' }`. */
  params?: Record<string, string>;
  query?: Record<string, string | undefined>;
  body?: unknown;
  /** Required for the contract's writes (they require the Idempotency-Key header). */
  idempotencyKey?: string;
}

export interface PlatformAnswer {
  status: number;
  /** The parsed JSON body (validated against the operation's response schema); undefined when there is none. */
  body: unknown;
}

/** Statuses the contract calls temporary: another attempt later may succeed. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 409 || status === 429 || status >= 500;
}

export interface PlatformHttpErrorInit {
  operation: string;
  /** English, without bodies or tokens. */
  reason: string;
  retryable: boolean;
  status?: number;
  /** The raw Retry-After header, when the answer had one. */
  retryAfter?: string;
  /** The platform's error code from an error body ({ code, message }), when it sent one. */
  platformCode?: string;
  cause?: unknown;
}

export class PlatformHttpError extends AppError {
  readonly operation: string;
  readonly reason: string;
  readonly retryable: boolean;
  readonly httpStatus: number | undefined;
  readonly retryAfter: string | undefined;
  readonly platformCode: string | undefined;

  constructor(code: ErrorCode, init: PlatformHttpErrorInit) {
    super(code, {
      detail: `${init.operation}: ${init.reason}`,
      cause: init.cause,
      details: { operation: init.operation, httpStatus: init.status, retryAfter: init.retryAfter, platformCode: init.platformCode, retryable: init.retryable },
    });
    this.name = 'PlatformHttpError';
    this.operation = init.operation;
    this.reason = init.reason;
    this.retryable = init.retryable;
    this.httpStatus = init.status;
    this.retryAfter = init.retryAfter;
    this.platformCode = init.platformCode;
  }
}

export function isPlatformHttpError(e: unknown): e is PlatformHttpError {
  return e instanceof PlatformHttpError;
}

export interface PlatformHttpClient {
  /** Exactly one request for the operation (by its operationId). Resolves only with a 2xx answer the contract allows. */
  call(operationId: string, input?: CallInput): Promise<PlatformAnswer>;
}

const USER_AGENT = 'staffelstab-platform-client';

function urlOf(baseUrl: string, op: ContractOperation, input: CallInput): string {
  const path = op.path.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const value = input.params?.[name];
    if (value === undefined || value === '') throw new PlatformHttpError('PLATFORM_REJECTED', { operation: op.operationId, reason: `path parameter ${name} missing`, retryable: false });
    return encodeURIComponent(value);
  });
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(input.query ?? {})) if (v !== undefined) query.set(k, v);
  const qs = query.toString();
  return `${baseUrl.replace(/\/+$/, '')}${path}${qs ? `?${qs}` : ''}`;
}

/** The platform's error code from an error body ({ code, message }); never the message text. */
function platformCodeOf(body: unknown): string | undefined {
  const code = body && typeof body === 'object' ? (body as { code?: unknown }).code : undefined;
  return typeof code === 'string' && /^[A-Za-z0-9_.-]{1,80}$/.test(code) ? code : undefined;
}

/** The system error code (ECONNREFUSED, ECONNRESET, ...) of fetch's failure or of its cause; else the error's name. */
function networkDetail(e: unknown): string {
  const codeOf = (v: unknown) => (v && typeof v === 'object' && typeof (v as { code?: unknown }).code === 'string' ? String((v as { code: string }).code).slice(0, 40) : undefined);
  return codeOf(e instanceof Error ? e.cause : undefined) ?? codeOf(e) ?? (e instanceof Error ? e.name : 'unknown');
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  if (text === '') return { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

export function createPlatformHttpClient(options: PlatformHttpOptions): PlatformHttpClient {
  const doFetch = options.fetch ?? fetch;
  const contract = platformContract();

  return {
    async call(operationId, input = {}) {
      const op = contract.operation(operationId);
      const fail = (code: ErrorCode, init: Omit<PlatformHttpErrorInit, 'operation'>) => new PlatformHttpError(code, { operation: operationId, ...init });
      if (op.requiresIdempotencyKey && !input.idempotencyKey) throw fail('PLATFORM_REJECTED', { reason: 'a write needs an Idempotency-Key', retryable: false });
      const headers: Record<string, string> = { authorization: `Bearer ${options.token}`, accept: 'application/json', 'user-agent': USER_AGENT };
      if (input.idempotencyKey) headers['idempotency-key'] = input.idempotencyKey;
      if (input.body !== undefined) headers['content-type'] = 'application/json';
      const url = urlOf(options.baseUrl, op, input);
      const signal = AbortSignal.timeout(options.timeoutMs);

      let res: Response;
      let text: string;
      try {
        res = await doFetch(url, { method: op.method, headers, body: input.body === undefined ? undefined : JSON.stringify(input.body), signal });
        text = await res.text();
      } catch (e) {
        if (signal.aborted) throw fail('PLATFORM_TIMEOUT', { reason: `no answer within ${options.timeoutMs} ms`, retryable: true, cause: e });
        throw fail('PLATFORM_UNAVAILABLE', { reason: `network error: ${networkDetail(e)}`, retryable: true, cause: e });
      }

      const retryAfter = res.headers.get('retry-after') ?? undefined;
      const parsed = parseJson(text);
      if (res.status >= 200 && res.status < 300) {
        if (!parsed.ok) throw fail('PLATFORM_BAD_RESPONSE', { reason: `HTTP ${res.status} with a body that is not JSON`, retryable: false, status: res.status });
        const valid = contract.validateResponse(operationId, res.status, parsed.value);
        if (!valid.ok) throw fail('PLATFORM_BAD_RESPONSE', { reason: `HTTP ${res.status} does not match the contract (${valid.problems.slice(0, 3).join('; ')})`, retryable: false, status: res.status });
        return { status: res.status, body: parsed.value };
      }
      const platformCode = parsed.ok ? platformCodeOf(parsed.value) : undefined;
      const what = `HTTP ${res.status}${platformCode ? ` (${platformCode})` : ''}${retryAfter ? `, Retry-After ${retryAfter}` : ''}`;
      if (isRetryableStatus(res.status)) throw fail('PLATFORM_UNAVAILABLE', { reason: `platform answered ${what}`, retryable: true, status: res.status, retryAfter, platformCode });
      throw fail('PLATFORM_REJECTED', { reason: `platform answered ${what}`, retryable: false, status: res.status, retryAfter, platformCode });
    },
  };
}
