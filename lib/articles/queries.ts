import "server-only";
import { db as defaultDb, num, numOrNull, readRows, type Db } from "@/lib/db";
import { idList, sql } from "@/lib/search/where";
import { countryName, type PlaceEvidence, type RegionSlug } from "@/lib/regions";
import { copiesOf, singleStory, storyRefs } from "@/lib/stories/queries";
import type { StoryRef } from "@/lib/stories/types";
import { namesOf } from "./source-names";
import { articlePath } from "./slug";
import type { ArticleCard, ArticleDetail, CountryRef, PlacedCountry } from "./types";

/** A card's columns; its source's name comes from sourceNames (lists) or a join (one article). */
const cardColumns = {
  id: true,
  title: true,
  url: true,
  summary: true,
  publishedAt: true,
  dateEstimated: true,
  language: true,
  sourceId: true,
  countries: { select: { code: true, primary: true, salience: true } },
  regions: { select: { region: true } },
  storyId: true,
  duplicateOfId: true,
} as const;
const cardSelect = { ...cardColumns, source: { select: { id: true, name: true } } } as const;

/** An article's card columns as a raw read gives them on either database (lib/db.ts, readRows). */
interface RawCard {
  id: unknown;
  title: string;
  url: string | null;
  summary: string | null;
  publishedAt: Date | string;
  dateEstimated: unknown;
  language: string | null;
  sourceId: unknown;
  storyId: unknown;
  duplicateOfId: unknown;
}

/** Rows by their article id, in the order read. */
function byArticle<R extends { articleId: unknown }, V>(
  rows: readonly R[],
  value: (row: R) => V,
): Map<number, V[]> {
  const out = new Map<number, V[]>();
  for (const row of rows) {
    const id = num(row.articleId);
    const known = out.get(id);
    if (known) known.push(value(row));
    else out.set(id, [value(row)]);
  }
  return out;
}

/**
 * The card columns of these articles, with their countries and regions: the three statements Prisma's
 * `include` would send, run by readRows, which on SQLite skips Prisma's client (most of a list's time
 * after its statements: docs/benchmarks.md, 2026-12-03). Values are normalized from either database's
 * forms (SQLite gives dates as text and booleans as 0 or 1).
 */
async function cardColumnsOf(db: Db, ids: readonly number[]): Promise<Omit<CardRow, "source">[]> {
  const list = idList(ids);
  const [articles, countries, regions] = await Promise.all([
    readRows<RawCard>(
      db,
      sql`SELECT "id", "title", "url", "summary", "publishedAt", "dateEstimated", "language", "sourceId", "storyId", "duplicateOfId"
        FROM "Article" WHERE "id" IN (${list})`,
    ),
    readRows<{ articleId: unknown; code: string; primary: unknown; salience: unknown }>(
      db,
      sql`SELECT "articleId", "code", "primary", "salience" FROM "ArticleCountry" WHERE "articleId" IN (${list})`,
    ),
    readRows<{ articleId: unknown; region: string }>(
      db,
      sql`SELECT "articleId", "region" FROM "ArticleRegion" WHERE "articleId" IN (${list})`,
    ),
  ]);
  const countriesOf = byArticle(countries, (c) => ({
    code: c.code,
    primary: Boolean(c.primary),
    salience: num(c.salience),
  }));
  const regionsOf = byArticle(regions, (r) => ({ region: r.region }));
  return articles.map((a) => {
    const id = num(a.id);
    return {
      id,
      title: a.title,
      url: a.url,
      summary: a.summary,
      publishedAt: new Date(a.publishedAt),
      dateEstimated: Boolean(a.dateEstimated),
      language: a.language,
      sourceId: num(a.sourceId),
      storyId: numOrNull(a.storyId),
      duplicateOfId: numOrNull(a.duplicateOfId),
      countries: countriesOf.get(id) ?? [],
      regions: regionsOf.get(id) ?? [],
    };
  });
}

interface CardRow {
  id: number;
  sourceId: number;
  title: string;
  url: string | null;
  summary: string | null;
  publishedAt: Date;
  dateEstimated: boolean;
  language: string | null;
  source: { id: number; name: string };
  countries: { code: string; primary: boolean; salience: number }[];
  regions: { region: string }[];
  storyId: number | null;
  duplicateOfId: number | null;
}

interface StoryExtras {
  stories: ReadonlyMap<number, StoryRef>;
  copies: ReadonlyMap<number, string[]>;
}

function toCountryRefs(rows: CardRow["countries"]): CountryRef[] {
  return [...rows]
    .sort((a, b) => Number(b.primary) - Number(a.primary) || b.salience - a.salience)
    .map((c) => ({ code: c.code, name: countryName(c.code), primary: c.primary }));
}

