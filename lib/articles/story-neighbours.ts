import type { StoryArticle, StoryRef } from "@/lib/stories/types";
import { articleInStoryHref } from "./list-link";
import type { ListNeighbours } from "./list-neighbours";

/**
 * The articles before and after an article in its story's coverage, first report first (the order of the
 * story page); null when the story does not hold it.
 */
export function storyNeighbours(
  articleId: number,
  story: { story: StoryRef; articles: readonly StoryArticle[] },
): ListNeighbours | null {
  const index = story.articles.findIndex((a) => a.id === articleId);
  if (index === -1) return null;
  const link = (a: StoryArticle | undefined) =>
    a ? { title: a.title, href: articleInStoryHref(a.path) } : null;
  return {
    previous: link(story.articles[index - 1]),
    next: link(story.articles[index + 1]),
    listHref: story.story.path,
    backLabel: "Back to the story",
  };
}
