import "server-only";
import { db as defaultDb, type Db } from "@/lib/db";
import { countryName } from "@/lib/regions";
import type { SearchOptions } from "@/lib/search";
import { parseFeatures, placeTermsOf, type StoryFeatures } from "@/lib/stories/features";
import { cosine, IdfCache, keysOf, vectorOf } from "@/lib/stories/grouping";
import { storyOfArticle } from "@/lib/stories/queries";
import type { StoryArticle, StoryRef } from "@/lib/stories/types";
import type { ListOrigin } from "./list-link";
import { listNeighbours, type ListNeighbours } from "./list-neighbours";
import { storyNeighbours } from "./story-neighbours";
import { articlePath } from "./slug";
import type { ArticleDetail, CountryRef } from "./types";

// What to read after an article: its story (every source on it), related articles (the story grouping's
// own TF-IDF terms, matched through its candidate index: plain tables, the same SQL on both databases),
// more from its source and more about its primary country. Each list leaves out the article, its story
// (copies included: they join their original's story) and what a list before it already shows, and
// shows each other story once.

/** Items per list. */
export const NEXT_READS = 4;
/** Related articles and country news are looked for this far either side of the article's date. */
export const RELATED_WINDOW_MS = 7 * 86_400_000;
/** Below this similarity an article shares words (a country's name, say), not a subject. */
export const RELATED_MIN_SCORE = 0.1;
/** Candidates scored per article (those sharing the most distinctive terms first). */
const RELATED_CANDIDATES = 60;
/** Rows read per list before dropping what other lists show (leaves room for the de-duplication). */
const OVERFETCH = 16;

/** One line of a "read next" list: headline, source and time. */
export interface NextRead {
  id: number;
  path: string;
  title: string;
  source: { id: number; name: string };
  publishedAt: Date;
  dateEstimated: boolean;
}

export interface NextReads {
  /** The article's story, when it has more than one article. */
  story: { story: StoryRef; articles: StoryArticle[] } | null;
  related: NextRead[];
  sameSource: NextRead[];
  /** News about the article's primary country; null when it has none. */
  sameCountry: { country: CountryRef; items: NextRead[] } | null;
  /** Previous and next in the list the reader came from; null without one, or when the article left it. */
  neighbours: ListNeighbours | null;
}

const rowSelect = {
  id: true,
  title: true,
  publishedAt: true,
  dateEstimated: true,
  storyId: true,
  source: { select: { id: true, name: true } },
} as const;

interface Row {
  id: number;
  title: string;
  publishedAt: Date;
  dateEstimated: boolean;
  storyId: number | null;
  source: { id: number; name: string };
}

/** Leaves out the article's story: the article that started it and those that joined it (copies included). */
function outsideStory(storyId: number) {
  return { id: { not: storyId }, OR: [{ storyId: null }, { storyId: { not: storyId } }] };
}

function within(date: Date, ms: number) {
  return { gte: new Date(date.getTime() - ms), lte: new Date(date.getTime() + ms) };
}

/** Term hashes of the place names that tagged the article ("Norway's", "Oslo"), as the grouping hashes words. */
function placeTerms(article: ArticleDetail): Set<number> {
  return placeTermsOf(article.places.flatMap((p) => p.evidence.map((e) => e.phrase)));
}

/** The features without these terms. */
function without(f: StoryFeatures, terms: ReadonlySet<number>): StoryFeatures {
  const keep = (list: number[]) => list.filter((t) => !terms.has(t));
  return { t: keep(f.t), l: keep(f.l), n: keep(f.n), c: f.c, p: keep(f.p) };
}

/**
 * Articles that share the article's most distinctive terms, weighed by their countries, best first. Its
 * place names are left out of the terms: places count through the countries, and in a small archive a
 * country's name alone would look distinctive.
 */
