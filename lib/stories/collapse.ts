import type { ArticleCard } from "@/lib/articles/types";

/** A list entry: the card, and how many other sources its story has (shown as "+N more sources"). */
export interface ListEntry {
  card: ArticleCard;
  moreSources: number;
}

/**
 * One entry per story (`byStory`) or per text (syndicated copies together), keeping the first card of
 * each: the best match when the list is ranked, the newest when it is browsed. Grouped by story, the
 * search already gives one card per story across all pages (lib/search/stories.ts); every article on its
 * own (`all=1`) is paginated by article, and copies of a text on one page are still shown as one card.
 */
export function collapseCards(cards: readonly ArticleCard[], byStory: boolean): ListEntry[] {
  const seen = new Set<string>();
  const out: ListEntry[] = [];
  for (const card of cards) {
    const key = byStory ? `s${card.story.id}` : `t${card.originalId}`;
    if (seen.has(key)) continue;
    seen.add(key);
    // A copy's text is also the original's: it stands in for it, so the key of the text is taken too.
    seen.add(`t${card.originalId}`);
    out.push({ card, moreSources: byStory ? Math.max(0, card.story.sources - 1) : 0 });
  }
  return out;
}
