import { parseAtomFeed } from "feedsmith";
import { describe, expect, it } from "vitest";
import { DEFAULT_LIST_PARAMS } from "@/lib/articles/params";
import type { ArticleCard } from "@/lib/articles/types";
import { articleListJson, atomFeed } from "./present";
import type { SearchResult } from "./types";

const card: ArticleCard = {
  id: 7,
  path: "/articles/7-ceasefire-holds",
  title: "Ceasefire holds ]]> & <b>",
  url: "https://wire.example/story",
  excerpt: "Both sides report calm.",
  snippet: "The <mark>ceasefire</mark> &amp; talks",
  source: { id: 1, name: "Wire" },
  publishedAt: new Date("2026-11-20T10:00:00Z"),
  dateEstimated: false,
  countries: [{ code: "PS", name: "Palestine", primary: true }],
  regions: ["middle-east-north-africa"],
  story: { id: 3, path: "/stories/3-ceasefire-holds", size: 4, sources: 3 },
  alsoPublishedBy: [],
  originalId: 7,
  language: "en",
};

const result: SearchResult = {
  items: [card],
  total: 1,
  totalApproximate: false,
  page: 1,
  pageSize: 20,
  pageCount: 1,
  facets: { regions: [], countries: [], sources: [], languages: [], approximate: false },
  histogram: { unit: "day", bins: [], approximate: false },
  countryCounts: { PS: 1 },
};

describe("API and feed shapes", () => {
  it("lists items with the documented fields", () => {
    const json = articleListJson(result);
    expect(Object.keys(json.items[0]!).sort()).toEqual(
      [
        "countries",
        "dateEstimated",
        "id",
        "language",
        "path",
        "publishedAt",
        "regions",
        "snippet",
        "source",
        "story",
        "title",
        "url",
      ].sort(),
    );
    expect(json.items[0]).toMatchObject({
      url: "https://wire.example/story",
      path: "/articles/7-ceasefire-holds",
      publishedAt: "2026-11-20T10:00:00.000Z",
      story: { id: 3, size: 4 },
    });
    expect(json).toMatchObject({
      total: 1,
      page: 1,
      pageSize: 20,
      facets: { regions: [], countries: [], sources: [] },
    });
  });

  it("writes a valid Atom feed that links to the original and to the page here", () => {
    const params = {
      ...DEFAULT_LIST_PARAMS,
      q: "ceasefire",
      sort: "relevance" as const,
      regions: ["middle-east-north-africa" as const],
    };
    const xml = atomFeed(result, params, "https://dispatch.example", new Date("2026-11-25T00:00:00Z"));
    const feed = parseAtomFeed(xml);
    expect(feed.title?.value).toContain("“ceasefire”");
    expect(feed.id).toBe("https://dispatch.example/?q=ceasefire&region=middle-east-north-africa");
    expect(feed.links).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          rel: "self",
          href: "https://dispatch.example/feed.xml?q=ceasefire&region=middle-east-north-africa",
        }),
      ]),
    );
    const entry = feed.entries?.[0];
    expect(entry?.title?.value).toBe("Ceasefire holds ]]> & <b>");
    expect(entry?.id).toBe("https://dispatch.example/articles/7-ceasefire-holds");
    expect(entry?.links).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ rel: "alternate", href: "https://wire.example/story" }),
        expect.objectContaining({
          rel: "related",
          href: "https://dispatch.example/articles/7-ceasefire-holds",
        }),
      ]),
    );
    expect(entry?.summary).toEqual({ value: card.snippet, type: "html" });
  });
});
