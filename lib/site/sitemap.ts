import "server-only";
import { articlePath } from "@/lib/articles/slug";
import { db } from "@/lib/db";
import { siteOrigin } from "./origin";

/** Articles per sitemap file; the sitemap protocol allows 50,000 URLs per file. */
const SITEMAP_PAGE_SIZE = 50_000;

/** One URL of a sitemap. */
export interface SitemapEntry {
  url: string;
  lastModified: Date;
}

/**
 * How many sitemap files there are: one per block of SITEMAP_PAGE_SIZE article ids (id ranges, not OFFSET,
 * so each file is an index range scan however large the database), and always at least one.
 */
export async function sitemapPageCount(): Promise<number> {
  const { _max } = await db.article.aggregate({ _max: { id: true } });
  return Math.max(1, Math.ceil((_max.id ?? 0) / SITEMAP_PAGE_SIZE));
}

/** The absolute URLs of the sitemap files, for robots.txt. */
export async function sitemapFileUrls(): Promise<string[]> {
  const [origin, pages] = await Promise.all([siteOrigin(), sitemapPageCount()]);
  return Array.from({ length: pages }, (_, i) => `${origin}/sitemap/${i}.xml`);
}

/** The entries of sitemap file `page` (0-based; the first also lists the front page); none for a bad page. */
export async function sitemapEntries(page: number): Promise<SitemapEntry[]> {
  if (!Number.isSafeInteger(page) || page < 0) return [];
  const [origin, rows, newest] = await Promise.all([
    siteOrigin(),
    db.article.findMany({
      where: { id: { gt: page * SITEMAP_PAGE_SIZE, lte: (page + 1) * SITEMAP_PAGE_SIZE } },
      select: { id: true, title: true, updatedAt: true },
      orderBy: { id: "asc" },
    }),
    page === 0 ? db.article.aggregate({ _max: { updatedAt: true } }) : null,
  ]);
  const articles = rows.map((r) => ({ url: origin + articlePath(r.id, r.title), lastModified: r.updatedAt }));
  if (!newest) return articles;
  return [{ url: `${origin}/`, lastModified: newest._max.updatedAt ?? new Date() }, ...articles];
}
