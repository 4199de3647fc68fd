import Link from "next/link";
import { RelativeTime } from "@/components/ui/relative-time";
import { articleInStoryHref } from "@/lib/articles/list-link";
import type { StoryArticle } from "@/lib/stories/types";

/**
 * The articles of a story, first report first: source, time, headline; `current` is marked, not linked.
 * Each link says it comes from the story, so the article page offers the story's previous and next.
 */
export function StoryArticles({ articles, current }: { articles: StoryArticle[]; current?: number }) {
  return (
    <ol className="mt-3 space-y-2" data-testid="story-articles">
      {articles.map((a, i) => (
        <li key={a.id} className="text-sm" data-testid="story-article">
          <span className="font-medium text-stone-800" data-testid="story-source">
            {a.source.name}
          </span>
          <span aria-hidden="true"> · </span>
          <RelativeTime date={a.publishedAt} estimated={a.dateEstimated} />
          {i === 0 ? <span className="ml-1 text-xs text-emerald-700">first report</span> : null}
          {a.duplicateOfId !== null ? <span className="ml-1 text-xs text-stone-500">(same text)</span> : null}
          <br />
          {a.id === current ? (
            <span className="font-serif text-stone-600">{a.title} (this article)</span>
          ) : (
            <Link href={articleInStoryHref(a.path)} className="font-serif text-sky-800 hover:underline">
              {a.title}
            </Link>
          )}
        </li>
      ))}
    </ol>
  );
}
