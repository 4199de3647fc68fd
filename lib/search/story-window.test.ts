import { afterEach, beforeAll, expect, it } from "vitest";
import { parseListParams } from "@/lib/articles/params";
import { addSource } from "@/lib/ingest/sources";
import { storeItems } from "@/lib/ingest/store";
import { articleInput } from "@/lib/testing/articles";
import { describeEachProvider, useTestDatabase } from "@/lib/testing/databases";
import { POSTGRES_LIMITS, searchPostgres } from "./postgres";
import { searchSqlite, SQLITE_LIMITS } from "./sqlite";

// Over very many matches (on SQLite: when the article total is an estimate; on PostgreSQL: past
// storyWindowMatches), a list grouped by story takes its page from the newest matches alone and estimates the
// number of stories (lib/search/stories.ts, estimatedStories). Lowering each engine's limit takes that path
// with little data: every page must be the page the exact statement gives, and the estimate is flagged.
// The same limits also send PostgreSQL's newest-first pages through the key-index walk that large archives
// take (POSTGRES_LIMITS.fewMatches): article pages must not change either.
const NOW = new Date("2026-11-25T12:00:00Z");
const DAY = 86_400_000;
// Titles with and without the word and bodies that repeat it, so that ranking by relevance and listing by
// date give different orders.
const ITEMS = Array.from({ length: 48 }, (_, i) =>
  articleInput({
    guid: `window-${i}`,
    title: `${i % 2 === 0 ? "Harbour" : "Port"} report ${i} ${["kelp", "tugs", "cranes", "gulls"][i % 4]}`,
    body:
      (i % 3 === 0 ? "The harbour of Lima, Peru," : "The harbour of Lisbon, Portugal,") +
      ` counted ${i * 7} containers.` +
      " Harbour crews worked late.".repeat(i % 4),
    publishedAt: new Date(NOW.getTime() - ((i * 37) % 90) * DAY - i * 60_000),
  }),
);
/** Stories of several articles, by item index (the rest stand alone). */
const STORIES = [
  [1, 2, 4, 5],
  [7, 8, 10],
  [13, 14],
  [20, 22, 23, 25, 26],
];
const QUERIES = ["q=harbour&region=europe", "q=harbour&region=europe&sort=newest", "region=europe"];

/**
 * Sets the engine's limits as a large archive would meet them (the windowed path for stories; on
 * PostgreSQL also the key-index walk for newest-first pages); returns how to undo it.
 */
function takeLargeArchivePath(provider: "sqlite" | "postgresql"): () => void {
  if (provider === "sqlite") {
    const original = { ...SQLITE_LIMITS };
    SQLITE_LIMITS.exactLookups = 1;
    return () => Object.assign(SQLITE_LIMITS, original);
  }
  const original = { ...POSTGRES_LIMITS };
  Object.assign(POSTGRES_LIMITS, { storyWindowMatches: 1, fewMatches: 0 });
  return () => Object.assign(POSTGRES_LIMITS, original);
}

await describeEachProvider("lists over very many matches", ({ provider }) => {
  const t = useTestDatabase(provider);
  // Straight to the engine: browsing through searchArticles would be served from the list cache.
  const engine = provider === "sqlite" ? searchSqlite : searchPostgres;
  const search = (query: string) => engine(t.db, parseListParams(new URLSearchParams(query)).params, NOW);
  let restore = () => {};

  beforeAll(async () => {
    const source = await addSource(t.db, { feedUrl: "https://window.example/feed.xml", name: "Window Wire" });
    await storeItems(t.db, source.id, ITEMS, NOW);
    const ids = new Map(
      (await t.db.article.findMany({ select: { id: true, guid: true } })).map((a) => [a.guid, a.id]),
    );
    await t.db.article.updateMany({ data: { storyId: null } });
    for (const members of STORIES) {
      const articleIds = members.map((i) => ids.get(`window-${i}`)!);
      await t.db.article.updateMany({ where: { id: { in: articleIds } }, data: { storyId: articleIds[0]! } });
    }
  }, 60_000);

  afterEach(() => restore());

  /** Every page of a list state: its items' ids, and each page's total and flag. */
  async function pages(query: string) {
    const out: { ids: number[]; total: number; approximate: boolean }[] = [];
    for (let page = 1; page <= 20; page++) {
      const r = await search(`${query}&pageSize=5&page=${page}`);
      out.push({ ids: r.items.map((i) => i.id), total: r.total, approximate: r.totalApproximate });
      if (r.items.length < 5) break;
    }
    return out;
  }

  for (const query of QUERIES) {
    it(`${query}: the same pages, the number of stories flagged as an estimate`, async () => {
      const exact = await pages(query);
      if (query.includes("q=") && !query.includes("sort=newest"))
        expect(exact.flatMap((p) => p.ids)).not.toEqual(
          (await pages(`${query}&sort=newest`)).flatMap((p) => p.ids),
        );
      restore = takeLargeArchivePath(provider);
      const windowed = await pages(query);
      expect(windowed.map((p) => p.ids)).toEqual(exact.map((p) => p.ids));
      expect(exact.every((p) => !p.approximate)).toBe(true);
      // Full pages come from the window, estimated (here the window holds every match, so the estimate is
      // the exact number); the last, partial page falls back to the exact statement.
      expect(windowed.slice(0, -1).every((p) => p.approximate)).toBe(true);
      expect(windowed.at(-1)!.approximate).toBe(false);
      // 32 European articles (two in three), 14 of them in the four stories: 22 stories, each once.
      for (const p of [...exact, ...windowed]) expect(p.total).toBe(22);
      const all = exact.flatMap((p) => p.ids);
      expect(all).toHaveLength(22);
      expect(new Set(all).size).toBe(22);
    });
  }

  for (const query of ["q=harbour&all=1", "q=harbour&sort=newest&all=1", "q=crews&region=europe&all=1"]) {
    it(`${query}: the same article pages on the path a large archive takes`, async () => {
      const small = await pages(query);
      restore = takeLargeArchivePath(provider);
      const large = await pages(query);
      expect(large.map((p) => p.ids)).toEqual(small.map((p) => p.ids));
      expect(large.flatMap((p) => p.ids).length).toBeGreaterThan(10);
    });
  }
});
