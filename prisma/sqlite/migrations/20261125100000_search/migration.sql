-- Full-text search on SQLite (see docs/search.md). Written by hand: Prisma does not model FTS5 tables,
-- views or triggers. prisma.config.ts declares the FTS5 tables and their shadow tables as external
-- tables (lib/search/external-tables.ts lists them), so `prisma migrate diff/dev` leave them alone.
--
-- Every index row is keyed by the article's "search key": its publication minute times 2^31 plus its id.
-- Ordering by the key is ordering by date (then arrival), a date range is a key range, and the id is the
-- key's low 31 bits. Dates before 1970 share minute 0. The same expression appears in the index, the
-- view, the triggers and lib/search/sqlite.ts; keep them identical.

-- Source of an article by id without reading its (large) row: facet counts and the source filter.
CREATE INDEX "Article_id_sourceId_idx" ON "Article"("id", "sourceId");

-- Looks up an article by key (the full-text index reads its text through the view below) and lists
-- articles newest first. Prisma ignores expression indexes, so the schema does not declare this one.
CREATE INDEX "Article_searchKey_idx" ON "Article" ((max(0, coalesce(unixepoch("publishedAt"), 0) / 60) * 2147483648 + "id"));

CREATE VIEW "ArticleSearchSource" AS
SELECT (max(0, coalesce(unixepoch("publishedAt"), 0) / 60) * 2147483648 + "id") AS "searchKey", "title", "summary", "bodyText"
FROM "Article";

-- The word index: title, summary and body, English (Porter) stemming, diacritics folded, any script.
-- External content: the text is stored once, in "Article".
CREATE VIRTUAL TABLE "ArticleSearch" USING fts5(
    "title", "summary", "bodyText",
    content = 'ArticleSearchSource', content_rowid = 'searchKey',
    tokenize = 'porter unicode61 remove_diacritics 2'
);

-- Chinese, Japanese, Korean, Thai, Lao, Khmer and Myanmar are written without spaces between words, and
-- unicode61 makes one token of a whole run of such text. Articles whose title or summary contains these
-- scripts also go into a substring (trigram) index with their own copy of the text (title, summary and
-- body), so that searching them reads only them. The test runs on the title and summary only (a GLOB over
-- a whole body costs about 0.25 ms per article), in two steps: a byte scan for the UTF-8 lead bytes of
-- those scripts (E0, E1, E3-ED, EF; E2, curly quotes and dashes, left out) rejects most articles, then the
-- exact class (the same as UNSEGMENTED in lib/search/query.ts).
CREATE VIRTUAL TABLE "ArticleSearchTrigram" USING fts5(
    "title", "summary", "bodyText",
    tokenize = 'trigram remove_diacritics 1',
    columnsize = 0
);

-- Triggers keep both indexes in the transaction of every insert, update and delete of an article
-- (including deletes cascading from a source).
CREATE TRIGGER "Article_search_insert" AFTER INSERT ON "Article" BEGIN
    INSERT INTO "ArticleSearch" ("rowid", "title", "summary", "bodyText")
    VALUES (max(0, coalesce(unixepoch(new."publishedAt"), 0) / 60) * 2147483648 + new."id", new."title", new."summary", new."bodyText");
    INSERT INTO "ArticleSearchTrigram" ("rowid", "title", "summary", "bodyText")
    SELECT k, t, s, x FROM (
        SELECT max(0, coalesce(unixepoch(new."publishedAt"), 0) / 60) * 2147483648 + new."id" AS k, new."title" AS t, new."summary" AS s, new."bodyText" AS x,
            CAST(new."title" || ' ' || coalesce(new."summary", '') AS BLOB) AS b
        LIMIT 1
    )
    WHERE (instr(b, X'E0') OR instr(b, X'E1') OR instr(b, X'E3') OR instr(b, X'E4') OR instr(b, X'E5') OR instr(b, X'E6') OR instr(b, X'E7') OR instr(b, X'E8') OR instr(b, X'E9') OR instr(b, X'EA') OR instr(b, X'EB') OR instr(b, X'EC') OR instr(b, X'ED') OR instr(b, X'EF'))
        AND CAST(b AS TEXT) GLOB '*[ก-໿က-႟ក-៿぀-ヿ㐀-䶿一-鿿가-힯豈-﫿ｦ-ﾟ]*';
