import "server-only";
import type { ListParams } from "@/lib/articles/params";
import { num, readRows, type Db } from "@/lib/db";
import { FACET_KINDS, type FacetKind } from "./facets";
import type { ArchiveMinutes } from "./archive";
import type { PlannedBin } from "./plan";
import type { Listing, PageRow } from "./listing";
import { runSearch, type SearchEngine } from "./pipeline";
import { substringSnippets } from "./result";
import {
  hasUnsegmented,
  isUnsegmented,
  toFts5Any,
  toFts5Match,
  withoutUnsegmented,
  type Atom,
  type SearchQuery,
} from "./query";
import { betterSnippet, MARK_CLOSE, MARK_OPEN } from "./snippet";
import { stemmingsFor, type Stemming } from "./stem";
import { FIELD_WEIGHTS, FRESH_MINUTES, RANK_WINDOW, RECENCY_BOOST } from "./ranking";
import type { SearchResult } from "./types";
import {
  and,
  filterConditions,
  idHash,
  join,
  raw,
  sampleCondition,
  sampleThreshold,
  sql,
  LOOKUP_KINDS,
  type FilterKind,
  type Filters,
  type Sql,
} from "./where";

// Rows of the search indexes are keyed by publication minute * 2^31 + article id, the "search key" (see
// prisma/sqlite/migrations/20261125100000_search): ordering by key is ordering by date, a date range is a
// key range, and the id is the low 31 bits. The expression below must stay identical to the migration's
// (index, view, triggers), or SQLite stops using the index. Keys exceed 2^53: they stay in SQL, and
// JavaScript only sees minutes and ids.
const articleKey = (a: string) =>
  raw(`(max(0, coalesce(unixepoch(${a}."publishedAt"), 0) / 60) * 2147483648 + ${a}."id")`);
const idOfKey = (key: Sql) => sql`(${key} & 2147483647)`;
const minuteOf = (key: Sql) => sql`(${key} >> 31)`;
// Integers bound from JavaScript numbers arrive as REAL, which FTS5 cannot use as a rowid bound: use BigInt.
const keyAtMinute = (date: Date, round: (n: number) => number) =>
  sql`(${BigInt(Math.max(0, round(date.getTime() / 60_000)))} * 2147483648)`;

/** Facets are exact up to this many candidate articles and estimated from a uniform sample this size beyond. */
export const FACET_SAMPLE = 3000;
/** Sample size for estimated totals and histograms (see SQLITE_LIMITS). */
export const ESTIMATE_SAMPLE = 10_000;
/** bm25 column weights: title, summary, body. */
const BM25_WEIGHTS = raw(
  [FIELD_WEIGHTS.title, FIELD_WEIGHTS.summary, FIELD_WEIGHTS.body].map((w) => w.toFixed(1)).join(", "),
);

/** Where rows come from: the word index, the substring index, or all articles (browsing). */
interface RowSource {
  from: Sql;
  where: Sql[];
  key: Sql;
  id: Sql;
  /** Text relevance, higher is better; null when browsing. */
  score: Sql | null;
  /** The FTS5 expression, when the word index alone produced the rows (for its highlighter). */
  snippetMatch: string | null;
  /** True when a key range is cheap to count on its own (an index range), so the histogram counts bar by bar. */
  rangeCountable: boolean;
  browse: boolean;
}

/** A row source under a table alias (a statement often needs the same source twice). */
type SourceFactory = (alias: string) => RowSource;

const keyRange = (key: Sql) => (from: Date | null, until: Date | null) => {
  const parts: Sql[] = [];
  if (from) parts.push(sql`${key} >= ${keyAtMinute(from, Math.floor)}`);
  if (until) parts.push(sql`${key} < ${keyAtMinute(until, Math.ceil)}`);
  return parts.length ? and(parts) : null;
};

function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Substring test of one atom against columns of the trigram table. */
function trigramAtom(t: string, atom: Atom, columns = ["title", "summary", "bodyText"]): Sql {
  const pattern = likePattern(atom.text);
  return join(
    columns.map((c) => sql`${raw(`${t}."${c}"`)} LIKE ${pattern} ESCAPE '\\'`),
    " OR ",
  );
}

