// The search mix: what `npm run bench` asks the HTTP API, and the same question put straight to each
// engine (the ceiling). Pure.
import { RARE_WORD } from "./corpus";

/** One query type, written in the app's syntax (docs/search.md) and in each engine's. */
interface QueryType {
  type: string;
  q: string;
  /** FTS5 MATCH expression. */
  fts5: string;
  /** `to_tsquery('english', …)` expression. */
  tsquery: string;
}

const QUERY_TYPES: readonly QueryType[] = [
  { type: "common word", q: "people", fts5: "people", tsquery: "people" },
  { type: "single word", q: "ceasefire", fts5: "ceasefire", tsquery: "ceasefire" },
  { type: "two words", q: "gaza ceasefire", fts5: "gaza ceasefire", tsquery: "gaza & ceasefire" },
  { type: "phrase", q: '"interest rates"', fts5: '"interest rates"', tsquery: "interest <-> rates" },
  { type: "OR", q: "earthquake OR flood", fts5: "earthquake OR flood", tsquery: "earthquake | flood" },
  {
    type: "exclusion",
    q: "election -inflation",
    fts5: "election NOT inflation",
    tsquery: "election & !inflation",
  },
  { type: "prefix", q: "infla*", fts5: "infla*", tsquery: "infla:*" },
  { type: "rare word", q: RARE_WORD, fts5: RARE_WORD, tsquery: RARE_WORD },
];

export const DATE_FROM = "2026-05-01";
export const DATE_TO = "2026-10-31";
export const REGION = "europe";

type FilterKind = "none" | "date" | "region" | "source";
const FILTERS: readonly FilterKind[] = ["none", "date", "region", "source"];

/** One measured request: its API query string and the engine's equivalent (null for browsing). */
export interface SearchCase {
  label: string;
  /** The query type, "browse" for lists without a query, "top stories" for the grouped view. */
  type: string;
  /** The API asked: `/api/articles` (default) or `/api/stories` (Top stories). */
  endpoint?: "stories";
  filter: FilterKind;
  page: number;
  search: string;
  engine: { fts5: string; tsquery: string } | null;
}

/** Every case of the mix; `sourceId` is the app's id of the source used by the source filter. */
export function searchCases(sourceId: number): SearchCase[] {
  const filterParams = (filter: FilterKind): string =>
    filter === "date"
      ? `&from=${DATE_FROM}&to=${DATE_TO}`
      : filter === "region"
        ? `&region=${REGION}`
        : filter === "source"
          ? `&source=${sourceId}`
          : "";
  const cases: SearchCase[] = [];
  for (const t of QUERY_TYPES) {
    for (const filter of FILTERS) {
      cases.push({
        label: filter === "none" ? t.q : `${t.q} + ${filter}`,
        type: t.type,
        filter,
        page: 1,
        search: `q=${encodeURIComponent(t.q)}${filterParams(filter)}`,
        engine: { fts5: t.fts5, tsquery: t.tsquery },
      });
    }
  }
  // Deep pages: a reader paging far into a common word's matches, and into the whole collection.
  for (const t of QUERY_TYPES.filter((q) => q.type === "common word" || q.type === "single word")) {
    cases.push({
      label: `${t.q}, page 50`,
      type: "deep page",
      filter: "none",
      page: 50,
      search: `q=${encodeURIComponent(t.q)}&page=50`,
      engine: { fts5: t.fts5, tsquery: t.tsquery },
    });
  }
  for (const filter of FILTERS) {
    cases.push({
      label: filter === "none" ? "browse" : `browse + ${filter}`,
      type: "browse",
      filter,
      page: 1,
      search: filterParams(filter).slice(1),
      engine: null,
    });
  }
  cases.push({
    label: "browse, page 50",
    type: "browse",
    filter: "none",
    page: 50,
    search: "page=50",
    engine: null,
  });
  // Top stories (stories ranked by sources and recency), with each filter.
  for (const filter of FILTERS) {
    cases.push({
      label: filter === "none" ? "top stories" : `top stories + ${filter}`,
      type: "top stories",
      endpoint: "stories",
      filter,
      page: 1,
      search: filterParams(filter).slice(1),
      engine: null,
    });
  }
  return cases;
}
