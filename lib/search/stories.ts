// Lists group articles by story (lib/stories): each story is one entry, its best match when the list is
// ranked and its newest article when it is browsed, and pages, totals and page counts are over those
// entries. The rule is the same on both engines: the statements below are plain SQL, and each engine
// only supplies its matching rows and the FROM item that looks an article's story up by id.
import type { ListParams } from "@/lib/articles/params";
import { RANK_WINDOW } from "./ranking";
import { raw, sql, type Sql } from "./where";

/** True when the list shows each story once (the default); `all=1` lists every article. */
export function groupsStories(params: ListParams): boolean {
  return !params.all;
}

/** An article's story: the one it joined, or its own id while it stands alone (docs/stories.md). */
const STORY = raw(`coalesce(g."storyId", g."id")`);

/** Display order of matching rows: scored rows first, best first, then newest first. */
const ORDER = raw(`(r."sc" IS NULL), r."sc" DESC, r."k" DESC`);

/**
 * One page of stories: `rows` yields a matching article per row as `id`, its search key `k` and its score
 * `sc` (NULL when unscored; unscored rows follow scored ones, newest first). Each story is represented by
 * its first row in that order, and the representatives are paged in the same order. `article` is the FROM
 * item with alias `g` that looks an article's story up by id. Yields `id`, the publication minute `m`,
 * and `n`, the number of stories (counted in the same pass; a page past the end has no row to carry it).
 */
export function storyPage(rows: Sql, article: Sql, limit: number, offset: number): Sql {
  // CROSS JOIN: the rows drive the lookups (SQLite keeps that order; PostgreSQL reads it as an inner join).
  return sql`SELECT r."id" AS id, (r."k" >> 31) AS m, count(*) OVER () AS n FROM (
      SELECT r."id", r."k", r."sc", ROW_NUMBER() OVER (PARTITION BY ${STORY} ORDER BY ${ORDER}) AS rn
      FROM (${rows}) r CROSS JOIN ${article} WHERE g."id" = r."id"
    ) r WHERE r.rn = 1 ORDER BY ${ORDER} LIMIT ${limit} OFFSET ${offset}`;
}

/** How many stories the matching rows of `rows` (a column `id`) belong to; `article` as for storyPage. */
export function storyCount(rows: Sql, article: Sql): Sql {
  return sql`SELECT count(DISTINCT ${STORY}) AS n FROM (${rows}) r CROSS JOIN ${article} WHERE g."id" = r."id"`;
}

/** True when a page of entries lies within the first RANK_WINDOW rows, so that the window can hold it. */
export function windowHolds(page: { offset: number; limit: number }): boolean {
  return page.offset + page.limit <= RANK_WINDOW;
}

/**
 * The number of stories among `articles` matches, estimated from the window of the newest RANK_WINDOW
 * matches, which belong to `windowStories` stories. Lists over very many matches take their page from that
 * window (`listStories` in lib/search/listing.ts, docs/search.md): every match in it precedes every
 * match outside it in display order, so the window's page is the exact page whenever it is full.
 */
export function estimatedStories(articles: number, windowStories: number): number {
  const windowArticles = Math.max(1, Math.min(RANK_WINDOW, articles));
  return Math.max(windowStories, Math.round((articles * windowStories) / windowArticles));
}
