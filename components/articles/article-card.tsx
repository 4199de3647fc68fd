import Link from "next/link";
import { articleInListHref } from "@/lib/articles/list-link";
import type { ListParams } from "@/lib/articles/params";
import type { ArticleCard as Card } from "@/lib/articles/types";
import { RelativeTime } from "@/components/ui/relative-time";
import { languageName } from "@/lib/language";
import { CountryChips } from "./country-chips";
import { RegionChips } from "./region-chips";

/**
 * One article in a list: title, source, date, excerpt (or highlighted snippet) and country chips; with
 * `moreSources`, a link to its story ("+N more sources"), and the sources of syndicated copies. With `list`
 * (the list it is shown in), the article's page offers that list's previous and next articles.
 */
export function ArticleCard({
  article,
  moreSources = 0,
  list,
}: {
  article: Card;
  moreSources?: number;
  list?: ListParams;
}) {
  return (
    <article className="card" data-testid="article-card">
      <h2>
        <Link href={list ? articleInListHref(article.path, list) : article.path}>{article.title}</Link>
      </h2>
      <p className="card-meta">
        <span className="card-source">{article.source.name}</span>
        <span aria-hidden="true"> · </span>
        <RelativeTime date={article.publishedAt} estimated={article.dateEstimated} />
        {article.language ? (
          <>
            <span aria-hidden="true"> · </span>
            <abbr title={languageName(article.language)} data-testid="article-language" lang="en">
              {article.language.toUpperCase()}
            </abbr>
          </>
        ) : null}
        {article.alsoPublishedBy.length > 0 ? (
          <span data-testid="also-published-by">
            <span aria-hidden="true"> · </span>
            also published by {article.alsoPublishedBy.join(", ")}
          </span>
        ) : null}
      </p>
      {article.snippet ? (
        // The snippet is escaped text with only <mark> tags added by lib/search.
        <p
          className="card-text"
          data-testid="snippet"
          dangerouslySetInnerHTML={{ __html: article.snippet }}
        />
      ) : article.excerpt ? (
        <p className="card-text line-clamp-3">{article.excerpt}</p>
      ) : null}
      <div className="card-tags">
        <RegionChips regions={article.regions} />
        <CountryChips countries={article.countries} />
        {moreSources > 0 && article.story ? (
          <Link
            href={article.story.path}
            className="ml-auto text-sm font-medium text-sky-800 underline"
            data-testid="more-sources"
          >
            +{moreSources} more {moreSources === 1 ? "source" : "sources"}
          </Link>
        ) : null}
      </div>
    </article>
  );
}
