// An article opened from a list carries that list's state in its address (`?list=` holding the list's own
// query string), so that its page can offer the list's previous and next articles; opened from its story's
// coverage, it carries `?list=story` (the story is the article's own, so nothing more is needed). The value
// comes from the address bar: it is read only through the list-state parser, and anything it does not fully
// accept is dropped (no previous/next) rather than half-applied.
import { first, listHref, parseListParams, type ListParams } from "./params";

/** The search param that carries the list state. */
export const LIST_PARAM = "list";
/** Longest `list` value read; a list's own query string is far shorter. */
export const MAX_LIST_LENGTH = 4_000;

/** The `list` value of an article opened from its story's coverage (the story page or "N sources"). */
export const STORY_LIST = "story";

/** Where an article page was opened from: a list (its state) or its story's coverage. */
export type ListOrigin = { kind: "list"; list: ListParams } | { kind: "story" };

/** The query string (without `?`) of a list state; "" for the front page. */
export function listQuery(params: ListParams): string {
  return listHref(params).slice(2);
}

/** The address of an article opened from a list: its path with the list state carried along. */
export function articleInListHref(path: string, list: ListParams): string {
  return `${path}?${LIST_PARAM}=${encodeURIComponent(listQuery(list))}`;
}

/** The address of an article opened from its story's coverage. */
export function articleInStoryHref(path: string): string {
  return `${path}?${LIST_PARAM}=${STORY_LIST}`;
}

/** The address of an article opened from `origin` (its path alone without one). */
export function articleFromHref(path: string, origin: ListOrigin | null): string {
  if (origin === null) return path;
  return origin.kind === "story" ? articleInStoryHref(path) : articleInListHref(path, origin.list);
}

/** Where an article page was opened from, from its `list` search param; null as for parseListParam. */
export function parseListOrigin(value: string | string[] | undefined): ListOrigin | null {
  if (first(value) === STORY_LIST) return { kind: "story" };
  const list = parseListParam(value);
  return list ? { kind: "list", list } : null;
}

/**
 * The list state an article page was opened from, from its `list` search param; null when there is none
 * or when it holds anything `listQuery` would not write for the state it parses to.
 */
export function parseListParam(value: string | string[] | undefined): ListParams | null {
  const raw = first(value)?.replace(/^\?/, "");
  if (raw === undefined || raw.length > MAX_LIST_LENGTH) return null;
  const search = new URLSearchParams(raw);
  const { params, errors } = parseListParams(search);
  // Only this app writes the value, in the list's canonical form (listQuery), so any other parameter or
  // value (an unknown name, a default spelled out) means someone else wrote it. The order may differ.
  return errors.length === 0 && samePairs(search, new URLSearchParams(listQuery(params))) ? params : null;
}

function samePairs(a: URLSearchParams, b: URLSearchParams): boolean {
  const sorted = (s: URLSearchParams) => [...s.entries()].map(([k, v]) => `${k}=${v}`).sort();
  return sorted(a).join("&") === sorted(b).join("&");
}
