/** One article as it leaves parsing/normalization/sanitization, ready to be deduplicated, tagged and stored. */
export interface ArticleInput {
  /** The feed's own id for the item (RSS guid, Atom id, JSON Feed id), trimmed; null when absent. */
  guid: string | null;
  /** Absolute http(s) link to the original, tracking parameters removed; null when absent. */
  url: string | null;
  /** Plain text, entities decoded exactly once, whitespace collapsed. Never empty. */
  title: string;
  /** Plain-text summary/excerpt, or null. */
  summary: string | null;
  /** Sanitized HTML body (the last step before storage). May be "" when the item has no content. */
  bodyHtml: string;
  /**
   * Plain text of the body, paragraphs separated by a blank line: always `bodyTextOf(bodyHtml)`
   * (lib/articles/body-text.ts), which SQLite computes again from the HTML and PostgreSQL stores as given.
   */
  bodyText: string;
  author: string | null;
  /** UTC instant. */
  publishedAt: Date;
  /** True when the source gave no usable date (publishedAt is then the fetch time). */
  dateEstimated: boolean;
  /** BCP 47-ish language code from the feed or item, lower-cased, or null. */
  language: string | null;
}

/** What a feed document (RSS/Atom/RDF/JSON Feed) or a plain-text article yields. */
export interface ParsedFeed {
  kind: "rss" | "atom" | "rdf" | "json" | "text";
  /** Plain-text feed title, or null. */
  title: string | null;
  /** The site's home page, absolute, or null. */
  siteUrl: string | null;
  language: string | null;
  items: ArticleInput[];
  /** Items that were skipped, each with a one-line reason (e.g. "item 3: no title, link or content"). */
  skipped: string[];
}

/** An OPML subscription list. */
export interface ParsedOpml {
  kind: "opml";
  title: string | null;
  feeds: { title: string | null; feedUrl: string; siteUrl: string | null }[];
}

export type ParseResult = { ok: true; doc: ParsedFeed | ParsedOpml } | { ok: false; reason: string };
