import "server-only";
import type { Db } from "@/lib/db";

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

/**
 * Inserts a batch of articles (`insert`, which returns their ids by any key) and indexes them for search, inside the
 * caller's transaction. On SQLite the word indexes get the whole batch in one statement, in search-key
 * order, instead of one trigger run per article: FTS5 writes a segment at every statement savepoint, and
 * SQLite opens one for every row whose trigger writes to a virtual table, so per-row indexing left one
 * segment per article for FTS5 to merge (migration 20261202000000_search_index_batches; 384 -> 176 µs per
 * article, docs/benchmarks.md). The row in "ArticleSearchBatch" tells the insert trigger to leave the
 * batch alone; it exists only inside this transaction. On PostgreSQL a trigger writes each article's
 * document to its search table and the GIN index has no segments per statement: `insert` runs as it is.
 */
export async function insertIndexedBatch<K>(
  tx: Tx,
  provider: "sqlite" | "postgresql",
  insert: () => Promise<ReadonlyMap<K, number>>,
): Promise<ReadonlyMap<K, number>> {
  if (provider !== "sqlite") return insert();
  await tx.$executeRawUnsafe(`INSERT INTO "ArticleSearchBatch" ("open") VALUES (1)`);
  const ids = await insert();
  await tx.$executeRawUnsafe(`DELETE FROM "ArticleSearchBatch"`);
  if (ids.size === 0) return ids;
  const batch = JSON.stringify([...ids.values()]);
  // Each index from the view that says what its rows are (the same views the triggers read).
  for (const [index, rows] of [
    ["ArticleSearch", "ArticleSearchStems"],
    ["ArticleSearchTrigram", "ArticleSearchTrigramRows"],
  ]) {
    await tx.$executeRawUnsafe(
      `INSERT INTO "${index}" ("rowid", "title", "summary", "bodyText")
       SELECT "searchKey", "title", "summary", "bodyText" FROM "${rows}"
       WHERE "id" IN (SELECT "value" FROM json_each(?)) ORDER BY "searchKey"`,
      batch,
    );
  }
  return ids;
}
