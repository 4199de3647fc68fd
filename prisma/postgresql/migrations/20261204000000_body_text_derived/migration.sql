-- SQLite now derives "bodyText" from "bodyHtml" (a generated column the client never writes), so the two
-- schemas declare it optional. PostgreSQL still stores it, written by every import with the HTML.
ALTER TABLE "Article" ALTER COLUMN "bodyText" DROP NOT NULL;
