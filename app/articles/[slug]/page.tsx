import type { Metadata } from "next";
import { notFound, permanentRedirect } from "next/navigation";
import { cache } from "react";
import { ArticleJsonLd } from "@/components/articles/article-json-ld";
import { CountryChips } from "@/components/articles/country-chips";
import { RegionChips } from "@/components/articles/region-chips";
import { PlaceEvidenceList } from "@/components/articles/place-evidence";
import { formatAbsolute, RelativeTime } from "@/components/ui/relative-time";
import { languageName } from "@/lib/language";
import { getArticle } from "@/lib/articles/queries";
import { isCanonicalParam, parseArticleParam } from "@/lib/articles/slug";
import { articleMetadata } from "@/lib/site/metadata";
import { StoryArticles } from "@/components/stories/story-articles";
import { ListNeighboursNav } from "@/components/articles/list-neighbours";
import { NextReadList } from "@/components/articles/next-reads";
import { articleFromHref, LIST_PARAM, parseListOrigin } from "@/lib/articles/list-link";
import { nextReads } from "@/lib/articles/next-reads";
import Link from "next/link";

export const dynamic = "force-dynamic";

type Params = Promise<{ slug: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

// Per request, keyed by the slug: generateMetadata and the page share one lookup instead of running two.
const load = cache(async (slug: string) => {
  const id = parseArticleParam(slug);
  return id === null ? null : getArticle(id);
});

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const article = await load((await params).slug);
  return article ? articleMetadata(article) : { title: "Article not found" };
}

export default async function ArticlePage({
  params,
  searchParams,
}: {
  params: Params;
  searchParams: SearchParams;
}) {
  const { slug } = await params;
  const article = await load(slug);
  if (!article) notFound();
  const from = parseListOrigin((await searchParams)[LIST_PARAM]);
  if (!isCanonicalParam(slug, article.path)) permanentRedirect(articleFromHref(article.path, from));
  const { story, related, sameSource, sameCountry, neighbours } = await nextReads(article, { from });

  return (
    <article className="mx-auto max-w-3xl">
      <ArticleJsonLd article={article} />
      <h1 className="font-serif text-3xl leading-tight font-bold sm:text-4xl">{article.title}</h1>
      <p className="mt-3 text-sm text-stone-600">
        <span className="font-medium text-stone-800" data-testid="source">
          {article.source.name}
        </span>
        {article.author ? <span> · {article.author}</span> : null}
        <span aria-hidden="true"> · </span>
        <RelativeTime date={article.publishedAt} estimated={article.dateEstimated} />
        <span className="text-stone-500"> ({formatAbsolute(article.publishedAt)})</span>
        <span aria-hidden="true"> · </span>
        <span>{article.readingMinutes} min read</span>
        {article.language ? (
          <>
            <span aria-hidden="true"> · </span>
            <span data-testid="article-page-language">{languageName(article.language)}</span>
          </>
        ) : null}
        {article.alsoPublishedBy.length > 0 ? (
          <span data-testid="also-published-by">
            <span aria-hidden="true"> · </span>
            also published by {article.alsoPublishedBy.join(", ")}
          </span>
        ) : null}
      </p>
      <div className="mt-3 flex flex-wrap items-center gap-1.5">
        <RegionChips regions={article.regions} />
        <CountryChips countries={article.countries} limit={20} />
      </div>
      <div
        className="prose-article mt-6 space-y-4 font-serif text-lg leading-relaxed [&_a]:text-sky-800 [&_a]:underline [&_blockquote]:border-l-4 [&_blockquote]:border-stone-300 [&_blockquote]:pl-4 [&_img]:h-auto [&_img]:max-w-full"
        data-testid="article-body"
        // bodyHtml was sanitized with an allowlist at ingest, the last step before storage.
        dangerouslySetInnerHTML={{ __html: article.bodyHtml }}
        lang={article.language ?? undefined}
      />
      <PlaceEvidenceList places={article.places} />
      {article.url ? (
        <p className="mt-8 border-t border-stone-200 pt-4">
          <a
            href={article.url}
            rel="noopener noreferrer"
            target="_blank"
            className="font-medium text-sky-800 underline"
            data-testid="original-link"
          >
            Read the original at {article.source.name}
          </a>
        </p>
      ) : (
        <p className="mt-8 border-t border-stone-200 pt-4 text-sm text-stone-600">
          The source gave no link to the original.
        </p>
      )}
      {story ? (
        <section className="mt-8 border-t border-stone-200 pt-4" data-testid="story-coverage">
          <h2 className="font-serif text-xl font-semibold">
            <Link href={story.story.path} className="hover:underline">
              {story.story.sources} {story.story.sources === 1 ? "source" : "sources"} on this story
            </Link>
          </h2>
          <StoryArticles articles={story.articles} current={article.id} />
        </section>
      ) : null}
      <NextReadList title="Related" items={related} testId="related" />
      <NextReadList title={`More from ${article.source.name}`} items={sameSource} testId="same-source" />
      {sameCountry ? (
        <NextReadList
          title={`More about ${sameCountry.country.name}`}
          items={sameCountry.items}
          testId="same-country"
        />
      ) : null}
      {neighbours ? <ListNeighboursNav neighbours={neighbours} /> : null}
    </article>
  );
}
