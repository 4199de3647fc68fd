import { describe, expect, it } from "vitest";
import { describeEachProvider, useTestDatabase } from "@/lib/testing/databases";
import { ensureSource, storeItems } from "./store";
import {
  addSource,
  formatInterval,
  listSources,
  parseFeedUrl,
  parseInterval,
  parseSourceId,
  removeSource,
  SourceInputError,
  subscribeFeeds,
} from "./sources";

describe("parseInterval", () => {
  it.each([
    ["900", 900],
    ["60", 60],
    ["90s", 90],
    ["15m", 900],
    ["1h", 3600],
    ["1h30m", 5400],
    ["1H 30M", 5400],
    [" 2d ", 172_800],
    ["7d", 604_800],
  ])("reads %j as %i seconds", (text, seconds) => {
    expect(parseInterval(text)).toBe(seconds);
  });

  it.each(["", "abc", "15 minutes", "1.5h", "-5m", "m", "10x", "0", "59", "30s", "8d", "99999999999"])(
    "refuses %j with a clear message",
    (text) => {
      expect(() => parseInterval(text)).toThrow(SourceInputError);
      expect(() => parseInterval(text)).toThrow(
        /interval ".*" (is not a duration: give seconds \(900\)|is out of range: between 1m and 7d)/,
      );
    },
  );

  it("formats what it reads", () => {
    for (const seconds of [60, 90, 900, 3600, 5400, 86_400, 90_061])
      expect(parseInterval(formatInterval(seconds))).toBe(seconds);
    expect(formatInterval(5400)).toBe("1h30m");
    expect(formatInterval(1800)).toBe("30m");
  });
});

describe("parseFeedUrl and parseSourceId", () => {
  it("accepts absolute http(s) URLs in canonical form", () => {
    expect(parseFeedUrl(" HTTPS://Example.com/feed ")).toBe("https://example.com/feed");
    expect(() => parseFeedUrl("example.com/feed")).toThrow(/is not an absolute URL/);
    expect(() => parseFeedUrl("file:///etc/passwd")).toThrow(/is not an http\(s\) URL/);
  });

  it("accepts positive whole numbers only", () => {
    expect(parseSourceId("12")).toBe(12);
    for (const bad of ["0", "-1", "1.5", "abc", "1e3", "9999999999"])
      expect(() => parseSourceId(bad)).toThrow(SourceInputError);
  });
});

await describeEachProvider("sources", ({ provider }) => {
  const t = useTestDatabase(provider);

  it("imports that create the same source without a feed at once share one source", async () => {
    const site = { name: "Desk Notes", siteUrl: "https://desk.example/" };
    const made = await Promise.all(Array.from({ length: 8 }, () => ensureSource(t.db, site)));
    expect(new Set(made.map((s) => s.id)).size).toBe(1);
    expect(await t.db.source.count({ where: { name: "Desk Notes" } })).toBe(1);
    // Another site, or none, is another source.
    const [other, none] = await Promise.all([
      ensureSource(t.db, { name: "Desk Notes", siteUrl: "https://other.example/" }),
      ensureSource(t.db, { name: "Desk Notes" }),
    ]);
    expect(new Set([made[0]!.id, other.id, none.id]).size).toBe(3);
    // Leave the suite's other tests the sources they expect.
    await t.db.source.deleteMany({ where: { name: "Desk Notes" } });
  });

  it("adds, lists and removes sources; removing one deletes its articles and their tags", async () => {
    const added = await addSource(t.db, {
      feedUrl: "https://wire.example/rss",
      name: " Wire ",
      pollInterval: 900,
    });
    expect(added).toMatchObject({
      name: "Wire",
      feedUrl: "https://wire.example/rss",
      pollInterval: 900,
      nextFetchAt: null,
      articles: 0,
    });
    const defaults = await addSource(t.db, { feedUrl: "https://blog.example/atom.xml" });
    expect(defaults).toMatchObject({ name: "blog.example", pollInterval: 1800 });
    await expect(addSource(t.db, { feedUrl: "https://wire.example/rss" })).rejects.toThrow(
      `already subscribed to https://wire.example/rss as source ${added.id} ("Wire")`,
    );

    await storeItems(
      t.db,
      added.id,
      [
        {
          guid: "w-1",
          url: "https://wire.example/w-1",
          title: "Elections in Ghana",
          summary: null,
          bodyHtml: "<p>Voters in Ghana queued early.</p>",
          bodyText: "Voters in Ghana queued early.",
          author: null,
          publishedAt: new Date("2023-10-01T00:00:00Z"),
          dateEstimated: false,
          language: "en",
        },
      ],
      new Date(),
    );
    const listed = await listSources(t.db);
    expect(listed.map((s) => [s.name, s.articles])).toEqual([
      ["Wire", 1],
      ["blog.example", 0],
    ]);

    expect(await removeSource(t.db, added.id)).toEqual({ id: added.id, name: "Wire", articles: 1 });
    expect(await t.db.article.count()).toBe(0);
    expect(await t.db.articleCountry.count()).toBe(0);
    expect(await t.db.articleRegion.count()).toBe(0);
    await expect(removeSource(t.db, added.id)).rejects.toThrow(`no source with id ${added.id}`);
    expect((await listSources(t.db)).map((s) => s.name)).toEqual(["blog.example"]);
  });

  it("subscribes OPML feeds once", async () => {
    const feeds = [
      { title: "One", feedUrl: "https://one.example/feed", siteUrl: null },
      { title: null, feedUrl: "https://two.example/feed", siteUrl: "https://two.example/" },
    ];
    expect(await subscribeFeeds(t.db, feeds)).toBe(2);
    expect(await subscribeFeeds(t.db, feeds)).toBe(0);
    expect(
      (await t.db.source.findUniqueOrThrow({ where: { feedUrl: "https://two.example/feed" } })).name,
    ).toBe("two.example");
  });
});
