// What the JSON API and the Atom feed send: plain shapes built from lib results (no database access).
import { generateAtomFeed } from "feedsmith";
import { feedHref, listHref, type ListParams } from "@/lib/articles/params";
import type { ArticleCard, ArticleDetail } from "@/lib/articles/types";
import { formatQuery, parseQuery } from "./query";
import type { SearchResult } from "./types";

/** One item of `GET /api/articles`. */
export function articleItemJson(card: ArticleCard) {
  return {
    id: card.id,
    title: card.title,
    url: card.url,
    path: card.path,
    source: card.source,
    publishedAt: card.publishedAt.toISOString(),
    dateEstimated: card.dateEstimated,
    countries: card.countries,
    regions: card.regions,
    language: card.language,
    snippet: card.snippet,
    story: card.story ? { id: card.story.id, size: card.story.size } : null,
  };
}

/** The body of `GET /api/articles`. */
export function articleListJson(result: SearchResult) {
  return {
    items: result.items.map(articleItemJson),
    total: result.total,
    totalApproximate: result.totalApproximate,
    page: result.page,
    pageSize: result.pageSize,
    pageCount: result.pageCount,
    facets: result.facets,
    histogram: result.histogram,
  };
}

/** The body of `GET /api/articles/{id}`. */
export function articleDetailJson(article: ArticleDetail) {
  return {
    ...articleItemJson(article),
    source: article.source,
    summary: article.excerpt || null,
    author: article.author,
    readingMinutes: article.readingMinutes,
    fetchedAt: article.fetchedAt.toISOString(),
    bodyHtml: article.bodyHtml,
    bodyText: article.bodyText,
    places: article.places,
  };
}

/** A feed title that says what the list is: the query and the filters. */
function feedTitle(params: ListParams): string {
  const parts: string[] = [];
  const query = formatQuery(parseQuery(params.q));
  if (query) parts.push(`“${query}”`);
  if (params.regions.length) parts.push(params.regions.join(", "));
  if (params.countries.length) parts.push(params.countries.join(", "));
  if (params.sources.length) parts.push(`sources ${params.sources.join(", ")}`);
  if (params.languages.length) parts.push(`in ${params.languages.join(", ")}`);
  if (params.from || params.to) parts.push(`${params.from ?? "…"} to ${params.to ?? "…"}`);
  else if (params.range) parts.push(`past ${params.range}`);
  return parts.length ? `Dispatch: ${parts.join(" · ")}` : "Dispatch: latest news";
}

/**
 * The Atom feed of a list state (its first page), with absolute links from `origin`
 * (e.g. "https://dispatch.example"). Entries link to the original article and to its page here.
 */
export function atomFeed(result: SearchResult, params: ListParams, origin: string, now: Date): string {
  const pageUrl = new URL(listHref(params, { page: 1 }), origin).toString();
  const selfUrl = new URL(feedHref(params), origin).toString();
  const updated =
    result.items.reduce<Date | null>(
      (latest, i) => (!latest || i.publishedAt > latest ? i.publishedAt : latest),
      null,
    ) ?? now;
  return generateAtomFeed({
    id: pageUrl,
    title: { value: feedTitle(params) },
    updated,
    generator: { text: "Dispatch" },
    links: [
      { href: selfUrl, rel: "self", type: "application/atom+xml" },
      { href: pageUrl, rel: "alternate", type: "text/html" },
    ],
    entries: result.items.map((item) => {
      const here = new URL(item.path, origin).toString();
      return {
        id: here,
        title: { value: item.title },
        updated: item.publishedAt,
        published: item.publishedAt,
        authors: [{ name: item.source.name }],
        summary: item.snippet ? { value: item.snippet, type: "html" } : { value: item.excerpt, type: "text" },
        categories: item.countries.map((c) => ({ term: c.code, label: c.name })),
        links: [
          ...(item.url ? [{ href: item.url, rel: "alternate", type: "text/html" }] : []),
          { href: here, rel: item.url ? "related" : "alternate", type: "text/html" },
        ],
      };
    }),
  });
}
