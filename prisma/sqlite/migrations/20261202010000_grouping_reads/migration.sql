-- Grouping reads the story, date and original of every candidate article by id (lib/stories/store.ts,
-- `storyStates`). Those columns come after the article's texts in the row, so each read walked the texts'
-- overflow pages: 10 s of a 100,000-article import. The index that gave an article's story by id (search's
-- "by story" lists) now holds the other two as well, and grouping reads only the index.
DROP INDEX "Article_id_storyId_idx";
CREATE INDEX "Article_id_storyId_publishedAt_duplicateOfId_idx" ON "Article"("id", "storyId", "publishedAt", "duplicateOfId");