/** True when any of the atoms is a substring of the row. */
function anyTrigram(t: string, atoms: readonly Atom[], columns?: string[]): Sql {
  return join(
    atoms.map((a) => sql`(${trigramAtom(t, a, columns)})`),
    " OR ",
  );
}

function trigramQuery(t: string, query: SearchQuery): Sql {
  const conditions = query.groups.map((g) => sql`(${anyTrigram(t, g)})`);
  if (query.exclude.length) conditions.push(sql`NOT (${anyTrigram(t, query.exclude)})`);
  return and(conditions);
}

/** Ids of articles matching any of the atoms (for queries made only of exclusions). */
function anyAtomIds(atoms: readonly Atom[], stemmings: readonly Stemming[]): Sql {
  const parts: Sql[] = [];
  const words = toFts5Any(
    atoms.filter((a) => !isUnsegmented(a)),
    stemmings,
  );
  if (words)
    parts.push(
      sql`SELECT (x.rowid & 2147483647) FROM "ArticleSearch" x WHERE x."ArticleSearch" MATCH ${words}`,
    );
  const unsegmented = atoms.filter(isUnsegmented);
  if (unsegmented.length) {
    parts.push(
      sql`SELECT (y.rowid & 2147483647) FROM "ArticleSearchTrigram" y WHERE ${anyTrigram("y", unsegmented)}`,
    );
  }
  return join(parts, " UNION ");
}

function browseSource(query: SearchQuery, stemmings: readonly Stemming[]): SourceFactory {
  return (a) => ({
    from: raw(`"Article" ${a} INDEXED BY "Article_searchKey_idx"`),
    where: query.exclude.length ? [sql`${raw(a)}."id" NOT IN (${anyAtomIds(query.exclude, stemmings)})`] : [],
    key: articleKey(a),
    id: raw(`${a}."id"`),
    score: null,
    snippetMatch: null,
    rangeCountable: query.exclude.length === 0,
    browse: true,
  });
}

function wordSource(match: string, prefix: boolean): SourceFactory {
  return (s) => {
    const key = raw(`${s}.rowid`);
    return {
      from: raw(`"ArticleSearch" ${s}`),
      where: [sql`${raw(`${s}."ArticleSearch"`)} MATCH ${match}`],
      key,
      id: idOfKey(key),
      score: sql`-bm25(${raw(`${s}."ArticleSearch"`)}, ${BM25_WEIGHTS})`,
      snippetMatch: match,
      // A prefix expands to every matching term on each evaluation: one pass beats one per bar.
      rangeCountable: !prefix,
      browse: false,
    };
  };
}

/**
 * Queries with text in scripts written without spaces. Articles containing such text (all of them are in
 * the trigram table) are matched by substring on the whole query; no other article can contain those
 * atoms, so the rest are matched by the word index on what remains of the query.
 */
function unsegmentedSource(query: SearchQuery, stemmings: readonly Stemming[]): SourceFactory {
  const rest = withoutUnsegmented(query);
  const restMatch = rest ? toFts5Match(rest, stemmings) : null;
  const positives = query.groups.flat();
  const anyIn = (column: string) => anyTrigram("t", positives, [column]);
  return (c) => {
    const parts = [
      sql`SELECT t.rowid AS k, (CASE WHEN ${anyIn("title")} THEN 10 ELSE 0 END + CASE WHEN ${anyIn("summary")} THEN 4 ELSE 0 END + 1) AS rel
          FROM "ArticleSearchTrigram" t WHERE ${trigramQuery("t", query)}`,
    ];
    if (restMatch) {
      parts.push(sql`SELECT u.rowid AS k, -bm25(u."ArticleSearch", ${BM25_WEIGHTS}) AS rel FROM "ArticleSearch" u
          WHERE u."ArticleSearch" MATCH ${restMatch} AND u.rowid NOT IN (SELECT rowid FROM "ArticleSearchTrigram")`);
    }
    const key = raw(`${c}.k`);
    return {
      from: sql`(${join(parts, " UNION ALL ")}) ${raw(c)}`,
      where: [],
      key,
      id: idOfKey(key),
      score: raw(`${c}.rel`),
      snippetMatch: null,
      rangeCountable: false,
      browse: false,
    };
  };
}

