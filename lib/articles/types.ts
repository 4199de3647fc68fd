import type { PlaceEvidence, RegionSlug } from "@/lib/regions";
import type { StoryRef } from "@/lib/stories/types";

/** A country chip: ISO code and display name. */
export interface CountryRef {
  code: string;
  name: string;
  primary: boolean;
}

/** What an article card shows (list queries never load the body). */
export interface ArticleCard {
  id: number;
  path: string;
  title: string;
  url: string | null;
  excerpt: string;
  /** Highlighted snippet (HTML with only <mark> tags, everything else escaped), when searching. */
  snippet: string | null;
  source: { id: number; name: string };
  publishedAt: Date;
  dateEstimated: boolean;
  countries: CountryRef[];
  regions: RegionSlug[];
  /** The story the article belongs to (its own, of one article, while it stands alone). */
  story: StoryRef;
  /** Other sources that published the same text (syndicated copies), first report first. */
  alsoPublishedBy: string[];
  /** The article whose text this is: its own id, or the original's when it is a syndicated copy. */
  originalId: number;
  /** ISO 639-1, detected at ingest; null when unknown. */
  language: string | null;
}

/** A country of an article with what placed it ("Why these places?"). */
export interface PlacedCountry extends CountryRef {
  salience: number;
  mentions: number;
  evidence: PlaceEvidence[];
}

/** The article page. */
export interface ArticleDetail extends ArticleCard {
  bodyHtml: string;
  bodyText: string;
  author: string | null;
  readingMinutes: number;
  fetchedAt: Date;
  /** Every tagged country, most salient first, with its evidence. */
  places: PlacedCountry[];
  source: { id: number; name: string; siteUrl: string | null };
}

/** One page of a list. */
export interface ArticlePage {
  items: ArticleCard[];
  total: number;
  page: number;
  pageSize: number;
  pageCount: number;
}
