import "server-only";
import type { ListParams } from "@/lib/articles/params";
import { num, POOL_WAIT_MS, type Db } from "@/lib/db";
import { FACET_KINDS, type FacetKind } from "./facets";
import type { ArchiveMinutes } from "./archive";
import { barsOfMinutes, type PlannedBin } from "./plan";
import type { Listing } from "./listing";
import { runSearch, type FacetSample, type SearchEngine } from "./pipeline";
import { substringSnippets } from "./result";
import { isUnsegmented, type Atom, type SearchQuery } from "./query";
import { betterSnippet, MARK_CLOSE, MARK_OPEN } from "./snippet";
import { FIELD_WEIGHTS, FRESH_MINUTES, RANK_WINDOW, RECENCY_BOOST } from "./ranking";
import type { SearchResult } from "./types";
import {
  and,
  filterConditions,
  hasLookupFilters,
  inSample,
  join,
  raw,
  sampleCondition,
  sql,
  LOOKUP_KINDS,
  type FilterKind,
  type Filters,
  type Sql,
} from "./where";

// PostgreSQL keeps one "ArticleSearch" row per article (prisma/postgresql/migrations/20261125100000_search):
// the same search key as SQLite (publication minute * 2^31 + id) as primary key, a weighted tsvector with a
// GIN index, and the text of articles in scripts written without spaces. The plan follows lib/search/sqlite.ts
// (docs/search.md); counts are exact and facets sampled past FACET_SAMPLE candidates.

const CONFIG = raw("'dispatch_search'");
export const FACET_SAMPLE = 3000;
/**
 * Limits the plan reaches only on large archives; tests lower them to take those paths with little data.
 * `storyWindowMatches`: past this many matches, a list grouped by story takes its page from the newest
 * RANK_WINDOW matches and estimates the number of stories (lib/search/listing.ts); the article total
 * stays exact, as every count does (`exactLookups`). `fewMatches`: up to this many matches, a newest-first
 * page sorts them instead of walking the key index (`fewMatches`).
 */
export const POSTGRES_LIMITS = { storyWindowMatches: 5_000, fewMatches: 5_000, exactLookups: Infinity };
/** ts_rank_cd's weights by label, in its order (D, C, B, A): unused, body, summary, title. */
const RANK_WEIGHTS = raw(
  `'{0, ${[FIELD_WEIGHTS.body, FIELD_WEIGHTS.summary, FIELD_WEIGHTS.title].map((w) => w / FIELD_WEIGHTS.title).join(", ")}}'::float4[]`,
);
const HEADLINE = `StartSel="${MARK_OPEN}", StopSel="${MARK_CLOSE}", MaxWords=30, MinWords=12, MaxFragments=1, FragmentDelimiter=" … "`;

const KEY = raw(`s."key"`);
const ID = raw(`s."articleId"`);
const keyAt = (date: Date, round: (n: number) => number) =>
  sql`(${BigInt(Math.max(0, round(date.getTime() / 60_000)))}::bigint * 2147483648)`;
const keyRange = (key: Sql) => (from: Date | null, until: Date | null) =>
  from || until
    ? and([
        from ? sql`${key} >= ${keyAt(from, Math.floor)}` : null,
        until ? sql`${key} < ${keyAt(until, Math.ceil)}` : null,
      ])
    : null;

// Each article's document is stemmed in its own language (prisma/postgresql/migrations/20261129220000_places),
// so a word is looked up in the stemmed form of every language the query applies to (docs/language.md):
// English for English and unknown languages, the language's own configuration where the migration made one,
// unstemmed ('simple') for the rest. dispatch_search_config() is STABLE and falls back to 'simple' where the
// server lacks a stemmer.
const STEMMED = new Set([
  "de",
  "fr",
  "es",
  "pt",
  "it",
  "nl",
  "sv",
  "da",
  "no",
  "fi",
  "ru",
  "hu",
  "ro",
  "tr",
  "id",
  "ca",
  "el",
]);

/** The text search configurations for articles in these languages (deduplicated). */
function configsFor(languages: readonly (string | null)[]): Sql[] {
  const names = new Set(languages.map((l) => (l === null || l === "en" ? "en" : STEMMED.has(l) ? l : "zz")));
  return [...names].map((l) => (l === "en" ? CONFIG : raw(`dispatch_search_config('${l}')`)));
}