/** The rows of a query; its words are looked up in each of the stemmings (lib/search/stem.ts). */
function rowSource(query: SearchQuery, stemmings: readonly Stemming[]): SourceFactory {
  const match = toFts5Match(query, stemmings);
  if (!match) return browseSource(query, stemmings);
  if (hasUnsegmented(query)) return unsegmentedSource(query, stemmings);
  return wordSource(
    match,
    [...query.groups.flat(), ...query.exclude].some((a) => a.prefix),
  );
}

// Without ANALYZE statistics SQLite would look an article up by its primary key and read the whole (large)
// row; the (id, sourceId) index answers from a few pages.
const ARTICLE_BY_ID = (alias: string) => raw(`"Article" ${alias} INDEXED BY "Article_id_sourceId_idx"`);
const LANGUAGE_BY_ID = (alias: string) => raw(`"Article" ${alias} INDEXED BY "Article_id_language_idx"`);
// The story column was added after the text columns: read from the row, it would follow every overflow page.
const STORY_BY_ID = raw(`"Article" g INDEXED BY "Article_id_storyId_publishedAt_duplicateOfId_idx"`);

function conditions(
  rs: RowSource,
  filters: Filters,
  except: readonly FilterKind[] = [],
  extra: (Sql | null)[] = [],
): Sql {
  const target = {
    id: rs.id,
    date: keyRange(rs.key),
    articleLookup: ARTICLE_BY_ID("fa"),
    languageLookup: LANGUAGE_BY_ID("fl"),
  };
  // Extra conditions (a sample, a key range) first: they are cheap and spare the costlier ones most rows.
  return and([...extra, ...rs.where, ...filterConditions(filters, target, except)]);
}

async function count(
  db: Db,
  source: SourceFactory,
  filters: Filters,
  except: readonly FilterKind[] = [],
): Promise<number> {
  const rs = source("s");
  const rows = await readRows<{ n: bigint | number }>(
    db,
    sql`SELECT count(*) AS n FROM ${rs.from} WHERE ${conditions(rs, filters, except)}`,
  );
  return num(rows[0]?.n);
}

const keyOf = (row: PageRow) => sql`(${BigInt(row.minute)} * 2147483648 + ${BigInt(row.id)})`;

/** Text relevance blended with recency: a new article counts up to 1.5×. */
function freshness(key: Sql, now: Date): Sql {
  const nowMinute = Math.floor(now.getTime() / 60_000);
  return sql`(1.0 + ${raw(RECENCY_BOOST.toFixed(1))} / (1.0 + max(0, ${nowMinute} - ${minuteOf(key)}) / ${raw(FRESH_MINUTES.toFixed(1))}))`;
}

/** The newest RANK_WINDOW matches' keys (after filters): the matches that are ranked by relevance. */
function rankWindow(source: SourceFactory, filters: Filters): Sql {
  const w = source("w");
  return sql`SELECT ${w.key} AS k FROM ${w.from} WHERE ${conditions(w, filters)} ORDER BY ${w.key} DESC LIMIT ${RANK_WINDOW}`;
}

/**
 * `columns` of the newest RANK_WINDOW matches (after filters), from `rs`. The window's keys are read once;
 * the outer scan covers their key range and keeps exactly them.
 */
function windowRows(rs: RowSource, source: SourceFactory, filters: Filters, columns: Sql): Sql {
  return sql`WITH win AS MATERIALIZED (${rankWindow(source, filters)})
    SELECT ${columns} FROM ${rs.from}
    WHERE ${and([...rs.where, sql`${rs.key} >= (SELECT min(k) FROM win)`, sql`+${rs.key} IN (SELECT k FROM win)`])}`;
}

