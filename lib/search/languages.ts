import "server-only";
import type { Db } from "@/lib/db";
import { cachedFact } from "./cache";

/**
 * The languages a query is stemmed in (docs/language.md): the `lang` filter's languages when the reader
 * chose some, else every language stored articles have, with null for articles of unknown language. Both
 * reads are index seeks (a skip scan over the language index); only writes change the answer, so it is read
 * once per data version (`version`, read by the caller for this request: cache.ts).
 */
export async function queryLanguages(
  db: Db,
  filter: readonly string[],
  version: string | null,
): Promise<(string | null)[]> {
  if (filter.length > 0) return [...filter];
  return [...(await cachedFact(db, "stored languages", () => storedLanguages(db), version))];
}

async function storedLanguages(db: Db): Promise<(string | null)[]> {
  const rows = await db.$queryRaw<{ language: string }[]>`WITH RECURSIVE l(x) AS (
      SELECT min("language") FROM "Article"
      UNION ALL SELECT (SELECT min("language") FROM "Article" WHERE "language" > l.x) FROM l WHERE l.x IS NOT NULL)
    SELECT x AS language FROM l WHERE x IS NOT NULL`;
  const unknown = await db.$queryRaw<unknown[]>`SELECT 1 FROM "Article" WHERE "language" IS NULL LIMIT 1`;
  return [...(unknown.length > 0 ? [null] : []), ...rows.map((r) => r.language)];
}
