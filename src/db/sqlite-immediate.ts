// SQLite transactions that take the write lock when they begin (BEGIN IMMEDIATE) instead of at their first write.
//
// The CLI and the server share one SQLite file (CONTRACT.md: every command works while the server runs). Prisma's
// SQLite adapter begins transactions DEFERRED: a transaction reads, another process commits, and the first one's
// write then fails at once with SQLITE_BUSY_SNAPSHOT (the busy timeout does not apply to it), so `tick --now` next to
// the server's scheduler failed jobs at random. Taking the lock at BEGIN makes the second process wait (busy timeout)
// and then see the first one's work. SQLite has one writer at a time anyway; our transactions are short.
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';

type Factory = PrismaBetterSqlite3;
type Adapter = Awaited<ReturnType<Factory['connect']>>;

/** The statement preparer of better-sqlite3, the only thing this wrapper touches. */
interface Preparer {
  prepare(sql: string): unknown;
}

function hasPreparer(value: unknown): value is Preparer {
  return typeof value === 'object' && value !== null && typeof (value as { prepare?: unknown }).prepare === 'function';
}

/** The adapter factory for `file` whose transactions begin IMMEDIATE. */
export function immediateSqliteAdapter(config: ConstructorParameters<typeof PrismaBetterSqlite3>[0]): Factory {
  const factory = new PrismaBetterSqlite3(config);
  const connect = factory.connect.bind(factory);
  factory.connect = async (): Promise<Adapter> => {
    const adapter = await connect();
    const client: unknown = (adapter as unknown as { client?: unknown }).client;
    if (!hasPreparer(client)) throw new Error('SQLite adapter without a better-sqlite3 client: cannot make transactions IMMEDIATE');
    const prepare = client.prepare.bind(client);
    client.prepare = (sql: string) => prepare(sql === 'BEGIN' ? 'BEGIN IMMEDIATE' : sql);
    return adapter;
  };
  return factory;
}
