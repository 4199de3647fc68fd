import type { Metadata } from "next";
import { notFound, permanentRedirect } from "next/navigation";
import { cache } from "react";
import { CountryChips } from "@/components/articles/country-chips";
import { StoryArticles } from "@/components/stories/story-articles";
import { formatAbsolute } from "@/components/ui/relative-time";
import { parseArticleParam } from "@/lib/articles/slug";
import { resolveStory } from "@/lib/stories";

export const dynamic = "force-dynamic";

type Params = Promise<{ slug: string }>;

// Per request, keyed by the slug: generateMetadata and the page share one lookup instead of running two.
const load = cache(async (slug: string) => {
  const id = parseArticleParam(slug);
  return id === null ? null : resolveStory(id);
});

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const found = await load((await params).slug);
  return found
    ? { title: found.story.headline, description: found.story.lead }
    : { title: "Story not found" };
}

export default async function StoryPage({ params }: { params: Params }) {
  const { slug } = await params;
  const found = await load(slug);
  if (!found) notFound();
  const { story } = found;
  // A merged story's old id, or an outdated slug, leads to the story's one address.
  if (decodeURIComponent(slug) !== story.path.slice("/stories/".length)) permanentRedirect(story.path);

  return (
    <article className="mx-auto max-w-3xl" data-testid="story">
      <p className="text-sm text-stone-600">
        Story · {story.sources.length} {story.sources.length === 1 ? "source" : "sources"} ·{" "}
        {story.articles.length} {story.articles.length === 1 ? "article" : "articles"}
      </p>
      <h1 className="mt-1 font-serif text-3xl leading-tight font-bold sm:text-4xl">{story.headline}</h1>
      {story.lead ? <p className="mt-3 font-serif text-lg text-stone-800">{story.lead}</p> : null}
      <div className="mt-3 flex flex-wrap items-center gap-1.5">
        <CountryChips countries={story.countries} limit={20} />
      </div>
      <h2 className="mt-8 font-serif text-xl font-semibold">Coverage</h2>
      <p className="text-sm text-stone-600">
        From {formatAbsolute(story.firstPublishedAt)} to {formatAbsolute(story.lastPublishedAt)}, first report
        first.
      </p>
      <StoryArticles articles={story.articles} />
      <h2 className="mt-8 font-serif text-xl font-semibold">Sources</h2>
      <ul className="mt-2 flex flex-wrap gap-2 text-sm" data-testid="story-sources">
        {story.sources.map((s) => (
          <li key={s.id} className="rounded border border-stone-300 bg-white px-2 py-0.5">
            {s.name}
            {s.articles > 1 ? <span className="text-stone-500"> ({s.articles})</span> : null}
          </li>
        ))}
      </ul>
    </article>
  );
}
