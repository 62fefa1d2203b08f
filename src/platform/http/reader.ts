// The PlatformReader over HTTP: lists clients, tasks since an instant and the Conny account's open items, following
// the contract's paging (`limit`, `cursor`, `nextCursor`). Each page is one read with its own bounded retries;
// every page was validated against the contract by the client, so the mapping below only converts types.
import type { components } from '../generated/openapi.ts';
import type { PlatformClient, PlatformInboxItem, PlatformReader, PlatformTask } from '../reader.ts';
import { isPlatformHttpError, type PlatformHttpClient } from './client.ts';
import { readWithRetries, type ReadRetryOptions } from './read-retries.ts';

type Schemas = components['schemas'];

/** The largest page the contract allows. */
export const PAGE_LIMIT = 500;
/** A platform that keeps returning cursors is broken: stop instead of reading forever. */
export const MAX_PAGES = 10_000;

export interface HttpReaderOptions extends ReadRetryOptions {
  pageLimit?: number;
}

export interface HttpPlatformReader extends PlatformReader {
  /** One client by number; null when the platform does not know it (404). */
  getClient(number: string): Promise<PlatformClient | null>;
}

const toClient = (c: Schemas['Client']): PlatformClient => ({ number: c.number, name: c.name, class: c.class, workType: c.workType, vpaEmail: c.vpaEmail });

export function createHttpReader(client: PlatformHttpClient, options: HttpReaderOptions = {}): HttpPlatformReader {
  const limit = String(options.pageLimit ?? PAGE_LIMIT);

  async function readAll<P extends { items: unknown[]; nextCursor: string | null }>(operationId: string, query: Record<string, string> = {}): Promise<P['items']> {
    const items: P['items'] = [];
    let cursor: string | undefined;
    for (let page = 0; page < MAX_PAGES; page++) {
      const answer = await readWithRetries(() => client.call(operationId, { query: { ...query, limit, cursor } }), options);
      const body = answer.body as P;
      items.push(...body.items);
      if (body.nextCursor === null) return items;
      cursor = body.nextCursor;
    }
    return items;
  }

  return {
    async listTasksSince(since: Date): Promise<PlatformTask[]> {
      const tasks = await readAll<Schemas['TaskPage']>('listTasks', { since: since.toISOString() });
      return tasks.map((t) => ({ id: t.id, clientNumber: t.clientNumber, createdAt: new Date(t.createdAt), title: t.title, competence: t.competence }));
    },
    async listConnyInbox(): Promise<PlatformInboxItem[]> {
      const items = await readAll<Schemas['InboxPage']>('listConnyInbox');
      return items.map((i) => ({ id: i.id, kind: i.kind, clientNumber: i.clientNumber, receivedAt: new Date(i.receivedAt), subject: i.subject }));
    },
    async listClients(): Promise<PlatformClient[]> {
      const clients = await readAll<Schemas['ClientPage']>('listClients');
      return clients.map(toClient);
    },
    async getClient(number: string): Promise<PlatformClient | null> {
      try {
        const answer = await readWithRetries(() => client.call('getClient', { params: { number } }), options);
        return toClient(answer.body as Schemas['Client']);
      } catch (e) {
        if (isPlatformHttpError(e) && e.httpStatus === 404) return null;
        throw e;
      }
    },
  };
}
