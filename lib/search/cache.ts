import "server-only";
import { LRUCache } from "lru-cache";
import type { ListParams } from "@/lib/articles/params";
import { readRows, type Db } from "@/lib/db";
import { dayOf } from "./dates";
import type { TopStoriesPage } from "@/lib/stories/types";
import type { SearchResult } from "./types";
import { sql } from "./where";

// Browsing answers (no text query) are the same for every reader until the data changes, so each process
// keeps them in a bounded LRU keyed by the data version and the list state. The version is the sum of the
// "DataVersion" rows, which triggers bump in the same transaction as every write to what lists show
// (prisma/*/migrations/20261130000000_data_version); a process reads it at most once per VERSION_TTL_MS.
// How and why: docs/caching.md.

/** How long a process trusts the data version it last read: other processes' writes show within this. */
export const VERSION_TTL_MS = 1_000;
/** Most browsing answers a process keeps (per database client); the least recently used go first. */
export const MAX_CACHED_LISTS = 256;

type Compute = () => Promise<object>;

interface ListCache {
  version: string | null;
  checkedAt: number;
  reading: Promise<string | null> | null;
  entries: LRUCache<string, object, Compute>;
  /** Facts about the whole collection by name, each with the data version it was read under. */
  facts: Map<string, { version: string; value: Promise<unknown> }>;
}

// One cache per client: tests and scripts open several databases in one process.
const caches = new WeakMap<Db, ListCache>();

function cacheOf(db: Db): ListCache {
  let cache = caches.get(db);
  if (!cache) {
    cache = {
      version: null,
      checkedAt: -Infinity,
      reading: null,
      // fetch() runs one computation per key however many requests miss at once (no stampede after a write).
      entries: new LRUCache<string, object, Compute>({
        max: MAX_CACHED_LISTS,
        fetchMethod: (_key, _stale, { context }) => context(),
      }),
      facts: new Map(),
    };
    caches.set(db, cache);
  }
  return cache;
}

/**
 * The database's data version now: the sum of the "DataVersion" rows (one on SQLite, 16 on PostgreSQL).
 * Null when the table is empty (a schema made by `prisma db push`, without the migration's rows and
 * triggers): nothing then says when answers go out of date, so none are cached.
 */
export async function readDataVersion(db: Db): Promise<string | null> {
  const rows = await readRows<{ v: string | null }>(
    db,
    sql`SELECT CAST(sum("version") AS TEXT) AS v FROM "DataVersion"`,
  );
  return rows[0]?.v ?? null;
}

/** The data version as this process last read it, read again when older than VERSION_TTL_MS (one read at a time). */
async function currentVersion(db: Db, cache: ListCache): Promise<string | null> {
  if (performance.now() - cache.checkedAt < VERSION_TTL_MS) return cache.version;
  cache.reading ??= readDataVersion(db)
    .then((version) => {
      // Read before the answer is computed: an answer cached under this version is at least this new.
      cache.version = version;
      cache.checkedAt = performance.now();
      return version;
    })
    .finally(() => {
      cache.reading = null;
    });
  return cache.reading;
}

/**
 * The moment a browsing answer is computed for, and what of it the answer depends on: a rolling range
 * (`range=24h`…) starts from the current minute; otherwise only "today" in the reader's zone matters (the
 * histogram's last day), so the answer holds all day.
 */
function clockOf(params: ListParams, now: Date): { key: string; at: Date } {
  if (params.range && !params.from && !params.to) {
    const minute = Math.floor(now.getTime() / 60_000);
    return { key: `m${minute}`, at: new Date(minute * 60_000) };
  }
  return { key: dayOf(now, params.tz), at: now };
}

/** The answers kept: browsing lists (`searchArticles` without a text query) and the Top stories view. */
interface Answers {
  browse: SearchResult;
  "top stories": TopStoriesPage;
}

/**
 * An answer that depends only on the data and the list state (browsing, Top stories) from this process's
 * cache while the data version is unchanged, else computed by `compute` for the moment `clockOf` gives and
 * kept. Concurrent misses share one computation.
 */
export async function cachedList<K extends keyof Answers>(
  db: Db,
  kind: K,
  params: ListParams,
  now: Date,
  compute: (at: Date) => Promise<Answers[K]>,
): Promise<Answers[K]> {
  const cache = cacheOf(db);
  const version = await currentVersion(db, cache);
  const clock = clockOf(params, now);
  if (version === null) return compute(clock.at);
  const key = JSON.stringify([kind, version, clock.key, params]);
  // One kind per key, so what comes back under it is what `compute` of that kind made.
  const result = (await cache.entries.fetch(key, { context: () => compute(clock.at) })) as
    Answers[K] | undefined;
  // fetch() only yields undefined when a fetch is aborted, which nothing here does.
  return result ?? compute(clock.at);
}

/**
 * A fact about the whole collection that only writes change, kept per data version instead of read per
 * request. `version` is what the caller read with readDataVersion for this request, when the answer must
 * reflect every write before it (the languages a query is stemmed in, the archive's first and last day:
 * a stale one would hide new articles); without it, the version this process read within VERSION_TTL_MS
 * (source names: a stale one is at worst an old name for a second). Concurrent callers share one read; a
 * failed read is not kept.
 */
export async function cachedFact<T>(
  db: Db,
  name: string,
  read: () => Promise<T>,
  version?: string | null,
): Promise<T> {
  const cache = cacheOf(db);
  const at = version === undefined ? await currentVersion(db, cache) : version;
  if (at === null) return read();
  const known = cache.facts.get(name);
  if (known?.version === at) return known.value as Promise<T>;
  const value = read();
  cache.facts.set(name, { version: at, value });
  value.catch(() => {
    if (cache.facts.get(name)?.value === value) cache.facts.delete(name);
  });
  return value;
}

/** How many browsing answers this client's cache holds (tests check the bound). */
export function cachedListCount(db: Db): number {
  return caches.get(db)?.entries.size ?? 0;
}
