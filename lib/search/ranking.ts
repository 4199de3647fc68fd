// Ranking constants shared by both engines (lib/search/sqlite.ts, lib/search/postgres.ts; docs/search.md,
// "Ranking"): each engine writes them into its own SQL.

/** Matches ranked by text relevance: the newest this many (after filters); older ones follow, newest first. */
export const RANK_WINDOW = 1000;
/**
 * Recency blend: text score × (1 + RECENCY_BOOST / (1 + age / FRESH_MINUTES)), so a new article counts up
 * to 1.5×.
 */
export const RECENCY_BOOST = 0.5;
/** 30 days, in minutes. */
export const FRESH_MINUTES = 43_200;
/**
 * What a match weighs in each field of an article, relative to the body: SQLite's bm25 column weights, and
 * PostgreSQL's ts_rank_cd label weights (title A, summary B, body C) scaled so that the title's is 1.
 */
export const FIELD_WEIGHTS = { title: 10, summary: 4, body: 1 } as const;
