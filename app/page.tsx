import type { Metadata } from "next";
import Link from "next/link";
import { ArticleCard } from "@/components/articles/article-card";
import { FilterPanel } from "@/components/search/filter-panel";
import { Histogram } from "@/components/search/histogram";
import { SortControl } from "@/components/search/sort-control";
import { WorldMap } from "@/components/search/world-map";
import { Pagination } from "@/components/ui/pagination";
import { listHref, parseListParams } from "@/lib/articles/params";
import { histogramLabel } from "@/components/search/format";
import { searchArticles } from "@/lib/search";

export const dynamic = "force-dynamic";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata({ searchParams }: { searchParams: SearchParams }): Promise<Metadata> {
  const { params } = parseListParams(await searchParams);
  const feed = `/feed.xml${listHref(params, { page: 1 }).slice(1)}`;
  return {
    title: params.q ? `“${params.q.slice(0, 80)}”` : "Latest news",
    alternates: { types: { "application/atom+xml": feed } },
  };
}

export default async function HomePage({ searchParams }: { searchParams: SearchParams }) {
  const { params, errors } = parseListParams(await searchParams);
  const result = await searchArticles(params);
  const hrefFor = (page: number) => listHref(params, { page });
  const feedHref = `/feed.xml${listHref(params, { page: 1 }).slice(1)}`;
  const bins = result.histogram.bins.map((b) => ({
    ...b,
    label: histogramLabel(b.start, result.histogram.unit),
  }));

  return (
    <div className="grid gap-6 md:grid-cols-[15rem_1fr]">
      <aside className="order-2 md:order-1">
        <FilterPanel params={params} facets={result.facets} />
      </aside>
      <div className="order-1 min-w-0 md:order-2">
        <h1 className="sr-only">{params.q ? `Search results for ${params.q}` : "Latest news"}</h1>
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
            {result.items.map((article) => (
              <ArticleCard key={article.id} article={article} />
            ))}
          </div>
        )}
        <Pagination page={params.page} pageCount={result.pageCount} hrefFor={hrefFor} />
      </div>
    </div>
  );
}
