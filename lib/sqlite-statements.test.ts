import Database from "better-sqlite3";
import { afterEach, beforeEach, expect, it, vi } from "vitest";
import { KEPT_STATEMENTS, keepPreparedStatements, MAX_KEPT_SQL_CHARS, readKept } from "./sqlite-statements";

let database: Database.Database;
let prepared: ReturnType<typeof vi.spyOn>;

beforeEach(() => {
  database = new Database(":memory:");
  database.exec("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT)");
  prepared = vi.spyOn(database, "prepare");
  keepPreparedStatements(database);
});
afterEach(() => database.close());

/** Runs a statement the way @prisma/adapter-better-sqlite3 does. */
function adapterQuery(sql: string, args: unknown[]): unknown[] {
  const statement = database.prepare(sql).bind(args);
  if (!statement.reader) {
    statement.run();
    return [];
  }
  return statement.raw().all();
}

it("prepares a statement once and runs it with each call's own arguments", () => {
  adapterQuery("INSERT INTO t (name) VALUES (?)", ["a"]);
  adapterQuery("INSERT INTO t (name) VALUES (?)", ["b"]);
  expect(adapterQuery("SELECT id, name FROM t WHERE name = ?", ["a"])).toEqual([[1, "a"]]);
  expect(adapterQuery("SELECT id, name FROM t WHERE name = ?", ["b"])).toEqual([[2, "b"]]);
  expect(
    database
      .prepare("SELECT name FROM t WHERE id = ?")
      .bind([2])
      .columns()
      .map((c) => c.name),
  ).toEqual(["name"]);
  // One real prepare per distinct text.
  expect(prepared).toHaveBeenCalledTimes(3);
});

it("runs the adapter's BEGIN, and a rolled-back write leaves nothing", () => {
  database.prepare("BEGIN").run();
  adapterQuery("INSERT INTO t (name) VALUES (?)", ["gone"]);
  database.prepare("ROLLBACK").run();
  database.prepare("BEGIN").run();
  database.prepare("COMMIT").run();
  expect(adapterQuery("SELECT count(*) FROM t", [])).toEqual([[0]]);
});

it("does not keep statements longer than MAX_KEPT_SQL_CHARS (inline values, used once)", () => {
  const values = Array.from({ length: 2_000 }, (_, i) => `('n${i}')`).join(", ");
  const sql = `INSERT INTO t (name) VALUES ${values}`;
  expect(sql.length).toBeGreaterThan(MAX_KEPT_SQL_CHARS);
  adapterQuery(sql, []);
  adapterQuery(sql.replace("'n0'", "'m0'"), []);
  expect(adapterQuery("SELECT count(*) FROM t", [])).toEqual([[4_000]]);
  expect(prepared).toHaveBeenCalledTimes(3);
});

it("keeps at most KEPT_STATEMENTS, the least recently used going first", () => {
  for (let i = 0; i <= KEPT_STATEMENTS; i++) adapterQuery(`SELECT ${i}`, []);
  expect(prepared).toHaveBeenCalledTimes(KEPT_STATEMENTS + 1);
  adapterQuery(`SELECT ${KEPT_STATEMENTS}`, []); // still kept
  expect(prepared).toHaveBeenCalledTimes(KEPT_STATEMENTS + 1);
  adapterQuery("SELECT 0", []); // the oldest, dropped
  expect(prepared).toHaveBeenCalledTimes(KEPT_STATEMENTS + 2);
});

it("reads rows by column name with the kept statements, integers as numbers where exact", () => {
  database.defaultSafeIntegers(true);
  adapterQuery("INSERT INTO t (name) VALUES (?)", ["a"]);
  const sql = "SELECT id, name, ? AS big, 2.5 AS real FROM t WHERE name = ?";
  const big = BigInt(2) ** BigInt(62);
  expect(readKept(database, sql, [big, "a"])).toEqual([{ id: 1, name: "a", big, real: 2.5 }]);
  expect(readKept(database, sql, [big, "b"])).toEqual([]);
  // The statement is the one the adapter's prepare keeps: prepared once for both reads and this query.
  expect(adapterQuery(sql, [1, "a"])).toEqual([[BigInt(1), "a", 1, 2.5]]);
  expect(prepared).toHaveBeenCalledTimes(2);
});

it("refuses a connection whose statements are not kept", () => {
  const other = new Database(":memory:");
  expect(() => readKept(other, "SELECT 1", [])).toThrow(/does not keep/);
  other.close();
});
