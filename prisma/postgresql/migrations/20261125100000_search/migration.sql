-- Full-text search on PostgreSQL (see docs/search.md). Written by hand: Prisma does not model tsvector
-- tables, text search configurations, functions or triggers. prisma.config.ts declares "ArticleSearch" an
-- external table (lib/search/external-tables.ts), so `prisma migrate diff/dev` leave it alone.

-- Source of an article by id from the index alone (declared in schema.prisma).
CREATE INDEX "Article_id_sourceId_idx" ON "Article"("id", "sourceId");

-- English stemming with accents folded ("cafe" finds "café").
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE TEXT SEARCH CONFIGURATION dispatch_search (COPY = english);
ALTER TEXT SEARCH CONFIGURATION dispatch_search ALTER MAPPING FOR hword, hword_part, word WITH unaccent, english_stem;

-- One row per article, keyed like the SQLite index: publication minute * 2^31 + id, so that date order,
-- date ranges and "the newest N matches" are ranges of the primary key.
CREATE TABLE "ArticleSearch" (
    "key" BIGINT NOT NULL,
    "articleId" INTEGER NOT NULL,
    -- Title (weight A), summary (B) and body (C).
    "document" TSVECTOR NOT NULL,
    -- Title, summary and body of articles whose title or summary is in a script written without spaces
    -- (Chinese, Japanese, Thai, ...), else NULL: those are searched by substring.
    "unsegmented" TEXT,

    CONSTRAINT "ArticleSearch_pkey" PRIMARY KEY ("key"),
    CONSTRAINT "ArticleSearch_articleId_key" UNIQUE ("articleId"),
    CONSTRAINT "ArticleSearch_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE INDEX "ArticleSearch_document_idx" ON "ArticleSearch" USING GIN ("document");

CREATE FUNCTION dispatch_search_key(published TIMESTAMP, id INTEGER) RETURNS BIGINT
    LANGUAGE sql IMMUTABLE AS $$ SELECT greatest(0, floor(extract(epoch FROM published) / 60))::BIGINT * 2147483648 + id $$;

CREATE FUNCTION dispatch_search_document(title TEXT, summary TEXT, body TEXT) RETURNS TSVECTOR
    LANGUAGE sql STABLE AS $$
    SELECT setweight(to_tsvector('dispatch_search', title), 'A')
        || setweight(to_tsvector('dispatch_search', coalesce(summary, '')), 'B')
        || setweight(to_tsvector('dispatch_search', body), 'C') $$;

CREATE FUNCTION dispatch_search_unsegmented(title TEXT, summary TEXT, body TEXT) RETURNS TEXT
    LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN concat_ws(' ', title, summary)
        ~ '[\u0E00-\u0EFF\u1000-\u109F\u1780-\u17FF\u3040-\u30FF\u3400-\u4DBF\u4E00-\u9FFF\uAC00-\uD7AF\uF900-\uFAFF\uFF66-\uFF9F]'
        THEN concat_ws(' ', title, summary, body) END $$;

CREATE FUNCTION dispatch_search_row() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO "ArticleSearch" ("key", "articleId", "document", "unsegmented")
    VALUES (dispatch_search_key(NEW."publishedAt", NEW."id"), NEW."id",
        dispatch_search_document(NEW."title", NEW."summary", NEW."bodyText"),
        dispatch_search_unsegmented(NEW."title", NEW."summary", NEW."bodyText"))
    ON CONFLICT ("articleId") DO UPDATE
        SET "key" = EXCLUDED."key", "document" = EXCLUDED."document", "unsegmented" = EXCLUDED."unsegmented";
    RETURN NULL;
END;
$$;

-- Inside the transaction of every insert and update; deletes cascade through the foreign key.
CREATE TRIGGER "Article_search" AFTER INSERT OR UPDATE OF "id", "title", "summary", "bodyText", "publishedAt" ON "Article"
    FOR EACH ROW EXECUTE FUNCTION dispatch_search_row();

-- Index what is already there.
INSERT INTO "ArticleSearch" ("key", "articleId", "document", "unsegmented")
SELECT dispatch_search_key("publishedAt", "id"), "id", dispatch_search_document("title", "summary", "bodyText"),
    dispatch_search_unsegmented("title", "summary", "bodyText")
FROM "Article";
