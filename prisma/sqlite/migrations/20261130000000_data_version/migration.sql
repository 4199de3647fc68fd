-- The data version (lib/search/cache.ts, docs/caching.md): a counter that every write to what list pages
-- show bumps in the writer's own transaction, so a process sees that its cached list answers are out of date
-- with one read of this table. Triggers rather than calls in the application: every path (ingest, source
-- removal, retag, restory, db:copy, hand-made SQL) is covered. SQLite writers take turns, so one row is enough.
-- CreateTable
CREATE TABLE "DataVersion" (
    "shard" INTEGER NOT NULL PRIMARY KEY,
    "version" BIGINT NOT NULL DEFAULT 0
);

INSERT INTO "DataVersion" ("shard", "version") VALUES (0, 0);

CREATE TRIGGER "Article_data_version_insert" AFTER INSERT ON "Article" BEGIN
  UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "shard" = 0;
END;
CREATE TRIGGER "Article_data_version_update" AFTER UPDATE ON "Article" BEGIN
  UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "shard" = 0;
END;
CREATE TRIGGER "Article_data_version_delete" AFTER DELETE ON "Article" BEGIN
  UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "shard" = 0;
END;
CREATE TRIGGER "ArticleCountry_data_version_insert" AFTER INSERT ON "ArticleCountry" BEGIN
  UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "shard" = 0;
END;
CREATE TRIGGER "ArticleCountry_data_version_update" AFTER UPDATE ON "ArticleCountry" BEGIN
  UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "shard" = 0;
END;
CREATE TRIGGER "ArticleCountry_data_version_delete" AFTER DELETE ON "ArticleCountry" BEGIN
  UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "shard" = 0;
END;
CREATE TRIGGER "ArticleRegion_data_version_insert" AFTER INSERT ON "ArticleRegion" BEGIN
  UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "shard" = 0;
END;
CREATE TRIGGER "ArticleRegion_data_version_update" AFTER UPDATE ON "ArticleRegion" BEGIN
  UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "shard" = 0;
END;
CREATE TRIGGER "ArticleRegion_data_version_delete" AFTER DELETE ON "ArticleRegion" BEGIN
  UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "shard" = 0;
END;
CREATE TRIGGER "Story_data_version_insert" AFTER INSERT ON "Story" BEGIN
  UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "shard" = 0;
END;
CREATE TRIGGER "Story_data_version_update" AFTER UPDATE ON "Story" BEGIN
  UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "shard" = 0;
END;
CREATE TRIGGER "Story_data_version_delete" AFTER DELETE ON "Story" BEGIN
  UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "shard" = 0;
END;
-- Polling updates a source's bookkeeping columns on every fetch; only its name is shown in lists.
CREATE TRIGGER "Source_data_version_rename" AFTER UPDATE OF "name" ON "Source" WHEN OLD."name" IS NOT NEW."name" BEGIN
  UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "shard" = 0;
END;
CREATE TRIGGER "Source_data_version_delete" AFTER DELETE ON "Source" BEGIN
  UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "shard" = 0;
END;
