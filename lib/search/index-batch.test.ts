import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { sqlitePath } from "@/lib/db";
import { storeItems, ensureSource } from "@/lib/ingest/store";
import type { ArticleInput } from "@/lib/ingest/types";
import { useTestDatabase } from "@/lib/testing/databases";
import { registerSqliteFunctions } from "@/lib/sqlite-functions";

const HOUR = 3_600_000;
const T0 = Date.parse("2024-03-04T06:00:00Z");

/** A feed, newest first as feeds are, in several languages and scripts (some for the substring index). */
const items: ArticleInput[] = [
  ["en", "Ceasefire talks resume in Cairo", "Negotiators met in Cairo on Monday to resume ceasefire talks."],
  [
    "de",
    "Die Regierungen verhandeln über Zölle",
    "Die Regierungen in Berlin und Paris verhandelten am Montag.",
  ],
  ["fr", "Les élections régionales approchent", "Les électeurs voteront dimanche dans toutes les régions."],
  ["ja", "東京の天気は晴れ", "The weather in Tokyo was sunny, forecasters said."],
  ["th", "ข่าวไทย วันนี้", "News from Bangkok."],
  ["en", "Markets rally as rates hold", "Only the body quotes 中国经济, so only the word index holds it."],
  [null, "Flooding closes highways", "Rivers burst their banks after days of rain."],
].map(([language = null, title, body], i) => ({
  guid: `g${i}`,
  url: `https://batch.example/${i}`,
  title: title!,
  // The excerpt made from a body would carry its script into the summary: this one has its own.
  summary: i === 4 ? "摘要：中国经济" : i === 5 ? "Markets rallied." : null,
  bodyHtml: `<p>${body}</p>`,
  bodyText: body!,
  author: null,
  // Out of date order on purpose: the batch is indexed in search-key order whatever the feed's order.
  publishedAt: new Date(T0 - ((i * 5) % 7) * HOUR),
  dateEstimated: false,
  language,
}));

/** Every occurrence of every term in one of the word indexes: term, document, column and position. */
function occurrences(file: string, table: "ArticleSearch" | "ArticleSearchTrigram"): string[] {
  const db = new Database(file, { readonly: true });
  try {
    db.exec(`CREATE VIRTUAL TABLE temp."Vocab" USING fts5vocab(main, '${table}', 'instance')`);
    return (
      db.prepare(`SELECT "term", "doc", "col", "offset" FROM temp."Vocab"`).raw().all() as unknown[][]
    ).map((r) => r.join("\u0000"));
  } finally {
    db.close();
  }
}

describe("indexing an import's articles in one statement (SQLite)", () => {
  const batched = useTestDatabase("sqlite");
  const perRow = useTestDatabase("sqlite");

  it("gives both word indexes exactly the rows the per-article triggers give", async () => {
    const source = await ensureSource(batched.db, {
      name: "Batch Wire",
      feedUrl: "https://batch.example/feed",
    });
    expect(await storeItems(batched.db, source.id, items, new Date(T0))).toMatchObject({ new: items.length });
    const open = await batched.db.$queryRawUnsafe<{ n: number | bigint }[]>(
      `SELECT count(*) AS n FROM "ArticleSearchBatch"`,
    );
    expect(Number(open[0]?.n)).toBe(0);

    // The same rows inserted one statement each, outside an import: the triggers index them.
    const copy = new Database(sqlitePath(perRow.url));
    try {
      registerSqliteFunctions(copy);
      copy.exec(`ATTACH DATABASE '${sqlitePath(batched.url).replace(/'/g, "''")}' AS batched`);
      copy.exec(`INSERT INTO main."Source" SELECT * FROM batched."Source"`);
      // Every stored column (the generated "bodyText" is computed, not copied).
      const stored = (
        copy.prepare(`PRAGMA table_xinfo("Article")`).all() as { name: string; hidden: number }[]
      )
        .filter((c) => c.hidden === 0)
        .map((c) => `"${c.name}"`)
        .join(", ");
      for (const { id } of copy.prepare(`SELECT "id" FROM batched."Article" ORDER BY "id"`).all() as {
        id: number;
      }[])
        copy
          .prepare(
            `INSERT INTO main."Article" (${stored}) SELECT ${stored} FROM batched."Article" WHERE "id" = ?`,
          )
          .run(id);
    } finally {
      copy.close();
    }

    for (const table of ["ArticleSearch", "ArticleSearchTrigram"] as const) {
      const fromBatch = occurrences(sqlitePath(batched.url), table);
      expect(fromBatch.length).toBeGreaterThan(table === "ArticleSearch" ? 50 : 10);
      expect(fromBatch.sort()).toEqual(occurrences(sqlitePath(perRow.url), table).sort());
    }
    // German words are indexed by their German stems, and only titles and summaries in scripts written
    // without spaces reach the substring index.
    expect(
      occurrences(sqlitePath(batched.url), "ArticleSearch").some((o) => o.startsWith("regier\u0000")),
    ).toBe(true);
    const trigramDocs = new Set(
      occurrences(sqlitePath(batched.url), "ArticleSearchTrigram").map((o) => o.split("\u0000")[1]),
    );
    expect(trigramDocs.size).toBe(2);
  });
});
