-- AlterTable
ALTER TABLE "ArticleCountry" ADD COLUMN "evidence" TEXT;

-- CreateIndex
CREATE INDEX "Article_id_language_idx" ON "Article"("id", "language");

-- CreateIndex
CREATE INDEX "Article_language_idx" ON "Article"("language");
