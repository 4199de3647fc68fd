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
