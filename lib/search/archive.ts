import "server-only";
import type { Db } from "@/lib/db";
import { cachedFact } from "./cache";
import { dayOf } from "./dates";

/** The archive's first and last article, as minutes since the epoch (null for an empty archive). */
export type ArchiveMinutes = { first: number; last: number } | null;

/**
 * The first and last day with articles, in the reader's zone: the histogram's axis when the date filter is
 * open. `readMinutes` is the engine's read of the archive's edges; it runs once per data version
 * (`version`, read by the caller for this request), as only writes change its answer (cache.ts).
 */
export async function archiveDays(
  db: Db,
  timeZone: string,
  version: string | null,
  readMinutes: () => Promise<ArchiveMinutes>,
): Promise<{ first: string; last: string } | null> {
  const minutes = await cachedFact(db, "archive minutes", readMinutes, version);
  return (
    minutes && {
      first: dayOf(new Date(minutes.first * 60_000), timeZone),
      last: dayOf(new Date(minutes.last * 60_000), timeZone),
    }
  );
}
