-- CreateTable
CREATE TABLE "Source" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "name" TEXT NOT NULL,
    "siteUrl" TEXT,
    "feedUrl" TEXT,
    "country" TEXT,
    "pollInterval" INTEGER NOT NULL DEFAULT 1800,
    "etag" TEXT,
    "lastModified" TEXT,
    "lastFetchedAt" DATETIME,
    "nextFetchAt" DATETIME,
    "failureCount" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "leaseOwner" TEXT,
    "leaseUntil" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "Article" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "sourceId" INTEGER NOT NULL,
    "dedupKey" TEXT NOT NULL,
    "guid" TEXT,
    "url" TEXT,
    "title" TEXT NOT NULL,
    "summary" TEXT,
    "bodyHtml" TEXT NOT NULL,
    "bodyText" TEXT NOT NULL,
    "author" TEXT,
    "publishedAt" DATETIME NOT NULL,
    "dateEstimated" BOOLEAN NOT NULL DEFAULT false,
    "fetchedAt" DATETIME NOT NULL,
    "updatedAt" DATETIME NOT NULL,
    "language" TEXT,
    "readingMinutes" INTEGER NOT NULL DEFAULT 1,
    "contentHash" TEXT NOT NULL,
    "taggerVersion" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "Article_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ArticleCountry" (
    "articleId" INTEGER NOT NULL,
    "code" TEXT NOT NULL,
    "salience" REAL NOT NULL,
    "primary" BOOLEAN NOT NULL,
    "mentions" INTEGER NOT NULL DEFAULT 1,

    PRIMARY KEY ("articleId", "code"),
    CONSTRAINT "ArticleCountry_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ArticleRegion" (
    "articleId" INTEGER NOT NULL,
    "region" TEXT NOT NULL,

    PRIMARY KEY ("articleId", "region"),
    CONSTRAINT "ArticleRegion_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "Source_feedUrl_key" ON "Source"("feedUrl");

-- CreateIndex
CREATE INDEX "Source_nextFetchAt_idx" ON "Source"("nextFetchAt");

-- CreateIndex
CREATE INDEX "Article_publishedAt_id_idx" ON "Article"("publishedAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "Article_sourceId_publishedAt_idx" ON "Article"("sourceId", "publishedAt" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "Article_sourceId_dedupKey_key" ON "Article"("sourceId", "dedupKey");

-- CreateIndex
CREATE INDEX "ArticleCountry_code_articleId_idx" ON "ArticleCountry"("code", "articleId");

-- CreateIndex
CREATE INDEX "ArticleRegion_region_articleId_idx" ON "ArticleRegion"("region", "articleId");
