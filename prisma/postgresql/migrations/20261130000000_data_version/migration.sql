-- The data version (lib/search/cache.ts, docs/caching.md): a counter that every write to what list pages
-- show bumps in the writer's own transaction, so a process sees that its cached list answers are out of date
-- with one read of this table (the sum of its rows). Triggers rather than calls in the application: every
-- path (ingest, source removal, retag, restory, db:copy, hand-made SQL) is covered. A transaction holds the
-- row it bumped until it commits, so concurrent writers bump one of 16 rows each (by backend) instead of
-- queueing on one; statement-level triggers bump once per statement, not once per row.
-- CreateTable
CREATE TABLE "DataVersion" (
    "shard" INTEGER NOT NULL,
    "version" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "DataVersion_pkey" PRIMARY KEY ("shard")
);

INSERT INTO "DataVersion" ("shard", "version") SELECT s, 0 FROM generate_series(0, 15) AS s;

CREATE FUNCTION dispatch_bump_data_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "shard" = pg_backend_pid() % 16;
  RETURN NULL;
END;
$$;

CREATE TRIGGER "Article_data_version" AFTER INSERT OR UPDATE OR DELETE ON "Article"
  FOR EACH STATEMENT EXECUTE FUNCTION dispatch_bump_data_version();
CREATE TRIGGER "ArticleCountry_data_version" AFTER INSERT OR UPDATE OR DELETE ON "ArticleCountry"
  FOR EACH STATEMENT EXECUTE FUNCTION dispatch_bump_data_version();
CREATE TRIGGER "ArticleRegion_data_version" AFTER INSERT OR UPDATE OR DELETE ON "ArticleRegion"
  FOR EACH STATEMENT EXECUTE FUNCTION dispatch_bump_data_version();
CREATE TRIGGER "Story_data_version" AFTER INSERT OR UPDATE OR DELETE ON "Story"
  FOR EACH STATEMENT EXECUTE FUNCTION dispatch_bump_data_version();
-- Polling updates a source's bookkeeping columns on every fetch; only its name is shown in lists.
CREATE TRIGGER "Source_data_version_rename" AFTER UPDATE OF "name" ON "Source"
  FOR EACH ROW WHEN (OLD."name" IS DISTINCT FROM NEW."name") EXECUTE FUNCTION dispatch_bump_data_version();
CREATE TRIGGER "Source_data_version_delete" AFTER DELETE ON "Source"
  FOR EACH STATEMENT EXECUTE FUNCTION dispatch_bump_data_version();
