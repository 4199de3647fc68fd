import type { Metadata } from "next";
import Link from "next/link";
import { CountryChips } from "@/components/articles/country-chips";
import { RelativeTime } from "@/components/ui/relative-time";
import { Pagination } from "@/components/ui/pagination";
import { StreamBoundary } from "@/components/ui/stream-boundary";
import { ResultsSkeleton } from "@/components/search/list-skeletons";
import { feedHref, parseListParams, RANGES, topStoriesHref, type ListParams } from "@/lib/articles/params";
import { REGIONS } from "@/lib/regions";
import { canStream } from "@/lib/site/streaming";
import { topStories } from "@/lib/stories";

export const dynamic = "force-dynamic";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export const metadata: Metadata = { title: "Top stories" };

const RANGE_LABELS: Record<(typeof RANGES)[number], string> = {
  "24h": "Past 24 hours",
  "7d": "Past 7 days",
  "30d": "Past 30 days",
  "12m": "Past 12 months",
};

function Chip({ href, active, children }: { href: string; active: boolean; children: string }) {
  return (
    <Link
      href={href}
      aria-pressed={active}
      className={`rounded-full border px-2.5 py-0.5 text-sm ${active ? "border-sky-700 bg-sky-100 text-sky-900" : "border-stone-300 bg-white text-stone-700 hover:bg-stone-100"}`}
    >
      {children}
    </Link>
  );
}

// The heading and the filter chips go out at once; the ranked stories stream in behind a boundary keyed by
// the list state (to browsers that run scripts: lib/site/streaming.ts).
export default async function TopStoriesPage({ searchParams }: { searchParams: SearchParams }) {
  const { params, errors } = parseListParams(await searchParams);
  const href = (change: Partial<ListParams>) => topStoriesHref(params, change);

  return (
    <div>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="font-serif text-3xl font-bold">Top stories</h1>
        <p className="text-sm text-stone-600">
          Ranked by the number of sources and by recency
          {!params.from && !params.to && !params.range ? " · the week up to the newest article" : ""} ·{" "}
          <a href={feedHref(params)} className="underline">
            Feed
          </a>
        </p>
      </div>
      {errors.length > 0 ? (
        <p role="alert" className="mt-2 text-sm text-amber-900" data-testid="param-errors">
          Ignored: {errors.join("; ")}
        </p>
      ) : null}
      <nav aria-label="Filters" className="mt-4 space-y-2">
        <div className="flex flex-wrap gap-1.5">
          <Chip href={href({ range: null, from: null, to: null })} active={!params.range}>
            Latest week
          </Chip>
          {RANGES.map((r) => (
            <Chip key={r} href={href({ range: r, from: null, to: null })} active={params.range === r}>
              {RANGE_LABELS[r]}
            </Chip>
          ))}
        </div>
        <div className="flex flex-wrap gap-1.5">
          <Chip href={href({ regions: [] })} active={params.regions.length === 0}>
            All regions
          </Chip>
          {REGIONS.map((r) => (
            <Chip
              key={r.slug}
              href={href({
                regions: params.regions.includes(r.slug)
                  ? params.regions.filter((x) => x !== r.slug)
                  : [...params.regions, r.slug],
              })}
              active={params.regions.includes(r.slug)}
            >
              {r.name}
            </Chip>
          ))}
        </div>
      </nav>
      <StreamBoundary key={topStoriesHref(params)} stream={await canStream()} fallback={<ResultsSkeleton />}>
        <Ranking params={params} />
      </StreamBoundary>
    </div>
  );
}

async function Ranking({ params }: { params: ListParams }) {
  const result = await topStories(params);
  return (
    <>
      {result.items.length === 0 ? (
        <p className="mt-8 rounded border border-stone-200 bg-white p-6" data-testid="empty">
          No stories match. Try another period, or remove a filter.
        </p>
      ) : (
        <ol className="mt-4" data-testid="top-stories">
          {result.items.map((item) => (
            <li key={item.story.id} className="border-b border-stone-200 py-4" data-testid="top-story">
              <h2 className="font-serif text-xl leading-snug font-semibold">
                <Link href={item.story.path} className="hover:underline">
                  {item.lead.title}
                </Link>
              </h2>
              <p className="mt-1 text-sm text-stone-600">
                <span className="font-medium text-stone-800" data-testid="top-story-sources">
                  {item.sources} {item.sources === 1 ? "source" : "sources"}
                </span>
                <span aria-hidden="true"> · </span>
                {item.lead.source.name}
                <span aria-hidden="true"> · </span>
                <RelativeTime date={item.lastPublishedAt} estimated={item.lead.dateEstimated} />
              </p>
              {item.lead.excerpt ? (
                <p className="mt-2 line-clamp-2 text-stone-800">{item.lead.excerpt}</p>
              ) : null}
              <div className="mt-2">
                <CountryChips countries={item.lead.countries} />
              </div>
            </li>
          ))}
        </ol>
      )}
      <Pagination
        page={params.page}
        pageCount={result.pageCount}
        hrefFor={(page) => topStoriesHref(params, { page })}
      />
    </>
  );
}
