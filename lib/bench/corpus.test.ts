import { describe, expect, it } from "vitest";
import {
  CORPUS_DAYS,
  CORPUS_END,
  createCorpus,
  feedItem,
  feedItems,
  RARE_WORD,
  renderFeed,
  SOURCE_COUNT,
} from "./corpus";
import { parseDocument } from "@/lib/ingest/parse";
import { tagCountries } from "@/lib/regions";

describe("benchmark corpus", () => {
  it("is the same for the same seed and size, and differs for another seed", () => {
    const a = createCorpus(1_000);
    const b = createCorpus(1_000);
    expect(renderFeed(a, 3)).toBe(renderFeed(b, 3));
    expect(feedItem(a, 17, 9)).toEqual(feedItem(b, 17, 9));
    expect(feedItem(createCorpus(1_000, 1), 17, 9).title).not.toBe(feedItem(a, 17, 9).title);
  });

  it("has 50 named sources, items spread over two years newest first, and realistic lengths", () => {
    const corpus = createCorpus(5_000);
    expect(corpus.sources).toHaveLength(SOURCE_COUNT);
    expect(new Set(corpus.sources.map((s) => s.name)).size).toBe(SOURCE_COUNT);
    const items = corpus.sources.flatMap((s) => [...feedItems(corpus, s.index)]);
    expect(items).toHaveLength(5_000);
    const times = items.map((i) => i.publishedAt.getTime());
    const first = CORPUS_END - CORPUS_DAYS * 86_400_000;
    expect(Math.min(...times)).toBeGreaterThan(first - 86_400_000);
    expect(Math.max(...times)).toBeLessThan(CORPUS_END + 86_400_000);
    expect(Math.max(...times) - Math.min(...times)).toBeGreaterThan((CORPUS_DAYS - 10) * 86_400_000);
    const feed = [...feedItems(corpus, 0)].filter((i) => !i.repeat);
    for (let i = 1; i < feed.length; i++)
      expect(feed[i - 1]!.publishedAt.getTime()).toBeGreaterThan(feed[i]!.publishedAt.getTime());
    const words = items.map((i) => i.paragraphs.join(" ").split(/\s+/).length).sort((x, y) => x - y);
    expect(words[Math.floor(words.length / 2)]).toBeGreaterThan(250);
    expect(words[Math.floor(words.length / 2)]).toBeLessThan(700);
    expect(words[0]).toBeGreaterThanOrEqual(80);
  });

  it("names real places (the tagger finds countries), has some duplicates and a rare word in about a dozen articles", () => {
    const corpus = createCorpus(5_000);
    const items = corpus.sources.flatMap((s) => [...feedItems(corpus, s.index)]);
    const text = (i: (typeof items)[number]) => `${i.title} ${i.summary} ${i.paragraphs.join(" ")}`;
    const tagged = items
      .slice(0, 300)
      .filter((i) => tagCountries({ title: i.title, body: i.paragraphs.join("\n\n") }).length > 0).length;
    expect(tagged).toBeGreaterThan(240);
    const repeats = items.filter((i) => i.repeat).length;
    const copies = items.filter((i) => i.wireCopy).length;
    expect(repeats).toBeGreaterThan(20);
    expect(repeats).toBeLessThan(100);
    expect(copies).toBeGreaterThan(80);
    expect(new Set(items.map((i) => i.guid)).size).toBe(items.length - repeats);
    // Twelve positions carry it; wire copies of them carry it too.
    const rare = items.filter((i) => !i.repeat && text(i).includes(RARE_WORD)).length;
    expect(rare).toBeGreaterThanOrEqual(8);
    expect(rare).toBeLessThanOrEqual(16);
  });

  it("renders feeds that the app's parser reads in full", () => {
    const corpus = createCorpus(500);
    const parsed = parseDocument(new TextEncoder().encode(renderFeed(corpus, 4)), {
      contentType: "application/rss+xml; charset=utf-8",
      url: "http://127.0.0.1/feeds/4.xml",
      fetchedAt: new Date(),
    });
    expect(parsed.ok).toBe(true);
    if (!parsed.ok || parsed.doc.kind === "opml") return;
    expect(parsed.doc.title).toBe(corpus.sources[4]!.name);
    expect(parsed.doc.items).toHaveLength(10);
  });
});
