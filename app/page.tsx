import type { Metadata } from "next";
import Link from "next/link";
import { FirstRunNote } from "@/components/admin/first-run-note";
import { ArticleCard } from "@/components/articles/article-card";
import { FilterPanel } from "@/components/search/filter-panel";
import { Histogram } from "@/components/search/histogram";
import { SortControl } from "@/components/search/sort-control";
import { WorldMap } from "@/components/search/world-map";
import { Pagination } from "@/components/ui/pagination";
import { listHref, parseListParams } from "@/lib/articles/params";
import { histogramLabel } from "@/components/search/format";
import { firstRunNote } from "@/lib/admin/first-run";
import { dismissFirstRunAction } from "./actions";
import { searchStories } from "@/lib/stories";
import { pageMetadata, SITE_DESCRIPTION } from "@/lib/site/metadata";

export const dynamic = "force-dynamic";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata({ searchParams }: { searchParams: SearchParams }): Promise<Metadata> {
  const { params } = parseListParams(await searchParams);
  const feed = `/feed.xml${listHref(params, { page: 1 }).slice(1)}`;
  const meta = pageMetadata({
    title: params.q ? `“${params.q.slice(0, 80)}”` : "Latest news",
    description: params.q
      ? `Articles matching “${params.q.slice(0, 80)}”, newest or most relevant first.`
      : SITE_DESCRIPTION,
    // The address rebuilt from the parsed filters: one canonical URL however the filters were written.
    path: listHref(params, {}),
    noindex: Boolean(params.q),
  });
  return { ...meta, alternates: { ...meta.alternates, types: { "application/atom+xml": feed } } };
}

export default async function HomePage({ searchParams }: { searchParams: SearchParams }) {
  const { params, errors } = parseListParams(await searchParams);
  const [result, note] = await Promise.all([searchStories(params), firstRunNote()]);
  const hrefFor = (page: number) => listHref(params, { page });
  const feedHref = `/feed.xml${listHref(params, { page: 1 }).slice(1)}`;
  const bins = result.histogram.bins.map((b) => ({
    ...b,
    label: histogramLabel(b.start, result.histogram.unit),
  }));

  return (
    <div className="grid gap-6 md:grid-cols-[15rem_1fr]">
      <aside>
        {/* On a phone the filters fold away behind a button above the list; from md up, always open (globals.css). */}
        <details className="filters rounded border border-stone-200 bg-white md:border-0 md:bg-transparent">
          <summary className="cursor-pointer px-3 py-2 text-sm font-medium">Filters</summary>
          <div className="px-3 pb-3 md:p-0">
            <FilterPanel params={params} facets={result.facets} />
          </div>
        </details>
      </aside>
      <div className="min-w-0">
        <h1 className="sr-only">{params.q ? `Search results for ${params.q}` : "Latest news"}</h1>
        {note ? <FirstRunNote adminEnabled={note.adminEnabled} dismiss={dismissFirstRunAction} /> : null}
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
        <WorldMap params={params} counts={result.countryCounts} approximate={result.facets.approximate} />
        <Histogram bins={bins} unit={result.histogram.unit} approximate={result.histogram.approximate} />
        <div className="flex flex-wrap items-center justify-between gap-2 border-b border-stone-200 pb-2">
          <p className="text-sm text-stone-600" data-testid="result-count">
            {result.totalApproximate ? "about " : ""}
            {result.total === 1 ? "1 article" : `${result.total.toLocaleString("en")} articles`}
            {params.q ? ` matching “${params.q.length > 60 ? `${params.q.slice(0, 60)}…` : params.q}”` : ""}
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
              href={feedHref}
              className="text-stone-600 underline hover:text-stone-900"
              title="Subscribe to this view as an Atom feed"
            >
              Feed
            </a>
          </div>
        </div>
        {result.items.length === 0 ? (
          <div className="mt-8 rounded border border-stone-200 bg-white p-6" data-testid="empty">
            {result.total === 0 ? (
              params.q ||
              params.regions.length ||
              params.countries.length ||
              params.sources.length ||
              params.languages.length ||
              params.range ||
              params.from ||
              params.to ? (
                <p>No articles match. Try fewer words, or remove a filter.</p>
              ) : (
                <p>
                  No articles yet. Import some with <code>npm run ingest -- &lt;file or feed URL&gt;</code>.
                </p>
              )
            ) : (
              <p>
                There is no page {params.page}: the list has {result.pageCount}{" "}
                {result.pageCount === 1 ? "page" : "pages"}.{" "}
                <Link href={hrefFor(result.pageCount)} className="text-sky-800 underline">
                  Go to the last page
                </Link>
                .
              </p>
            )}
          </div>
        ) : (
          <div data-testid="results">
            {result.entries.map(({ card, moreSources }) => (
              <ArticleCard key={card.id} article={card} moreSources={moreSources} list={params} />
            ))}
          </div>
        )}
        <Pagination page={params.page} pageCount={result.pageCount} hrefFor={hrefFor} />
      </div>
    </div>
  );
}
