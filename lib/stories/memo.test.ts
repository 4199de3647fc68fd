import { expect, it } from "vitest";
import { ensureSource, prepareItems, storeFeed } from "@/lib/ingest/store";
import { articleInput } from "@/lib/testing/articles";
import { describeEachProvider, useTestDatabase } from "@/lib/testing/databases";
import { groupingMemo } from "./store";

const HOUR = 3_600_000;
const T0 = Date.UTC(2026, 10, 20, 8);
const flood = (guid: string, hours: number, title: string) =>
  articleInput({
    guid,
    title,
    body: `${title}. The Brennar river burst its banks near Graz in Austria, flooding 300 homes in the Murtal, officials in Vienna said. Rescuers used boats to reach families on rooftops.`,
    publishedAt: new Date(T0 + hours * HOUR),
  });

await describeEachProvider("grouping's memory over an import run", ({ provider }) => {
  const database = useTestDatabase(provider);

  it("remembers candidates' features but reads their stories afresh, as another writer may move them", async () => {
    const db = database.db;
    const memo = groupingMemo();
    const [a, b, c, d] = await Promise.all(
      ["a", "b", "c", "d"].map((name) => ensureSource(db, { name, feedUrl: `https://${name}.example/feed` })),
    );
    const store = (sourceId: number, item: ReturnType<typeof flood>) =>
      storeFeed(db, sourceId, prepareItems([item], new Date(T0)), memo);

    await store(a!.id, flood("x", 0, "Brennar river floods Murtal homes near Graz"));
    await store(b!.id, flood("y", 1, "Hundreds of homes flooded as Brennar river bursts its banks"));
    const [x, y] = await Promise.all(
      ["x", "y"].map((guid) => db.article.findFirstOrThrow({ where: { guid } })),
    );
    expect(y!.storyId).toBe(x!.id);
    // The first article was read as a candidate for the second, and is remembered.
    expect(memo.has(x!.id)).toBe(true);
    // On SQLite the run also keeps what it wrote: both articles' stories, and the terms' frequencies.
    if (provider === "sqlite") {
      expect(memo.written?.states.get(y!.id)?.storyId).toBe(x!.id);
      expect(memo.written?.states.get(x!.id)?.storyId).toBe(x!.id);
      expect(memo.written?.df.get(0)).toBe(2);
      // The run began with no article stored: the second arrival found the first in the run's own index.
      expect(memo.written?.base).toBeNull();
    } else expect(memo.written).toBeNull();

    // Meanwhile another writer moves both into another story (as a merge in another process would).
    const other = await db.article.create({
      data: {
        sourceId: d!.id,
        dedupKey: "guid:z",
        title: "Earlier report",
        bodyHtml: "",
        bodyText: "",
        publishedAt: new Date(T0 - HOUR),
        fetchedAt: new Date(T0),
        contentHash: "z",
      },
    });
    await db.article.updateMany({ where: { id: { in: [x!.id, y!.id] } }, data: { storyId: other.id } });

    await store(c!.id, flood("w", 2, "Murtal homes near Graz flooded by the Brennar river"));
    const w = await db.article.findFirstOrThrow({ where: { guid: "w" } });
    expect(w.storyId).toBe(other.id);
    if (provider === "sqlite") {
      // The other writer's change was seen (the data version moved): what the run wrote before is forgotten,
      // and it keeps only what it wrote since, as it is now.
      expect(memo.written?.states.has(y!.id)).toBe(false);
      expect(memo.written?.states.get(w.id)?.storyId).toBe(other.id);
      expect(memo.written?.df.get(0)).toBe(3);
    }
  });

  it("remembers what a committed feed grouped, and nothing of a feed whose transaction failed", async () => {
    const db = database.db;
    const memo = groupingMemo();
    const source = await ensureSource(db, { name: "e", feedUrl: "https://e.example/feed" });
    await storeFeed(
      db,
      source.id,
      prepareItems([flood("m1", 0, "Brennar river floods Murtal homes near Graz")], new Date(T0)),
      memo,
    );
    const stored = await db.article.findFirstOrThrow({ where: { guid: "m1" } });
    expect(memo.get(stored.id)?.sourceId).toBe(source.id);

    // A feed for a source that does not exist fails inside its transaction: its ids are not kept.
    const before = memo.size;
    await expect(
      storeFeed(
        db,
        -1,
        prepareItems([flood("m2", 1, "Hundreds of homes flooded as the Brennar bursts")], new Date(T0)),
        memo,
      ),
    ).rejects.toThrow();
    expect(memo.size).toBe(before);
    // Nor what it wrote: the run's memory is as the last committed feed left it.
    if (provider === "sqlite") expect([...memo.written!.states.keys()]).toEqual([stored.id]);
    expect(memo.pending).toBeNull();
    expect(await db.article.count({ where: { guid: "m2" } })).toBe(0);
  });
});
