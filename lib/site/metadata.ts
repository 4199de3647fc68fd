import type { Metadata } from "next";
import type { ArticleDetail } from "@/lib/articles/types";

export const SITE_NAME = "Dispatch";
export const SITE_DESCRIPTION = "Dispatch: read the news, search it, and filter it by date and region.";

/** What one page says about itself; `path` is relative to the site's origin (the layout sets metadataBase). */
interface PageInfo {
  title: string;
  description: string;
  path: string;
  /** Keep the page out of search engines' indexes while letting them follow its links (search results). */
  noindex?: boolean;
  article?: { publishedTime: Date; modifiedTime: Date; authors: string[] };
}

/**
 * Title, description, canonical URL, Open Graph and Twitter card of a page. Next.js replaces a parent's
 * openGraph object instead of merging it, so every page's card is built whole here.
 */
export function pageMetadata({ title, description, path, noindex = false, article }: PageInfo): Metadata {
  return {
    // Absolute: the layout's title template does not reach pages in the root segment (the front page).
    title: { absolute: `${title} · ${SITE_NAME}` },
    description,
    alternates: { canonical: path },
    openGraph: {
      siteName: SITE_NAME,
      title,
      description,
      url: path,
      locale: "en",
      ...(article
        ? {
            type: "article",
            publishedTime: article.publishedTime.toISOString(),
            modifiedTime: article.modifiedTime.toISOString(),
            authors: article.authors,
          }
        : { type: "website" }),
    },
    twitter: { card: "summary", title, description },
    ...(noindex ? { robots: { index: false, follow: true } } : {}),
  };
}

/** A description of at most `max` characters, cut at a word boundary. */
function metaDescription(text: string, max = 160): string {
  const clean = text.replace(/\s+/g, " ").trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  return `${space > max / 2 ? cut.slice(0, space) : cut}…`;
}

/** An article page's metadata: its own title, excerpt and canonical path, and an Open Graph article card. */
export function articleMetadata(article: ArticleDetail): Metadata {
  return pageMetadata({
    title: article.title,
    description:
      metaDescription(article.excerpt || article.bodyText) || `An article from ${article.source.name}.`,
    path: article.path,
    article: {
      publishedTime: article.publishedAt,
      modifiedTime: article.fetchedAt,
      authors: article.author ? [article.author] : [article.source.name],
    },
  });
}
