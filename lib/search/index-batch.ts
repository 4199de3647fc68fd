import "server-only";
import type { Db } from "@/lib/db";
import { UNSEGMENTED } from "./query";

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

/** Whether a text has a script written without spaces (the substring index's rule, lib/search/query.ts). */
const isUnsegmentedText = (text: string | null) => text !== null && UNSEGMENTED.test(text);

/**
 * Inserts a batch of articles (`insert`, which returns their ids by any key) and indexes them for search, inside the
 * caller's transaction. On SQLite the word indexes get the whole batch in one statement, in search-key
 * order, instead of one trigger run per article: FTS5 writes a segment at every statement savepoint, and
 * SQLite opens one for every row whose trigger writes to a virtual table, so per-row indexing left one
 * segment per article for FTS5 to merge (migration 20261202000000_search_index_batches; 384 -> 176 µs per
 * article, docs/benchmarks.md). The row in "ArticleSearchBatch" tells the insert trigger to leave the
 * batch alone; it exists only inside this transaction. On PostgreSQL a trigger writes each article's
 * document to its search table and the GIN index has no segments per statement: `insert` runs as it is.
 *
 * `texts(key)` gives an inserted article's title and summary. The substring index holds only articles whose
 * title or summary has a script written without spaces (the view `ArticleSearchTrigramRows` says which, by
 * the same class as UNSEGMENTED): only those are offered to the view, which still decides. Offering every
 * article made SQLite evaluate the view for each of them, reading its row and deriving its body's text:
 * about 60 µs an article at 100,000.
 */
export async function insertIndexedBatch<K>(
  tx: Tx,
  provider: "sqlite" | "postgresql",
  insert: () => Promise<ReadonlyMap<K, number>>,
  texts: (key: K) => readonly (string | null)[],
): Promise<ReadonlyMap<K, number>> {
  if (provider !== "sqlite") return insert();
  await tx.$executeRawUnsafe(`INSERT INTO "ArticleSearchBatch" ("open") VALUES (1)`);
  const ids = await insert();
  await tx.$executeRawUnsafe(`DELETE FROM "ArticleSearchBatch"`);
  if (ids.size === 0) return ids;
  const unsegmented: number[] = [];
  for (const [key, id] of ids) if (texts(key).some(isUnsegmentedText)) unsegmented.push(id);
  // Each index from the view that says what its rows are (the same views the triggers read).
  for (const [index, rows, batch] of [
    ["ArticleSearch", "ArticleSearchStems", [...ids.values()]],
    ["ArticleSearchTrigram", "ArticleSearchTrigramRows", unsegmented],
  ] as const) {
    if (batch.length === 0) continue;
    await tx.$executeRawUnsafe(
      `INSERT INTO "${index}" ("rowid", "title", "summary", "bodyText")
       SELECT "searchKey", "title", "summary", "bodyText" FROM "${rows}"
       WHERE "id" IN (SELECT "value" FROM json_each(?)) ORDER BY "searchKey"`,
      JSON.stringify(batch),
    );
  }
  return ids;
}
