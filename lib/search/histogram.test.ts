import { beforeAll, expect, it } from "vitest";
import { parseListParams } from "@/lib/articles/params";
import { addSource } from "@/lib/ingest/sources";
import { storeItems } from "@/lib/ingest/store";
import type { ArticleInput } from "@/lib/ingest/types";
import { articleInput } from "@/lib/testing/articles";
import { describeEachProvider, useTestDatabase } from "@/lib/testing/databases";
import { searchArticles } from "./index";
import { SINGLE_PASS_PROBE } from "./sqlite";

// The histogram's bars are counted in one pass over the matches when they are few, and one range count per
// bar when they are many (lib/search/sqlite.ts, binCounts); both must give the bars that the articles' own
// dates give, with and without a filter, and on PostgreSQL too.
const NOW = new Date("2026-11-25T12:00:00Z");
const DAY = 86_400_000;
const MANY = SINGLE_PASS_PROBE + 120;
const FEW = 12;

function item(n: number, title: string, body: string, daysAgo: number): ArticleInput {
  const publishedAt = new Date(NOW.getTime() - daysAgo * DAY - (n % 24) * 3_600_000);
  return articleInput({ guid: `histogram-${n}`, title, body, publishedAt });
}

// Spread over two years, unevenly (more recent days hold more), half of them placed in Europe.
const ITEMS: ArticleInput[] = [
  ...Array.from({ length: MANY }, (_, i) =>
    item(
      i,
      `Harbour report ${i}`,
      i % 2 === 0
        ? `The harbour of Lisbon, Portugal, saw ${i} ships.`
        : `The harbour of Lima, Peru, saw ${i} ships.`,
      Math.floor(((i * 7919) % 730) ** 1.3 / 730 ** 0.3),
    ),
  ),
  ...Array.from({ length: FEW }, (_, i) =>
    item(
      MANY + i,
      `Zeppelin sighting ${i}`,
      `A zeppelin flew over Hamburg, Germany, for the ${i}th time.`,
      i * 61,
    ),
  ),
];

const list = (query: string) => parseListParams(new URLSearchParams(query)).params;

await describeEachProvider("histogram bars", ({ provider }) => {
  const t = useTestDatabase(provider);
  const search = (query: string) => searchArticles(list(query), { db: t.db, provider, now: NOW });

  beforeAll(async () => {
    const source = await addSource(t.db, {
      feedUrl: "https://histogram.example/feed.xml",
      name: "Bars Wire",
    });
    await storeItems(t.db, source.id, ITEMS, NOW);
  }, 60_000);

  /** Bars from the articles' own dates, for the bins the answer drew. */
  function expectedBars(bins: { start: string; end: string }[], matching: (i: ArticleInput) => boolean) {
    const days = ITEMS.filter(matching).map((i) => i.publishedAt.toISOString().slice(0, 10));
    return bins.map((b) => days.filter((d) => d >= b.start && d <= b.end).length);
  }

  for (const [query, matching] of [
    ["q=harbour", (i: ArticleInput) => i.title.startsWith("Harbour")],
    ["q=harbour&region=europe", (i: ArticleInput) => i.bodyText.includes("Lisbon")],
    ["q=zeppelin", (i: ArticleInput) => i.title.startsWith("Zeppelin")],
    ["q=zeppelin&region=europe", (i: ArticleInput) => i.title.startsWith("Zeppelin")],
  ] as const) {
    it(`${query}: each bar counts the matches of its days`, async () => {
      const answer = await search(query);
      expect(answer.histogram.approximate).toBe(false);
      expect(answer.histogram.bins.length).toBeGreaterThan(12);
      const bars = answer.histogram.bins.map((b) => b.count);
      expect(bars).toEqual(expectedBars(answer.histogram.bins, matching));
      expect(answer.total).toBe(ITEMS.filter(matching).length);
    });
  }
});
