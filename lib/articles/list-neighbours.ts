import "server-only";
import type { SearchOptions } from "@/lib/search";
import { searchStories } from "@/lib/stories";
import { articleInListHref } from "./list-link";
import { listHref, type ListParams } from "./params";

/** A neighbouring article in the list the reader came from. */
export interface ListNeighbour {
  title: string;
  /** Its page, with the list state carried along (on the list page where the neighbour is). */
  href: string;
}

export interface ListNeighbours {
  previous: ListNeighbour | null;
  next: ListNeighbour | null;
  /** The list page the article is on (or its story's page). */
  listHref: string;
  /** The words of the link back to it. */
  backLabel: string;
}

/** The cards of one page of a list, as the list page shows them (each story once unless `all`). */
async function entriesOn(list: ListParams, page: number, options: SearchOptions) {
  const result = await searchStories({ ...list, page }, options);
  return { cards: result.entries.map((e) => e.card), pageCount: result.pageCount };
}

/**
 * The articles before and after an article in a list (the same query, filters, order and grouping as the
 * list page, across page boundaries); null when the article is not on the list's page (the list moved on).
 */
export async function listNeighbours(
  articleId: number,
  list: ListParams,
  options: SearchOptions = {},
): Promise<ListNeighbours | null> {
  const here = await entriesOn(list, list.page, options);
  const index = here.cards.findIndex((c) => c.id === articleId);
  if (index === -1) return null;
  const link = (card: { path: string; title: string } | undefined, page: number) =>
    card ? { title: card.title, href: articleInListHref(card.path, { ...list, page }) } : null;
  const [before, after] = await Promise.all([
    index === 0 && list.page > 1 ? entriesOn(list, list.page - 1, options) : null,
    index === here.cards.length - 1 && list.page < here.pageCount
      ? entriesOn(list, list.page + 1, options)
      : null,
  ]);
  return {
    previous: before ? link(before.cards.at(-1), list.page - 1) : link(here.cards[index - 1], list.page),
    next: after ? link(after.cards[0], list.page + 1) : link(here.cards[index + 1], list.page),
    listHref: listHref(list),
    backLabel: "Back to the list",
  };
}
