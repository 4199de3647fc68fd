import "server-only";
import path from "node:path";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import BetterSqlite3, { type Database, type Statement } from "better-sqlite3";
import { env, providerOf } from "@/lib/env";
import { registerSqliteFunctions } from "@/lib/sqlite-functions";
import { keepPreparedStatements, readKept, statementReadOnly } from "@/lib/sqlite-statements";
import type { Prisma } from "@/lib/generated/sqlite/client";
import { PrismaClient as SqliteClient } from "@/lib/generated/sqlite/client";
import { PrismaClient as PostgresClient } from "@/lib/generated/postgresql/client";

/**
 * The application's database client. Both generated clients are built from schemas that declare the
 * same models and fields (a test checks this), so the SQLite client's type describes either.
 */
export type Db = SqliteClient;

/** Resolves a `file:` URL relative to the working directory (the repo root), as prisma.config.ts does. */
export function sqlitePath(url: string): string {
  const file = url.replace(/^file:/, "").replace(/\?.*$/, "");
  return path.isAbsolute(file) ? file : path.resolve(process.cwd(), file);
}

/** How long a SQLite connection waits for another writer's lock before it reports SQLITE_BUSY. */
export const SQLITE_BUSY_TIMEOUT_MS = 10_000;

/**
 * SQLite's own page cache per connection, in MB (its default is 2 MB). At 100,000 articles the file is about
 * 1.2 GB and a search reads index pages all over it; with 64 MB kept, common-word searches took 10–15 % less
 * (docs/benchmarks.md). At most this much memory per connection; a client has two (WalSqliteAdapter).
 */
export const SQLITE_CACHE_MB = 64;

/** Sets up a connection as the app needs it: the functions the schema calls, kept statements, WAL. */
function prepareConnection(connection: Database): void {
  registerSqliteFunctions(connection);
  keepPreparedStatements(connection);
  connection.exec(
    `PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA cache_size = -${SQLITE_CACHE_MB * 1024}`,
  );
}

/** What of a query the adapter is given that says where it may run. */
interface AdapterQuery {
  sql: string;
}
/** The adapter's statement methods (its Queryable), as the client calls them. */
interface Queryable {
  queryRaw(query: AdapterQuery): Promise<unknown>;
  executeRaw(query: AdapterQuery): Promise<number>;
}
interface OpenedTransaction {
  commit(): Promise<void>;
  rollback(): Promise<void>;
}
interface ConnectedAdapter extends Queryable {
  startTransaction(isolationLevel?: string): Promise<OpenedTransaction>;
  dispose(): Promise<void>;
  adapterOptions?: unknown;
}

const READ_STATEMENT = /^\s*(SELECT|WITH)\b/i;

/**
 * The better-sqlite3 adapter, with a reading connection beside the adapter's own, both in WAL mode: readers
 * never wait for a poller's write transactions and the poller never waits for readers (the default rollback
 * journal blocks both).
 *
 * Two connections, because the adapter runs every statement of a process on one: a transaction holds it
 * between its statements, and a statement sent meanwhile outside the transaction (a page's search while
 * an admin's "poll now" stores a feed in the same process) would run inside it, reading what is not yet
 * committed and, for a write, being committed or rolled back with it. So statements outside transactions
 * that only read (SELECT or WITH that SQLite says is read-only) run on the reading connection, which sees
 * what is committed; writes outside transactions wait until no transaction is open (the adapter already
 * queues transactions), then run on the writing connection, as do reads the reading connection cannot
 * prepare. `readRows` reads on the reading connection. What belongs to one connection (a temporary table) is
 * best made and read inside one transaction.
 *
 * Each connection also gets the functions the schema calls (lib/sqlite-functions.ts) and keeps its prepared
 * statements (lib/sqlite-statements.ts). `synchronous = NORMAL` is SQLite's advice for WAL: a commit no
 * longer waits for the disk, only checkpoints do; a crash of the process loses nothing, a power cut at most
 * the last commits. The page cache is SQLITE_CACHE_MB per connection.
 */
