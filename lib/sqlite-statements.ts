import "server-only";
import type { Database, Statement } from "better-sqlite3";
import { LRUCache } from "lru-cache";

/**
 * Prepared statements kept per SQLite connection. @prisma/adapter-better-sqlite3 (7.10, pinned) prepares
 * every query anew, which SQLite answers by parsing and planning the SQL again: 30–100 µs for the search's
 * statements, more for a multi-row INSERT, and about a tenth of a search request's time. Keeping them by
 * their text lets a request reuse what an earlier one planned. SQLite re-plans a kept statement by itself
 * when the schema changes.
 */
export const KEPT_STATEMENTS = 200;
/** Statements with inline values (the tag INSERTs) are unique per call: longer texts are not kept. */
export const MAX_KEPT_SQL_CHARS = 16_000;

/** What of a better-sqlite3 statement the adapter uses after `bind(args)` (or directly, for BEGIN). */
interface AdapterStatement {
  readonly reader: boolean;
  columns(): ReturnType<Statement["columns"]>;
  raw(): { all(): unknown[] };
  run(): ReturnType<Statement["run"]>;
}

/**
 * A kept statement for one call. better-sqlite3 binds parameters to a statement for good (`bind` works once
 * per statement), so the arguments are held here and passed on each run instead.
 */
function oneCall(statement: Statement<unknown[]>, args: unknown[] = []) {
  return {
    bind: (bound: unknown[]): AdapterStatement => oneCall(statement, bound),
    reader: statement.reader,
    columns: () => statement.columns(),
    raw: () => ({ all: () => statement.raw(true).all(...args) }),
    run: () => statement.run(...args),
  };
}

/** The kept statements of each connection that `keepPreparedStatements` was given. */
const keptByConnection = new WeakMap<object, (sql: string) => Statement<unknown[]>>();

/** Makes `database.prepare` (as the Prisma adapter calls it) reuse statements by their SQL text. */
export function keepPreparedStatements(database: Pick<Database, "prepare">): void {
  const prepare = database.prepare.bind(database);
  const kept = new LRUCache<string, Statement<unknown[]>>({ max: KEPT_STATEMENTS });
  const keptStatement = (sql: string) => {
    if (sql.length > MAX_KEPT_SQL_CHARS) return prepare<unknown[]>(sql);
    let statement = kept.get(sql);
    if (!statement) {
      statement = prepare<unknown[]>(sql);
      kept.set(sql, statement);
    }
    return statement;
  };
  keptByConnection.set(database, keptStatement);
  // The adapter calls prepare(sql).bind(args) and then reader, columns(), raw().all() or run(); and
  // prepare("BEGIN").run().
  database.prepare = ((sql: string) => oneCall(keptStatement(sql))) as unknown as Database["prepare"];
}

/** Whether a statement only reads (SQLite's sqlite3_stmt_readonly), prepared with the connection's kept statements. */
export function statementReadOnly(database: Pick<Database, "prepare">, sql: string): boolean {
  const keptStatement = keptByConnection.get(database);
  if (!keptStatement) throw new Error("the connection does not keep its statements");
  return keptStatement(sql).readonly;
}

/** Column names per statement (a statement's columns do not change while it is kept). */
const columnNames = new WeakMap<Statement<unknown[]>, string[]>();

/**
 * Runs a read statement with a connection's kept statements (`keepPreparedStatements`) and returns its rows
 * as objects by column name, with values as the Prisma adapter reads them from a connection with safe
 * integers: an integer as a number when it is exactly one, else as a bigint. Without Prisma's client in
 * between, which cost a rare-word search more than its statements did (docs/search.md).
 */
export function readKept(
  database: Pick<Database, "prepare">,
  sql: string,
  values: readonly unknown[],
): Record<string, unknown>[] {
  const keptStatement = keptByConnection.get(database);
  if (!keptStatement) throw new Error("the connection does not keep its statements");
  const statement = keptStatement(sql);
  let names = columnNames.get(statement);
  if (!names) columnNames.set(statement, (names = statement.columns().map((c) => c.name)));
  const rows = statement.raw(true).all(...values) as unknown[][];
  return rows.map((row) => {
    const object: Record<string, unknown> = {};
    for (let i = 0; i < names.length; i++) {
      const value = row[i];
      object[names[i]!] =
        typeof value === "bigint" && Number.isSafeInteger(Number(value)) ? Number(value) : value;
    }
    return object;
  });
}
