import {
  DetectError,
  MalformedError,
  ParseError,
  parseAtomFeed,
  parseFeed,
  parseJsonFeed,
  parseOpml,
  parseRdfFeed,
  parseRssFeed,
} from "feedsmith";
import type { Opml } from "feedsmith";
import { decodeBytes } from "./charset";
import { mapAtom, mapJson, mapRdf, mapRss } from "./items";
import { cleanArticleUrl, pickPublishedAt, resolveUrl } from "./normalize";
import { parsePlainText } from "./plain-text";
import { collapseWhitespace, htmlToText, sanitizeHtml } from "./sanitize";
import type { ParsedFeed, ParsedOpml, ParseResult } from "./types";

export interface ParseOptions {
  /** The HTTP Content-Type header, if the bytes came over HTTP: its charset wins over the XML declaration. */
  contentType?: string | null;
  /** Where the document came from; relative links resolve against it (after any xml:base). */
  url?: string | null;
  fetchedAt: Date;
  /** A local file's name; a date in it (2024-01-31) dates a plain-text article. */
  fileName?: string;
  /** Publication date of a plain-text article, given by the importer (wins over a date in the file name). */
  publishedAt?: Date;
}

// prettier-ignore
const HTML_ROOTS = new Set([
  "html", "head", "body", "div", "p", "span", "a", "table", "script", "style", "meta", "link",
  "title", "br", "img", "form", "iframe", "h1", "h2", "h3", "ul", "ol", "section", "article",
  "main", "header", "nav", "noscript", "center", "font", "b", "i", "pre",
]);

/** One line, short enough for a log or a report. */
function oneLine(message: string): string {
  const line = collapseWhitespace(message);
  return line.length > 200 ? `${line.slice(0, 199)}…` : line;
}

/**
 * The first element and where it starts, skipping the XML declaration, processing instructions,
 * comments and a DOCTYPE (with its internal subset); "!doctype html" for an HTML5 doctype.
 */
function rootElement(text: string): { name: string; start: number } | null {
  const limit = Math.min(text.length, 64 * 1024);
  let i = 0;
  while (i < limit) {
    while (i < limit && /\s/.test(text[i] ?? "")) i++;
    if (text[i] !== "<") return null;
    if (text.startsWith("<?", i)) {
      const end = text.indexOf("?>", i + 2);
      if (end < 0) return null;
      i = end + 2;
    } else if (text.startsWith("<!--", i)) {
      const end = text.indexOf("-->", i + 4);
      if (end < 0) return null;
      i = end + 3;
    } else if (/^<!doctype/i.test(text.slice(i, i + 9))) {
      if (/^<!doctype\s+html\s*>/i.test(text.slice(i, i + 40))) return { name: "!doctype html", start: i };
      const bracket = text.indexOf("[", i);
      const close = text.indexOf(">", i);
      if (close < 0) return null;
      if (bracket >= 0 && bracket < close) {
        const subsetEnd = text.indexOf("]", bracket);
        if (subsetEnd < 0) return null;
        const after = text.indexOf(">", subsetEnd);
        if (after < 0) return null;
        i = after + 1;
      } else {
        i = close + 1;
      }
    } else {
      const match = /^<([A-Za-z_][\w:.-]*)/.exec(text.slice(i, i + 200));
      return match?.[1] === undefined ? null : { name: match[1], start: i };
    }
  }
  return null;
}

function localName(qualified: string): string {
  const colon = qualified.indexOf(":");
  return (colon >= 0 ? qualified.slice(colon + 1) : qualified).toLowerCase();
}

/** True when the text looks like bytes that were never text (images, archives, executables). */
function looksBinary(text: string): boolean {
  const sample = text.slice(0, 1024);
  let control = 0;
  for (let i = 0; i < sample.length; i++) {
    const code = sample.charCodeAt(i);
    if (code === 0 || (code < 32 && code !== 9 && code !== 10 && code !== 13 && code !== 12)) control++;
  }
  return control > sample.length / 100;
}

// Some servers print a warning or a stray line before the feed; skip to where the markup starts.
const MARKUP_START = /<\?xml\s|<rss[\s>]|<feed[\s>]|<rdf:RDF[\s>]|<opml[\s>]/;

