/** Region slugs used in URLs, filters and the database. */
export type RegionSlug =
  | "africa"
  | "americas"
  | "north-america"
  | "latin-america-caribbean"
  | "asia-pacific"
  | "europe"
  | "middle-east-north-africa"
  | "world";

export interface Region {
  slug: RegionSlug;
  name: string;
  parent: RegionSlug | null;
  aliases: string[];
}

export interface CountryTag {
  /** ISO 3166-1 alpha-2 (plus XK for Kosovo). */
  code: string;
  /** 0..1, higher = more central to the article. */
  salience: number;
  /** In the title, dateline or lead, or repeated often enough; drives region membership. */
  primary: boolean;
  /** Accepted mentions in title + body. */
  mentions: number;
  /** What placed the country: each matched phrase as written, how often, and where. */
  evidence?: PlaceEvidence[];
}

/** Where in an article a phrase was found. */
export type EvidenceZone = "title" | "dateline" | "lead" | "body";

/** One phrase that placed a country ("Russlands" ×2 in title and lead). */
export interface PlaceEvidence {
  phrase: string;
  count: number;
  zones: EvidenceZone[];
}
