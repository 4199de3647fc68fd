import "server-only";
import type { ListParams } from "@/lib/articles/params";
import { db as defaultDb, type Db } from "@/lib/db";
import { env, providerOf } from "@/lib/env";
import { cachedList } from "./cache";
import { searchPostgres } from "./postgres";
import { searchSqlite } from "./sqlite";
import type { SearchResult } from "./types";

export type { SearchResult } from "./types";

export interface SearchOptions {
  /** Database client (tests and scripts); defaults to the app's. */
  db?: Db;
  /** Its engine; defaults to the one DATABASE_URL names. */
  provider?: "sqlite" | "postgresql";
  /** The moment "past 24 hours" and recency are measured from. */
  now?: Date;
}

/**
 * One page of articles for a list state: full-text search when `q` has words, browsing otherwise, with
 * the filters applied, facet counts and the histogram. Browsing answers come from a cache that every
 * write invalidates (docs/caching.md). Never throws on any ListParams value.
 */
export async function searchArticles(params: ListParams, options: SearchOptions = {}): Promise<SearchResult> {
  const db = options.db ?? defaultDb;
  const now = options.now ?? new Date();
  const provider = options.provider ?? providerOf(env.DATABASE_URL);
  const compute = (at: Date) =>
    provider === "sqlite" ? searchSqlite(db, params, at) : searchPostgres(db, params, at);
  return params.q.trim() === "" ? cachedList(db, "browse", params, now, compute) : compute(now);
}
