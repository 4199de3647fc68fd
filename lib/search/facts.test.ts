import { setTimeout as sleep } from "node:timers/promises";
import { beforeAll, expect, it } from "vitest";
import { parseListParams } from "@/lib/articles/params";
import { addSource } from "@/lib/ingest/sources";
import { storeItems } from "@/lib/ingest/store";
import type { ArticleInput } from "@/lib/ingest/types";
import { articleInput } from "@/lib/testing/articles";
import { describeEachProvider, useTestDatabase } from "@/lib/testing/databases";
import { cachedFact, readDataVersion, VERSION_TTL_MS } from "./cache";
import { searchArticles } from "./index";

const NOW = new Date("2026-11-25T12:00:00Z");

function item(n: number, title: string, body: string, publishedAt: Date, language: string): ArticleInput {
  return articleInput({ guid: `facts-${n}`, title, body, publishedAt, language });
}

const list = (query: string) => parseListParams(new URLSearchParams(query)).params;

await describeEachProvider("facts about the collection, kept per data version", ({ provider }) => {
  const t = useTestDatabase(provider);
  const search = (query: string) => searchArticles(list(query), { db: t.db, provider, now: NOW });
  let sourceId = 0;
  let reads = 0;
  const counted = (value: string) => () => {
    reads++;
    return Promise.resolve(value);
  };

  beforeAll(async () => {
    sourceId = (await addSource(t.db, { feedUrl: "https://facts.example/feed.xml", name: "Facts Wire" })).id;
    await storeItems(
      t.db,
      sourceId,
      [item(1, "Harbour reopens in Lima", "Ships returned to the harbour of Lima, Peru.", NOW, "en")],
      NOW,
    );
  });

  it("reads a fact once per data version, and again after a write", async () => {
    reads = 0;
    const version = await readDataVersion(t.db);
    expect(await cachedFact(t.db, "test fact", counted("a"), version)).toBe("a");
    expect(await cachedFact(t.db, "test fact", counted("b"), version)).toBe("a");
    expect(reads).toBe(1);
    await storeItems(t.db, sourceId, [item(2, "Quito drill", "A drill in Quito, Ecuador.", NOW, "en")], NOW);
    const after = await readDataVersion(t.db);
    expect(after).not.toBe(version);
    expect(await cachedFact(t.db, "test fact", counted("c"), after)).toBe("c");
    expect(reads).toBe(2);
  });

  it("shares one read among concurrent callers and keeps no failed read", async () => {
    const version = await readDataVersion(t.db);
    reads = 0;
    const values = await Promise.all(
      Array.from({ length: 5 }, () => cachedFact(t.db, "shared fact", counted("x"), version)),
    );
    expect(values).toEqual(["x", "x", "x", "x", "x"]);
    expect(reads).toBe(1);
    await expect(
      cachedFact(t.db, "failing fact", () => Promise.reject(new Error("down")), version),
    ).rejects.toThrow("down");
    expect(await cachedFact(t.db, "failing fact", counted("recovered"), version)).toBe("recovered");
  });

  it("without a version of its own, trusts the version the process read within VERSION_TTL_MS", async () => {
    expect(await cachedFact(t.db, "ttl fact", counted("old"))).toBe("old");
    await storeItems(t.db, sourceId, [item(3, "Oslo ferry", "A ferry in Oslo, Norway.", NOW, "en")], NOW);
    expect(await cachedFact(t.db, "ttl fact", counted("new"))).toBe("old");
    await sleep(VERSION_TTL_MS + 50);
    expect(await cachedFact(t.db, "ttl fact", counted("new"))).toBe("new");
  });

  it("a search right after a write finds an article in a language and on a day the collection lacked", async () => {
    // Both facts a search keeps (its languages and the archive's days) are read for the request's version:
    // a German article dated a year back is found by a German inflection at once, and counted.
    expect((await search("q=hafen")).total).toBe(0);
    const old = new Date("2025-11-20T08:00:00Z");
    await storeItems(
      t.db,
      sourceId,
      [
        item(
          4,
          "Die Häfen von Hamburg",
          "Die Häfen von Hamburg blieben wegen des Sturms geschlossen.",
          old,
          "de",
        ),
      ],
      NOW,
    );
    const found = await search("q=hafen");
    expect(found.items.map((i) => i.title)).toEqual(["Die Häfen von Hamburg"]);
    expect(found.total).toBe(1);
    expect(found.histogram.bins.reduce((n, b) => n + b.count, 0)).toBe(1);
  });
});