/** The statements that list a request's matches (lib/search/listing.ts). */
function sqliteListing(db: Db, source: SourceFactory, filters: Filters, now: Date): Listing {
  const rs = source("s");
  const score = rs.score ? sql`${rs.score} * ${freshness(rs.key, now)}` : null;
  const window = rankWindow(source, filters);
  const scoreOr = (scored: boolean, inWindow: (score: Sql) => Sql) =>
    scored && score ? inWindow(score) : raw("NULL");
  return {
    scored: score !== null,
    run: <Row>(statement: Sql) => readRows<Row>(db, statement),
    storyLookup: STORY_BY_ID,
    window: (scored) =>
      windowRows(
        rs,
        source,
        filters,
        sql`${rs.id} AS id, ${rs.key} AS k, ${scoreOr(scored, (sc) => sc)} AS sc`,
      ),
    all: (scored) =>
      sql`SELECT ${rs.id} AS id, ${rs.key} AS k, ${scoreOr(
        scored,
        (sc) => sql`CASE WHEN ${rs.key} >= (SELECT min(ws.k) FROM (${window}) ws) THEN ${sc} END`,
      )} AS sc FROM ${rs.from} WHERE ${conditions(rs, filters)}`,
    newest: (older, skip, take) =>
      sql`SELECT ${rs.id} AS id, ${minuteOf(rs.key)} AS m FROM ${rs.from}
      WHERE ${conditions(rs, filters, [], [older ? sql`${rs.key} < (SELECT min(ws.k) FROM (${window}) ws)` : null])}
      ORDER BY ${rs.key} DESC LIMIT ${take} OFFSET ${skip}`,
    best: (skip, take) =>
      sql`${windowRows(rs, source, filters, sql`${rs.id} AS id, ${minuteOf(rs.key)} AS m`)}
      ORDER BY ${score ?? raw("NULL")} DESC, ${rs.key} DESC LIMIT ${take} OFFSET ${skip}`,
  };
}

/** Highlighted snippets: the word index's own highlighter, or substrings for unsegmented scripts. */
async function snippets(
  db: Db,
  rs: RowSource,
  query: SearchQuery,
  rows: readonly PageRow[],
): Promise<Map<number, string | null>> {
  const out = new Map<number, string | null>();
  if (rows.length === 0) return out;
  if (rs.snippetMatch) {
    // One pass over the page's key range: a rowid IN list alone would evaluate the MATCH once per row.
    const byKey = [...rows].sort((a, b) => a.minute - b.minute || a.id - b.id);
    const found = await readRows<{ id: number | bigint; summary: string | null; body: string | null }>(
      db,
      sql`
      SELECT (s.rowid & 2147483647) AS id,
        snippet(s."ArticleSearch", 1, ${MARK_OPEN}, ${MARK_CLOSE}, '…', 24) AS summary,
        snippet(s."ArticleSearch", 2, ${MARK_OPEN}, ${MARK_CLOSE}, '…', 24) AS body
      FROM "ArticleSearch" s
      WHERE s."ArticleSearch" MATCH ${rs.snippetMatch} AND s.rowid BETWEEN ${keyOf(byKey[0]!)} AND ${keyOf(byKey[byKey.length - 1]!)}
        AND +s.rowid IN (${join(rows.map(keyOf))})`,
    );
    for (const row of found) out.set(num(row.id), betterSnippet(row.summary, row.body));
    return out;
  }
  return substringSnippets(
    db,
    query,
    rows.map((r) => r.id),
  );
}

/** A CASE expression giving the bar index of a key: a binary search over the bar edges. */
function binOf(key: Sql, bins: PlannedBin[], lo = 0, hi = bins.length): Sql {
  if (hi - lo <= 1) return sql`${lo}`;
  const mid = (lo + hi) >> 1;
  return sql`CASE WHEN ${key} < ${keyAtMinute(bins[mid]!.from, Math.ceil)} THEN ${binOf(key, bins, lo, mid)} ELSE ${binOf(key, bins, mid, hi)} END`;
}

/**
 * Matches up to which the histogram's bars are counted in one pass over the matches rather than one range
 * count per bar: each range count costs about 10 µs however few keys it reads, so for a rare word the
 * hundred-odd bars of a two-year archive cost more than reading its few matches once.
 */
