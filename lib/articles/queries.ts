import "server-only";
import { db } from "@/lib/db";
import { countryName, type RegionSlug } from "@/lib/regions";
import { articlePath } from "./slug";
import type { ArticleCard, ArticleDetail, ArticlePage, CountryRef } from "./types";

export const PAGE_SIZE = 20;

const cardSelect = {
  id: true,
  title: true,
  url: true,
  summary: true,
  publishedAt: true,
  dateEstimated: true,
  source: { select: { id: true, name: true } },
  countries: { select: { code: true, primary: true, salience: true }, orderBy: { salience: "desc" } },
  regions: { select: { region: true } },
} as const;

interface CardRow {
  id: number;
  title: string;
  url: string | null;
  summary: string | null;
  publishedAt: Date;
  dateEstimated: boolean;
  source: { id: number; name: string };
  countries: { code: string; primary: boolean; salience: number }[];
  regions: { region: string }[];
}

function toCountryRefs(rows: CardRow["countries"]): CountryRef[] {
  return [...rows]
    .sort((a, b) => Number(b.primary) - Number(a.primary) || b.salience - a.salience)
    .map((c) => ({ code: c.code, name: countryName(c.code), primary: c.primary }));
}

function toCard(row: CardRow, snippet: string | null = null): ArticleCard {
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
  };
}

/** Newest articles first, one page of PAGE_SIZE; a page past the end is empty. */
export async function listLatest(page: number): Promise<ArticlePage> {
  const total = await db.article.count();
  const pageCount = Math.max(1, Math.ceil(total / PAGE_SIZE));
  if (page > pageCount) return { items: [], total, page, pageSize: PAGE_SIZE, pageCount };
  const rows = await db.article.findMany({
    select: cardSelect,
    orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
    skip: (page - 1) * PAGE_SIZE,
    take: PAGE_SIZE,
  });
  return { items: rows.map((r) => toCard(r)), total, page, pageSize: PAGE_SIZE, pageCount };
}

/** One article with its body, or null when there is none with that id. */
export async function getArticle(id: number): Promise<ArticleDetail | null> {
  const row = await db.article.findUnique({
    where: { id },
    select: {
      ...cardSelect,
      bodyHtml: true,
      bodyText: true,
      author: true,
      readingMinutes: true,
      language: true,
      fetchedAt: true,
      source: { select: { id: true, name: true, siteUrl: true } },
    },
  });
  if (!row) return null;
  return {
    ...toCard(row),
    bodyHtml: row.bodyHtml,
    bodyText: row.bodyText,
    author: row.author,
    readingMinutes: row.readingMinutes,
    language: row.language,
    fetchedAt: row.fetchedAt,
    source: row.source,
  };
}
