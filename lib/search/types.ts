import type { ArticlePage } from "@/lib/articles/types";
import type { RegionSlug } from "@/lib/regions";

export interface RegionFacet {
  slug: RegionSlug;
  name: string;
  count: number;
}

export interface CountryFacet {
  code: string;
  name: string;
  count: number;
}

export interface LanguageFacet {
  /** ISO 639-1. */
  code: string;
  name: string;
  count: number;
}

export interface SourceFacet {
  id: number;
  name: string;
  count: number;
}

/**
 * Counts per filter value, each computed with every other active filter (a kind never narrows itself).
 * `approximate`: estimated from a uniform sample because the match set is large (docs/search.md).
 */
export interface Facets {
  regions: RegionFacet[];
  countries: CountryFacet[];
  sources: SourceFacet[];
  languages: LanguageFacet[];
  approximate: boolean;
}

export type HistogramUnit = "day" | "week" | "month";

/** One bar: calendar days in the reader's time zone, `start` and `end` both inclusive (YYYY-MM-DD). */
export interface HistogramBin {
  start: string;
  end: string;
  count: number;
}

/** Matching articles over time, with every filter applied. `approximate` as for facets. */
export interface Histogram {
  unit: HistogramUnit;
  bins: HistogramBin[];
  approximate: boolean;
}

/**
 * One page of results (items carry a highlighted `snippet` when there is a query), facets and histogram.
 * `totalApproximate`: the total was estimated from a sample (region/country/source filters over a very
 * large match set; docs/search.md) and should be shown as "about N".
 */
export type SearchResult = ArticlePage & {
  totalApproximate: boolean;
  facets: Facets;
  histogram: Histogram;
  /** Articles per country code for the map (every country, not only the top facets; estimated like them). */
  countryCounts: Record<string, number>;
};
