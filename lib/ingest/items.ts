import type { AtomFeed, JsonFeed, RdfFeed, RssFeed } from "feedsmith";
import { cleanArticleUrl, normalizeLanguage, pickPublishedAt, resolveBase, resolveUrl } from "./normalize";
import { bodyTextOf } from "@/lib/articles/body-text";
import { collapseWhitespace, htmlToText, sanitizeHtml } from "./sanitize";
import type { ArticleInput, ParsedFeed } from "./types";
import { escapeHtml } from "@/lib/html/escape";

/** A piece of item text as the feed gave it: HTML (entities still encoded) or literal plain text. */
interface Markup {
  value: string;
  kind: "html" | "text";
}

/** One item before normalization, in terms common to every format. */
interface ItemDraft {
  guid: string | null | undefined;
  link: string | null | undefined;
  title: Markup | null;
  content: Markup | null;
  summary: Markup | null;
  author: Markup | null;
  dates: (string | null | undefined)[];
  language: string | null | undefined;
  /** Base for the link and the fallback for content (item xml:base resolved against the feed's). */
  base: string | null;
  /** Base for URLs inside content, when the content element carries its own xml:base. */
  contentBase: string | null;
}

interface FeedContext {
  fetchedAt: Date;
  documentUrl: string | null;
  feedLanguage: string | null;
  /** The site's home page, used as the last resort for resolving relative links. */
  siteUrl: string | null;
}

const MAX_TITLE = 300;
const MAX_SUMMARY = 1000;
const DERIVED_TITLE_WORDS = 12;

function html(value: string | null | undefined): Markup | null {
  return value === null || value === undefined || value.trim() === "" ? null : { value, kind: "html" };
}

function text(value: string | null | undefined): Markup | null {
  return value === null || value === undefined || value.trim() === "" ? null : { value, kind: "text" };
}

/** Plain text of a piece of markup on one line (titles, authors, names). */
function markupToLine(markup: Markup | null): string {
  if (markup === null) return "";
  return collapseWhitespace(markup.kind === "html" ? htmlToText(markup.value) : markup.value);
}

/** Literal text as HTML paragraphs: blank lines split paragraphs, single newlines become <br>. */
function textToHtml(value: string): string {
  return value
    .replace(/\r\n?/g, "\n")
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p !== "")
    .map((p) => `<p>${escapeHtml(p).replace(/\n/g, "<br>")}</p>`)
    .join("\n");
}

