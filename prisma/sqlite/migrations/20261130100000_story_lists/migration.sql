-- Lists page over stories (docs/stories.md): every match's story is looked up by article id, and this
-- index answers that lookup on its own (on SQLite the story column sits behind the article's text).
CREATE INDEX "Article_id_storyId_idx" ON "Article"("id", "storyId");
