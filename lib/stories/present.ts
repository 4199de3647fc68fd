// What the JSON API sends for stories: plain shapes built from lib results (no database access).
import { articleItemJson } from "@/lib/search/present";
import type { TopStoriesPage, TopStory } from "./index";
import type { StoryArticle, StoryDetail } from "./types";

function storyArticleJson(a: StoryArticle) {
  return {
    id: a.id,
    title: a.title,
    url: a.url,
    path: a.path,
    source: a.source,
    publishedAt: a.publishedAt.toISOString(),
    dateEstimated: a.dateEstimated,
    duplicateOf: a.duplicateOfId,
  };
}

/** One item of `GET /api/stories`. */
export function topStoryJson(item: TopStory) {
  return {
    id: item.story.id,
    path: item.story.path,
    headline: item.lead.title,
    size: item.story.size,
    sources: item.story.sources,
    matching: { articles: item.articles, sources: item.sources },
    firstPublishedAt: item.firstPublishedAt.toISOString(),
    lastPublishedAt: item.lastPublishedAt.toISOString(),
    lead: articleItemJson(item.lead),
  };
}

/** The body of `GET /api/stories`. */
export function topStoriesJson(page: TopStoriesPage) {
  return {
    items: page.items.map(topStoryJson),
    total: page.total,
    page: page.page,
    pageSize: page.pageSize,
    pageCount: page.pageCount,
    from: page.from?.toISOString() ?? null,
    until: page.until?.toISOString() ?? null,
  };
}

/** The body of `GET /api/stories/{id}`. */
export function storyDetailJson(story: StoryDetail) {
  return {
    id: story.id,
    path: story.path,
    headline: story.headline,
    lead: story.lead,
    size: story.articles.length,
    firstPublishedAt: story.firstPublishedAt.toISOString(),
    lastPublishedAt: story.lastPublishedAt.toISOString(),
    sources: story.sources,
    countries: story.countries,
    articles: story.articles.map(storyArticleJson),
  };
}