class WalSqliteAdapter extends PrismaBetterSqlite3 {
  /**
   * The connections of the last connect() (Prisma connects a client once, lazily): the adapter's, which
   * writes and holds transactions, with `sqliteBulkWriter`'s statements, and the reading one.
   */
  connections: { writer: Database; reader: Database; statements: Map<string, Statement> } | null = null;

  constructor(private readonly file: string) {
    super({ url: file, timeout: SQLITE_BUSY_TIMEOUT_MS });
  }

  override async connect() {
    const adapter = (await super.connect()) as unknown as ConnectedAdapter;
    // The adapter keeps its better-sqlite3 connection in `client` (not in its types; the version is pinned).
    const client = (adapter as unknown as { client?: Database }).client;
    if (!client?.function) throw new Error("@prisma/adapter-better-sqlite3 no longer exposes its connection");
    prepareConnection(client);
    const reader = new BetterSqlite3(this.file, { timeout: SQLITE_BUSY_TIMEOUT_MS });
    // As the adapter opens its own: integers past 2^53 stay exact.
    reader.defaultSafeIntegers(true);
    prepareConnection(reader);
    this.connections = { writer: client, reader, statements: new Map() };
    // The adapter's class, on the reading connection: the same mapping of rows to the client's values.
    const AdapterClass = adapter.constructor as new (client: Database, options: unknown) => Queryable;
    const reading = new AdapterClass(reader, adapter.adapterOptions);
    const readOnly = (sql: string) => {
      if (!READ_STATEMENT.test(sql)) return false;
      try {
        return statementReadOnly(reader, sql);
      } catch {
        // Not preparable there (a temporary table of the writing connection, or an error): the writing
        // connection runs it, and the adapter reports its error as it reports any other.
        return false;
      }
    };

    // The one transaction open on the writing connection, settled when it commits or rolls back.
    let open: Promise<void> | null = null;
    const noTransaction = async () => {
      while (open) await open;
    };
    const startTransaction = adapter.startTransaction.bind(adapter);
    adapter.startTransaction = async (isolationLevel) => {
      const transaction = await startTransaction(isolationLevel);
      let close!: () => void;
      const closed = new Promise<void>((resolve) => (close = resolve));
      open = closed;
      const settle =
        <T>(end: () => Promise<T>) =>
        () => {
          if (open === closed) open = null;
          close();
          return end();
        };
      transaction.commit = settle(transaction.commit.bind(transaction));
      transaction.rollback = settle(transaction.rollback.bind(transaction));
      return transaction;
    };
    const queryRaw = adapter.queryRaw.bind(adapter);
    const executeRaw = adapter.executeRaw.bind(adapter);
    adapter.queryRaw = async (query) => {
      if (readOnly(query.sql)) return reading.queryRaw(query);
      await noTransaction();
      return queryRaw(query);
    };
    adapter.executeRaw = async (query) => {
      await noTransaction();
      return executeRaw(query);
    };
    const dispose = adapter.dispose.bind(adapter);
    adapter.dispose = async () => {
      reader.close();
      await dispose();
    };
    return adapter as unknown as Awaited<ReturnType<PrismaBetterSqlite3["connect"]>>;
  }
}

const sqliteAdapters = new WeakMap<object, WalSqliteAdapter>();
/** Bulk statements kept per connection (an import uses two or three texts: full chunks and the last one). */
const KEPT_BULK_STATEMENTS = 16;

/** A value as @prisma/adapter-better-sqlite3 binds it (its mapArg): dates as ISO 8601 text with "+00:00", booleans as 0 and 1. */
export type SqliteBindable = string | number | bigint | Buffer | null;
export function sqliteValue(value: string | number | bigint | boolean | Date | null): SqliteBindable {
  if (value instanceof Date) return value.toISOString().replace("Z", "+00:00");
  if (typeof value === "boolean") return value ? 1 : 0;
  return value;
}

/**
 * Runs one statement with bound values straight on a SQLite connection; returns its rows (a SELECT's, or
 * RETURNING's) as arrays in column order. `keep` (default true): prepare the text once and keep it; false
 * for a text made for one call (values written into it as checked literals), which would only push out
 * the kept ones.
 */
export type SqliteBulkWriter = (
  sql: string,
  values: readonly SqliteBindable[],
  keep?: boolean,
) => unknown[][];