function toCard(row: CardRow, extras: StoryExtras, snippet: string | null = null): ArticleCard {
  return {
    id: row.id,
    path: articlePath(row.id, row.title),
    title: row.title,
    url: row.url,
    excerpt: row.summary ?? "",
    snippet,
    source: row.source,
    publishedAt: row.publishedAt,
    dateEstimated: row.dateEstimated,
    countries: toCountryRefs(row.countries),
    regions: row.regions.map((r) => r.region as RegionSlug),
    language: row.language,
    story:
      row.storyId === null
        ? singleStory(row.id, row.title)
        : (extras.stories.get(row.storyId) ?? singleStory(row.id, row.title)),
    alsoPublishedBy: extras.copies.get(row.id) ?? [],
    originalId: row.duplicateOfId ?? row.id,
  };
}

/** Story sizes and syndicated copies for a set of card rows (a fixed number of reads, whatever the count). */
async function storyExtras(db: Db, rows: readonly CardRow[]): Promise<StoryExtras> {
  const storyIds = rows.flatMap((r) => (r.storyId === null ? [] : [r.storyId]));
  const [stories, copies] = await Promise.all([
    storyRefs(db, storyIds),
    copiesOf(
      db,
      rows.map((r) => ({ id: r.id, sourceId: r.source.id, duplicateOfId: r.duplicateOfId })),
    ),
  ]);
  return { stories, copies };
}

/** Stored evidence (JSON written by lib/ingest/store) read defensively: anything malformed is left out. */
function parseEvidence(raw: string | null): PlaceEvidence[] {
  if (!raw) return [];
  try {
    const value: unknown = JSON.parse(raw);
    if (!Array.isArray(value)) return [];
    return value.flatMap((e: unknown) => {
      if (typeof e !== "object" || e === null) return [];
      const { phrase, count, zones } = e as Record<string, unknown>;
      if (typeof phrase !== "string" || typeof count !== "number" || !Array.isArray(zones)) return [];
      const known = zones.filter(
        (z): z is PlaceEvidence["zones"][number] =>
          z === "title" || z === "dateline" || z === "lead" || z === "body",
      );
      return [{ phrase, count, zones: known }];
    });
  } catch {
    return [];
  }
}

/** The cards for these ids, in this order, with their snippets (null when browsing); unknown ids are left out. */
export async function loadCards(
  db: Db,
  ids: readonly number[],
  snippets?: ReadonlyMap<number, string | null> | Promise<ReadonlyMap<number, string | null>>,
): Promise<ArticleCard[]> {
  if (ids.length === 0) {
    await snippets;
    return [];
  }
  // Snippets may still be in the making (PostgreSQL's headlines): they are awaited beside the cards' rows.
  const [columns, snips] = await Promise.all([cardColumnsOf(db, ids), snippets]);
  const names = await namesOf(
    db,
    columns.map((r) => r.sourceId),
  );
  const rows = columns.map((r): CardRow => ({
    ...r,
    source: { id: r.sourceId, name: names.get(r.sourceId) ?? "" },
  }));
  const byId = new Map(rows.map((r) => [r.id, r]));
  const extras = await storyExtras(db, rows);
  return ids.flatMap((id) => {
    const row = byId.get(id);
    return row ? [toCard(row, extras, snips?.get(id) ?? null)] : [];
  });
}

/** One article with its body, or null when there is none with that id. */
export async function getArticle(id: number, db: Db = defaultDb): Promise<ArticleDetail | null> {
  const row = await db.article.findUnique({
    where: { id },
    select: {
      ...cardSelect,
      bodyHtml: true,
      bodyText: true,
      author: true,
      readingMinutes: true,
      fetchedAt: true,
      countries: {
        select: { code: true, primary: true, salience: true, mentions: true, evidence: true },
        orderBy: [{ salience: "desc" }, { code: "asc" }],
      },
      source: { select: { id: true, name: true, siteUrl: true } },
    },
  });
  if (!row) return null;
  return {
    ...toCard(row, await storyExtras(db, [row])),
    bodyHtml: row.bodyHtml,
    bodyText: row.bodyText ?? "",
    author: row.author,
    readingMinutes: row.readingMinutes,
    fetchedAt: row.fetchedAt,
    places: row.countries.map((c): PlacedCountry => ({
      code: c.code,
      name: countryName(c.code),
      primary: c.primary,
      salience: c.salience,
      mentions: c.mentions,
      evidence: parseEvidence(c.evidence),
    })),
    source: row.source,
  };
}
