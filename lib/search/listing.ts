import { num } from "@/lib/db";
import { RANK_WINDOW } from "./ranking";
import type { PageRequest } from "./result";
import { estimatedStories, storyCount, storyPage, windowHolds } from "./stories";
import type { Sql } from "./where";

// Which rows a page lists, once for both engines: the ranked window and what follows it, and a story's
// representative. Each engine supplies a Listing, the statements over its own matches (lib/search/sqlite.ts,
// postgres.ts); the rules of relevance and recency they blend are lib/search/ranking.ts.

/** A listed article: its id and publication minute (together they make its search key). */
export interface PageRow {
  id: number;
  minute: number;
}

/** A listed row as the engines' statements yield it: the article id and its publication minute as `m`. */
interface KeyRow {
  id: number | bigint;
  m: number | bigint;
}

const pageRowsOf = (rows: readonly KeyRow[]): PageRow[] =>
  rows.map((r) => ({ id: num(r.id), minute: num(r.m) }));

/** A page of stories (one row per story, its representative article) and how many stories there are. */
export interface StoryList {
  rows: PageRow[];
  total: number;
  approximate: boolean;
}

/**
 * One engine's statements over a request's matches (after every filter). Only the newest RANK_WINDOW
 * matches are scored (relevance blended with recency); older matches follow them, newest first.
 */
export interface Listing {
  /** True when matches have a text relevance (a query with words): a ranked list scores the window. */
  scored: boolean;
  /** Runs a statement the listing made. */
  run: <Row>(statement: Sql) => Promise<Row[]>;
  /** The FROM item with alias `g` that looks an article's story up by id (lib/search/stories.ts). */
  storyLookup: Sql;
  /** The window's matches as rows (id, k: search key, sc: the score when `score`, else NULL). */
  window: (score: boolean) => Sql;
  /** Every match as rows (id, k, sc: the score of a match in the window when `score`, else NULL). */
  all: (score: boolean) => Sql;
  /** Matches as (id, m: minute), newest first, skipping `skip` and taking `take`; `older`: only those past the window. */
  newest: (older: boolean, skip: number, take: number) => Sql;
  /** The window's matches as (id, m), best score first, skipping `skip` and taking `take`. */
  best: (skip: number, take: number) => Sql;
}

/** The page's articles in display order. */
export async function listArticles(listing: Listing, page: PageRequest): Promise<PageRow[]> {
  const newest = async (older: boolean, skip: number, take: number) =>
    pageRowsOf(await listing.run<KeyRow>(listing.newest(older, skip, take)));
  if (!page.ranked || !listing.scored) return newest(false, page.offset, page.limit);
  // Scoring every match of a common word is what costs: only the window is ranked (docs/search.md).
  const rows: PageRow[] = [];
  if (page.offset < RANK_WINDOW) {
    const take = Math.min(page.limit, RANK_WINDOW - page.offset);
    rows.push(...pageRowsOf(await listing.run<KeyRow>(listing.best(page.offset, take))));
    // Fewer rows than asked for: the window is exhausted, and so is the result (it held every match).
    if (rows.length < take || take === page.limit) return rows;
  }
  const rest = await newest(true, Math.max(0, page.offset - RANK_WINDOW), page.limit - rows.length);
  return [...rows, ...rest];
}

/**
 * One page of stories and how many there are (lib/search/stories.ts): every match takes part, those in the
 * ranked window scored, the rest not; each story is represented by its first match in that order.
 * `windowed`: the page may come from the window alone, the number of stories then estimated from it, as
 * when there are very many matches or their number (`articles`) is itself an estimate. Every match in the
 * window comes before every match outside it in display order, so a story with a match in the window is
 * represented there: when the window fills the page, the page is the exact one.
 */
export async function listStories(
  listing: Listing,
  page: PageRequest,
  articles: number,
  windowed: boolean,
): Promise<StoryList> {
  const score = page.ranked && listing.scored;
  const run = (matches: Sql) =>
    listing.run<KeyRow & { n: bigint | number }>(
      storyPage(matches, listing.storyLookup, page.limit, page.offset),
    );
  if (windowed && windowHolds(page)) {
    const rows = await run(listing.window(score));
    if (rows.length === page.limit) {
      return {
        rows: pageRowsOf(rows),
        total: estimatedStories(articles, num(rows[0]!.n)),
        approximate: true,
      };
    }
  }
  const rows = await run(listing.all(score));
  if (rows[0]) return { rows: pageRowsOf(rows), total: num(rows[0].n), approximate: false };
  // A page past the end has no row to carry the number of stories.
  const total =
    page.offset === 0
      ? 0
      : num(
          (await listing.run<{ n: bigint | number }>(storyCount(listing.all(false), listing.storyLookup)))[0]
            ?.n,
        );
  return { rows: [], total, approximate: false };
}
