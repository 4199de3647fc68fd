import "server-only";
import type { ListParams } from "@/lib/articles/params";
import { loadCards } from "@/lib/articles/queries";
import type { Db } from "@/lib/db";
import type { ArchiveMinutes } from "./archive";
import { facetLists, type FacetKind } from "./facets";
import { listArticles, listStories, type Listing, type PageRow, type StoryList } from "./listing";
import type { PlannedBin } from "./plan";
import { isEmptyQuery, type SearchQuery } from "./query";
import { searchRequest, searchResult, type SearchRequest } from "./result";
import { groupsStories } from "./stories";
import type { SearchResult } from "./types";
import { LOOKUP_KINDS, lookupFilterCount, type FilterKind, type Filters } from "./where";

// A search request's flow, once for both engines: what is counted, estimated or listed, in which order,
// and what waits for what. Each engine (lib/search/sqlite.ts, postgres.ts) supplies only its statements,
// through the SearchEngine below; docs/search.md describes the plan and what each step costs.

/** Facet counts per kind and value; with an estimate, also the total and the bars, from the same sample. */
export interface FacetSample {
  facets: Record<FacetKind, Map<string, number>>;
  approximate: boolean;
  estimate: { total: number; bars: number[] } | null;
}

/**
 * One engine's statements for the steps of a request. `M` is what the engine makes of the request's text
 * once (`matches`: a row source, a text condition, a candidate set) and every other step reads.
 */
export interface SearchEngine<M> {
  /**
   * `exactLookups`: candidates × filters that need a lookup up to which totals and histograms are counted
   * exactly; past it they are estimated from the facets' sample (`facets` with bars). Infinity: always
   * exactly. `storyWindowMatches`: past this many matches, a page of stories comes from the ranked window
   * alone and the number of stories is estimated (as it is whenever the number of matches is: listing.ts).
   */
  readonly limits: { exactLookups: number; storyWindowMatches: number };
  /** The archive's first and last publication minute (read once per data version). */
  archiveMinutes: (db: Db) => Promise<ArchiveMinutes>;
  /** The request's text as this engine's statements read it (may run a statement: a candidate set). */
  matches: (db: Db, request: SearchRequest) => Promise<M>;
  /** How many matches pass every filter but the kinds in `except`. */
  count: (db: Db, m: M, filters: Filters, except?: readonly FilterKind[]) => Promise<number>;
  /** Exact matches per bar; `candidates` resolves to the count of candidates when it is made, else null. */
  bars: (
    db: Db,
    m: M,
    filters: Filters,
    bins: PlannedBin[],
    candidates: Promise<number | null>,
  ) => Promise<number[]>;
  /**
   * Facet counts over `candidates` candidates (each kind with every filter but its own; sampled past a
   * limit), and with `estimate` the total and these bars estimated from the same sample.
   */
  facets: (
    db: Db,
    m: M,
    filters: Filters,
    candidates: number,
    estimate: PlannedBin[] | null,
  ) => Promise<FacetSample>;
  /** The engine's statements over the matches (lib/search/listing.ts), once their number is known. */
  listing: (db: Db, m: M, filters: Filters, now: Date, articles: number) => Listing;
  /** Highlighted passages of the listed articles, by id. */
  snippets: (
    db: Db,
    m: M,
    query: SearchQuery,
    rows: readonly PageRow[],
  ) => Promise<Map<number, string | null>>;
}

const sum = (counts: readonly number[]) => counts.reduce((a, b) => a + b, 0);

/**
 * One page of articles for a list state on an engine: the total, the histogram and the facets, then the
 * page (of stories, unless the list shows every article), its cards and snippets. Steps that do not need
 * each other's answers are started together: on PostgreSQL they run concurrently on the pool, on SQLite's
 * one connection one after the other.
 */
export async function runSearch<M>(
  engine: SearchEngine<M>,
  db: Db,
  params: ListParams,
  now: Date,
): Promise<SearchResult> {
  const request = await searchRequest(db, params, now, engine.archiveMinutes);
  const { query, filters, plan, page } = request;
  const m = await engine.matches(db, request);
  // When the histogram's bars cover its whole span, they add up to the total.
  const covered = plan.bins.length > 0 && !plan.clipped;
  const lookups = lookupFilterCount(filters);

  // Candidates: the matches within the date filter, before the filters that cost a lookup per candidate.
  // Past the engine's limit of lookups, the total and the histogram are estimated from the facets' sample.
  const candidates =
    lookups > 0 || !covered ? engine.count(db, m, filters, LOOKUP_KINDS) : Promise.resolve(null);
  // An engine that always counts exactly does not wait for the candidates' count to know it.
  const exact =
    lookups === 0 || !covered || engine.limits.exactLookups === Infinity
      ? Promise.resolve(true)
      : candidates.then((n) => (n ?? 0) * lookups <= engine.limits.exactLookups);
  const exactBars = exact.then((e) => (e ? engine.bars(db, m, filters, plan.bins, candidates) : null));
  const exactTotal = exact.then(async (e) => {
    if (!e) return null;
    if (covered) return sum((await exactBars)!);
    return lookups === 0 ? (await candidates)! : engine.count(db, m, filters);
  });
  // The facets start as soon as the number of candidates is known: the total only stands in for it.
  const sampled = Promise.all([exact, candidates]).then(async ([e, n]) =>
    engine.facets(db, m, filters, n ?? (await exactTotal) ?? 0, e ? null : plan.bins),
  );
  const estimated = exact.then(async (e) => {
    if (e) return null;
    const { estimate } = await sampled;
    if (!estimate) throw new Error("the engine was asked for an estimate and gave none");
    return estimate;
  });
  const counted = Promise.all([exactTotal, estimated]).then(([total, estimate]) =>
    estimate ? { total: estimate.total, approximate: true } : { total: total!, approximate: false },
  );
  const histogram = Promise.all([exactBars, estimated]).then(([bars, estimate]) =>
    estimate ? { bars: estimate.bars, approximate: true } : { bars: bars!, approximate: false },
  );

  // Grouped by story, the page and the total are over stories; the histogram and facets still count articles.
  // With an estimated total the page is fetched anyway: past the real end it is empty.
  const listed = counted.then(async ({ total, approximate }): Promise<StoryList> => {
    const listing = () => engine.listing(db, m, filters, now, total);
    if (groupsStories(params)) {
      if (total === 0 && !approximate) return { rows: [], total: 0, approximate: false };
      return listStories(listing(), page, total, approximate || total > engine.limits.storyWindowMatches);
    }
    const rows = page.offset < total || approximate ? await listArticles(listing(), page) : [];
    return { rows, total, approximate };
  });
  // One Promise.all over every step started, so none can fail unobserved.
  const [list, items, lists, facets, bars] = await Promise.all([
    listed,
    listed.then(({ rows }) =>
      loadCards(
        db,
        rows.map((r) => r.id),
        // Snippets (on PostgreSQL the slowest statement of a small search) are made while the cards load.
        isEmptyQuery(query) ? undefined : engine.snippets(db, m, query, rows),
      ),
    ),
    sampled.then((s) => facetLists(db, s.facets, filters, s.approximate)),
    sampled,
    histogram,
  ]);
  return searchResult(
    params,
    { items, total: list.total, approximate: list.approximate },
    { lists, countryCounts: facets.facets.country },
    { plan, bars: bars.bars, approximate: bars.approximate },
  );
}