async function relatedRows(db: Db, article: ArticleDetail, storyId: number): Promise<Row[]> {
  const own = await db.article.findUnique({ where: { id: article.id }, select: { storyFeatures: true } });
  const stored = parseFeatures(own?.storyFeatures ?? null);
  if (!stored) return [];
  const places = placeTerms(article);
  const features = without(stored, places);
  const terms = [...new Set([...features.t, ...features.l])];
  const frequencies = await db.storyTerm.findMany({ where: { term: { in: [0, ...terms] } } });
  const df = new Map(frequencies.map((r) => [r.term, r.df]));
  const idfs = new IdfCache({ total: df.get(0) ?? 0, df: (t) => df.get(t) ?? 0 });
  const vector = vectorOf(features, idfs);
  const keys = keysOf(vector);
  if (keys.length === 0) return [];
  const minute = Math.floor(article.publishedAt.getTime() / 60_000);
  const span = RELATED_WINDOW_MS / 60_000;
  const hits = await db.storyKey.findMany({
    where: { term: { in: keys }, minute: { gte: minute - span, lte: minute + span } },
    select: { term: true, articleId: true },
  });
  // Rank candidates by the weight of the distinctive terms they share, then score the best of them.
  const shared = new Map<number, number>();
  for (const h of hits)
    if (h.articleId !== article.id) shared.set(h.articleId, (shared.get(h.articleId) ?? 0) + idfs.of(h.term));
  const ids = [...shared.entries()]
    .sort((a, b) => b[1] - a[1] || b[0] - a[0])
    .slice(0, RELATED_CANDIDATES)
    .map(([id]) => id);
  if (ids.length === 0) return [];
  const candidates = await db.article.findMany({
    where: { AND: [{ id: { in: ids } }, outsideStory(storyId)] },
    select: { ...rowSelect, storyFeatures: true },
  });
  const countries = new Set(features.c);
  const scored = candidates.flatMap((c) => {
    const f = parseFeatures(c.storyFeatures);
    if (!f) return [];
    let score = cosine(vector, vectorOf(without(f, places), idfs));
    // The same words about the same place are more likely the same subject; about two others, less.
    if (countries.size > 0 && f.c.length > 0) score *= f.c.some((x) => countries.has(x)) ? 1.25 : 0.5;
    return score >= RELATED_MIN_SCORE ? [{ row: c, score }] : [];
  });
  return scored
    .sort((a, b) => b.score - a.score || b.row.publishedAt.getTime() - a.row.publishedAt.getTime())
    .map((s) => s.row);
}

function toNextRead(row: Row): NextRead {
  return {
    id: row.id,
    path: articlePath(row.id, row.title),
    title: row.title,
    source: row.source,
    publishedAt: row.publishedAt,
    dateEstimated: row.dateEstimated,
  };
}

/** Up to NEXT_READS rows, one per story, leaving out stories already shown (and marking these shown). */
function pick(rows: readonly Row[], shown: Set<number>): NextRead[] {
  const out: NextRead[] = [];
  for (const row of rows) {
    const story = row.storyId ?? row.id;
    if (shown.has(story)) continue;
    shown.add(story);
    out.push(toNextRead(row));
    if (out.length === NEXT_READS) break;
  }
  return out;
}

/**
 * What to read after an article: its story, related articles, more from its source and about its primary
 * country, and its neighbours where it was opened from (`from`: a list, or its story; all queried at once).
 */
export async function nextReads(
  article: ArticleDetail,
  options: { from?: ListOrigin | null; db?: Db; provider?: SearchOptions["provider"] } = {},
): Promise<NextReads> {
  const db = options.db ?? defaultDb;
  const storyId = article.story.id;
  const primary = article.countries.find((c) => c.primary) ?? null;
  const from = options.from ?? null;
  const [listed, story, related, sameSource, sameCountry] = await Promise.all([
    from?.kind === "list" ? listNeighbours(article.id, from.list, { db, provider: options.provider }) : null,
    storyOfArticle(article.id, db),
    relatedRows(db, article, storyId),
    db.article.findMany({
      where: { AND: [{ sourceId: article.source.id }, outsideStory(storyId)] },
      orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
      take: OVERFETCH,
      select: rowSelect,
    }),
    primary
      ? db.article.findMany({
          where: {
            AND: [
              { countries: { some: { code: primary.code, primary: true } } },
              { publishedAt: within(article.publishedAt, RELATED_WINDOW_MS) },
              outsideStory(storyId),
            ],
          },
          orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
          take: OVERFETCH,
          select: rowSelect,
        })
      : [],
  ]);
  const shown = new Set([storyId]);
  const coverage = story && story.articles.length > 1 ? story : null;
  const neighbours =
    from?.kind === "story" ? (coverage ? storyNeighbours(article.id, coverage) : null) : listed;
  return {
    story: coverage,
    related: pick(related, shown),
    sameSource: pick(sameSource, shown),
    sameCountry: primary
      ? { country: { ...primary, name: countryName(primary.code) }, items: pick(sameCountry, shown) }
      : null,
    neighbours,
  };
}
