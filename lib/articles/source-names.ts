import "server-only";
import type { Db } from "@/lib/db";
import { cachedFact } from "@/lib/search/cache";

/**
 * Every source's name by id, read once per data version (renaming or removing a source changes it, and a
 * new source shows in lists only with its first articles, which do too): a list's cards then need no read
 * of their sources.
 */
async function sourceNames(db: Db): Promise<ReadonlyMap<number, string>> {
  return cachedFact(db, "source names", async () => {
    const rows = await db.source.findMany({ select: { id: true, name: true } });
    return new Map(rows.map((r) => [r.id, r.name]));
  });
}

/** The names of these sources (those that exist): from sourceNames, and read for any it does not know yet. */
export async function namesOf(db: Db, ids: Iterable<number>): Promise<ReadonlyMap<number, string>> {
  const known = await sourceNames(db);
  const names = new Map<number, string>();
  const missing: number[] = [];
  for (const id of new Set(ids)) {
    const name = known.get(id);
    if (name === undefined) missing.push(id);
    else names.set(id, name);
  }
  if (missing.length > 0) {
    const rows = await db.source.findMany({
      where: { id: { in: missing } },
      select: { id: true, name: true },
    });
    for (const r of rows) names.set(r.id, r.name);
  }
  return names;
}
