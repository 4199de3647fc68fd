// An article opened from a list carries that list's state in its address (`?list=` holding the list's own
// query string), so that its page can offer the list's previous and next articles. The value comes from the
// address bar: it is read only through the list-state parser, and anything it does not fully accept is
// dropped (no previous/next) rather than half-applied.
import { first, listHref, parseListParams, type ListParams } from "./params";

/** The search param that carries the list state. */
export const LIST_PARAM = "list";
/** Longest `list` value read; a list's own query string is far shorter. */
export const MAX_LIST_LENGTH = 4_000;
/** The parameters of a list's query string (what `listHref` writes). */
const LIST_KEYS = new Set([
  "q",
  "from",
  "to",
  "range",
  "region",
  "country",
  "source",
  "lang",
  "sort",
  "page",
  "pageSize",
  "tz",
  "all",
]);

/** The query string (without `?`) of a list state; "" for the front page. */
export function listQuery(params: ListParams): string {
  return listHref(params).slice(2);
}

/** The address of an article opened from a list: its path with the list state carried along. */
export function articleInListHref(path: string, list: ListParams): string {
  return `${path}?${LIST_PARAM}=${encodeURIComponent(listQuery(list))}`;
}

/**
 * The list state an article page was opened from, from its `list` search param; null when there is none
 * or when the parser rejects any part of it (too long, unknown parameters or filters, malformed values).
 */
export function parseListParam(value: string | string[] | undefined): ListParams | null {
  const raw = first(value);
  if (raw === undefined || raw.length > MAX_LIST_LENGTH) return null;
  let search: URLSearchParams;
  try {
    search = new URLSearchParams(raw.startsWith("?") ? raw.slice(1) : raw);
  } catch {
    return null;
  }
  // Only this app writes the value: a parameter lists do not have means it was written by someone else.
  if ([...search.keys()].some((key) => !LIST_KEYS.has(key))) return null;
  const { params, errors } = parseListParams(search);
  return errors.length === 0 ? params : null;
}
