-- AlterTable
ALTER TABLE "ArticleCountry" ADD COLUMN     "evidence" TEXT;

-- CreateIndex
CREATE INDEX "Article_id_language_idx" ON "Article"("id", "language");

-- CreateIndex
CREATE INDEX "Article_language_idx" ON "Article"("language");

-- Search that respects the article's language (docs/search.md): one text search configuration per language
-- PostgreSQL ships a Snowball stemmer for, accents folded like the English one; languages without a stemmer
-- get no stemming at all ('simple'), never English stemming. English and unknown languages keep
-- dispatch_search, so English results, ranking and snippets are unchanged.
CREATE TEXT SEARCH CONFIGURATION dispatch_search_simple (COPY = simple);
ALTER TEXT SEARCH CONFIGURATION dispatch_search_simple ALTER MAPPING FOR hword, hword_part, word WITH unaccent, simple;
DO $$
DECLARE
    lang TEXT;
BEGIN
    FOREACH lang IN ARRAY ARRAY['german', 'french', 'spanish', 'portuguese', 'italian', 'dutch', 'swedish', 'danish',
        'norwegian', 'finnish', 'russian', 'hungarian', 'romanian', 'turkish', 'indonesian', 'catalan', 'greek']
    LOOP
        -- Some builds lack a language; skip it rather than fail (its articles use 'simple').
        IF EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = lang) THEN
            EXECUTE format('CREATE TEXT SEARCH CONFIGURATION dispatch_search_%s (COPY = %I)', lang, lang);
            EXECUTE format('ALTER TEXT SEARCH CONFIGURATION dispatch_search_%s ALTER MAPPING FOR hword, hword_part, word WITH unaccent, %I',
                lang, lang || '_stem');
        END IF;
    END LOOP;
END $$;

-- The configuration for an ISO 639-1 code.
CREATE FUNCTION dispatch_search_config(lang TEXT) RETURNS regconfig LANGUAGE plpgsql STABLE AS $$
DECLARE
    name TEXT := CASE lang
        WHEN 'de' THEN 'german' WHEN 'fr' THEN 'french' WHEN 'es' THEN 'spanish' WHEN 'pt' THEN 'portuguese'
        WHEN 'it' THEN 'italian' WHEN 'nl' THEN 'dutch' WHEN 'sv' THEN 'swedish' WHEN 'da' THEN 'danish'
        WHEN 'no' THEN 'norwegian' WHEN 'fi' THEN 'finnish' WHEN 'ru' THEN 'russian' WHEN 'hu' THEN 'hungarian'
        WHEN 'ro' THEN 'romanian' WHEN 'tr' THEN 'turkish' WHEN 'id' THEN 'indonesian' WHEN 'ca' THEN 'catalan'
        WHEN 'el' THEN 'greek' END;
BEGIN
    IF lang IS NULL OR lang = 'en' THEN
        RETURN 'dispatch_search'::regconfig;
    END IF;
    IF name IS NOT NULL AND EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'dispatch_search_' || name) THEN
        RETURN ('dispatch_search_' || name)::regconfig;
    END IF;
    RETURN 'dispatch_search_simple'::regconfig;
END;
$$;

CREATE FUNCTION dispatch_search_document(title TEXT, summary TEXT, body TEXT, lang TEXT) RETURNS TSVECTOR
    LANGUAGE sql STABLE AS $$
    SELECT setweight(to_tsvector(dispatch_search_config(lang), title), 'A')
        || setweight(to_tsvector(dispatch_search_config(lang), coalesce(summary, '')), 'B')
        || setweight(to_tsvector(dispatch_search_config(lang), body), 'C') $$;

CREATE OR REPLACE FUNCTION dispatch_search_row() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO "ArticleSearch" ("key", "articleId", "document", "unsegmented")
    VALUES (dispatch_search_key(NEW."publishedAt", NEW."id"), NEW."id",
        dispatch_search_document(NEW."title", NEW."summary", NEW."bodyText", NEW."language"),
        dispatch_search_unsegmented(NEW."title", NEW."summary", NEW."bodyText"))
    ON CONFLICT ("articleId") DO UPDATE
        SET "key" = EXCLUDED."key", "document" = EXCLUDED."document", "unsegmented" = EXCLUDED."unsegmented";
    RETURN NULL;
END;
$$;

DROP TRIGGER "Article_search" ON "Article";
CREATE TRIGGER "Article_search" AFTER INSERT OR UPDATE OF "id", "title", "summary", "bodyText", "publishedAt", "language" ON "Article"
    FOR EACH ROW EXECUTE FUNCTION dispatch_search_row();

-- Re-index articles whose language is known (the others keep their English document).
UPDATE "ArticleSearch" s SET "document" = dispatch_search_document(a."title", a."summary", a."bodyText", a."language")
FROM "Article" a WHERE a."id" = s."articleId" AND a."language" IS NOT NULL AND a."language" <> 'en';

-- The three-argument version (English only) is no longer used.
DROP FUNCTION dispatch_search_document(TEXT, TEXT, TEXT);
