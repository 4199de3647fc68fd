import "server-only";
import type { Db } from "@/lib/db";
import { articlePath } from "@/lib/articles/slug";
import type { ArticleCard, CountryRef } from "@/lib/articles/types";
import { countryName, type RegionSlug } from "@/lib/regions";

// What a card shows; never the body (same shape as lib/articles/queries.ts).
const cardSelect = {
  id: true,
  title: true,
  url: true,
  summary: true,
  publishedAt: true,
  dateEstimated: true,
  source: { select: { id: true, name: true } },
  countries: { select: { code: true, primary: true, salience: true } },
  regions: { select: { region: true } },
} as const;

function countryRefs(rows: { code: string; primary: boolean; salience: number }[]): CountryRef[] {
  return [...rows]
    .sort((a, b) => Number(b.primary) - Number(a.primary) || b.salience - a.salience)
    .map((c) => ({ code: c.code, name: countryName(c.code), primary: c.primary }));
}

/** The cards for these ids, in this order, with their snippets (null when browsing). */
export async function loadCards(
  db: Db,
  ids: readonly number[],
  snippets?: ReadonlyMap<number, string | null>,
): Promise<ArticleCard[]> {
  if (ids.length === 0) return [];
  const rows = await db.article.findMany({ where: { id: { in: [...ids] } }, select: cardSelect });
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    if (!row) return [];
    return [
      {
        id: row.id,
        path: articlePath(row.id, row.title),
        title: row.title,
        url: row.url,
        excerpt: row.summary ?? "",
        snippet: snippets?.get(row.id) ?? null,
        source: row.source,
        publishedAt: row.publishedAt,
        dateEstimated: row.dateEstimated,
        countries: countryRefs(row.countries),
        regions: row.regions.map((r) => r.region as RegionSlug),
      },
    ];
  });
}
