import "server-only";
import { articlePath, slugify } from "@/lib/articles/slug";
import { namesOf } from "@/lib/articles/source-names";
import { db as defaultDb, num, numOrNull, readRows, type Db } from "@/lib/db";
import { idList, sql } from "@/lib/search/where";
import { countryName } from "@/lib/regions";
import type { StoryArticle, StoryDetail, StoryRef } from "./types";

/** The stable, readable path of a story page: /stories/<id>-<slug>. */
export function storyPath(id: number, headline: string): string {
  const slug = slugify(headline);
  return slug ? `/stories/${id}-${slug}` : `/stories/${id}`;
}

/**
 * The story an id names now: a merged story's id leads to the story it joined (following chains); an id
 * without a story row is an article's, whose story it is while the article stands alone.
 */
export async function liveStoryId(id: number, db: Db = defaultDb): Promise<number | null> {
  let current = id;
  for (let hops = 0; hops < 20; hops++) {
    const row = await db.story.findUnique({ where: { id: current }, select: { mergedIntoId: true } });
    if (!row) {
      const article = await db.article.findUnique({ where: { id: current }, select: { storyId: true } });
      return article ? (article.storyId ?? current) : null;
    }
    if (row.mergedIntoId === null) return current;
    current = row.mergedIntoId;
  }
  return null;
}

/** Articles of a story: those that name it, or the one article whose own story it is. */
function membersOf(id: number) {
  return { OR: [{ storyId: id }, { id, storyId: null }] };
}

const memberSelect = {
  id: true,
  title: true,
  url: true,
  publishedAt: true,
  dateEstimated: true,
  duplicateOfId: true,
  source: { select: { id: true, name: true } },
} as const;

/** One story with every article, first report first; null when there is none with that (live) id. */
export async function getStory(id: number, db: Db = defaultDb): Promise<StoryDetail | null> {
  const story = await db.story.findUnique({ where: { id }, select: { mergedIntoId: true } });
  if (story && story.mergedIntoId !== null) return null;
  const rows = await db.article.findMany({
    where: membersOf(id),
    orderBy: [{ publishedAt: "asc" }, { id: "asc" }],
    select: { ...memberSelect, summary: true, countries: { select: { code: true, primary: true } } },
  });
  const first = rows[0];
  if (!first) return null;
  const codes = new Map<string, number>();
  for (const r of rows)
    for (const c of r.countries) if (c.primary) codes.set(c.code, (codes.get(c.code) ?? 0) + 1);
  const sources = new Map<number, { id: number; name: string; articles: number }>();
  for (const r of rows) {
    const s = sources.get(r.source.id) ?? { ...r.source, articles: 0 };
    s.articles++;
    sources.set(r.source.id, s);
  }
  return {
    id,
    path: storyPath(id, first.title),
    headline: first.title,
    lead: first.summary ?? "",
    firstPublishedAt: first.publishedAt,
    lastPublishedAt: rows[rows.length - 1]!.publishedAt,
    articles: rows.map(toStoryArticle),
    sources: [...sources.values()],
    countries: [...codes.entries()]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .map(([code]) => ({ code, name: countryName(code), primary: true })),
  };
}

function toStoryArticle(r: {
  id: number;
  title: string;
  url: string | null;
  publishedAt: Date;
  dateEstimated: boolean;
  duplicateOfId: number | null;
  source: { id: number; name: string };
}): StoryArticle {
  return {
    id: r.id,
    path: articlePath(r.id, r.title),
    title: r.title,
    url: r.url,
    publishedAt: r.publishedAt,
    dateEstimated: r.dateEstimated,
    source: r.source,
    duplicateOfId: r.duplicateOfId,
  };
}

/** The articles of an article's story, first report first (the article itself included). */
export async function storyOfArticle(
  articleId: number,
  db: Db = defaultDb,
): Promise<{ story: StoryRef; articles: StoryArticle[] } | null> {
  const article = await db.article.findUnique({
    where: { id: articleId },
    select: { storyId: true, title: true },
  });
  if (!article) return null;
  const storyId = article.storyId ?? articleId;
  const story = (await storyRefs(db, [storyId])).get(storyId) ?? singleStory(articleId, article.title);
  const rows = await db.article.findMany({
    where: membersOf(storyId),
    orderBy: [{ publishedAt: "asc" }, { id: "asc" }],
    select: memberSelect,
  });
  return { story, articles: rows.map(toStoryArticle) };
}

/** The story of an article that stands alone. */
export function singleStory(articleId: number, title: string): StoryRef {
  return { id: articleId, path: storyPath(articleId, title), size: 1, sources: 1 };
}

/** Size, sources and path of stories with more than one article, by id (for cards and the API). */
export async function storyRefs(db: Db, ids: readonly number[]): Promise<Map<number, StoryRef>> {
  const out = new Map<number, StoryRef>();
  if (ids.length === 0) return out;
  // Raw reads (lib/db.ts, readRows): on SQLite they skip Prisma's client, as every card of a list does.
  const rows = await readRows<{ id: unknown; headline: string; articleCount: unknown; sourceCount: unknown }>(
    db,
    sql`SELECT "id", "headline", "articleCount", "sourceCount" FROM "Story"
      WHERE "id" IN (${idList(new Set(ids))}) AND "mergedIntoId" IS NULL`,
  );
  for (const r of rows) {
    const id = num(r.id);
    out.set(id, {
      id,
      path: storyPath(id, r.headline),
      size: num(r.articleCount),
      sources: num(r.sourceCount),
    });
  }
  return out;
}

/** An article as copiesOf needs it: its source, and the original it is a copy of (null for an original). */
export interface CopyRef {
  id: number;
  sourceId: number;
  duplicateOfId: number | null;
}

/**
 * For each article, the other sources that published a copy of the same text ("also published by"), first
 * report first. The caller has read the articles already, so one read (of the originals and their copies) is
 * left to do.
 */
export async function copiesOf(db: Db, own: readonly CopyRef[]): Promise<Map<number, string[]>> {
  const out = new Map<number, string[]>();
  if (own.length === 0) return out;
  const originals = new Map(own.map((a) => [a.id, a.duplicateOfId ?? a.id]));
  const rootIds = [...new Set(originals.values())];
  const roots = idList(rootIds);
  const members = (
    await readRows<{ id: unknown; duplicateOfId: unknown; sourceId: unknown }>(
      db,
      sql`SELECT "id", "duplicateOfId", "sourceId" FROM "Article"
        WHERE "id" IN (${roots}) OR "duplicateOfId" IN (${roots}) ORDER BY "publishedAt" ASC, "id" ASC`,
    )
  ).map((m) => ({
    id: num(m.id),
    duplicateOfId: numOrNull(m.duplicateOfId),
    sourceId: num(m.sourceId),
  }));
  const sources = await namesOf(
    db,
    members.map((m) => m.sourceId),
  );
  for (const a of own) {
    const root = originals.get(a.id)!;
    const names = members
      .filter((m) => (m.duplicateOfId ?? m.id) === root && m.id !== a.id && m.sourceId !== a.sourceId)
      .map((m) => sources.get(m.sourceId) ?? "");
    if (names.length > 0) out.set(a.id, [...new Set(names)]);
  }
  return out;
}