export const SINGLE_PASS_MATCHES = 2_000;
/**
 * When the number of matches is not known, the first this many (plus one) are read to find out: a bounded
 * cost (about 0.3 ms) that a common word pays for nothing, smaller than what it saves a rare one.
 */
export const SINGLE_PASS_PROBE = 500;

/** Counts per bar from rows of (bar index, count); bars without a row are 0. */
function barsOf(
  rows: readonly { bin: number | bigint; n: number | bigint }[],
  bins: readonly PlannedBin[],
): number[] {
  const counts = bins.map(() => 0);
  for (const row of rows) counts[num(row.bin)] = num(row.n);
  return counts;
}

/** Bar counts in one pass over the matching keys; with a limit, null when there are more matches than it. */
async function singlePassCounts(
  db: Db,
  probe: ReturnType<SourceFactory>,
  filters: Filters,
  bins: PlannedBin[],
  limit: number | null,
): Promise<number[] | null> {
  const span = keyRange(probe.key)(bins[0]!.from, bins[bins.length - 1]!.until);
  // The keys come from a subquery that is not flattened (a LIMIT), so that grouping on an expression of the
  // key does not make SQLite read article rows instead of the key index.
  const rows = await readRows<{ bin: number | bigint; n: number | bigint }>(
    db,
    sql`SELECT ${binOf(raw("m.k"), bins)} AS bin, count(*) AS n
    FROM (SELECT ${probe.key} AS k FROM ${probe.from} WHERE ${conditions(probe, filters, [], [span])} LIMIT ${limit === null ? -1 : limit + 1}) m GROUP BY bin`,
  );
  const counts = barsOf(rows, bins);
  return limit !== null && counts.reduce((a, b) => a + b, 0) > limit ? null : counts;
}

/**
 * Exact counts per histogram bar, with every filter. Where a key range is an index range (the word index,
 * the key index) and there are many matches, each bar is its own range count, which reads each key once and
 * sorts nothing; few matches, and other row sources (few rows), are grouped in one pass. `candidates` is
 * the number of matches before the region, country, source and language filters, when it is known.
 */
async function binCounts(
  db: Db,
  source: SourceFactory,
  filters: Filters,
  bins: PlannedBin[],
  candidates: number | null,
): Promise<number[]> {
  if (bins.length === 0) return [];
  const probe = source("s");
  if (!probe.rangeCountable || (candidates !== null && candidates <= SINGLE_PASS_MATCHES))
    return (await singlePassCounts(db, probe, filters, bins, null))!;
  // Not known (there is no lookup filter, so reading matches is cheap): the first few tell.
  if (candidates === null) {
    const few = await singlePassCounts(db, probe, filters, bins, SINGLE_PASS_PROBE);
    if (few) return few;
  }
  const parts = bins.map((bin, i) => {
    const rs = source("s");
    return sql`SELECT ${i} AS bin, count(*) AS n FROM ${rs.from} WHERE ${conditions(rs, filters, [], [keyRange(rs.key)(bin.from, bin.until)])}`;
  });
  const rows = await readRows<{ bin: number | bigint; n: number | bigint }>(db, join(parts, " UNION ALL "));
  return barsOf(rows, bins);
}

/** Browsing with no other filter: the tag tables' own indexes count a facet exactly, and fast. */
function exactBrowseFacet(kind: FacetKind): Sql {
  if (kind === "region")
    return sql`SELECT 'region' AS kind, "region" AS key, count(*) AS n FROM "ArticleRegion" GROUP BY "region"`;
  if (kind === "country")
    return sql`SELECT 'country' AS kind, "code" AS key, count(*) AS n FROM "ArticleCountry" GROUP BY "code"`;
  if (kind === "language")
    return sql`SELECT 'language' AS kind, "language" AS key, count(*) AS n FROM "Article" INDEXED BY "Article_language_idx" WHERE "language" IS NOT NULL GROUP BY "language"`;
  return sql`SELECT 'source' AS kind, CAST("sourceId" AS TEXT) AS key, count(*) AS n FROM "Article" GROUP BY "sourceId"`;
}

