-- Search that respects the article's language on SQLite (docs/search.md, docs/language.md). The word index
-- no longer stems with FTS5's English `porter` tokenizer: it holds a stemmed copy of each article, made by
-- dispatch_stem(text, language), a JavaScript function (lib/search/stem.ts) that every connection writing
-- articles registers (the app's, the tests' and the offline schema engine's). It replaces each word by its
-- Snowball stem in the article's language and keeps everything between words, so token positions are those
-- of the original text, which stays the table's content: snippet() marks the original words.
--
-- FTS5's 'rebuild' and 'integrity-check' with content checking would tokenize the original text, not the
-- stems: to rebuild, delete everything and insert the stems as at the end of this file.

DROP TRIGGER "Article_search_insert";
DROP TRIGGER "Article_search_delete";
DROP TRIGGER "Article_search_update";
DROP TABLE "ArticleSearch";

CREATE VIRTUAL TABLE "ArticleSearch" USING fts5(
    "title", "summary", "bodyText",
    content = 'ArticleSearchSource', content_rowid = 'searchKey',
    tokenize = 'unicode61 remove_diacritics 2'
);

-- The search migration's triggers, indexing the stems, and again when the language changes. They keep both
-- indexes in the transaction of every insert, update and delete of an article (also cascading deletes).
CREATE TRIGGER "Article_search_insert" AFTER INSERT ON "Article" BEGIN
    INSERT INTO "ArticleSearch" ("rowid", "title", "summary", "bodyText")
    VALUES (max(0, coalesce(unixepoch(new."publishedAt"), 0) / 60) * 2147483648 + new."id",
        dispatch_stem(new."title", new."language"), dispatch_stem(new."summary", new."language"), dispatch_stem(new."bodyText", new."language"));
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
    VALUES ('delete', max(0, coalesce(unixepoch(old."publishedAt"), 0) / 60) * 2147483648 + old."id",
        dispatch_stem(old."title", old."language"), dispatch_stem(old."summary", old."language"), dispatch_stem(old."bodyText", old."language"));
    DELETE FROM "ArticleSearchTrigram" WHERE "rowid" = max(0, coalesce(unixepoch(old."publishedAt"), 0) / 60) * 2147483648 + old."id";
END;

CREATE TRIGGER "Article_search_update" AFTER UPDATE OF "id", "publishedAt", "title", "summary", "bodyText", "language" ON "Article" BEGIN
    INSERT INTO "ArticleSearch" ("ArticleSearch", "rowid", "title", "summary", "bodyText")
    VALUES ('delete', max(0, coalesce(unixepoch(old."publishedAt"), 0) / 60) * 2147483648 + old."id",
        dispatch_stem(old."title", old."language"), dispatch_stem(old."summary", old."language"), dispatch_stem(old."bodyText", old."language"));
    INSERT INTO "ArticleSearch" ("rowid", "title", "summary", "bodyText")
    VALUES (max(0, coalesce(unixepoch(new."publishedAt"), 0) / 60) * 2147483648 + new."id",
        dispatch_stem(new."title", new."language"), dispatch_stem(new."summary", new."language"), dispatch_stem(new."bodyText", new."language"));
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

-- Index every stored article again, stemmed in its own language.
INSERT INTO "ArticleSearch" ("rowid", "title", "summary", "bodyText")
SELECT max(0, coalesce(unixepoch("publishedAt"), 0) / 60) * 2147483648 + "id",
    dispatch_stem("title", "language"), dispatch_stem("summary", "language"), dispatch_stem("bodyText", "language")
FROM "Article";
