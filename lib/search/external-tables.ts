/**
 * Tables the search migrations create that Prisma does not model: the SQLite FTS5 tables with the shadow
 * tables FTS5 creates for them and the flag an import sets while it indexes its batch itself
 * (lib/search/index-batch.ts), and the PostgreSQL tsvector table. Prisma would report them as drift, so
 * prisma.config.ts declares them external (`experimental.externalTables` and `tables.external`), which makes
 * `prisma migrate diff` and `migrate dev` leave them alone.
 */
export const SEARCH_TABLES = {
  sqlite: [
    "ArticleSearch",
    "ArticleSearchBatch",
    "ArticleSearch_config",
    "ArticleSearch_data",
    "ArticleSearch_docsize",
    "ArticleSearch_idx",
    "ArticleSearchTrigram",
    "ArticleSearchTrigram_config",
    "ArticleSearchTrigram_content",
    "ArticleSearchTrigram_data",
    "ArticleSearchTrigram_idx",
  ],
  // Prisma wants schema-qualified names on PostgreSQL.
  postgresql: ["public.ArticleSearch"],
} as const;