function mapFeedsmithFeed(text: string, root: string, opts: ParseOptions): ParsedFeed {
  const url = opts.url ?? null;
  // The root tells which parser to use; feedsmith's own sniffing only looks at the first bytes.
  if (root === "rss") return mapRss(parseRssFeed(text), opts.fetchedAt, url);
  if (root === "feed") {
    const base64 = /\bmode\s*=\s*["']base64["']/i.test(text);
    return mapAtom(parseAtomFeed(text), opts.fetchedAt, url, base64);
  }
  if (root === "rdf") return mapRdf(parseRdfFeed(text), opts.fetchedAt, url);
  const any = parseFeed(text);
  switch (any.format) {
    case "rss":
      return mapRss(any.feed, opts.fetchedAt, url);
    case "atom":
      return mapAtom(any.feed, opts.fetchedAt, url);
    case "rdf":
      return mapRdf(any.feed, opts.fetchedAt, url);
    case "json":
      return mapJson(any.feed, opts.fetchedAt, url);
  }
}

/**
 * Truncated downloads are common (a proxy cut the body, a CMS crashed mid-write). Repaired copies to
 * try, in order: a dangling "</rss" given its ">", then the text cut after the last complete item
 * with the root closed.
 */
function repairCandidates(text: string, qualifiedRoot: string): string[] {
  const trimmed = text.trimEnd();
  const candidates: string[] = [];
  if (/<\/[\w:.-]+$/.test(trimmed)) candidates.push(`${trimmed}>`);
  const lastItem = Math.max(trimmed.lastIndexOf("</item>"), trimmed.lastIndexOf("</entry>"));
  if (lastItem >= 0) {
    const cut = trimmed.slice(0, trimmed.indexOf(">", lastItem) + 1);
    const channel = localName(qualifiedRoot) === "rss" && /<channel[\s>]/i.test(cut) ? "</channel>" : "";
    candidates.push(`${cut}${channel}</${qualifiedRoot}>`);
  }
  return candidates;
}

function parseXmlFeed(text: string, qualifiedRoot: string, opts: ParseOptions): ParseResult {
  const name = localName(qualifiedRoot);
  const kind = name === "feed" ? "atom" : name === "rdf" ? "rdf" : "rss";
  const attempt = (candidate: string): ParseResult => {
    try {
      return { ok: true, doc: mapFeedsmithFeed(candidate, name, opts) };
    } catch (error) {
      // A known root but no channel/feed data in it (or too little for feedsmith's sniffing,
      // as in "<rss></rss>"): an empty feed, not a broken one.
      if (error instanceof ParseError || (error instanceof DetectError && name !== "channel")) {
        return {
          ok: true,
          doc: { kind, title: null, siteUrl: null, language: null, items: [], skipped: [] },
        };
      }
      throw error;
    }
  };
  try {
    return attempt(text);
  } catch (error) {
    if (!(error instanceof MalformedError)) throw error;
    for (const repaired of repairCandidates(text, qualifiedRoot)) {
      try {
        return attempt(repaired);
      } catch {
        // Try the next repair; the original error is the one worth reporting.
      }
    }
    throw error;
  }
}

function mapOpml(doc: Opml.Document<string>, documentUrl: string | null): ParsedOpml {
  const feeds: ParsedOpml["feeds"] = [];
  const seen = new Set<string>();
  const stack = [...(doc.body?.outlines ?? [])].reverse();
  while (stack.length > 0) {
    const outline = stack.pop();
    if (outline === undefined) break;
    const rawUrl =
      outline.xmlUrl ?? (/^(rss|atom|feed)$/i.test(outline.type ?? "") ? outline.url : undefined);
    const feedUrl = resolveUrl(rawUrl, documentUrl);
    if (feedUrl !== null && !seen.has(feedUrl)) {
      seen.add(feedUrl);
      const title = htmlToText(outline.title ?? outline.text ?? "");
      feeds.push({
        title: title === "" ? null : collapseWhitespace(title),
        feedUrl,
        siteUrl: resolveUrl(outline.htmlUrl, documentUrl),
      });
    }
    if (outline.outlines) stack.push(...[...outline.outlines].reverse());
  }
  const title = collapseWhitespace(htmlToText(doc.head?.title ?? ""));
  return { kind: "opml", title: title === "" ? null : title, feeds };
}

function parseJson(text: string, opts: ParseOptions): ParseResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return {
      ok: false,
      reason: `JSON parse error: ${oneLine(error instanceof Error ? error.message : String(error))}`,
    };
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return { ok: false, reason: "not a feed: JSON that is not a JSON Feed object" };
  }
  const record = value as Record<string, unknown>;
  const version = typeof record.version === "string" ? record.version : "";
  if (!version.includes("jsonfeed.org") && !Array.isArray(record.items)) {
    return { ok: false, reason: "not a feed: JSON without a JSON Feed version or items" };
  }
  // feedsmith insists on the version URL; a feed with items but a missing/odd version is still a feed.
  const normalized = version.includes("jsonfeed.org")
    ? record
    : { ...record, version: "https://jsonfeed.org/version/1.1" };
  return { ok: true, doc: mapJson(parseJsonFeed(normalized), opts.fetchedAt, resolveUrl(opts.url)) };
}

