-- The word index's in-memory buffer (docs/search.md): FTS5 collects the terms of the rows a transaction
-- writes in a hash table and writes it out as a new segment when it passes 'hashsize' (1 MB by default) or
-- at commit. A feed's import writes a few thousand articles in one transaction; with 16 MB they become one
-- or two segments instead of a dozen, which FTS5 would merge again soon after. 100,000 articles in 50
-- feeds: 848-874 -> 909 articles/s (docs/benchmarks.md). Only a writer's memory grows, by at most 16 MB.
INSERT INTO "ArticleSearch" ("ArticleSearch", "rank") VALUES ('hashsize', 16777216);
