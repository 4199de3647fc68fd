-- Stories (lib/stories): grouping columns on Article, stories, term document frequencies, candidate index.
-- AlterTable
ALTER TABLE "Article" ADD COLUMN     "duplicateOfId" INTEGER,
ADD COLUMN     "simhash" TEXT,
ADD COLUMN     "storyFeatures" TEXT,
ADD COLUMN     "storyId" INTEGER;

-- CreateTable
CREATE TABLE "Story" (
    "id" INTEGER NOT NULL,
    "mergedIntoId" INTEGER,
    "headline" TEXT NOT NULL,
    "firstArticleId" INTEGER NOT NULL,
    "articleCount" INTEGER NOT NULL DEFAULT 0,
    "sourceCount" INTEGER NOT NULL DEFAULT 0,
    "firstPublishedAt" TIMESTAMP(3) NOT NULL,
    "lastPublishedAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Story_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StoryTerm" (
    "term" INTEGER NOT NULL,
    "df" INTEGER NOT NULL,

    CONSTRAINT "StoryTerm_pkey" PRIMARY KEY ("term")
);

-- CreateTable
CREATE TABLE "StoryKey" (
    "term" INTEGER NOT NULL,
    "minute" INTEGER NOT NULL,
    "articleId" INTEGER NOT NULL,

    CONSTRAINT "StoryKey_pkey" PRIMARY KEY ("term","minute","articleId")
);

-- CreateIndex
CREATE INDEX "Story_lastPublishedAt_idx" ON "Story"("lastPublishedAt");

-- CreateIndex
CREATE INDEX "Story_mergedIntoId_idx" ON "Story"("mergedIntoId");

-- CreateIndex
CREATE INDEX "Article_storyId_publishedAt_idx" ON "Article"("storyId", "publishedAt");

-- CreateIndex
CREATE INDEX "Article_duplicateOfId_idx" ON "Article"("duplicateOfId");