/** A plausible date written in a file name ("2024-01-31-story.txt"), or undefined. */
function dateFromFileName(fileName: string | undefined, fetchedAt: Date): Date | undefined {
  const match = fileName === undefined ? null : /(?:^|\D)(\d{4}-\d{2}-\d{2})(?:\D|$)/.exec(fileName);
  if (!match?.[1]) return undefined;
  const { publishedAt, dateEstimated } = pickPublishedAt([match[1]], fetchedAt);
  return dateEstimated ? undefined : publishedAt;
}

function parsePlain(text: string, opts: ParseOptions): ParseResult {
  const doc = parsePlainText(text, {
    fetchedAt: opts.fetchedAt,
    publishedAt: opts.publishedAt ?? dateFromFileName(opts.fileName, opts.fetchedAt),
    url: cleanArticleUrl(opts.url),
  });
  // Every body that leaves parseDocument has been through the sanitizer, whatever produced it.
  const items = doc.items.map((item) => ({ ...item, bodyHtml: sanitizeHtml(item.bodyHtml, null) }));
  return { ok: true, doc: { ...doc, items } };
}

function parseDecoded(text: string, opts: ParseOptions): ParseResult {
  let body = text.replace(/^\uFEFF/, "").trimStart();
  if (body === "") return { ok: false, reason: "empty document" };
  if (looksBinary(body)) return { ok: false, reason: "not a feed: binary data" };

  if (body.startsWith("{")) return parseJson(body, opts);
  if (body.startsWith("[")) return { ok: false, reason: "not a feed: JSON array" };
  if (!body.startsWith("<")) {
    const start = body.slice(0, 2048).search(MARKUP_START);
    if (start < 0) return parsePlain(body, opts);
    body = body.slice(start);
  }

  const root = rootElement(body);
  if (root === null) return { ok: false, reason: "XML parse error: no root element" };
  const name = localName(root.name);
  if (root.name === "!doctype html" || HTML_ROOTS.has(name))
    return { ok: false, reason: "not a feed: HTML page" };
  // The prolog goes: the text is already decoded, and feedsmith never expands DTD entities (so no
  // entity bombs) while its XML parser rejects some DTDs it would otherwise just skip.
  const document = body.slice(root.start);
  if (name === "opml") return { ok: true, doc: mapOpml(parseOpml(document), resolveUrl(opts.url)) };
  if (!["rss", "rdf", "feed", "channel"].includes(name)) {
    return { ok: false, reason: `not a feed: unknown XML root <${oneLine(root.name)}>` };
  }
  return parseXmlFeed(document, root.name, { ...opts, url: resolveUrl(opts.url) });
}

/** Detects the format (RSS, RDF, Atom, JSON Feed, OPML, plain text), decodes and returns sanitized items; never throws. */
export function parseDocument(bytes: Uint8Array, opts: ParseOptions): ParseResult {
  try {
    if (bytes.byteLength === 0) return { ok: false, reason: "empty document" };
    const mediaType = (opts.contentType ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
    if (/^(image|audio|video|font)\//.test(mediaType))
      return { ok: false, reason: `not a feed: ${mediaType}` };
    const { text } = decodeBytes(bytes, opts.contentType);
    return parseDecoded(text, opts);
  } catch (error) {
    if (error instanceof DetectError)
      return { ok: false, reason: "not a feed: unrecognized format (CDF or a bare <channel>)" };
    if (error instanceof MalformedError || error instanceof ParseError) {
      const cause = error.cause instanceof Error ? `: ${error.cause.message}` : "";
      return { ok: false, reason: `XML parse error: ${oneLine(error.message + cause)}` };
    }
    return {
      ok: false,
      reason: `parse failed: ${oneLine(error instanceof Error ? error.message : String(error))}`,
    };
  }
}
