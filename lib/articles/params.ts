// The one owner of the list state <-> URL rules: pages, client components (the search box, the histogram,
// the date form), the JSON API and the Atom feed parse and build list addresses only through this module.
// Client components import it too, so it imports only light, pure modules (not the tagger behind
// "@/lib/regions").
import { REGIONS, regionOfCountry, resolveRegion } from "@/lib/regions/taxonomy";
import type { RegionSlug } from "@/lib/regions/types";
import { canonicalTimeZone, isCalendarDay } from "@/lib/search/dates";

/** Highest page number accepted; anything larger is treated as past the end, never as a huge OFFSET. */
export const MAX_PAGE = 100_000;

type RawParam = string | string[] | undefined;

/** The first value of a search param that may be repeated. */
export function first(value: RawParam): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** Reads `?page=`: missing, malformed or below 1 gives 1; above MAX_PAGE gives MAX_PAGE (past the end). */
export function parsePage(value: RawParam): number {
  const raw = first(value)?.trim() ?? "";
  if (!/^\d+$/.test(raw)) return 1;
  const page = raw.length > 9 ? MAX_PAGE : Number(raw);
  return Math.min(Math.max(page, 1), MAX_PAGE);
}

export const RANGES = ["24h", "7d", "30d", "12m"] as const;
export type RangePreset = (typeof RANGES)[number];
export const SORTS = ["relevance", "newest"] as const;
export type SortOrder = (typeof SORTS)[number];

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;
/** Longest query kept, in characters (the parser uses at most 32 words of it anyway). */
export const MAX_QUERY_LENGTH = 2_000;
const MAX_VALUES = 50;

/** The list/search state carried in the URL, shared by the home page, the JSON API and the feed. */
export interface ListParams {
  /** What the reader typed; "" browses. */
  q: string;
  /** First day (YYYY-MM-DD, inclusive) in `tz`, or null. */
  from: string | null;
  /** Last day (YYYY-MM-DD, inclusive) in `tz`, or null. */
  to: string | null;
  /** A rolling period ending now; ignored when from or to is set. */
  range: RangePreset | null;
  regions: RegionSlug[];
  /** ISO 3166-1 alpha-2 codes, upper case. */
  countries: string[];
  /** Source ids. */
  sources: number[];
  /** ISO 639-1 language codes (`lang`), lower case. */
  languages: string[];
  sort: SortOrder;
  page: number;
  pageSize: number;
  /** The reader's IANA time zone; day boundaries are midnights there. */
  tz: string;
  /** Every article on its own (`all=1`) instead of each story once. */
  all: boolean;
}

export const DEFAULT_LIST_PARAMS: Readonly<ListParams> = Object.freeze({
  q: "",
  from: null,
  to: null,
  range: null,
  regions: [],
  countries: [],
  sources: [],
  languages: [],
  sort: "newest",
  page: 1,
  pageSize: DEFAULT_PAGE_SIZE,
  tz: "UTC",
  all: false,
});

const REGION_ORDER = new Map(REGIONS.map((r, i) => [r.slug, i]));

const short = (value: string) => JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);

/** What one URL value reads as: a value, or the message that says why it is not one. */
type Read<T> = { ok: true; value: T } | { ok: false; error: string };
type Field<T> = (value: string) => Read<T>;

const ok = <T>(value: T): Read<T> => ({ ok: true, value });
const bad = <T>(error: string): Read<T> => ({ ok: false, error });

// Plain checks rather than a schema library: client components (the search box) parse the URL too, and
// these few lines weigh far less in the browser's bundle than a validation library does.
const oneOf =
  <T extends string>(name: string, allowed: readonly T[], expected: string): Field<T> =>
  (v) =>
    allowed.some((a) => a === v) ? ok(v as T) : bad(`${name} must be ${expected} (got ${short(v)})`);

const dayField =
  (name: "from" | "to"): Field<string> =>
  (v) =>
    isCalendarDay(v) ? ok(v) : bad(`${name} must be a date written YYYY-MM-DD (got ${short(v)})`);