END;

CREATE TRIGGER "Article_search_delete" AFTER DELETE ON "Article" BEGIN
    INSERT INTO "ArticleSearch" ("ArticleSearch", "rowid", "title", "summary", "bodyText")
    VALUES ('delete', max(0, coalesce(unixepoch(old."publishedAt"), 0) / 60) * 2147483648 + old."id", old."title", old."summary", old."bodyText");
    DELETE FROM "ArticleSearchTrigram" WHERE "rowid" = max(0, coalesce(unixepoch(old."publishedAt"), 0) / 60) * 2147483648 + old."id";
END;

CREATE TRIGGER "Article_search_update" AFTER UPDATE OF "id", "publishedAt", "title", "summary", "bodyText" ON "Article" BEGIN
    INSERT INTO "ArticleSearch" ("ArticleSearch", "rowid", "title", "summary", "bodyText")
    VALUES ('delete', max(0, coalesce(unixepoch(old."publishedAt"), 0) / 60) * 2147483648 + old."id", old."title", old."summary", old."bodyText");
    INSERT INTO "ArticleSearch" ("rowid", "title", "summary", "bodyText")
    VALUES (max(0, coalesce(unixepoch(new."publishedAt"), 0) / 60) * 2147483648 + new."id", new."title", new."summary", new."bodyText");
    DELETE FROM "ArticleSearchTrigram" WHERE "rowid" = max(0, coalesce(unixepoch(old."publishedAt"), 0) / 60) * 2147483648 + old."id";
    INSERT INTO "ArticleSearchTrigram" ("rowid", "title", "summary", "bodyText")
    SELECT k, t, s, x FROM (
        SELECT max(0, coalesce(unixepoch(new."publishedAt"), 0) / 60) * 2147483648 + new."id" AS k, new."title" AS t, new."summary" AS s, new."bodyText" AS x,
            CAST(new."title" || ' ' || coalesce(new."summary", '') AS BLOB) AS b
        LIMIT 1
    )
    WHERE (instr(b, X'E0') OR instr(b, X'E1') OR instr(b, X'E3') OR instr(b, X'E4') OR instr(b, X'E5') OR instr(b, X'E6') OR instr(b, X'E7') OR instr(b, X'E8') OR instr(b, X'E9') OR instr(b, X'EA') OR instr(b, X'EB') OR instr(b, X'EC') OR instr(b, X'ED') OR instr(b, X'EF'))
        AND CAST(b AS TEXT) GLOB '*[ก-໿က-႟ក-៿぀-ヿ㐀-䶿一-鿿가-힯豈-﫿ｦ-ﾟ]*';
END;

-- Index what is already there.
INSERT INTO "ArticleSearch" ("ArticleSearch") VALUES ('rebuild');
INSERT INTO "ArticleSearchTrigram" ("rowid", "title", "summary", "bodyText")
SELECT k, t, s, x FROM (
    SELECT "searchKey" AS k, "title" AS t, "summary" AS s, "bodyText" AS x,
        CAST("title" || ' ' || coalesce("summary", '') AS BLOB) AS b
    FROM "ArticleSearchSource"
)
WHERE (instr(b, X'E0') OR instr(b, X'E1') OR instr(b, X'E3') OR instr(b, X'E4') OR instr(b, X'E5') OR instr(b, X'E6') OR instr(b, X'E7') OR instr(b, X'E8') OR instr(b, X'E9') OR instr(b, X'EA') OR instr(b, X'EB') OR instr(b, X'EC') OR instr(b, X'ED') OR instr(b, X'EF'))
    AND CAST(b AS TEXT) GLOB '*[ก-໿က-႟ក-៿぀-ヿ㐀-䶿一-鿿가-힯豈-﫿ｦ-ﾟ]*';
