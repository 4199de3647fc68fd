-- Stories (lib/stories): grouping columns on Article (nullable, added without rebuilding the table, so the
-- search triggers stay), stories, term document frequencies and the candidate index.
-- AlterTable
ALTER TABLE "Article" ADD COLUMN "duplicateOfId" INTEGER;
ALTER TABLE "Article" ADD COLUMN "simhash" TEXT;
ALTER TABLE "Article" ADD COLUMN "storyFeatures" TEXT;
ALTER TABLE "Article" ADD COLUMN "storyId" INTEGER;

-- CreateTable
CREATE TABLE "Story" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "mergedIntoId" INTEGER,
    "headline" TEXT NOT NULL,
    "firstArticleId" INTEGER NOT NULL,
    "articleCount" INTEGER NOT NULL DEFAULT 0,
    "sourceCount" INTEGER NOT NULL DEFAULT 0,
    "firstPublishedAt" DATETIME NOT NULL,
    "lastPublishedAt" DATETIME NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "StoryTerm" (
    "term" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "df" INTEGER NOT NULL
);

-- CreateTable
CREATE TABLE "StoryKey" (
    "term" INTEGER NOT NULL,
    "minute" INTEGER NOT NULL,
    "articleId" INTEGER NOT NULL,

    PRIMARY KEY ("term", "minute", "articleId")
);

-- CreateIndex
CREATE INDEX "Story_lastPublishedAt_idx" ON "Story"("lastPublishedAt");

-- CreateIndex
CREATE INDEX "Story_mergedIntoId_idx" ON "Story"("mergedIntoId");

-- CreateIndex
CREATE INDEX "Article_storyId_publishedAt_idx" ON "Article"("storyId", "publishedAt");

-- CreateIndex
CREATE INDEX "Article_duplicateOfId_idx" ON "Article"("duplicateOfId");


