import "server-only";
import { hasFilters, withChange, type ListParams } from "@/lib/articles/params";
import { loadCards } from "@/lib/articles/queries";
import { db as defaultDb, type Db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/sqlite/client";
import { searchArticles, type SearchOptions, type SearchResult } from "@/lib/search";
import { cachedList } from "@/lib/search/cache";
import { resolveFilters } from "@/lib/search/plan";
import { collapseCards, type ListEntry } from "./collapse";
import type { TopStoriesPage } from "./types";

import { getStory, liveStoryId } from "./queries";
import type { StoryDetail } from "./types";

export type { ListEntry } from "./collapse";

export type { StoryDetail, TopStoriesPage, TopStory } from "./types";

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

const DAY = 86_400_000;
/** A story's weight halves for every HALF_LIFE its newest article is older than the period's end. */
const HALF_LIFE = 2 * DAY;

/** Ranking score: distinct sources, weighed down by age (so a 4-source story beats a 1-source one of the same day). */
export function storyScore(sources: number, newest: number, end: number): number {
  return sources * Math.pow(0.5, Math.max(0, end - newest) / HALF_LIFE);
}

/** What the ranking knows of a story: its matching articles' sources, count, dates and newest article. */
interface StoryTally {
  sources: Set<number>;
  articles: number;
  first: number;
  last: number;
  leadId: number;
}

/**
 * The Top stories view: stories with articles matching the filters (region, country, source, language,
 * date; the week up to the newest article when no date is given), ranked by `storyScore`, one page of them.
 *
 * Two reads instead of every matching article: articles that belong to a grouped story (`storyId` set) are
 * tallied per story and source by the database; an article alone in its story (`storyId` null) scores by
 * its date alone, so only the newest that could reach this page are read, and the rest are counted.
 */
export async function topStories(
  params: ListParams,
  options: { db?: Db; now?: Date } = {},
): Promise<TopStoriesPage> {
  const db = options.db ?? defaultDb;
  // Like browsing, the ranking depends only on the data and the list state: kept until the next write.
  return cachedList(db, "top stories", params, options.now ?? new Date(), (now) =>
    rankStories(db, params, now),
  );
}

async function rankStories(db: Db, params: ListParams, now: Date): Promise<TopStoriesPage> {
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
  const where = {
    publishedAt: { ...(from ? { gte: from } : {}), ...(until ? { lt: until } : {}) },
    ...(filters.sources.length ? { sourceId: { in: filters.sources } } : {}),
    ...(filters.languages.length ? { language: { in: filters.languages } } : {}),
    ...(filters.regions.length ? { regions: { some: { region: { in: filters.regions } } } } : {}),
    ...(filters.countries.length ? { countries: { some: { code: { in: filters.countries } } } } : {}),
  };
  const reach = params.page * params.pageSize;
  const [perSource, alone, aloneCount] = await Promise.all([
    db.article.groupBy({
      by: ["storyId", "sourceId"],
      where: { ...where, storyId: { not: null } },
      _count: { _all: true },
      _min: { publishedAt: true },
      _max: { publishedAt: true },
    }),
    db.article.findMany({
      where: { ...where, storyId: null },
      orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
      take: reach,
      select: { id: true, sourceId: true, publishedAt: true },
    }),
    db.article.count({ where: { ...where, storyId: null } }),
  ]);
  const groups = new Map<number, StoryTally>();
  for (const r of perSource) {
    const first = r._min.publishedAt!.getTime();
    const last = r._max.publishedAt!.getTime();
    const g = groups.get(r.storyId!);
    if (!g) {
      groups.set(r.storyId!, {
        sources: new Set([r.sourceId]),
        articles: r._count._all,
        first,
        last,
        leadId: 0,
      });
      continue;
    }
    g.sources.add(r.sourceId);
    g.articles += r._count._all;
    g.first = Math.min(g.first, first);
    g.last = Math.max(g.last, last);
  }
  for (const r of alone) {
    const t = r.publishedAt.getTime();
    groups.set(r.id, { sources: new Set([r.sourceId]), articles: 1, first: t, last: t, leadId: r.id });
  }
  const total = groups.size - alone.length + aloneCount;
  const end = until?.getTime() ?? now.getTime();
  const ranked = [...groups.entries()]
    .map(([id, g]) => ({ id, g, score: storyScore(g.sources.size, g.last, end) }))
    .sort((a, b) => b.score - a.score || b.g.last - a.g.last || b.id - a.id);
  const offset = (params.page - 1) * params.pageSize;
  const slice = ranked.slice(offset, offset + params.pageSize);
  // Grouped stories learn their lead (newest matching article) only when they reach the page.
  await findLeads(
    db,
    where,
    slice.filter(({ g }) => g.leadId === 0),
  );
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
    total,
    page: params.page,
    pageSize: params.pageSize,
    pageCount: Math.max(1, Math.ceil(total / params.pageSize)),
    from,
    until,
  };
}

/** Sets each grouped story's lead: its newest matching article (the highest id among the newest). */
async function findLeads(
  db: Db,
  where: Prisma.ArticleWhereInput,
  stories: readonly { id: number; g: StoryTally }[],
): Promise<void> {
  if (stories.length === 0) return;
  const rows = await db.article.findMany({
    where: {
      ...where,
      OR: stories.map(({ id, g }) => ({ storyId: id, publishedAt: new Date(g.last) })),
    },
    select: { id: true, storyId: true },
  });
  const byId = new Map(stories.map((s) => [s.id, s.g]));
  for (const r of rows) {
    const g = byId.get(r.storyId!);
    if (g && r.id > g.leadId) g.leadId = r.id;
  }
}
