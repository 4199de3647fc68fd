import { afterAll, beforeAll, expect, it } from "vitest";
import { parseListParams } from "@/lib/articles/params";
import type { Db } from "@/lib/db";
import type { Listing } from "./listing";
import { runSearch, type FacetSample, type SearchEngine } from "./pipeline";
import { tempDatabase } from "./testing";
import { sql } from "./where";

// The flow of a request (lib/search/pipeline.ts) with an engine whose answers the test sets and whose
// calls it records: what is asked of the engine, what waits for what, and how its answers make the result.
// The engines' statements themselves are tested against both databases in search-suite.ts.

const NOW = new Date("2026-11-25T12:00:00Z");
const WEEK = "from=2026-11-01&to=2026-11-07";
let t: ReturnType<typeof tempDatabase>;
beforeAll(() => {
  t = tempDatabase();
});
afterAll(() => t.dispose());

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

const noFacets = (): FacetSample["facets"] => ({
  region: new Map(),
  country: new Map(),
  source: new Map(),
  language: new Map(),
});

/** A listing whose every statement yields `rows` (id, m, and n: the number of stories). */
function cannedListing(rows: { id: number; m: number; n: number }[], calls: string[]): Listing {
  const statement = (name: string) => () => {
    calls.push(name);
    return sql`SELECT 1`;
  };
  return {
    scored: true,
    run: <T>() => Promise.resolve(rows as T),
    storyLookup: sql`"Article" g`,
    window: statement("window"),
    all: statement("all"),
    newest: statement("newest"),
    best: statement("best"),
  };
}

interface Recorder {
  calls: string[];
  engine: SearchEngine<null>;
}

function engineWith(overrides: Partial<SearchEngine<null>>, listed = cannedListing([], [])): Recorder {
  const calls: string[] = [];
  const engine: SearchEngine<null> = {
    limits: { exactLookups: Infinity, storyWindowMatches: Infinity },
    archiveMinutes: () => Promise.resolve(null),
    matches: () => Promise.resolve(null),
    count: () => Promise.resolve(0),
    bars: (_db, _m, _filters, bins) => Promise.resolve(bins.map(() => 0)),
    facets: () => Promise.resolve({ facets: noFacets(), approximate: false, estimate: null }),
    listing: () => listed,
    snippets: () => Promise.resolve(new Map()),
    ...overrides,
  };
  const recorded = Object.fromEntries(
    Object.entries(engine).map(([name, step]) => [
      name,
      typeof step === "function"
        ? (...args: unknown[]) => {
            calls.push(name);
            return (step as (...a: unknown[]) => unknown)(...args);
          }
        : step,
    ]),
  ) as unknown as SearchEngine<null>;
  return { calls, engine: recorded };
}

const search = (engine: SearchEngine<null>, query: string, db: Db = t.db) =>
  runSearch(engine, db, parseListParams(new URLSearchParams(query)).params, NOW);

it("counts the facets as soon as the candidates are counted, while the bars are still being counted", async () => {
  const bars = deferred<number[]>();
  const facetsAsked = deferred<void>();
  const { engine, calls } = engineWith({
    count: () => Promise.resolve(40),
    bars: () => bars.promise,
    facets: () => {
      facetsAsked.resolve();
      return Promise.resolve({ facets: noFacets(), approximate: false, estimate: null });
    },
  });
  const result = search(engine, `q=harbour&region=europe&${WEEK}&all=1`);
  await facetsAsked.promise;
  expect(calls).toContain("bars");
  bars.resolve([1, 2, 0, 0, 3, 0, 1]);
  const answer = await result;
  // The bars cover the filter's whole span: they add up to the total.
  expect(answer.total).toBe(7);
  expect(answer.histogram.bins.map((b) => b.count)).toEqual([1, 2, 0, 0, 3, 0, 1]);
  expect(answer.totalApproximate).toBe(false);
});

