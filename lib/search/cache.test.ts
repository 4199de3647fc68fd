import { setTimeout as sleep } from "node:timers/promises";
import { beforeAll, expect, it } from "vitest";
import { parseListParams } from "@/lib/articles/params";
import { createDb, type Db } from "@/lib/db";
import { retagArticles } from "@/lib/ingest/retag";
import { addSource, removeSource } from "@/lib/ingest/sources";
import { storeItems } from "@/lib/ingest/store";
import type { ArticleInput } from "@/lib/ingest/types";
import { restoryArticles } from "@/lib/stories/restory";
import { articleInput } from "@/lib/testing/articles";
import { describeEachProvider, useTestDatabase } from "@/lib/testing/databases";
import { cachedListCount, MAX_CACHED_LISTS, readDataVersion, VERSION_TTL_MS } from "./cache";
import { searchArticles } from "./index";
import { searchPostgres } from "./postgres";
import { searchSqlite } from "./sqlite";

// A whole minute, so that a rolling range is computed for this very moment whether cached or not.
const NOW = new Date("2026-11-25T12:00:00Z");

function item(n: number, title: string, body: string, daysAgo: number): ArticleInput {
  return articleInput({
    guid: `cache-${n}`,
    title,
    body,
    publishedAt: new Date(NOW.getTime() - daysAgo * 86_400_000),
  });
}

const ITEMS = [
  item(1, "Floods in Kenya", "Rain fell across Kenya and Nairobi for a week.", 1),
  item(2, "Berlin talks resume", "Ministers met in Berlin, Germany, on trade.", 2),
  item(3, "Paris strike ends", "Workers in Paris, France, went back to work.", 5),
  item(4, "Tokyo markets calm", "Trading in Tokyo, Japan, was quiet on Monday.", 20),
  item(5, "Lima harbour reopens", "Ships returned to the harbour of Lima, Peru.", 200),
];

const STATES = [
  "",
  "page=2&pageSize=2",
  "region=europe",
  "country=DE,FR",
  "range=7d",
  "range=24h&tz=Asia/Tokyo",
  "from=2026-11-01&to=2026-11-30",
  "lang=en&region=africa",
];

const list = (query: string) => parseListParams(new URLSearchParams(query)).params;

await describeEachProvider("browsing answers from the cache", ({ provider }) => {
  const t = useTestDatabase(provider);
  const browse = (query: string, db: Db = t.db) => searchArticles(list(query), { db, provider, now: NOW });
  const fresh = (query: string) =>
    (provider === "sqlite" ? searchSqlite : searchPostgres)(t.db, list(query), NOW);
  /** Waits out the version check, so that the next answer must reflect every committed write. */
  const afterTtl = () => sleep(VERSION_TTL_MS + 50);
  let sourceId = 0;

  beforeAll(async () => {
    sourceId = (await addSource(t.db, { feedUrl: "https://cache.example/feed.xml", name: "Cache Wire" })).id;
    await storeItems(t.db, sourceId, ITEMS, NOW);
  });

  it("answers a repeated list state from the cache, equal to a fresh computation", async () => {
    for (const state of STATES) {
      const first = await browse(state);
      const second = await browse(state);
      expect(second, state).toBe(first);
      expect(second, state).toEqual(await fresh(state));
    }
    expect((await browse("")).total).toBe(ITEMS.length);
  });

  it("leaves queries uncached", async () => {
    expect(await browse("q=kenya")).not.toBe(await browse("q=kenya"));
  });

  it("shows an ingested article, a second client's too, once the version is checked", async () => {
    const before = (await browse("")).total;
    const other = createDb(t.url);
    try {
      await storeItems(other, sourceId, [item(6, "Quito quake drill", "A drill in Quito, Ecuador.", 0)], NOW);
    } finally {
      await other.$disconnect();
    }
    await afterTtl();
    const after = await browse("");
    expect(after.total).toBe(before + 1);
    expect(after.items[0]?.title).toBe("Quito quake drill");
    expect(after).toEqual(await fresh(""));
  });

  it("follows a write made outside Prisma, as another program would", async () => {
    const before = await browse("country=PE");
    expect(before.total).toBe(1);
    await t.db.$executeRawUnsafe(`DELETE FROM "ArticleCountry" WHERE "code" = 'PE'`);
    await afterTtl();
    expect((await browse("country=PE")).total).toBe(0);
  });

  it("follows a retag, a restory, a rename and a source removal", async () => {
    const version = () => readDataVersion(t.db);
    let v = await version();
    await retagArticles(t.db, { all: true });
    expect(await version()).not.toBe(v);
    await afterTtl();
    expect((await browse("country=PE")).total).toBe(1);
    expect(await browse("country=PE")).toEqual(await fresh("country=PE"));

    v = await version();
    await restoryArticles(t.db);
    expect(await version()).not.toBe(v);

    // Polling bookkeeping is not something a list shows: it leaves the version (and the cache) alone.
    v = await version();
    await t.db.source.update({ where: { id: sourceId }, data: { lastFetchedAt: NOW, failureCount: 1 } });
    expect(await version()).toBe(v);

    await t.db.source.update({ where: { id: sourceId }, data: { name: "Renamed Wire" } });
    expect(await version()).not.toBe(v);
    await afterTtl();
    expect((await browse("")).facets.sources.map((s) => s.name)).toEqual(["Renamed Wire"]);

    await removeSource(t.db, sourceId);
    await afterTtl();
    const empty = await browse("");
    expect(empty.total).toBe(0);
    expect(empty.items).toEqual([]);
    expect(empty.facets.sources).toEqual([]);
  });

  it("keeps at most MAX_CACHED_LISTS answers", async () => {
    const states = Array.from({ length: MAX_CACHED_LISTS + 25 }, (_, i) => `page=${i + 1}`);
    for (const state of states) await browse(state);
    expect(cachedListCount(t.db)).toBe(MAX_CACHED_LISTS);
  });

  it("shares one computation among concurrent misses", async () => {
    const answers = await Promise.all(Array.from({ length: 8 }, () => browse("region=asia&pageSize=3")));
    for (const answer of answers) expect(answer).toBe(answers[0]);
  });

  it("caches nothing where the version rows are missing (a schema made by db push)", async () => {
    await t.db.$executeRawUnsafe(`DELETE FROM "DataVersion"`);
    expect(await readDataVersion(t.db)).toBeNull();
    await afterTtl();
    expect(await browse("")).not.toBe(await browse(""));
  });
});