function facetJoin(kind: FacetKind, where: Sql): Sql {
  const id = sql`(m.k & 2147483647)`;
  if (kind === "region") {
    return sql`SELECT 'region' AS kind, j."region" AS key, count(*) AS n FROM m CROSS JOIN "ArticleRegion" j
      WHERE ${where} AND j."articleId" = ${id} GROUP BY j."region"`;
  }
  if (kind === "country") {
    return sql`SELECT 'country' AS kind, j."code" AS key, count(*) AS n FROM m CROSS JOIN "ArticleCountry" j
      WHERE ${where} AND j."articleId" = ${id} GROUP BY j."code"`;
  }
  if (kind === "language") {
    return sql`SELECT 'language' AS kind, j."language" AS key, count(*) AS n FROM m CROSS JOIN ${LANGUAGE_BY_ID("j")}
      WHERE ${where} AND j."id" = ${id} AND j."language" IS NOT NULL GROUP BY j."language"`;
  }
  return sql`SELECT 'source' AS kind, CAST(j."sourceId" AS TEXT) AS key, count(*) AS n FROM m CROSS JOIN ${ARTICLE_BY_ID("j")}
    WHERE ${where} AND j."id" = ${id} GROUP BY j."sourceId"`;
}

interface SampleCounts {
  facets: Record<FacetKind, Map<string, number>>;
  facetsApproximate: boolean;
  /** The estimated total and bars, when asked for. */
  total: number;
  bars: number[];
}

/**
 * Facet counts (each kind with every filter but its own) and, when asked, an estimated total and histogram,
 * in one statement over one read of the candidates (the matches within the date filter). The candidates
 * are materialized once with a flag per active region/country/source filter, so each filter is checked once
 * per row. Past FACET_SAMPLE candidates the facets read a uniform sample (by id hash) and scale the counts
 * up; estimates of the total and histogram use a larger sample (ESTIMATE_SAMPLE) of which the facets' is a
 * subset. Browsing without other filters, a facet is counted exactly from its tag table's index instead.
 */
async function sampleCounts(
  db: Db,
  source: SourceFactory,
  filters: Filters,
  candidates: number,
  estimate: PlannedBin[] | null,
): Promise<SampleCounts> {
  const facetRate = Math.min(1, FACET_SAMPLE / Math.max(1, candidates));
  const estimateRate = estimate ? Math.min(1, ESTIMATE_SAMPLE / Math.max(1, candidates)) : facetRate;
  const rs = source("r");
  const only = (kind: FacetKind) =>
    filterConditions(
      filters,
      {
        id: rs.id,
        date: () => null,
        articleLookup: ARTICLE_BY_ID("fa"),
        languageLookup: LANGUAGE_BY_ID("fl"),
      },
      FACET_KINDS.filter((k) => k !== kind),
    );
  const active = FACET_KINDS.filter((kind) => only(kind).length > 0);
  const flagsExcept = (kind: FacetKind | null) =>
    active.filter((k) => k !== kind).map((k) => sql`${raw(`m."f_${k}"`)} = 1`);
  const inFacetSample = facetRate < estimateRate ? sql`m.h < ${sampleThreshold(facetRate)}` : null;
  const parts: Sql[] = [];
  const exact = new Set<FacetKind>();
  for (const kind of FACET_KINDS) {
    if (
      rs.browse &&
      rs.where.length === 0 &&
      !filters.from &&
      !filters.until &&
      active.every((k) => k === kind)
    ) {
      exact.add(kind);
      parts.push(exactBrowseFacet(kind));
    } else {
      parts.push(facetJoin(kind, and([inFacetSample, ...flagsExcept(kind)])));
    }
  }
  if (estimate && estimate.length > 0) {
    const all = and(flagsExcept(null));
    const span = keyRange(raw("m.k"))(estimate[0]!.from, estimate[estimate.length - 1]!.until);
    parts.push(sql`SELECT 'total' AS kind, NULL AS key, count(*) AS n FROM m WHERE ${all}`);
    parts.push(sql`SELECT 'bin' AS kind, CAST(${binOf(raw("m.k"), estimate)} AS TEXT) AS key, count(*) AS n FROM m
      WHERE ${and([all, span])} GROUP BY 2`);
  }
  const flags = active.map((kind) => sql`, (${and(only(kind))}) AS ${raw(`"f_${kind}"`)}`);
  const withClause =
    exact.size < FACET_KINDS.length || estimate
      ? sql`WITH m AS MATERIALIZED (SELECT ${rs.key} AS k, ${idHash(rs.id)} AS h${flags.length ? join(flags, "") : sql``} FROM ${rs.from}
          WHERE ${conditions(rs, filters, LOOKUP_KINDS, [sampleCondition(rs.id, estimateRate)])}) `
      : sql``;
  const rows = await readRows<{ kind: string; key: string | null; n: bigint | number }>(
    db,
    sql`${withClause}${join(parts, " UNION ALL ")}`,
  );

  const result: SampleCounts = {
    facets: { region: new Map(), country: new Map(), source: new Map(), language: new Map() },
    facetsApproximate: facetRate < 1 && exact.size < FACET_KINDS.length,
    total: 0,
    bars: (estimate ?? []).map(() => 0),
  };
  for (const row of rows) {
    const n = num(row.n);
    if (row.kind === "total") result.total = Math.round(n / estimateRate);
    else if (row.kind === "bin") result.bars[Number(row.key)] = Math.round(n / estimateRate);
    else if (row.key !== null) {
      const kind = row.kind as FacetKind;
      result.facets[kind].set(row.key, exact.has(kind) ? n : Math.round(n / facetRate));
    }
  }
  return result;
}

