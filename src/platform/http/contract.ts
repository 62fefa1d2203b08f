// The platform contract (src/platform/openapi.yaml) as data, read once: its operations (method, path template,
// request and response schemas) and ajv validators compiled from the document itself, so the shapes exist once.
// The HTTP client finds each operation here by its operationId and validates every answer before using it; the
// tests and the fake platform (test/support/fake-platform.ts) validate requests with the same document. Compile-time
// types come from src/platform/generated/openapi.ts, generated from the same file (`npm run platform:types`).
import fs from 'node:fs';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';

export const CONTRACT_FILE = new URL('../openapi.yaml', import.meta.url);
const DOCUMENT_ID = 'platform-openapi.yaml';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface ContractOperation {
  operationId: string;
  method: HttpMethod;
  /** The path template relative to the base URL, e.g. `/clients/{number}/chats`. */
  path: string;
  /** Writes: the Idempotency-Key header is required. */
  requiresIdempotencyKey: boolean;
  /** JSON pointer (within the document) of the request body's schema; undefined without a body. */
  requestSchema: string | undefined;
  /** Status -> JSON pointer of the response body's schema (undefined: no body, e.g. 204). */
  responses: Map<number, string | undefined>;
  /** Query parameter names the operation accepts, and which are required. */
  query: { name: string; required: boolean }[];
}

export type Validation = { ok: true } | { ok: false; problems: string[] };

export interface PlatformContract {
  readonly document: Record<string, unknown>;
  operation(operationId: string): ContractOperation;
  operations(): ContractOperation[];
  /** The operation a request's method and path (relative to the base URL) belong to, with its path parameters. */
  match(method: string, path: string): { operation: ContractOperation; params: Record<string, string> } | undefined;
  validateRequestBody(operationId: string, body: unknown): Validation;
  /** A documented status whose body matches its schema; an undocumented status is a problem too. */
  validateResponse(operationId: string, status: number, body: unknown): Validation;
  /** Any schema of components.schemas, e.g. `Client`. */
  validateSchema(name: string, value: unknown): Validation;
}

const METHODS: readonly HttpMethod[] = ['GET', 'POST', 'PUT', 'DELETE'];

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** "/items/0/vpaEmail must match format "email"": paths and rules only, never the values. */
function describe(errors: readonly ErrorObject[] | null | undefined): string[] {
  return [...new Set((errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? e.keyword}`))].slice(0, 20);
}

function escapePointer(s: string): string {
  return s.replace(/~/g, '~0').replace(/\//g, '~1');
}

function buildContract(): PlatformContract {
  const document = parse(fs.readFileSync(CONTRACT_FILE, 'utf8')) as Obj;
  const components = isObj(document.components) ? document.components : {};
  // Only this document's own parts are compiled (paths and components); `webhooks:` refers to
  // webhook-events.yaml, which src/platform/webhooks validates. strict: false because the root is OpenAPI, not a
  // schema (openapi, info, paths); the schemas themselves use JSON Schema 2020-12 keywords only.
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats(ajv);
  ajv.addSchema({ $id: DOCUMENT_ID, paths: document.paths, components }, DOCUMENT_ID);

  const resolve = (ref: unknown): unknown => {
    if (!isObj(ref) || typeof ref.$ref !== 'string' || !ref.$ref.startsWith('#/')) return ref;
    let node: unknown = document;
    for (const part of ref.$ref.slice(2).split('/')) node = isObj(node) ? node[part.replace(/~1/g, '/').replace(/~0/g, '~')] : undefined;
    return resolve(node);
  };

  const ops = new Map<string, ContractOperation>();
  const paths = isObj(document.paths) ? document.paths : {};
  for (const [path, item] of Object.entries(paths)) {
    if (!isObj(item)) continue;
    for (const method of METHODS) {
      const op = item[method.toLowerCase()];
      if (!isObj(op) || typeof op.operationId !== 'string') continue;
      const base = `#/paths/${escapePointer(path)}/${method.toLowerCase()}`;
      const params = (Array.isArray(op.parameters) ? op.parameters : []).map(resolve).filter(isObj);
      const body = resolve(op.requestBody);
      const requestSchema = isObj(body) && isObj(body.content) && isObj(body.content['application/json']) ? `${base}/requestBody/content/application~1json/schema` : undefined;
      const responses = new Map<number, string | undefined>();
      for (const [status, r] of Object.entries(isObj(op.responses) ? op.responses : {})) {
        const response = resolve(r);
        const json = isObj(response) && isObj(response.content) ? response.content['application/json'] : undefined;
        // A response given by $ref: point at the shared response's schema.
        const at = isObj(r) && typeof r.$ref === 'string' ? r.$ref : `${base}/responses/${status}`;
        responses.set(Number(status), isObj(json) ? `${at}/content/application~1json/schema` : undefined);
      }
      ops.set(op.operationId, {
        operationId: op.operationId,
        method,
        path,
        requiresIdempotencyKey: params.some((p) => p.in === 'header' && typeof p.name === 'string' && p.name.toLowerCase() === 'idempotency-key' && p.required === true),
        requestSchema,
        responses,
        query: params.filter((p) => p.in === 'query' && typeof p.name === 'string').map((p) => ({ name: String(p.name), required: p.required === true })),
      });
    }
  }

  const validators = new Map<string, ValidateFunction>();
  const validatorAt = (pointer: string): ValidateFunction => {
    let fn = validators.get(pointer);
    if (!fn) {
      fn = ajv.getSchema(`${DOCUMENT_ID}${pointer}`);
      if (!fn) throw new Error(`platform contract: no schema at ${pointer}`);
      validators.set(pointer, fn);
    }
    return fn;
  };
  const check = (pointer: string, value: unknown): Validation => {
    const fn = validatorAt(pointer);
    return fn(value) ? { ok: true } : { ok: false, problems: describe(fn.errors) };
  };
  const operation = (id: string): ContractOperation => {
    const op = ops.get(id);
    if (!op) throw new Error(`platform contract: no operation ${id}`);
    return op;
  };

  return {
    document,
    operation,
    operations: () => [...ops.values()],
    match(method, path) {
      const parts = path.split('/');
      for (const op of ops.values()) {
        if (op.method !== method.toUpperCase()) continue;
        const template = op.path.split('/');
        if (template.length !== parts.length) continue;
        const params: Record<string, string> = {};
        const same = template.every((t, i) => {
          const actual = parts[i] ?? '';
          const name = /^\{(.+)\}$/.exec(t)?.[1];
          if (name === undefined) return t === actual;
          if (actual === '') return false;
          params[name] = decodeURIComponent(actual);
          return true;
        });
        if (same) return { operation: op, params };
      }
      return undefined;
    },
    validateRequestBody(id, body) {
      const op = operation(id);
      if (!op.requestSchema) return body === undefined ? { ok: true } : { ok: false, problems: [`${id} takes no request body`] };
      return check(op.requestSchema, body);
    },
    validateResponse(id, status, body) {
      const op = operation(id);
      if (!op.responses.has(status)) return { ok: false, problems: [`${id} does not document HTTP ${status}`] };
      const pointer = op.responses.get(status);
      if (!pointer) return body === undefined || body === '' ? { ok: true } : { ok: false, problems: [`HTTP ${status} of ${id} has no body`] };
      return check(pointer, body);
    },
    validateSchema(name, value) {
      return check(`#/components/schemas/${escapePointer(name)}`, value);
    },
  };
}

let contract: PlatformContract | undefined;

/** The contract, read and compiled on first use. */
export function platformContract(): PlatformContract {
  contract ??= buildContract();
  return contract;
}
