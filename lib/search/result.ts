import "server-only";
import type { ListParams } from "@/lib/articles/params";
import type { ArticleCard } from "@/lib/articles/types";
import type { Db } from "@/lib/db";
import { archiveDays, type ArchiveMinutes } from "./archive";
import { readDataVersion } from "./cache";
import { queryLanguages } from "./languages";
import { histogramDays, planBins, resolveFilters, type PlannedBin } from "./plan";
import { highlightTerms, isEmptyQuery, parseQuery, type SearchQuery } from "./query";
import { highlightSubstrings } from "./snippet";
import type { Facets, HistogramUnit, SearchResult } from "./types";
import type { Filters } from "./where";

// What a search request is and gives, whichever engine answers it (lib/search/sqlite.ts, postgres.ts): the
// request as both read it (query, filters, page, languages, the histogram's bars), the snippets the word
// index cannot make, and the result's shape.

/** A request as both engines read it before their own statements. */
export interface SearchRequest {
  query: SearchQuery;
  filters: Filters;
  /** The languages a query's words are looked up in (lib/search/languages.ts); null without a query. */
  languages: (string | null)[] | null;
  plan: HistogramPlan;
  page: PageRequest;
}

/**
 * Reads a request: its query, filters and page, and what it needs to know of the collection (the languages
 * of its articles, the archive's first and last day: `archiveMinutes` is the engine's statement), both as
 * of one data version and usually from the cache of facts that only writes change (lib/search/cache.ts).
 */
export async function searchRequest(
  db: Db,
  params: ListParams,
  now: Date,
  archiveMinutes: (db: Db) => Promise<ArchiveMinutes>,
): Promise<SearchRequest> {
  const query = parseQuery(params.q);
  const filters = resolveFilters(params, now);
  const version = await readDataVersion(db);
  const [languages, archive] = await Promise.all([
    isEmptyQuery(query) ? null : queryLanguages(db, filters.languages, version),
    archiveDays(db, params.tz, version, () => archiveMinutes(db)),
  ]);
  return {
    query,
    filters,
    languages,
    plan: histogramPlan(params, now, archive),
    page: pageRequest(params, query),
  };
}

/** The rows a request lists: from `offset`, `limit` of them, by relevance (`ranked`) or newest first. */
export interface PageRequest {
  ranked: boolean;
  offset: number;
  limit: number;
}

function pageRequest(params: ListParams, query: SearchQuery): PageRequest {
  return {
    ranked: !isEmptyQuery(query) && params.sort === "relevance",
    offset: (params.page - 1) * params.pageSize,
    limit: params.pageSize,
  };
}

/** The histogram's bars before counting; `clipped`: the span had more days than bars can show. */
interface HistogramPlan {
  unit: HistogramUnit;
  bins: PlannedBin[];
  clipped: boolean;
}

/** The bars of a request's histogram: over its date filter, or the whole archive (`archive`: first and last day). */
function histogramPlan(
  params: ListParams,
  now: Date,
  archive: { first: string; last: string } | null,
): HistogramPlan {
  const days = histogramDays(params, now, archive);
  return days ? planBins(days.first, days.last, params.tz) : { unit: "day", bins: [], clipped: false };
}

/**
 * Snippets where the word index cannot make them (a query in a script written without spaces, matched as
 * substrings): the first passage of the summary, else of the body, holding a query term, by article id.
 */
export async function substringSnippets(
  db: Db,
  query: SearchQuery,
  ids: readonly number[],
): Promise<Map<number, string | null>> {
  const texts = await db.article.findMany({
    where: { id: { in: [...ids] } },
    select: { id: true, summary: true, bodyText: true },
  });
  const terms = highlightTerms(query);
  return new Map(
    texts.map((t) => [
      t.id,
      highlightSubstrings(t.summary ?? "", terms) ?? highlightSubstrings(t.bodyText ?? "", terms),
    ]),
  );
}

/** A request's answer from what an engine found. */
export function searchResult(
  params: ListParams,
  listed: { items: ArticleCard[]; total: number; approximate: boolean },
  facets: { lists: Facets; countryCounts: ReadonlyMap<string, number> },
  histogram: { plan: HistogramPlan; bars: readonly number[]; approximate: boolean },
): SearchResult {
  return {
    items: listed.items,
    total: listed.total,
    totalApproximate: listed.approximate,
    page: params.page,
    pageSize: params.pageSize,
    pageCount: Math.max(1, Math.ceil(listed.total / params.pageSize)),
    facets: facets.lists,
    countryCounts: Object.fromEntries(facets.countryCounts),
    histogram: {
      unit: histogram.plan.unit,
      bins: histogram.plan.bins.map((b, i) => ({
        start: b.start,
        end: b.end,
        count: histogram.bars[i] ?? 0,
      })),
      approximate: histogram.approximate,
    },
  };
}
