-- "bodyText" was the plain text of "bodyHtml" stored a second time: a view of one fact, not a fact, and about
-- a fifth of the file at 100,000 articles (docs/benchmarks.md). It is now a virtual generated column: SQLite
-- computes it from "bodyHtml" with dispatch_text (lib/sqlite-functions.ts; lib/articles/body-text.ts, the
-- rule the import always used) when a statement needs it: the article page, a page of snippets, and every row
-- an INSERT or UPDATE writes (SQLite computes generated columns then; an import hands its texts over ahead).
-- The word index's views and triggers stem a body from its HTML (dispatch_body_stems), so that an import's
-- stems, computed on its reading thread, are found without the text. Prisma reads the column as before;
-- the client's writes leave it out (lib/db.ts), and Prisma's introspection does not see it
-- (prisma/schema-for-diff.ts). The views and triggers that name it are dropped and made again.
DROP TRIGGER "Article_search_delete";

DROP TRIGGER "Article_search_update";

DROP TRIGGER "Article_search_insert";

DROP VIEW "ArticleSearchSource";

DROP VIEW "ArticleSearchStems";

DROP VIEW "ArticleSearchTrigramRows";

ALTER TABLE "Article" DROP COLUMN "bodyText";

ALTER TABLE "Article" ADD COLUMN "bodyText" TEXT GENERATED ALWAYS AS (dispatch_text("bodyHtml")) VIRTUAL;

CREATE VIEW "ArticleSearchSource" AS
SELECT (max(0, coalesce(unixepoch("publishedAt"), 0) / 60) * 2147483648 + "id") AS "searchKey", "title", "summary", "bodyText"
FROM "Article";

CREATE VIEW "ArticleSearchStems" AS
SELECT "id", max(0, coalesce(unixepoch("publishedAt"), 0) / 60) * 2147483648 + "id" AS "searchKey",
    dispatch_stem("title", "language") AS "title", dispatch_stem("summary", "language") AS "summary",
    dispatch_body_stems("bodyHtml", "language") AS "bodyText"
FROM "Article";

CREATE VIEW "ArticleSearchTrigramRows" AS
SELECT "id", "searchKey", "title", "summary", "bodyText" FROM (
    SELECT "id", max(0, coalesce(unixepoch("publishedAt"), 0) / 60) * 2147483648 + "id" AS "searchKey",
        "title", "summary", "bodyText", CAST("title" || ' ' || coalesce("summary", '') AS BLOB) AS b
    FROM "Article"
)
WHERE (instr(b, X'E0') OR instr(b, X'E1') OR instr(b, X'E3') OR instr(b, X'E4') OR instr(b, X'E5') OR instr(b, X'E6') OR instr(b, X'E7') OR instr(b, X'E8') OR instr(b, X'E9') OR instr(b, X'EA') OR instr(b, X'EB') OR instr(b, X'EC') OR instr(b, X'ED') OR instr(b, X'EF'))
    AND CAST(b AS TEXT) GLOB '*[ก-໿က-႟ក-៿぀-ヿ㐀-䶿一-鿿가-힯豈-﫿ｦ-ﾟ]*';

CREATE TRIGGER "Article_search_insert" AFTER INSERT ON "Article"
WHEN NOT EXISTS (SELECT 1 FROM "ArticleSearchBatch") BEGIN
    INSERT INTO "ArticleSearch" ("rowid", "title", "summary", "bodyText")
    SELECT "searchKey", "title", "summary", "bodyText" FROM "ArticleSearchStems" WHERE "id" = new."id";
    INSERT INTO "ArticleSearchTrigram" ("rowid", "title", "summary", "bodyText")
    SELECT "searchKey", "title", "summary", "bodyText" FROM "ArticleSearchTrigramRows" WHERE "id" = new."id";
END;

CREATE TRIGGER "Article_search_update" AFTER UPDATE OF "id", "publishedAt", "title", "summary", "bodyHtml", "language" ON "Article" BEGIN
    INSERT INTO "ArticleSearch" ("ArticleSearch", "rowid", "title", "summary", "bodyText")
    VALUES ('delete', max(0, coalesce(unixepoch(old."publishedAt"), 0) / 60) * 2147483648 + old."id",
        dispatch_stem(old."title", old."language"), dispatch_stem(old."summary", old."language"), dispatch_body_stems(old."bodyHtml", old."language"));
    INSERT INTO "ArticleSearch" ("rowid", "title", "summary", "bodyText")
    SELECT "searchKey", "title", "summary", "bodyText" FROM "ArticleSearchStems" WHERE "id" = new."id";
    DELETE FROM "ArticleSearchTrigram" WHERE "rowid" = max(0, coalesce(unixepoch(old."publishedAt"), 0) / 60) * 2147483648 + old."id";
    INSERT INTO "ArticleSearchTrigram" ("rowid", "title", "summary", "bodyText")
    SELECT "searchKey", "title", "summary", "bodyText" FROM "ArticleSearchTrigramRows" WHERE "id" = new."id";
END;

CREATE TRIGGER "Article_search_delete" AFTER DELETE ON "Article" BEGIN
    INSERT INTO "ArticleSearch" ("ArticleSearch", "rowid", "title", "summary", "bodyText")
    VALUES ('delete', max(0, coalesce(unixepoch(old."publishedAt"), 0) / 60) * 2147483648 + old."id",
        dispatch_stem(old."title", old."language"), dispatch_stem(old."summary", old."language"), dispatch_body_stems(old."bodyHtml", old."language"));
    DELETE FROM "ArticleSearchTrigram" WHERE "rowid" = max(0, coalesce(unixepoch(old."publishedAt"), 0) / 60) * 2147483648 + old."id";
END;