function truncateWords(value: string, max: number): string {
  if (value.length <= max) return value;
  const cut = value.slice(0, max);
  const space = cut.lastIndexOf(" ");
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

function firstWords(value: string): string {
  const words = value.split(" ");
  const head = words.slice(0, DERIVED_TITLE_WORDS).join(" ");
  return truncateWords(words.length > DERIVED_TITLE_WORDS ? `${head}…` : head, 100);
}

/** "example.com/path/to/story" for an item that has nothing but a link. */
function titleFromUrl(url: string): string {
  const parsed = new URL(url);
  const path = decodeURIComponentSafe(parsed.pathname).replace(/\/+$/, "");
  return `${parsed.host}${path}`;
}

function decodeURIComponentSafe(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** Turns a draft into an ArticleInput, or a one-line reason why the item was skipped. */
function finishItem(draft: ItemDraft, index: number, ctx: FeedContext): ArticleInput | string {
  const url = cleanArticleUrl(draft.link, draft.base, ctx.documentUrl, ctx.siteUrl);
  const contentBase = draft.contentBase ?? draft.base ?? ctx.documentUrl ?? ctx.siteUrl ?? url;

  const source = draft.content ?? draft.summary;
  const rawHtml = source === null ? "" : source.kind === "html" ? source.value : textToHtml(source.value);
  // The last step before storage: everything stored as HTML has been through the sanitizer once.
  const bodyHtml = sanitizeHtml(rawHtml, contentBase).trim();
  const bodyText = bodyTextOf(bodyHtml);

  let summary: string | null = null;
  if (draft.content !== null && draft.summary !== null) {
    const summaryText = markupToLine(draft.summary);
    // Collapsing only joins lines, so a summary under half the body's length cannot equal it: skip the
    // full-body pass for the usual short summary.
    const couldEqualBody = summaryText.length * 2 >= bodyText.length;
    if (summaryText !== "" && !(couldEqualBody && summaryText === collapseWhitespace(bodyText)))
      summary = truncateWords(summaryText, MAX_SUMMARY);
  }

  let title = truncateWords(markupToLine(draft.title), MAX_TITLE);
  if (title === "") {
    const from = summary ?? collapseWhitespace(bodyText);
    if (from !== "") title = firstWords(from);
    else if (url !== null) title = titleFromUrl(url);
    // An image-only post is still a post; it just has nothing to name it by.
    else if (bodyHtml !== "") title = "Untitled";
    else return `item ${index + 1}: no title, link or content`;
  }

  const guid = draft.guid?.trim() || null;
  const author = markupToLine(draft.author) || null;
  const { publishedAt, dateEstimated } = pickPublishedAt(draft.dates, ctx.fetchedAt);
  return {
    guid,
    url,
    title,
    summary,
    bodyHtml,
    bodyText,
    author: author === null ? null : truncateWords(author, 200),
    publishedAt,
    dateEstimated,
    language: normalizeLanguage(draft.language) ?? ctx.feedLanguage,
  };
}

function finishFeed(
  kind: ParsedFeed["kind"],
  title: string,
  siteUrl: string | null,
  drafts: ItemDraft[],
  ctx: FeedContext,
): ParsedFeed {
  const items: ArticleInput[] = [];
  const skipped: string[] = [];
  drafts.forEach((draft, index) => {
    const item = finishItem(draft, index, ctx);
    if (typeof item === "string") skipped.push(item);
    else items.push(item);
  });
  return { kind, title: title === "" ? null : title, siteUrl, language: ctx.feedLanguage, items, skipped };
}

function first<T>(values: readonly T[] | undefined): T | undefined {
  return values?.[0];
}

function looksLikeHttpUrl(value: string | undefined): value is string {
  return value !== undefined && /^\s*https?:\/\//i.test(value);
}

// ---------------------------------------------------------------------------------------------
// RSS 0.9x / 2.0

/** Maps a feedsmith RSS document to a ParsedFeed. */
export function mapRss(feed: RssFeed.Feed<string>, fetchedAt: Date, documentUrl: string | null): ParsedFeed {
  const feedBase = resolveBase(documentUrl, feed.xml?.base);
  const atomAlternateLink = feed.atom?.links?.find((l) => l.rel === undefined || l.rel === "alternate");
  const siteUrl = resolveUrl(feed.link, feedBase) ?? resolveUrl(atomAlternateLink?.href, feedBase);
  const ctx: FeedContext = {
    fetchedAt,
    documentUrl: feedBase,
    siteUrl,
    feedLanguage: normalizeLanguage(feed.language ?? first(feed.dc?.languages) ?? feed.xml?.lang),
  };
  const feedAuthor = feed.managingEditor?.name ?? first(feed.dc?.creators) ?? feed.itunes?.author;
  const drafts = (feed.items ?? []).map((item): ItemDraft => {
    const base = resolveBase(feedBase, item.xml?.base);
    const guid = item.guid?.value;
    const permalink = item.guid?.isPermaLink !== false && looksLikeHttpUrl(guid) ? guid : undefined;
    const atomLink = item.atom?.links?.find((l) => l.rel === undefined || l.rel === "alternate")?.href;
    const encoded = item.content?.encoded;
    const mediaDescription = item.media?.description;
    const person = first(item.authors);
    return {
      guid,
      link: item.link ?? permalink ?? atomLink,
      title: html(item.title ?? first(item.dc?.titles) ?? item.media?.title?.value),
      content:
        html(encoded) ??
        html(item.description) ??
        html(first(item.dc?.descriptions)) ??
        (mediaDescription?.type === "html" ? html(mediaDescription.value) : text(mediaDescription?.value)) ??
        text(item.itunes?.summary),
      summary: encoded !== undefined ? html(item.description) : null,
      author: html(
        person?.name ?? person?.email ?? first(item.dc?.creators) ?? item.itunes?.author ?? feedAuthor,
      ),
      dates: [
        item.pubDate,
        first(item.dc?.dates),
        first(item.dcterms?.issued),
        first(item.dcterms?.created),
        item.atom?.published,
        item.atom?.updated,
        first(item.dcterms?.modified),
      ],
      language: first(item.dc?.languages) ?? item.xml?.lang,
      base,
      contentBase: null,
    };
  });
  return finishFeed("rss", markupToLine(html(feed.title ?? first(feed.dc?.titles))), siteUrl, drafts, ctx);
}

// ---------------------------------------------------------------------------------------------
// RSS 1.0 / RDF (and RSS 0.90)

/** Maps a feedsmith RDF document to a ParsedFeed. */
export function mapRdf(feed: RdfFeed.Feed<string>, fetchedAt: Date, documentUrl: string | null): ParsedFeed {
  const feedBase = resolveBase(documentUrl, feed.xml?.base);
  const siteUrl = resolveUrl(feed.link, feedBase);
  const ctx: FeedContext = {
    fetchedAt,
    documentUrl: feedBase,
    siteUrl,
    feedLanguage: normalizeLanguage(first(feed.dc?.languages) ?? feed.xml?.lang),
  };
  const feedAuthor = first(feed.dc?.creators) ?? first(feed.dc?.publishers);
  const drafts = (feed.items ?? []).map((item): ItemDraft => {
    const encoded = item.content?.encoded;
    const about = item.rdf?.about;
    return {
      guid: about ?? item.link,
      link: item.link ?? (looksLikeHttpUrl(about) ? about : undefined),
      title: html(item.title ?? first(item.dc?.titles)),
      content: html(encoded) ?? html(item.description) ?? html(first(item.dc?.descriptions)),
      summary: encoded !== undefined ? html(item.description) : null,
      author: html(first(item.dc?.creators) ?? first(item.dc?.contributors) ?? feedAuthor),
      dates: [
        first(item.dc?.dates),
        first(item.dcterms?.issued),
        first(item.dcterms?.created),
        first(item.dcterms?.modified),
      ],
      language: first(item.dc?.languages) ?? item.xml?.lang,
      base: resolveBase(feedBase, item.xml?.base),
      contentBase: null,
    };
  });
  return finishFeed("rdf", markupToLine(html(feed.title ?? first(feed.dc?.titles))), siteUrl, drafts, ctx);
}

// ---------------------------------------------------------------------------------------------
// Atom 0.3 / 1.0

/**
 * Atom text constructs: "text" (and 0.3's "text/plain") are literal, "html"/"xhtml" are markup.
 * Other media types are out-of-line or base64 binary and are not article text.
 */
function atomText(construct: { value?: string; type?: string } | undefined, base64 = false): Markup | null {
  if (construct === undefined) return null;
  const type = (construct.type ?? "text").trim().toLowerCase();
  const value =
    base64 && construct.value !== undefined
      ? (decodeBase64Text(construct.value) ?? construct.value)
      : construct.value;
  if (type === "text" || type === "text/plain") return text(value);
  if (type === "html" || type === "xhtml" || type.includes("html") || type.endsWith("xml"))
    return html(value);
  if (type.startsWith("text/")) return text(value);
  return null;
}

const utf8Strict = new TextDecoder("utf-8", { fatal: true });

/**
 * The text behind an Atom 0.3 mode="base64" value, or null if it is not base64 of UTF-8 text.
 * feedsmith drops the mode attribute, so the value itself has to show that it is base64.
 */
function decodeBase64Text(value: string): string | null {
  const compact = value.replace(/\s+/g, "");
  if (compact.length < 8 || compact.length % 4 !== 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(compact)) return null;
  try {
    const decoded = utf8Strict.decode(Buffer.from(compact, "base64"));
    return /[\u0000-\u0008\u000e-\u001f]/.test(decoded) ? null : decoded;
  } catch {
    return null;
  }
}

type AtomLink = AtomFeed.Link<string>;

function atomAlternate(links: readonly AtomLink[] | undefined): string | undefined {
  if (links === undefined) return undefined;
  const alternates = links.filter((l) => l.rel === undefined || l.rel === "" || l.rel === "alternate");
  const htmlLink = alternates.find((l) => l.type === undefined || /html/i.test(l.type));
  return (htmlLink ?? alternates[0])?.href;
}

/** Maps a feedsmith Atom document to a ParsedFeed; `base64` when the source used Atom 0.3's mode="base64". */
export function mapAtom(
  feed: AtomFeed.Feed<string>,
  fetchedAt: Date,
  documentUrl: string | null,
  base64 = false,
): ParsedFeed {
  const feedBase = resolveBase(documentUrl, feed.xml?.base);
  const siteUrl = resolveUrl(atomAlternate(feed.links), feedBase);
  const ctx: FeedContext = {
    fetchedAt,
    documentUrl: feedBase,
    siteUrl,
    feedLanguage: normalizeLanguage(feed.xml?.lang ?? first(feed.dc?.languages)),
  };
  const feedAuthor = first(feed.authors)?.name ?? first(feed.dc?.creators);
  const drafts = (feed.entries ?? []).map((entry): ItemDraft => {
    const base = resolveBase(feedBase, entry.xml?.base);
    const content = entry.content?.src === undefined ? atomText(entry.content, base64) : null;
    const summary = atomText(entry.summary, base64);
    const contentOwnBase = entry.content?.xml?.base;
    return {
      guid: entry.id,
      link: atomAlternate(entry.links),
      title: atomText(entry.title, base64) ?? html(first(entry.dc?.titles)),
      content: content ?? summary,
      summary: content !== null ? summary : null,
      author: text(
        first(entry.authors)?.name ??
          first(entry.dc?.creators) ??
          first(entry.source?.authors)?.name ??
          feedAuthor,
      ),
      dates: [
        entry.published,
        first(entry.dc?.dates),
        first(entry.dcterms?.issued),
        first(entry.dcterms?.created),
        entry.updated,
      ],
      language: entry.xml?.lang ?? first(entry.dc?.languages),
      base,
      contentBase: contentOwnBase === undefined ? null : resolveBase(base, contentOwnBase),
    };
  });
  return finishFeed("atom", markupToLine(atomText(feed.title)), siteUrl, drafts, ctx);
}

// ---------------------------------------------------------------------------------------------
// JSON Feed 1.0 / 1.1

/** Maps a feedsmith JSON Feed document to a ParsedFeed. */
export function mapJson(
  feed: JsonFeed.Feed<string>,
  fetchedAt: Date,
  documentUrl: string | null,
): ParsedFeed {
  const base = documentUrl ?? resolveUrl(feed.feed_url) ?? resolveUrl(feed.home_page_url);
  const siteUrl = resolveUrl(feed.home_page_url, base);
  const ctx: FeedContext = {
    fetchedAt,
    documentUrl: base,
    siteUrl,
    feedLanguage: normalizeLanguage(feed.language),
  };
  const feedAuthor = first(feed.authors)?.name;
  const drafts = (feed.items ?? []).map((item): ItemDraft => {
    const content = html(item.content_html) ?? text(item.content_text);
    // JSON Feed titles, summaries and names are plain text by the spec.
    const summary = text(item.summary);
    return {
      guid: item.id === undefined ? undefined : String(item.id),
      link: item.url ?? item.external_url,
      title: text(item.title),
      content: content ?? summary,
      summary: content !== null ? summary : null,
      author: text(first(item.authors)?.name ?? feedAuthor),
      dates: [item.date_published, item.date_modified],
      language: item.language,
      base,
      contentBase: null,
    };
  });
  return finishFeed("json", markupToLine(text(feed.title)), siteUrl, drafts, ctx);
}
