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
}