/**
 * For a SQLite client made by `createDb` that has connected: runs statements straight on its connection,
 * which, called inside one of the client's transactions, are part of that transaction (the adapter runs a
 * transaction on its single connection and holds it for the transaction's callback). For an import's
 * multi-row INSERT of article texts: Prisma's client passes a raw query's parameters through
 * JSON.stringify and JSON.parse, which for the texts of a feed (megabytes) was a tenth of the writer's time
 * at 100,000 articles (docs/benchmarks.md). Null on PostgreSQL, or before the client has connected.
 */
export function sqliteBulkWriter(db: Db): SqliteBulkWriter | null {
  const connections = sqliteAdapters.get(db)?.connections;
  if (!connections) return null;
  const { writer: connection, statements: kept } = connections;
  // The connection's own prepare: `keepPreparedStatements` replaced the instance's with the adapter's wrapper.
  const { prepare } = Object.getPrototypeOf(connection) as Pick<Database, "prepare">;
  return (sql, values, keep = true) => {
    let statement = kept.get(sql);
    if (!statement) {
      statement = prepare.call(connection, sql);
      if (keep) {
        if (kept.size >= KEPT_BULK_STATEMENTS) kept.clear();
        kept.set(sql, statement);
      }
    }
    return statement.reader
      ? (statement.raw(true).all(...values) as unknown[][])
      : (statement.run(...values), []);
  };
}

/**
 * Multi-row INSERT of bound rows on SQLite (`write`: sqliteBulkWriter), `perStatement` rows per statement:
 * `head` is `INSERT INTO "T" ("a", "b")`, `tail` what follows the VALUES (ON CONFLICT, RETURNING). Full
 * statements are one text, prepared once and kept; binding values costs SQLite far less than parsing them
 * as literals. Returns the rows RETURNING gave.
 */
export function sqliteInsertRows(
  write: SqliteBulkWriter,
  head: string,
  rows: readonly (readonly SqliteBindable[])[],
  perStatement: number,
  tail = "",
): unknown[][] {
  const returned: unknown[][] = [];
  for (let i = 0; i < rows.length; i += perStatement) {
    const chunk = rows.slice(i, i + perStatement);
    const placeholders = `(${chunk[0]!.map(() => "?").join(", ")})`;
    const sql = `${head} VALUES ${chunk.map(() => placeholders).join(", ")} ${tail}`;
    for (const row of write(sql, chunk.flat(), chunk.length === perStatement)) returned.push(row);
  }
  return returned;
}

/** A count or integer of a raw read (`readRows`, `$queryRaw`: bigint, number or null) as a number. */
export const num = (value: unknown): number => Number(value ?? 0);
/** A nullable integer column of a raw read as a number or null. */
export const numOrNull = (value: unknown): number | null => (value === null ? null : num(value));

/**
 * Runs a read statement (Prisma's `sql` tag) and returns its rows, as `db.$queryRaw` would. On SQLite, once
 * the client has connected, straight on its reading connection with its kept statements
 * (lib/sqlite-statements.ts): Prisma's client cost a rare-word search more than its statements did (0.3 ms a
 * statement here against 0.02 ms). Values are bound as the adapter binds them (`sqliteValue`); integers come
 * back as numbers, or as bigints past 2^53 (where `$queryRaw` gives bigints for every integer: callers accept
 * both). Like the client's reads outside a transaction, it sees what is committed (WalSqliteAdapter).
 */
export async function readRows<T>(db: Db, statement: Prisma.Sql): Promise<T[]> {
  const connection = sqliteAdapters.get(db)?.connections?.reader;
  // Not connected yet, or disconnected: Prisma connects (again) on its first statement.
  if (!connection?.open) return db.$queryRaw<T[]>(statement);
  const values = statement.values.map((v) => sqliteValue(v as Parameters<typeof sqliteValue>[0]));
  const listener = queryListeners.get(db);
  if (!listener) return readKept(connection, statement.sql, values) as T[];
  const started = performance.now();
  const rows = readKept(connection, statement.sql, values) as T[];
  listener({
    query: statement.sql,
    params: JSON.stringify(values, (_, v: unknown) => (typeof v === "bigint" ? v.toString() : v)),
    duration: performance.now() - started,
  });
  return rows;
}

