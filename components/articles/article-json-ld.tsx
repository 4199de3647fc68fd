import type { ArticleDetail } from "@/lib/articles/types";
import { serializeJsonLd } from "@/lib/site/json-ld";
import { siteOrigin } from "@/lib/site/origin";

/**
 * schema.org NewsArticle for search engines. A data block (type application/ld+json) is not executed, so
 * a script-src CSP does not apply to it; the JSON is escaped so no title can close the element.
 */
export async function ArticleJsonLd({ article }: { article: ArticleDetail }) {
  const origin = await siteOrigin();
  const data = {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    headline: article.title.length > 110 ? `${article.title.slice(0, 109)}…` : article.title,
    description: article.excerpt || undefined,
    url: origin + article.path,
    mainEntityOfPage: origin + article.path,
    datePublished: article.publishedAt.toISOString(),
    dateModified: article.fetchedAt.toISOString(),
    inLanguage: article.language ?? undefined,
    author: article.author
      ? { "@type": "Person", name: article.author }
      : { "@type": "Organization", name: article.source.name },
    publisher: {
      "@type": "Organization",
      name: article.source.name,
      ...(article.source.siteUrl ? { url: article.source.siteUrl } : {}),
    },
    isBasedOn: article.url ?? undefined,
    contentLocation: article.countries
      .filter((c) => c.primary)
      .map((c) => ({ "@type": "Country", name: c.name, identifier: c.code })),
    wordCount: article.bodyText.split(/\s+/).filter(Boolean).length,
    isAccessibleForFree: true,
  };
  return (
    <script
      type="application/ld+json"
      // A data block: serializeJsonLd escapes <, > and & so the text cannot end the element.
      dangerouslySetInnerHTML={{ __html: serializeJsonLd(data) }}
    />
  );
}
