import "server-only";
import { hasFilters, withChange, type ListParams } from "@/lib/articles/params";
import { loadCards } from "@/lib/articles/queries";
import type { ArticleCard } from "@/lib/articles/types";
import { db as defaultDb, type Db } from "@/lib/db";
import { searchArticles, type SearchOptions, type SearchResult } from "@/lib/search";
import { resolveFilters } from "@/lib/search/plan";
import { collapseCards, type ListEntry } from "./collapse";
import type { StoryRef } from "./types";

import { getStory, liveStoryId } from "./queries";
import type { StoryDetail } from "./types";

export type { ListEntry } from "./collapse";

export type { StoryDetail, StoryRef } from "./types";

/**
 * A list page with each story once (unless `params.all`; then the total counts articles, else stories)
 * and syndicated copies always together.
 */
export async function searchStories(
  params: ListParams,
  options: SearchOptions = {},
): Promise<SearchResult & { entries: ListEntry[]; widened: Widened | null }> {
  const result = await searchArticles(params, options);
  const widened = result.total === 0 && hasFilters(params) ? await widen(params, options) : null;
  return { ...result, entries: collapseCards(result.items, !params.all), widened };
}

/**
 * What an empty filtered list offers instead: the same query without its filters, and how many match it
 * (stories or articles, as the list counts).
 */
export interface Widened {
  params: ListParams;
  total: number;
  totalApproximate: boolean;
}

async function widen(params: ListParams, options: SearchOptions): Promise<Widened | null> {
  const wide = withChange(params, {
    regions: [],
    countries: [],
    sources: [],
    languages: [],
    range: null,
    from: null,
    to: null,
  });
  const { total, totalApproximate } = await searchArticles({ ...wide, pageSize: 1 }, options);
  return total > 0 ? { params: wide, total, totalApproximate } : null;
}

/** A story by any id it ever had (a merged story's id finds the story it joined). */
export async function resolveStory(id: number, db: Db = defaultDb): Promise<{ story: StoryDetail } | null> {
  const live = await liveStoryId(id, db);
  if (live === null) return null;
  const story = await getStory(live, db);
  return story ? { story } : null;
}

/** Stories ranked in the Top stories view: more sources first, fading with age. */
export interface TopStory {
  story: StoryRef;
  /** The story's newest article among those matching the filters. */
  lead: ArticleCard;
  /** Distinct sources among the matching articles. */
  sources: number;
  articles: number;
  firstPublishedAt: Date;
  lastPublishedAt: Date;
}

export interface TopStoriesPage {
  items: TopStory[];
  total: number;
  page: number;
  pageSize: number;
  pageCount: number;
  /** The period ranked: the date filter, or the week up to the newest article when there is none. */
  from: Date | null;
  until: Date | null;
}

const DAY = 86_400_000;
/** A story's weight halves for every HALF_LIFE its newest article is older than the period's end. */
const HALF_LIFE = 2 * DAY;

/** Ranking score: distinct sources, weighed down by age (so a 4-source story beats a 1-source one of the same day). */
export function storyScore(sources: number, newest: number, end: number): number {
  return sources * Math.pow(0.5, Math.max(0, end - newest) / HALF_LIFE);
}

/**
 * The Top stories view: stories with articles matching the filters (region, country, source, date; the
 * week up to the newest article when no date is given), ranked by `storyScore`, one page of them.
 */
export async function topStories(
  params: ListParams,
  options: { db?: Db; now?: Date } = {},
): Promise<TopStoriesPage> {
  const db = options.db ?? defaultDb;
  const now = options.now ?? new Date();
  const filters = resolveFilters(params, now);
  let { from, until } = filters;
  if (!from && !until) {
    const newest = await db.article.findFirst({
      orderBy: { publishedAt: "desc" },
      select: { publishedAt: true },
    });
    if (newest) {
      until = new Date(newest.publishedAt.getTime() + 1);
      from = new Date(until.getTime() - 7 * DAY);
    }
  }
  const rows = await db.article.findMany({
    where: {
      publishedAt: { ...(from ? { gte: from } : {}), ...(until ? { lt: until } : {}) },
      ...(filters.sources.length ? { sourceId: { in: filters.sources } } : {}),
      ...(filters.regions.length ? { regions: { some: { region: { in: filters.regions } } } } : {}),
      ...(filters.countries.length ? { countries: { some: { code: { in: filters.countries } } } } : {}),
    },
    select: { id: true, storyId: true, sourceId: true, publishedAt: true },
  });
  const groups = new Map<
    number,
    { sources: Set<number>; articles: number; first: number; last: number; leadId: number }
  >();
  for (const r of rows) {
    const t = r.publishedAt.getTime();
    const storyId = r.storyId ?? r.id;
    const g = groups.get(storyId);
    if (!g) {
      groups.set(storyId, {
        sources: new Set([r.sourceId]),
        articles: 1,
        first: t,
        last: t,
        leadId: r.id,
      });
      continue;
    }
    g.sources.add(r.sourceId);
    g.articles++;
    g.first = Math.min(g.first, t);
    if (t > g.last || (t === g.last && r.id > g.leadId)) {
      g.last = t;
      g.leadId = r.id;
    }
  }
  const end = until?.getTime() ?? now.getTime();
  const ranked = [...groups.entries()]
    .map(([id, g]) => ({ id, g, score: storyScore(g.sources.size, g.last, end) }))
    .sort((a, b) => b.score - a.score || b.g.last - a.g.last || b.id - a.id);
  const offset = (params.page - 1) * params.pageSize;
  const slice = ranked.slice(offset, offset + params.pageSize);
  const cards = await loadCards(
    db,
    slice.map((s) => s.g.leadId),
  );
  const byId = new Map(cards.map((c) => [c.id, c]));
  const items = slice.flatMap(({ g }) => {
    const lead = byId.get(g.leadId);
    if (!lead) return [];
    return [
      {
        story: lead.story,
        lead,
        sources: g.sources.size,
        articles: g.articles,
        firstPublishedAt: new Date(g.first),
        lastPublishedAt: new Date(g.last),
      },
    ];
  });
  return {
    items,
    total: ranked.length,
    page: params.page,
    pageSize: params.pageSize,
    pageCount: Math.max(1, Math.ceil(ranked.length / params.pageSize)),
    from,
    until,
  };
}
