-- A feed's new articles are indexed by one statement per import instead of one trigger run per article
-- (docs/search.md, "An import indexes its articles in one statement"). SQLite opens a statement savepoint
-- for every row whose trigger writes to a virtual table, and FTS5 writes its in-memory terms out as a new
-- segment at every savepoint: each article became a segment of its own that FTS5 then had to merge. One
-- INSERT … SELECT in search-key order makes one segment per import. 1,600 articles into the
-- 100,000-article index: 384 -> 176 µs per article, commit included (docs/benchmarks.md).
--
-- A writer that indexes its batch itself puts a row in "ArticleSearchBatch" first (its own transaction
-- only: nobody else sees it), inserts its articles (the insert trigger then does nothing), removes the row
-- and indexes the new articles from the two views below (lib/search/index-batch.ts). Every other insert
-- (tests, copies, the poller's single articles, updates) is indexed by the triggers as before, from the
-- same views: what an article's index rows are is written once, here.
CREATE TABLE "ArticleSearchBatch" ("open" INTEGER NOT NULL);

-- An article's rows in the word index: its search key and its texts stemmed in its language.
CREATE VIEW "ArticleSearchStems" AS
SELECT "id", max(0, coalesce(unixepoch("publishedAt"), 0) / 60) * 2147483648 + "id" AS "searchKey",
    dispatch_stem("title", "language") AS "title", dispatch_stem("summary", "language") AS "summary",
    dispatch_stem("bodyText", "language") AS "bodyText"
FROM "Article";

-- The articles that also go into the substring index: titles or summaries in scripts written without spaces.
CREATE VIEW "ArticleSearchTrigramRows" AS
SELECT "id", "searchKey", "title", "summary", "bodyText" FROM (
    SELECT "id", max(0, coalesce(unixepoch("publishedAt"), 0) / 60) * 2147483648 + "id" AS "searchKey",
        "title", "summary", "bodyText", CAST("title" || ' ' || coalesce("summary", '') AS BLOB) AS b
    FROM "Article"
)
WHERE (instr(b, X'E0') OR instr(b, X'E1') OR instr(b, X'E3') OR instr(b, X'E4') OR instr(b, X'E5') OR instr(b, X'E6') OR instr(b, X'E7') OR instr(b, X'E8') OR instr(b, X'E9') OR instr(b, X'EA') OR instr(b, X'EB') OR instr(b, X'EC') OR instr(b, X'ED') OR instr(b, X'EF'))
    AND CAST(b AS TEXT) GLOB '*[ก-໿က-႟ក-៿぀-ヿ㐀-䶿一-鿿가-힯豈-﫿ｦ-ﾟ]*';

DROP TRIGGER "Article_search_insert";
DROP TRIGGER "Article_search_update";

CREATE TRIGGER "Article_search_insert" AFTER INSERT ON "Article"
WHEN NOT EXISTS (SELECT 1 FROM "ArticleSearchBatch") BEGIN
    INSERT INTO "ArticleSearch" ("rowid", "title", "summary", "bodyText")
    SELECT "searchKey", "title", "summary", "bodyText" FROM "ArticleSearchStems" WHERE "id" = new."id";
    INSERT INTO "ArticleSearchTrigram" ("rowid", "title", "summary", "bodyText")
    SELECT "searchKey", "title", "summary", "bodyText" FROM "ArticleSearchTrigramRows" WHERE "id" = new."id";
END;

CREATE TRIGGER "Article_search_update" AFTER UPDATE OF "id", "publishedAt", "title", "summary", "bodyText", "language" ON "Article" BEGIN
    INSERT INTO "ArticleSearch" ("ArticleSearch", "rowid", "title", "summary", "bodyText")
    VALUES ('delete', max(0, coalesce(unixepoch(old."publishedAt"), 0) / 60) * 2147483648 + old."id",
        dispatch_stem(old."title", old."language"), dispatch_stem(old."summary", old."language"), dispatch_stem(old."bodyText", old."language"));
    INSERT INTO "ArticleSearch" ("rowid", "title", "summary", "bodyText")
    SELECT "searchKey", "title", "summary", "bodyText" FROM "ArticleSearchStems" WHERE "id" = new."id";
    DELETE FROM "ArticleSearchTrigram" WHERE "rowid" = max(0, coalesce(unixepoch(old."publishedAt"), 0) / 60) * 2147483648 + old."id";
    INSERT INTO "ArticleSearchTrigram" ("rowid", "title", "summary", "bodyText")
    SELECT "searchKey", "title", "summary", "bodyText" FROM "ArticleSearchTrigramRows" WHERE "id" = new."id";
END;
