import "server-only";
import type { Db } from "@/lib/db";
import { env, providerOf } from "@/lib/env";

/** New or changed articles from which an import counts as a bulk load that is worth an optimize. */
export const BULK_LOAD_ARTICLES = 1_000;

/**
 * Merges the SQLite word indexes into one segment each (FTS5 'optimize'), as after a bulk load: a large
 * import leaves dozens of segments, and every search reads each of them until FTS5's background merges
 * catch up. About 4 s for 100,000 articles (docs/benchmarks.md). PostgreSQL's GIN index needs no such step
 * (its pending list is merged by the writes and VACUUM), so there it does nothing. True when it ran.
 */
export async function optimizeSearchIndex(
  db: Db,
  provider: "sqlite" | "postgresql" = providerOf(env.DATABASE_URL),
): Promise<boolean> {
  if (provider !== "sqlite") return false;
  await db.$executeRawUnsafe(`INSERT INTO "ArticleSearch" ("ArticleSearch") VALUES ('optimize')`);
  await db.$executeRawUnsafe(
    `INSERT INTO "ArticleSearchTrigram" ("ArticleSearchTrigram") VALUES ('optimize')`,
  );
  return true;
}
