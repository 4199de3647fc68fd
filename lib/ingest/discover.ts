import { Parser } from "htmlparser2";
import { decodeBytes } from "./charset";
import { fetchFeed } from "./fetch";
import { parseDocument } from "./parse";

/** A feed found for an address the operator pasted. */
export interface FoundFeed {
  feedUrl: string;
  title: string | null;
}

/** What an address turned out to be: a feed, a page that names feeds, or neither (with the reason). */
export type Discovery =
  | { status: "feed"; feed: FoundFeed }
  | { status: "choices"; feeds: FoundFeed[] }
  | { status: "none"; reason: string };

const FEED_TYPES = new Set([
  "application/rss+xml",
  "application/atom+xml",
  "application/feed+json",
  "application/json",
  "application/rdf+xml",
  "application/xml",
  "text/xml",
]);

/** Where sites usually keep their feed, tried in order when a page links none. */
export const USUAL_FEED_PATHS = [
  "/feed",
  "/rss",
  "/feed.xml",
  "/rss.xml",
  "/atom.xml",
  "/index.xml",
  "/feed.json",
];

/** Most feeds a page may offer to choose from (a page listing hundreds is not asking to be subscribed). */
const MAX_CHOICES = 20;

/** The feeds a page announces with `<link rel="alternate" type="…feed type…" href>`, absolute, in order. */
export function feedLinks(html: string, pageUrl: string): FoundFeed[] {
  const found: FoundFeed[] = [];
  let base = pageUrl;
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (name === "base" && attrs.href) {
          try {
            base = new URL(attrs.href, pageUrl).href;
          } catch {
            // A broken <base> changes nothing.
          }
        }
        if (name !== "link" || !attrs.href) return;
        const rel = (attrs.rel ?? "").toLowerCase().split(/\s+/);
        const type = (attrs.type ?? "").toLowerCase().split(";")[0]?.trim() ?? "";
        if (!rel.includes("alternate") || !FEED_TYPES.has(type)) return;
        let href: URL;
        try {
          href = new URL(attrs.href, base);
        } catch {
          return;
        }
        if (href.protocol !== "http:" && href.protocol !== "https:") return;
        if (found.some((f) => f.feedUrl === href.href) || found.length >= MAX_CHOICES) return;
        found.push({ feedUrl: href.href, title: attrs.title?.trim().slice(0, 200) || null });
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  return found;
}

/** Options passed through to the fetcher (SSRF guard, timeout). */
export interface DiscoverOptions {
  allowPrivateNetwork: boolean;
  timeoutMs?: number;
}

/** Fetches `url` and returns it as a feed when it parses as one; else the parser's reason and the page. */
async function tryFeed(
  url: string,
  opts: DiscoverOptions,
): Promise<
  | { feed: FoundFeed; page?: undefined; reason?: undefined }
  | { feed?: undefined; page: { html: string; url: string } | null; reason: string }
> {
  const fetched = await fetchFeed(url, {
    allowPrivateNetwork: opts.allowPrivateNetwork,
    timeoutMs: opts.timeoutMs,
  });
  if (fetched.status === "error") return { page: null, reason: fetched.reason };
  if (fetched.status === "not-modified") return { page: null, reason: "not modified" };
  const parsed = parseDocument(fetched.bytes, {
    contentType: fetched.contentType,
    url: fetched.finalUrl,
    fetchedAt: new Date(),
  });
  if (parsed.ok && parsed.doc.kind !== "opml" && parsed.doc.kind !== "text") {
    return { feed: { feedUrl: fetched.permanentRedirect ?? url, title: parsed.doc.title } };
  }
  const isHtml =
    /html/i.test(fetched.contentType ?? "") || (!parsed.ok && parsed.reason === "not a feed: HTML page");
  return {
    page: isHtml
      ? { html: decodeBytes(fetched.bytes, fetched.contentType).text, url: fetched.finalUrl }
      : null,
    reason: parsed.ok
      ? `not a feed (${parsed.doc.kind === "opml" ? "an OPML list" : "plain text"})`
      : parsed.reason,
  };
}

/**
 * Finds the feed behind an address: the address itself when it is a feed; else the feeds its page links
 * with `<link rel="alternate">` (one is taken, several are offered); else the usual feed paths of the site.
 * Every request goes through the feed fetcher, so the SSRF guard and the size and time limits hold.
 */
export async function discoverFeeds(url: string, opts: DiscoverOptions): Promise<Discovery> {
  const first = await tryFeed(url, opts);
  if (first.feed) return { status: "feed", feed: first.feed };
  if (!first.page) return { status: "none", reason: first.reason };

  const linked = feedLinks(first.page.html, first.page.url);
  const only = linked.length === 1 ? linked[0] : undefined;
  if (only) {
    // Fetched once more to be sure it is a feed and to learn its title.
    const checked = await tryFeed(only.feedUrl, opts);
    if (!checked.feed)
      return { status: "none", reason: `the page links ${only.feedUrl}, but ${checked.reason}` };
    return {
      status: "feed",
      feed: { feedUrl: checked.feed.feedUrl, title: checked.feed.title ?? only.title },
    };
  }
  if (linked.length > 1) return { status: "choices", feeds: linked };

  const origin = new URL(first.page.url).origin;
  for (const path of USUAL_FEED_PATHS) {
    const candidate = await tryFeed(`${origin}${path}`, opts);
    if (candidate.feed) return { status: "feed", feed: candidate.feed };
  }
  return {
    status: "none",
    reason: `no feed found: the page links none and none of ${USUAL_FEED_PATHS.join(", ")} is a feed`,
  };
}
