import type { Metadata } from "next";
import Link from "next/link";
import { FirstRunNote } from "@/components/admin/first-run-note";
import { ArticleCard } from "@/components/articles/article-card";
import { FilterPanel } from "@/components/search/filter-panel";
import { Histogram } from "@/components/search/histogram";
import {
  FilterPanelSkeleton,
  HistogramSkeleton,
  ResultCountSkeleton,
  ResultsSkeleton,
  WorldMapSkeleton,
} from "@/components/search/list-skeletons";
import { SortControl } from "@/components/search/sort-control";
import { WorldMap } from "@/components/search/world-map";
import { Pagination } from "@/components/ui/pagination";
import { StreamBoundary } from "@/components/ui/stream-boundary";
import {
  feedHref,
  hasFilters,
  listHref,
  parseListParams,
  type ListParams,
  type RangePreset,
} from "@/lib/articles/params";
import { languageName } from "@/lib/language";
import { countryName, REGIONS } from "@/lib/regions";
import { histogramLabel } from "@/components/search/format";
import { firstRunNote } from "@/lib/admin/first-run";
import { dismissFirstRunAction } from "./actions";
import { searchStories, type Widened } from "@/lib/stories";
import { pageMetadata, SITE_DESCRIPTION } from "@/lib/site/metadata";
import { canStream } from "@/lib/site/streaming";

export const dynamic = "force-dynamic";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
type Result = ReturnType<typeof searchStories>;

export async function generateMetadata({ searchParams }: { searchParams: SearchParams }): Promise<Metadata> {
  const { params } = parseListParams(await searchParams);
  const meta = pageMetadata({
    title: params.q ? `“${params.q.slice(0, 80)}”` : "Latest news",
    description: params.q
      ? `Articles matching “${params.q.slice(0, 80)}”, newest or most relevant first.`
      : SITE_DESCRIPTION,
    // The address rebuilt from the parsed filters: one canonical URL however the filters were written.
    path: listHref(params, {}),
    noindex: Boolean(params.q),
  });
  return {
    ...meta,
    alternates: { ...meta.alternates, types: { "application/atom+xml": feedHref(params) } },
  };
}

/*
 * The page streams (to browsers that run scripts: lib/site/streaming.ts): the header, the search box and the
 * toolbar go out at once, the rest follows behind boundaries keyed by the list state (a new state shows its
 * skeletons again instead of the old list). Each boundary's key also names its section: siblings that share a
 * key confuse React's reconciliation, which then kept the old map and histogram beside the new ones. The list, its facets, histogram and map come from one search
 * (lib/search computes them in one plan: the histogram's bars give the total), started once here and
 * awaited inside each boundary; the first-run note's lookup runs alongside it.
 */
export default async function HomePage({ searchParams }: { searchParams: SearchParams }) {
  const { params, errors } = parseListParams(await searchParams);
  const result = searchStories(params);
  const note = firstRunNote();
  const key = listHref(params);
  const stream = await canStream();

  return (
    <div className="grid gap-6 md:grid-cols-[15rem_1fr]">
      <aside>
        {/* On a phone the filters fold away behind a button above the list; from md up, always open (globals.css). */}
        <details className="filters rounded border border-stone-200 bg-white md:border-0 md:bg-transparent">
          <summary className="cursor-pointer px-3 py-2 text-sm font-medium">Filters</summary>
          <div className="px-3 pb-3 md:p-0">
            <StreamBoundary key={`filters ${key}`} stream={stream} fallback={<FilterPanelSkeleton />}>
              <Filters params={params} result={result} />
            </StreamBoundary>
          </div>
        </details>
      </aside>
      <div className="min-w-0">
        <h1 className="sr-only">{params.q ? `Search results for ${params.q}` : "Latest news"}</h1>
        <StreamBoundary stream={stream} fallback={null}>
          <Note note={note} />
        </StreamBoundary>
        {errors.length > 0 ? (
          <div
            role="alert"
            className="mb-4 rounded border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900"
            data-testid="param-errors"
          >
            <p className="font-medium">
              Some of the filters in this address were not understood and were ignored:
            </p>
            <ul className="mt-1 list-disc pl-5">
              {errors.map((e) => (
                <li key={e}>{e}</li>
              ))}
            </ul>
          </div>
        ) : null}
        <StreamBoundary key={`map ${key}`} stream={stream} fallback={<WorldMapSkeleton />}>
          <CountryMap params={params} result={result} />
        </StreamBoundary>
        <StreamBoundary key={`histogram ${key}`} stream={stream} fallback={<HistogramSkeleton />}>
          <Timeline params={params} result={result} />
        </StreamBoundary>
        <div className="flex flex-wrap items-center justify-between gap-2 border-b border-stone-200 pb-2">
          <p className="text-sm text-stone-600" data-testid="result-count">
            <StreamBoundary key={`count ${key}`} stream={stream} fallback={<ResultCountSkeleton />}>
              <Count params={params} result={result} />
            </StreamBoundary>
          </p>
          <div className="flex items-center gap-3 text-sm">
            {params.q ? <SortControl params={params} /> : null}
            <Link
              href={listHref(params, { all: !params.all, page: params.page })}
              className="text-stone-600 underline hover:text-stone-900"
              data-testid="stories-toggle"
            >
              {params.all ? "Group by story" : "Show every article"}
            </Link>
            <a
              href={feedHref(params)}
              className="text-stone-600 underline hover:text-stone-900"
              title="Subscribe to this view as an Atom feed"
            >
              Feed
            </a>
          </div>
        </div>
        <StreamBoundary key={`results ${key}`} stream={stream} fallback={<ResultsSkeleton />}>
          <Results params={params} result={result} />
        </StreamBoundary>
      </div>
    </div>
  );
}