/** The archive's first and last minute, from the key index. */
async function archiveMinutes(db: Db): Promise<ArchiveMinutes> {
  const edge = async (direction: Sql) =>
    (
      await readRows<{ m: bigint | number }>(
        db,
        sql`SELECT ${articleKey("a")} >> 31 AS m
        FROM "Article" a INDEXED BY "Article_searchKey_idx" ORDER BY ${articleKey("a")} ${direction} LIMIT 1`,
      )
    )[0]?.m;
  const first = await edge(raw("ASC"));
  const last = await edge(raw("DESC"));
  return first === undefined || last === undefined ? null : { first: num(first), last: num(last) };
}

/**
 * Limits the plan reaches only on large archives; tests lower them to take those paths with little data.
 * `exactLookups`: candidates × region/country/source/language filters up to which every candidate is
 * checked (exact total and histogram); past it they are estimated from a sample, and a page of stories
 * then comes from the ranked window (lib/search/listing.ts), as it never does otherwise (`storyWindowMatches`).
 */
export const SQLITE_LIMITS = { exactLookups: 20_000, storyWindowMatches: Infinity };

/** Search and browse on SQLite (FTS5): the steps of lib/search/pipeline.ts; docs/search.md has the plan and its costs. */
export const sqliteEngine: SearchEngine<SourceFactory> = {
  limits: SQLITE_LIMITS,
  archiveMinutes,
  matches: (_db, { query, languages }) =>
    Promise.resolve(rowSource(query, languages ? stemmingsFor(languages) : [])),
  count,
  bars: async (db, source, filters, bins, candidates) =>
    binCounts(db, source, filters, bins, await candidates),
  facets: async (db, source, filters, candidates, estimate) => {
    const sampled = await sampleCounts(db, source, filters, candidates, estimate);
    return {
      facets: sampled.facets,
      approximate: sampled.facetsApproximate,
      estimate: estimate ? { total: sampled.total, bars: sampled.bars } : null,
    };
  },
  listing: (db, source, filters, now) => sqliteListing(db, source, filters, now),
  snippets: (db, source, query, rows) => snippets(db, source("s"), query, rows),
};

export const searchSqlite = (db: Db, params: ListParams, now: Date): Promise<SearchResult> =>
  runSearch(sqliteEngine, db, params, now);
