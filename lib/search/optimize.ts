import "server-only";
import type { Db } from "@/lib/db";
import { env, providerOf } from "@/lib/env";

/** New or changed articles from which an import counts as a bulk load that is worth an optimize. */
export const BULK_LOAD_ARTICLES = 1_000;

/** The SQLite word indexes (FTS5 tables). */
const WORD_INDEXES = ["ArticleSearch", "ArticleSearchTrigram"] as const;

/** FTS5's own merge settings (its defaults), which the indexes run with outside a bulk load. */
const MERGES = { automerge: 4, crisismerge: 16 };
/**
 * During a bulk load: no background merges, and a level merged only once it holds this many segments. A
 * load then writes each transaction's segment once, and the optimize at its end merges them all once;
 * FTS5's defaults merge four segments at a time, level by level, rewriting the same terms several times
 * (at 100,000 articles, 50 transactions: about 4 s of the writer's time, docs/benchmarks.md).
 */
const PAUSED = { automerge: 0, crisismerge: 64 };

async function setMerges(db: Db, settings: typeof MERGES): Promise<void> {
  for (const index of WORD_INDEXES)
    for (const [name, value] of Object.entries(settings))
      await db.$executeRawUnsafe(`INSERT INTO "${index}" ("${index}", "rank") VALUES ('${name}', ${value})`);
}

/**
 * Pauses the SQLite word indexes' background merges for a bulk load; returns what resumes them (call it in
 * a `finally`, then optimize if the load was large). The settings are stored in the indexes, so they hold
 * for every connection while paused (a poller's writes add segments too, at most PAUSED.crisismerge per
 * level), and a process killed before resuming leaves them paused until the next bulk load ends. Resuming
 * restores FTS5's defaults, whoever paused: two overlapping loads cannot leave the merges off. Nothing to do
 * on PostgreSQL.
 */
export async function pauseSearchIndexMerges(
  db: Db,
  provider: "sqlite" | "postgresql" = providerOf(env.DATABASE_URL),
): Promise<() => Promise<void>> {
  if (provider !== "sqlite") return async () => {};
  await setMerges(db, PAUSED);
  return () => resumeSearchIndexMerges(db, provider);
}

/**
 * Restores FTS5's merge settings (what ending a bulk load does). The poller calls it when it starts, so
 * that a load killed before it resumed does not leave the indexes without merges for good; a load still
 * running only loses the speed of its pause. Nothing to do on PostgreSQL.
 */
export async function resumeSearchIndexMerges(
  db: Db,
  provider: "sqlite" | "postgresql" = providerOf(env.DATABASE_URL),
): Promise<void> {
  if (provider === "sqlite") await setMerges(db, MERGES);
}

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
  for (const index of WORD_INDEXES)
    await db.$executeRawUnsafe(`INSERT INTO "${index}" ("${index}") VALUES ('optimize')`);
  return true;
}