const fields = {
  range: oneOf("range", RANGES, `one of ${RANGES.join(", ")}`),
  sort: oneOf("sort", SORTS, "relevance or newest"),
  page: ((v) => {
    if (!/^\d+$/.test(v)) return bad(`page must be a whole number of at least 1 (got ${short(v)})`);
    const page = v.length > 9 ? MAX_PAGE : Math.min(Number(v), MAX_PAGE);
    return page >= 1 ? ok(page) : bad("page must be a whole number of at least 1 (got 0)");
  }) satisfies Field<number>,
  pageSize: ((v) => {
    if (!/^\d{1,4}$/.test(v))
      return bad(`pageSize must be a whole number from 1 to ${MAX_PAGE_SIZE} (got ${short(v)})`);
    const size = Number(v);
    return size >= 1 && size <= MAX_PAGE_SIZE
      ? ok(size)
      : bad(`pageSize must be a whole number from 1 to ${MAX_PAGE_SIZE}`);
  }) satisfies Field<number>,
  tz: ((v) => {
    const zone = canonicalTimeZone(v);
    return zone ? ok(zone) : bad(`tz must be an IANA time zone such as Europe/Paris (got ${short(v)})`);
  }) satisfies Field<string>,
  region: ((v) => {
    const slug = resolveRegion(v);
    return slug
      ? ok(slug)
      : bad(`Unknown region ${short(v)}; use one of ${REGIONS.map((r) => r.slug).join(", ")}`);
  }) satisfies Field<RegionSlug>,
  country: ((v) => {
    const code = v.toUpperCase();
    // Every known country code has a region (the taxonomy is total: lib/regions/taxonomy.test.ts).
    return regionOfCountry(code) !== null
      ? ok(code)
      : bad(`Unknown country code ${short(code)}; use ISO 3166-1 alpha-2 codes such as FR`);
  }) satisfies Field<string>,
  source: ((v) => {
    if (!/^[1-9]\d{0,9}$/.test(v)) return bad(`source must be a source id, a whole number (got ${short(v)})`);
    const id = Number(v);
    return id <= 2_147_483_647 ? ok(id) : bad("source id is too large");
  }) satisfies Field<number>,
  lang: ((v) => {
    const code = v.toLowerCase();
    return /^[a-z]{2}$/.test(code)
      ? ok(code)
      : bad(`lang must be an ISO 639-1 language code such as de (got ${short(code)})`);
  }) satisfies Field<string>,
  from: dayField("from"),
  to: dayField("to"),
};

type Input = Record<string, RawParam> | URLSearchParams;

function valuesOf(input: Input, name: string): string[] {
  const raw = input instanceof URLSearchParams ? input.getAll(name) : input[name];
  if (raw === undefined) return [];
  return (Array.isArray(raw) ? raw : [raw]).map((v) => v.trim());
}

/** Parses a list of values (repeated params and comma-separated values), keeping the valid ones. */
function parseMany<T>(field: Field<T>, raw: string[], errors: string[]): T[] {
  const out: T[] = [];
  const values = raw
    .flatMap((v) => v.split(","))
    .map((v) => v.trim())
    .filter(Boolean);
  for (const value of values.slice(0, MAX_VALUES)) {
    const read = field(value);
    if (!read.ok) errors.push(read.error);
    else if (!out.includes(read.value)) out.push(read.value);
  }
  if (values.length > MAX_VALUES) errors.push(`At most ${MAX_VALUES} values per filter`);
  return out;
}

function parseOne<T>(field: Field<T>, raw: string[], errors: string[]): T | null {
  const value = raw.find((v) => v !== "");
  if (value === undefined) return null;
  const read = field(value);
  if (read.ok) return read.value;
  errors.push(read.error);
  return null;
}

/**
 * Parses the list state from search params (page props or a request URL). Never throws: each invalid value
 * falls back to its default and adds a human-readable message to `errors` (the API answers 400 with them;
 * pages show them and render with the defaults).
 */
