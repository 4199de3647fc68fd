import type { ArticleCard, CountryRef } from "@/lib/articles/types";

/** What a card or an API item says about its article's story. */
export interface StoryRef {
  id: number;
  path: string;
  /** Articles in the story. */
  size: number;
  /** Distinct sources in the story. */
  sources: number;
}

/** One article as listed on a story page or under "N sources on this story". */
export interface StoryArticle {
  id: number;
  path: string;
  title: string;
  url: string | null;
  publishedAt: Date;
  dateEstimated: boolean;
  source: { id: number; name: string };
  /** Set when the article is a syndicated copy of another. */
  duplicateOfId: number | null;
}

/** The story page. */
export interface StoryDetail {
  id: number;
  path: string;
  /** The first report's headline. */
  headline: string;
  /** The first report's summary. */
  lead: string;
  firstPublishedAt: Date;
  lastPublishedAt: Date;
  /** First report first. */
  articles: StoryArticle[];
  sources: { id: number; name: string; articles: number }[];
  countries: CountryRef[];
}

/** Stories ranked in the Top stories view: more sources first, fading with age. */
export interface TopStory {
  story: StoryRef;
  /** The story's newest article among those matching the filters. */
  lead: ArticleCard;
  /** Distinct sources among the matching articles. */
  sources: number;
  articles: number;
  firstPublishedAt: Date;
  lastPublishedAt: Date;
}

export interface TopStoriesPage {
  items: TopStory[];
  total: number;
  page: number;
  pageSize: number;
  pageCount: number;
  /** The period ranked: the date filter, or the week up to the newest article when there is none. */
  from: Date | null;
  until: Date | null;
}