/** How long a PostgreSQL statement (or transaction) may wait for a free connection from the pool. */
export const POOL_WAIT_MS = 60_000;

/**
 * The provider of a client, for code that is given one (an import writes through whichever it is given).
 * Prisma keeps it on the client as `_activeProvider` (not in its types; the version is pinned).
 */
export function providerOfDb(db: Db): "sqlite" | "postgresql" {
  const provider = (db as unknown as { _activeProvider?: unknown })._activeProvider;
  if (provider === "sqlite" || provider === "postgresql") return provider;
  throw new Error(`Prisma no longer tells a client's provider (_activeProvider: ${String(provider)})`);
}

/** An article write's data, without the text SQLite derives from `bodyHtml`. */
function withoutBodyText<T>(data: T): T {
  if (Array.isArray(data)) return data.map(withoutBodyText) as T;
  if (data === null || typeof data !== "object" || !("bodyText" in data)) return data;
  const { bodyText: _derived, ...rest } = data as Record<string, unknown>;
  return rest as T;
}

const WRITE_ARGS = ["data", "create", "update"] as const;

/**
 * On SQLite `Article.bodyText` is a generated column, the text of `bodyHtml` (lib/articles/body-text.ts,
 * migration 20261204000000_body_text_derived), which no statement may write: the client's article writes
 * leave it out, so that code written for both databases passes it as PostgreSQL needs it. (Raw SQL
 * inserts name their columns themselves: lib/ingest/store.ts.)
 */
function withDerivedBodyText(client: SqliteClient): Db {
  return client.$extends({
    query: {
      article: {
        $allOperations({ args, query }) {
          const written = args as Record<string, unknown>;
          for (const key of WRITE_ARGS) if (key in written) written[key] = withoutBodyText(written[key]);
          return query(args);
        },
      },
    },
  }) as unknown as Db;
}

/** A statement the client sent, for profiling scripts: its SQL, its parameters (JSON) and its milliseconds. */
interface QueryEvent {
  query: string;
  params: string;
  duration: number;
}

/** The `onQuery` of a SQLite client, which also hears the statements `readRows` runs past Prisma. */
const queryListeners = new WeakMap<object, (e: QueryEvent) => void>();

/**
 * Creates a client for a database URL; callers own its lifetime (scripts and tests). `onQuery` hears every
 * statement (scripts/profile-search.ts); the app listens to none.
 */
export function createDb(
  url: string = env.DATABASE_URL,
  { onQuery }: { onQuery?: (e: QueryEvent) => void } = {},
): Db {
  const log = onQuery ? [{ emit: "event" as const, level: "query" as const }] : [];
  if (providerOf(url) === "sqlite") {
    const adapter = new WalSqliteAdapter(sqlitePath(url));
    const base = new SqliteClient({ adapter, log });
    // Listened to before the extension below, whose client has no $on.
    if (onQuery) base.$on("query", onQuery);
    const client = withDerivedBodyText(base);
    sqliteAdapters.set(client, adapter);
    if (onQuery) queryListeners.set(client, onQuery);
    return client;
  }
  // A bounded pool. The connect timeout also bounds the wait for a free connection, so it is generous: under
  // load a request may queue behind others. An unreachable server is caught earlier, by proxy.ts's probe.
  // JIT compilation off: a search's statements over tens of thousands of matches pass its cost threshold and
  // spend more compiling than they save (q=people&region=europe's facets: 108-118 ms with, 59-62 without;
  // docs/search.md). An `options` parameter in the URL replaces this one.
  const adapter = new PrismaPg({
    connectionString: url,
    max: env.DATABASE_POOL_SIZE,
    connectionTimeoutMillis: POOL_WAIT_MS,
    options: "-c jit=off",
  });
  const client = new PostgresClient({ adapter, log });
  if (onQuery) client.$on("query", onQuery);
  return client as unknown as Db;
}

const globalForDb = globalThis as unknown as { dispatchDb?: Db };

/** The process-wide client (one per process, reused across hot reloads in development). */
export const db: Db = globalForDb.dispatchDb ?? createDb();
if (process.env.NODE_ENV !== "production") globalForDb.dispatchDb = db;