export function parseListParams(input: Input): { params: ListParams; errors: string[] } {
  const errors: string[] = [];
  const get = (name: string) => valuesOf(input, name);

  const q = (get("q")[0] ?? "").slice(0, MAX_QUERY_LENGTH).trim();
  let from = parseOne(fields.from, get("from"), errors);
  let to = parseOne(fields.to, get("to"), errors);
  if (from && to && from > to) {
    errors.push(`from (${from}) is after to (${to})`);
    from = null;
    to = null;
  }
  let range = parseOne(fields.range, get("range"), errors);
  if (range && (from || to)) {
    errors.push("Use either range or from/to, not both; the custom dates apply");
    range = null;
  }
  const regions = parseMany(fields.region, get("region"), errors).sort(
    (a, b) => (REGION_ORDER.get(a) ?? 0) - (REGION_ORDER.get(b) ?? 0),
  );
  const countries = parseMany(fields.country, get("country"), errors).sort();
  const sources = parseMany(fields.source, get("source"), errors).sort((a, b) => a - b);
  const languages = parseMany(fields.lang, get("lang"), errors).sort();
  // Relevance needs words to be relevant to: without a query the list is always newest first.
  const requestedSort = parseOne(fields.sort, get("sort"), errors);
  const sort = q ? (requestedSort ?? "relevance") : "newest";
  const page = parseOne(fields.page, get("page"), errors) ?? 1;
  const pageSize = parseOne(fields.pageSize, get("pageSize"), errors) ?? DEFAULT_PAGE_SIZE;
  const tz = parseOne(fields.tz, get("tz"), errors) ?? "UTC";
  // Anything but 1/true keeps the default (stories grouped): a toggle, not worth an error message.
  const all = ["1", "true"].includes(get("all")[0] ?? "");

  return {
    params: { q, from, to, range, regions, countries, sources, languages, sort, page, pageSize, tz, all },
    errors,
  };
}

/** Part of a list state that a link or a form changes. */
type Change = Partial<ListParams>;

/**
 * The list state with `change` applied. With a change, the page goes back to 1 unless the change sets it
 * (a new filter makes the old page meaningless); a list that gains a query without a chosen order is ranked.
 */
export function withChange(params: Partial<ListParams>, change?: Change): ListParams {
  const state: ListParams = { ...DEFAULT_LIST_PARAMS, ...params, ...change };
  if (change && change.page === undefined) state.page = 1;
  const gainsQuery = !params.q?.trim() && Boolean(state.q.trim());
  if ((params.sort === undefined || gainsQuery) && change?.sort === undefined)
    state.sort = state.q.trim() ? "relevance" : "newest";
  return state;
}

/** The canonical search params of a list state: defaults left out, lists comma-separated, stable order. */
export function listSearchParams(state: ListParams): URLSearchParams {
  const search = new URLSearchParams();
  const q = state.q.trim();
  if (q) search.set("q", q);
  if (state.from) search.set("from", state.from);
  if (state.to) search.set("to", state.to);
  if (state.range && !state.from && !state.to) search.set("range", state.range);
  if (state.regions.length) search.set("region", state.regions.join(","));
  if (state.countries.length) search.set("country", state.countries.join(","));
  if (state.sources.length) search.set("source", state.sources.join(","));
  if (state.languages.length) search.set("lang", state.languages.join(","));
  if (q && state.sort !== "relevance") search.set("sort", state.sort);
  if (state.tz !== "UTC") search.set("tz", state.tz);
  if (state.pageSize !== DEFAULT_PAGE_SIZE) search.set("pageSize", String(state.pageSize));
  if (state.all) search.set("all", "1");
  if (state.page > 1) search.set("page", String(state.page));
  return search;
}

function withQuery(path: string, state: ListParams): string {
  const query = listSearchParams(state).toString().replaceAll("%2C", ",");
  return query ? `${path}?${query}` : path;
}

/**
 * The canonical `/?…` URL of a list state, defaults left out, for links. With `change` (a link that
 * changes something) the page goes back to 1 unless the change sets it.
 */
export function listHref(params: Partial<ListParams>, change?: Change): string {
  return withQuery("/", withChange(params, change));
}

/** The address of the Top stories view for a list state (the same parameters as every list). */
export function topStoriesHref(params: Partial<ListParams>, change?: Change): string {
  return withQuery("/stories", withChange(params, change));
}

/** The Atom feed of a list state: its first page (`/feed.xml?…`). */
export function feedHref(params: Partial<ListParams>): string {
  return withQuery("/feed.xml", withChange(params, { page: 1 }));
}

/**
 * Hidden form fields that carry a list state through a plain GET form (which replaces the whole query
 * string), leaving out the fields the form itself sends (`omit`); the page always starts again at 1.
 */
export function listFields(params: Partial<ListParams>, omit: readonly string[]): [string, string][] {
  return [...listSearchParams(withChange(params, { page: 1 })).entries()].filter(([k]) => !omit.includes(k));
}

/** True when any filter beyond the query is set (dates, regions, countries, sources, languages). */
export function hasFilters(params: ListParams): boolean {
  return Boolean(
    params.range ||
    params.from ||
    params.to ||
    params.regions.length ||
    params.countries.length ||
    params.sources.length ||
    params.languages.length,
  );
}