/** The tsquery of one atom in one configuration; user text only ever reaches PostgreSQL as a bound parameter. */
function tsAtomIn(config: Sql, atom: Atom): Sql {
  if (atom.prefix) {
    // Only letters and digits survive, so the to_tsquery syntax around them is all ours.
    const words = atom.text.match(/[\p{L}\p{N}]+/gu) ?? [];
    return sql`to_tsquery(${config}, ${words.map((w, i) => `'${w}'${i === words.length - 1 ? ":*" : ""}`).join(" <-> ")})`;
  }
  return atom.phrase
    ? sql`phraseto_tsquery(${config}, ${atom.text})`
    : sql`plainto_tsquery(${config}, ${atom.text})`;
}

/** The tsquery of one atom: its forms in each of the configurations. */
function tsAtom(atom: Atom, configs: readonly Sql[]): Sql {
  return sql`(${join(
    configs.map((c) => tsAtomIn(c, atom)),
    " || ",
  )})`;
}

/** A condition for one atom: the word index, or a substring of the unsegmented text. */
function atomCondition(atom: Atom, configs: readonly Sql[]): Sql {
  if (isUnsegmented(atom))
    return sql`s."unsegmented" ILIKE ${`%${atom.text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`}`;
  return sql`s."document" @@ ${tsAtom(atom, configs)}`;
}

const anyOf = (atoms: readonly Atom[], configs: readonly Sql[]) =>
  join(
    atoms.map((a) => sql`(${atomCondition(a, configs)})`),
    " OR ",
  );

/**
 * The text condition of a request. `indexed`: an expression over the word index, which each statement is
 * steered to (see `matching`); otherwise the keys of the candidates, already found once for the request.
 */
interface TextCondition {
  where: Sql;
  indexed: boolean;
  /** Newest first by sorting the matches, not by walking the key index (see `fewMatches`). */
  sorted?: boolean;
  /**
   * The minute and article id of each candidate (text and dates), when the request found them once
   * (`candidateSet`): their number, the facets' sample and, without a filter that needs a lookup, the
   * histogram need no pass over the candidates' keys.
   */
  candidates?: { minutes: readonly number[]; ids: readonly number[] };
}

/**
 * The text condition for the newest-first statements, once the number of matches is known. Up to
 * POSTGRES_LIMITS.fewMatches (5,000) matches are sorted for a newest-first page rather than found by
 * walking the key index backwards. The walk checks each article's document until the page is full: cheap
 * for a common word, the whole table for a rare one (0.5 s at 100,000 articles), and the planner cannot tell
 * the two apart, since it expects a few hundred matches for any word it has no statistics for.
 */
function fewMatches(text: TextCondition | null, matches: number): TextCondition | null {
  return text?.indexed && matches <= POSTGRES_LIMITS.fewMatches ? { ...text, sorted: true } : text;
}

/** The newest-first order of a statement over "ArticleSearch" (`+ 0` keeps the planner off the key index). */
const newestFirst = (text: TextCondition | null) =>
  text?.sorted ? raw(`(s."key" + 0) DESC`) : raw(`s."key" DESC`);

/** The tsquery of a group of word atoms: any of them. */
const anyWord = (atoms: readonly Atom[], configs: readonly Sql[]) =>
  join(
    atoms.map((a) => tsAtom(a, configs)),
    " || ",
  );

/**
 * True when the exclusions can be folded into the first group's tsquery (`first && !!excluded`): every atom
 * involved is a word of the word index. The GIN index then answers the whole condition from its posting
 * lists, where `NOT (document @@ …)` as a separate filter reads and decompresses every candidate's
 * document (election -inflation at 100,000 articles: 17 ms against 288 ms per statement).
 */
function foldsExclusions(query: SearchQuery): boolean {
  const first = query.groups[0];
  return Boolean(first) && query.exclude.length > 0 && ![...first!, ...query.exclude].some(isUnsegmented);
}

/** The text condition of a query (null: every article), as a boolean expression over atoms. */
function textCondition(query: SearchQuery, configs: readonly Sql[]): Sql | null {
  const folded = foldsExclusions(query);
  const parts = query.groups.map((g, i) => {
    if (i > 0 || !folded) return sql`(${anyOf(g, configs)})`;
    const positive = anyWord(g, configs);
    // numnode: a group of stop words alone matches nothing, as `document @@ ''` does without exclusions.
    return sql`(s."document" @@ ((${positive}) && !!(${anyWord(query.exclude, configs)})) AND numnode(${positive}) > 0)`;
  });
  if (query.exclude.length && !folded) parts.push(sql`NOT (${anyOf(query.exclude, configs)})`);
  return parts.length ? and(parts) : null;
}

/**
 * True when deciding the text condition reads each candidate's document: phrases (the index has no
 * positions, so every article with all the words is rechecked), substrings of unsegmented text, and
 * exclusions that could not be folded into the tsquery. Such a request finds its candidates once.
 */
function readsDocuments(query: SearchQuery): boolean {
  const atoms = [...query.groups.flat(), ...query.exclude];
  return (
    atoms.some((a) => a.phrase || isUnsegmented(a)) || (query.exclude.length > 0 && !foldsExclusions(query))
  );
}

/**
 * The request's candidates (text and dates, before the filters that need a lookup), found once: every
 * statement of the request then reads them by key instead of deciding the text condition again, which for
 * a phrase means reading every candidate's document again (docs/search.md, "one candidate set").
 */
async function candidateSet(db: Db, text: TextCondition, filters: Filters): Promise<TextCondition> {
  const rows = await matching<{ keys: string; minutes: string; ids: string }[]>(
    db,
    text,
    sql`SELECT coalesce(array_agg(${KEY}), '{}')::text AS keys, coalesce(array_agg(${KEY} >> 31), '{}')::text AS minutes,
      coalesce(array_agg(${ID}), '{}')::text AS ids
    FROM "ArticleSearch" s WHERE ${conditions(text, filters, LOOKUP_KINDS)}`,
  );
  const numbers = (array = "{}") => (array === "{}" ? [] : array.slice(1, -1).split(",").map(Number));
  return {
    where: sql`${KEY} = ANY(${rows[0]?.keys ?? "{}"}::bigint[])`,
    indexed: false,
    candidates: { minutes: numbers(rows[0]?.minutes), ids: numbers(rows[0]?.ids) },
  };
}

/** One tsquery with every positive word, for ranking and headlines; null when there are none. */
function rankQuery(query: SearchQuery, configs: readonly Sql[]): Sql | null {
  const atoms = query.groups.flat().filter((a) => !isUnsegmented(a));
  return atoms.length
    ? join(
        atoms.map((a) => tsAtom(a, configs)),
        " || ",
      )
    : null;
}

/** The key as an expression no index answers: a condition on it filters the rows another index found. */
const KEY_FILTER = raw(`(s."key" + 0)`);

/**
 * A statement's conditions. With a word-index condition, the date filter is checked on each match the GIN
 * index finds rather than offered as a key range: given the range, the planner scans it and decides `@@`
 * row by row, reading every dated row's TOASTed document (`q=people` over six months, 14,666 of 24,924
 * rows: 80-130 ms, against 9 ms for the 57,919 matches' keys; docs/search.md). `walk`: the statement walks
 * the key index newest first until its LIMIT, starting where the range ends, and keeps the range unless
 * its matches are few enough to be sorted instead (`fewMatches`).
 */
function conditions(
  text: TextCondition | null,
  filters: Filters,
  except: readonly FilterKind[] = [],
  extra: (Sql | null)[] = [],
  { walk = false } = {},
): Sql {
  const key = text?.indexed && !(walk && !text.sorted) ? KEY_FILTER : KEY;
  return and([...extra, text?.where, ...filterConditions(filters, { id: ID, date: keyRange(key) }, except)]);
}

/**
 * Runs a statement over "ArticleSearch" that applies `text`. The planner prices a sequential scan by the
 * table's own pages, not by the TOASTed documents every row's `@@` then decompresses (about 5 kB each), so
 * for a common word it picks a scan that costs ten times the GIN bitmap; SET LOCAL steers this statement,
 * and only this one, to the index (docs/search.md). `lookups`: the statement joins a few thousand rows
 * (a sample) to other tables, which index lookups answer best; the planner, which cannot estimate a
 * sample's size, would otherwise read those tables whole to hash or merge them.
 */
async function matching<T>(
  db: Db,
  text: TextCondition | null,
  statement: Sql,
  { lookups = false } = {},
): Promise<T> {
  const settings = [
    ...(text?.indexed ? ["enable_seqscan"] : []),
    ...(lookups ? ["enable_hashjoin", "enable_mergejoin"] : []),
  ];
  if (settings.length === 0) return db.$queryRaw<T>(statement);
  // Prisma's transaction defaults (2 s to get a connection, 5 s to run) would fail a search under load
  // where a plain statement queues: allow the pool's wait instead.
  const rows = await db.$transaction(
    [...settings.map((name) => db.$executeRawUnsafe(`SET LOCAL ${name} = off`)), db.$queryRaw<T>(statement)],
    { maxWait: POOL_WAIT_MS, timeout: POOL_WAIT_MS },
  );
  return rows[rows.length - 1] as T;
}

async function count(
  db: Db,
  text: TextCondition | null,
  filters: Filters,
  except: readonly FilterKind[] = [],
): Promise<number> {
  const rows = await matching<{ n: bigint }[]>(
    db,
    text,
    sql`SELECT count(*) AS n FROM "ArticleSearch" s WHERE ${conditions(text, filters, except)}`,
  );
  return num(rows[0]?.n);
}

/** The FROM item that looks an article's story up by id (lib/search/stories.ts). */
const STORY_BY_ID = raw(`"Article" g`);

/** Text relevance blended with recency (lib/search/ranking.ts): a new article counts up to 1.5×. */
function rankScore(q: Sql | null, now: Date): Sql {
  const nowMinute = Math.floor(now.getTime() / 60_000);
  const score = q ? sql`ts_rank_cd(${RANK_WEIGHTS}, s."document", ${q})` : sql`1.0`;
  return sql`${score} * (1.0 + ${raw(RECENCY_BOOST.toFixed(1))} / (1.0 + greatest(0, ${nowMinute}::bigint - (${KEY} >> 31)) / ${raw(FRESH_MINUTES.toFixed(1))}))`;
}

/** The newest RANK_WINDOW matches' keys (after filters): the matches that are ranked by relevance. */
function rankWindow(text: TextCondition | null, filters: Filters): Sql {
  return sql`SELECT ${KEY} AS k FROM "ArticleSearch" s WHERE ${conditions(text, filters, [], [], { walk: true })} ORDER BY ${newestFirst(text)} LIMIT ${RANK_WINDOW}`;
}

/** The statements that list a request's matches (lib/search/listing.ts), once their number is known. */
function postgresListing(
  db: Db,
  { text: matched, q }: PostgresMatches,
  filters: Filters,
  now: Date,
  articles: number,
): Listing {
  // Over the word index, the number of matches decides the plan of the newest-first statements.
  const text = fewMatches(matched, articles);
  const window = rankWindow(text, filters);
  const score = text ? rankScore(q, now) : null;
  const scoreOr = (scored: boolean, inWindow: (score: Sql) => Sql) =>
    scored && score ? inWindow(score) : sql`NULL::float8`;
  return {
    scored: score !== null,
    run: <Row>(statement: Sql) => matching<Row[]>(db, text, statement),
    storyLookup: STORY_BY_ID,
    window: (scored) =>
      sql`SELECT ${ID} AS id, ${KEY} AS k, ${scoreOr(scored, (sc) => sc)} AS sc FROM "ArticleSearch" s
      WHERE ${KEY} IN (SELECT ws.k FROM (${window}) ws)`,
    all: (scored) =>
      sql`SELECT ${ID} AS id, ${KEY} AS k, ${scoreOr(
        scored,
        (sc) => sql`CASE WHEN ${KEY} >= (SELECT min(ws.k) FROM (${window}) ws) THEN ${sc} END`,
      )} AS sc FROM "ArticleSearch" s WHERE ${conditions(text, filters)}`,
    newest: (older, skip, take) =>
      sql`SELECT ${ID} AS id, ${KEY} >> 31 AS m FROM "ArticleSearch" s
      WHERE ${conditions(text, filters, [], [older ? sql`${KEY} < (SELECT min(ws.k) FROM (${window}) ws)` : null], { walk: true })}
      ORDER BY ${newestFirst(text)} LIMIT ${take} OFFSET ${skip}`,
    best: (skip, take) =>
      sql`WITH win AS MATERIALIZED (${window})
      SELECT ${ID} AS id, ${KEY} >> 31 AS m FROM "ArticleSearch" s WHERE ${KEY} IN (SELECT k FROM win)
      ORDER BY ${score ?? sql`NULL::float8`} DESC, ${KEY} DESC LIMIT ${take} OFFSET ${skip}`,
  };
}

async function snippets(
  db: Db,
  query: SearchQuery,
  q: Sql | null,
  ids: number[],
): Promise<Map<number, string | null>> {
  const out = new Map<number, string | null>();
  if (ids.length === 0) return out;
  if (q && !query.groups.flat().some(isUnsegmented)) {
    const rows = await db.$queryRaw<{ id: number; summary: string | null; body: string | null }[]>`
      SELECT a."id" AS id, ts_headline(dispatch_search_config(a."language"), coalesce(a."summary", ''), ${q}, ${HEADLINE}) AS summary,
        ts_headline(dispatch_search_config(a."language"), a."bodyText", ${q}, ${HEADLINE}) AS body
      FROM "Article" a WHERE a."id" IN (${join(ids)})`;
    for (const row of rows) out.set(row.id, betterSnippet(row.summary, row.body));
    return out;
  }
  return substringSnippets(db, query, ids);
}

/** Exact counts per bar in one pass: width_bucket finds each key's bar by binary search over the edges. */
async function binCounts(
  db: Db,
  text: TextCondition | null,
  filters: Filters,
  bins: PlannedBin[],
): Promise<number[]> {
  if (bins.length === 0) return [];
  const edges = join([
    ...bins.map((b) => keyAt(b.from, Math.ceil)),
    keyAt(bins[bins.length - 1]!.until, Math.ceil),
  ]);
  const rows = await matching<{ bin: number; n: bigint }[]>(
    db,
    text,
    sql`SELECT width_bucket(${KEY}, ARRAY[${edges}]) AS bin, count(*) AS n
    FROM "ArticleSearch" s WHERE ${conditions(text, filters)} GROUP BY 1`,
  );
  const counts = bins.map(() => 0);
  for (const row of rows) if (row.bin >= 1 && row.bin <= bins.length) counts[row.bin - 1] = num(row.n);
  return counts;
}

/** Facet counts, each kind with every other filter, over a sample of candidates when they are many. */
async function facetCounts(
  db: Db,
  text: TextCondition | null,
  filters: Filters,
  candidates: number,
): Promise<FacetSample> {
  const rate = Math.min(1, FACET_SAMPLE / Math.max(1, candidates));
  // A candidate set's sample is drawn from the ids it holds, with no pass over its keys.
  const sampled = text?.candidates?.ids.filter((id) => inSample(id, rate)) ?? null;
  const id = sampled ? raw("u.id") : ID;
  const only = (kind: FacetKind) =>
    filterConditions(
      filters,
      { id, date: () => null },
      FACET_KINDS.filter((k) => k !== kind),
    );
  const active = FACET_KINDS.filter((kind) => only(kind).length > 0);
  const flags = active.map((kind) => sql`, (${and(only(kind))}) AS ${raw(`"f_${kind}"`)}`);
  const flagsExcept = (kind: FacetKind) =>
    and(active.filter((k) => k !== kind).map((k) => raw(`m."f_${k}"`)));
  const parts = FACET_KINDS.map((kind) =>
    kind === "language"
      ? sql`SELECT 'language' AS kind, j."language" AS key, count(*) AS n FROM m JOIN "Article" j ON j."id" = m.id WHERE ${flagsExcept(kind)} AND j."language" IS NOT NULL GROUP BY 2`
      : kind === "region"
        ? sql`SELECT 'region' AS kind, j."region" AS key, count(*) AS n FROM m JOIN "ArticleRegion" j ON j."articleId" = m.id WHERE ${flagsExcept(kind)} GROUP BY 2`
        : kind === "country"
          ? sql`SELECT 'country' AS kind, j."code" AS key, count(*) AS n FROM m JOIN "ArticleCountry" j ON j."articleId" = m.id WHERE ${flagsExcept(kind)} GROUP BY 2`
          : sql`SELECT 'source' AS kind, j."sourceId"::text AS key, count(*) AS n FROM m JOIN "Article" j ON j."id" = m.id WHERE ${flagsExcept(kind)} GROUP BY 2`,
  );
  const rows = await matching<{ kind: FacetKind; key: string | null; n: bigint }[]>(
    db,
    text,
    sql`
    WITH m AS MATERIALIZED (SELECT ${id} AS id${flags.length ? join(flags, "") : sql``} FROM ${
      sampled
        ? sql`unnest(${`{${sampled.join(",")}}`}::int[]) AS u(id)`
        : sql`"ArticleSearch" s WHERE ${conditions(text, filters, LOOKUP_KINDS, [sampleCondition(ID, rate)])}`
    })
    ${join(parts, " UNION ALL ")}`,
    { lookups: true },
  );
  const counts: Record<FacetKind, Map<string, number>> = {
    region: new Map(),
    country: new Map(),
    source: new Map(),
    language: new Map(),
  };
  for (const row of rows) if (row.key !== null) counts[row.kind].set(row.key, Math.round(num(row.n) / rate));
  return { facets: counts, approximate: rate < 1, estimate: null };
}

/** The archive's first and last minute. */
async function archiveMinutes(db: Db): Promise<ArchiveMinutes> {
  const rows = await db.$queryRaw<
    { lo: bigint | null; hi: bigint | null }[]
  >`SELECT min(${KEY}) >> 31 AS lo, max(${KEY}) >> 31 AS hi FROM "ArticleSearch" s`;
  const { lo, hi } = rows[0] ?? { lo: null, hi: null };
  return lo === null || hi === null ? null : { first: num(lo), last: num(hi) };
}

/** What a request matches on PostgreSQL: its text condition (null: every article) and its ranking tsquery. */
interface PostgresMatches {
  text: TextCondition | null;
  q: Sql | null;
}

/** How many candidates a candidate set holds for these filters, when it can tell without a statement. */
function heldCount(
  text: TextCondition | null,
  filters: Filters,
  except: readonly FilterKind[],
): number | null {
  return text?.candidates && !hasLookupFilters(filters, except) ? text.candidates.ids.length : null;
}

/**
 * Search and browse on PostgreSQL (tsvector + GIN): the steps of lib/search/pipeline.ts, whose independent
 * statements run concurrently on the pool; same results as SQLite's, counts always exact (docs/search.md).
 */
export const postgresEngine: SearchEngine<PostgresMatches> = {
  limits: POSTGRES_LIMITS,
  archiveMinutes,
  matches: async (db, { query, filters, languages }) => {
    const configs = languages ? configsFor(languages) : [];
    const where = textCondition(query, configs);
    const indexed: TextCondition | null = where ? { where, indexed: true } : null;
    return {
      text: indexed && readsDocuments(query) ? await candidateSet(db, indexed, filters) : indexed,
      q: rankQuery(query, configs),
    };
  },
  count: async (db, { text }, filters, except = []) =>
    heldCount(text, filters, except) ?? count(db, text, filters, except),
  // A candidate set holds the matches before the filters that need a lookup: without one, the bars are its minutes'.
  bars: async (db, { text }, filters, bins) =>
    text?.candidates && !hasLookupFilters(filters)
      ? barsOfMinutes(text.candidates.minutes, bins)
      : binCounts(db, text, filters, bins),
  facets: async (db, { text }, filters, candidates, estimate) => {
    if (estimate) throw new Error("PostgreSQL counts exactly: it estimates no total");
    return facetCounts(db, text, filters, candidates);
  },
  listing: postgresListing,
  snippets: (db, { q }, query, rows) =>
    snippets(
      db,
      query,
      q,
      rows.map((r) => r.id),
    ),
};

export const searchPostgres = (db: Db, params: ListParams, now: Date): Promise<SearchResult> =>
  runSearch(postgresEngine, db, params, now);