type Section = { params: ListParams; result: Result };

async function Note({ note }: { note: ReturnType<typeof firstRunNote> }) {
  const shown = await note;
  return shown ? <FirstRunNote adminEnabled={shown.adminEnabled} dismiss={dismissFirstRunAction} /> : null;
}

async function Filters({ params, result }: Section) {
  return <FilterPanel params={params} facets={(await result).facets} />;
}

async function CountryMap({ params, result }: Section) {
  const { countryCounts, facets } = await result;
  return <WorldMap params={params} counts={countryCounts} approximate={facets.approximate} />;
}

async function Timeline({ params, result }: Section) {
  const { histogram } = await result;
  const bins = histogram.bins.map((b) => ({ ...b, label: histogramLabel(b.start, histogram.unit) }));
  return <Histogram params={params} bins={bins} unit={histogram.unit} approximate={histogram.approximate} />;
}

async function Count({ params, result }: Section) {
  const { total, totalApproximate } = await result;
  return (
    <>
      {totalApproximate ? "about " : ""}
      {counted(total, params.all)}
      {params.q ? ` matching “${params.q.length > 60 ? `${params.q.slice(0, 60)}…` : params.q}”` : ""}
    </>
  );
}

/** The active filters in words ("in Europe · past 7 days"), for the empty state. */
function filterWords(params: ListParams): string {
  const parts: string[] = [];
  const regions = params.regions.map((slug) => REGIONS.find((r) => r.slug === slug)?.name ?? slug);
  if (regions.length) parts.push(`in ${regions.join(" or ")}`);
  if (params.countries.length) parts.push(`about ${params.countries.map(countryName).join(" or ")}`);
  if (params.languages.length) parts.push(`in ${params.languages.map(languageName).join(" or ")}`);
  if (params.sources.length)
    parts.push(params.sources.length === 1 ? "from the chosen source" : "from the chosen sources");
  if (params.range) parts.push(RANGE_WORDS[params.range]);
  if (params.from || params.to)
    parts.push(
      params.from && params.to
        ? `from ${params.from} to ${params.to}`
        : params.from
          ? `since ${params.from}`
          : `until ${params.to}`,
    );
  return parts.join(" · ");
}

/** What a list's total counts: stories when they are grouped (the default), articles with `all=1`. */
function noun(total: number, all: boolean): string {
  if (all) return total === 1 ? "article" : "articles";
  return total === 1 ? "story" : "stories";
}

/** "1 story", "1,234 stories" (or articles with `all=1`). */
function counted(total: number, all: boolean): string {
  return `${total.toLocaleString("en")} ${noun(total, all)}`;
}

/** The empty state's way out: "12 stories match without these filters", "Show all 120 stories". */
function widenedWords({ total, totalApproximate }: Widened, query: boolean, all: boolean): string {
  const count = `${totalApproximate ? "about " : ""}${total.toLocaleString("en")}`;
  if (!query) return total === 1 ? `Show the only ${noun(1, all)}` : `Show all ${count} ${noun(total, all)}`;
  return `${count} ${noun(total, all)} ${total === 1 ? "matches" : "match"} without these filters`;
}

const RANGE_WORDS: Record<RangePreset, string> = {
  "24h": "past 24 hours",
  "7d": "past 7 days",
  "30d": "past 30 days",
  "12m": "past 12 months",
};

async function Results({ params, result }: Section) {
  const { items, entries, total, pageCount, widened } = await result;
  const hrefFor = (page: number) => listHref(params, { page });
  return (
    <>
      {items.length === 0 ? (
        <div className="mt-8 rounded border border-stone-200 bg-white p-6" data-testid="empty">
          {total === 0 ? (
            widened ? (
              <p>
                No articles {filterWords(params)}.{" "}
                <Link href={listHref(widened.params)} className="text-sky-800 underline">
                  {widenedWords(widened, Boolean(params.q), params.all)}
                </Link>
                .
              </p>
            ) : params.q || hasFilters(params) ? (
              <p>No articles match. Try fewer words, or remove a filter.</p>
            ) : (
              <p>
                No articles yet. Import some with <code>npm run ingest -- &lt;file or feed URL&gt;</code>.
              </p>
            )
          ) : (
            <p>
              There is no page {params.page}: the list has {pageCount} {pageCount === 1 ? "page" : "pages"}.{" "}
              <Link href={hrefFor(pageCount)} className="text-sky-800 underline">
                Go to the last page
              </Link>
              .
            </p>
          )}
        </div>
      ) : (
        <div data-testid="results">
          {entries.map(({ card, moreSources }) => (
            <ArticleCard key={card.id} article={card} moreSources={moreSources} list={params} />
          ))}
        </div>
      )}
      <Pagination page={params.page} pageCount={pageCount} hrefFor={hrefFor} />
    </>
  );
}