it("estimates the total and the bars from the facets' sample past the engine's limit of lookups", async () => {
  const asked: { candidates: number; estimate: number | null }[] = [];
  const listingCalls: string[] = [];
  const { engine, calls } = engineWith(
    {
      limits: { exactLookups: 100, storyWindowMatches: Infinity },
      count: () => Promise.resolve(60),
      facets: (_db, _m, _filters, candidates, estimate) => {
        asked.push({ candidates, estimate: estimate?.length ?? null });
        return Promise.resolve({
          facets: noFacets(),
          approximate: true,
          estimate: { total: 50, bars: (estimate ?? []).map((_, i) => (i === 0 ? 50 : 0)) },
        });
      },
    },
    cannedListing([{ id: 1, m: 29_000_000, n: 20 }], listingCalls),
  );
  // Two lookup filters × 60 candidates = 120 lookups, past 100.
  const answer = await search(engine, `q=harbour&region=europe&country=FR&${WEEK}`);
  expect(calls).not.toContain("bars");
  expect(asked).toEqual([{ candidates: 60, estimate: 7 }]);
  expect(answer.histogram.approximate).toBe(true);
  expect(answer.histogram.bins[0]!.count).toBe(50);
  // Grouped by story over an estimated total, the page comes from the ranked window (a full page would
  // give an estimated number of stories; here the window gave one row of the 20 asked for, so the exact
  // statement over every match follows).
  expect(listingCalls).toEqual(["window", "all"]);
  expect(answer.total).toBe(20);
});

it("counts exactly within the limit, and takes no sample of the histogram", async () => {
  const asked: (number | null)[] = [];
  const { engine, calls } = engineWith({
    limits: { exactLookups: 100, storyWindowMatches: Infinity },
    count: () => Promise.resolve(40),
    bars: (_db, _m, _filters, bins) => Promise.resolve(bins.map(() => 2)),
    facets: (_db, _m, _filters, _candidates, estimate) => {
      asked.push(estimate?.length ?? null);
      return Promise.resolve({ facets: noFacets(), approximate: false, estimate: null });
    },
  });
  const answer = await search(engine, `q=harbour&region=europe&country=FR&${WEEK}&all=1`);
  expect(calls).toContain("bars");
  expect(asked).toEqual([null]);
  expect(answer.total).toBe(14);
  expect(answer.totalApproximate).toBe(false);
});

it("lists nothing past the last match, and no story when nothing matches", async () => {
  const listingCalls: string[] = [];
  const listed = cannedListing([], listingCalls);
  const few = engineWith(
    { bars: (_db, _m, _f, bins) => Promise.resolve(bins.map((_, i) => (i < 3 ? 1 : 0))) },
    listed,
  );
  const past = await search(few.engine, `q=harbour&${WEEK}&all=1&page=2`);
  expect(past.total).toBe(3);
  expect(past.items).toEqual([]);
  expect(few.calls).not.toContain("listing");

  const none = engineWith({}, listed);
  const empty = await search(none.engine, `q=harbour&${WEEK}`);
  expect(empty.total).toBe(0);
  expect(none.calls).not.toContain("listing");
  expect(listingCalls).toEqual([]);
});

it("takes a page of stories from the window past the engine's storyWindowMatches, with an estimated count", async () => {
  const listingCalls: string[] = [];
  const rows = Array.from({ length: 20 }, (_, i) => ({ id: i + 1, m: 29_000_000 - i, n: 30 }));
  const { engine } = engineWith(
    {
      limits: { exactLookups: Infinity, storyWindowMatches: 10 },
      bars: (_db, _m, _filters, bins) => Promise.resolve(bins.map(() => 100)),
    },
    cannedListing(rows, listingCalls),
  );
  const answer = await search(engine, `q=harbour&${WEEK}`);
  expect(listingCalls).toEqual(["window"]);
  expect(answer.totalApproximate).toBe(true);
  // 700 matches, of which the window's 700 (fewer than RANK_WINDOW) hold 30 stories.
  expect(answer.total).toBe(30);
});
