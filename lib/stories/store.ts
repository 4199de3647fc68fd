import "server-only";
import { sqliteInsertRows, type Db, type SqliteBindable, type SqliteBulkWriter } from "@/lib/db";
import { Prisma } from "@/lib/generated/sqlite/client";
import { parseFeatures, type StoryFeatures } from "./features";
import {
  assign,
  IdfCache,
  KEYS_PER_ARTICLE,
  keysOf,
  termsOf,
  vectorOf,
  WINDOW_MS,
  type DocumentFrequencies,
  type GroupingArticle,
  type KnownByArrival,
  type Vector,
} from "./grouping";

// Groups arriving articles into stories inside the ingest transaction. Everything written here is an
// integer (ids, minutes, term hashes) checked with `integer()` and written as literals, except headlines,
// which are bound; the statements are plain SQL that SQLite and PostgreSQL both accept (UPDATE … FROM
// VALUES, INSERT … ON CONFLICT), so there is one implementation for both.

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

/** An article just stored, ready to be grouped. */
export interface ArrivingArticle {
  id: number;
  sourceId: number;
  title: string;
  publishedAt: Date;
  simhash: string | null;
  features: StoryFeatures;
}

const ROWS_PER_STATEMENT = 4_000;
/** Rows per statement of bound values on SQLite (three values each, under its 32,766). */
const BOUND_ROWS = 4_000;
/** Ids per Prisma `in` filter (Prisma binds each one; it refuses past the provider's parameter limit). */
const FIND_CHUNK = 500;
/** Candidates read per arriving article, those sharing the most terms first. */
const MAX_LOADED_PER_ARRIVAL = 100;

function integer(value: number): string {
  if (!Number.isSafeInteger(value)) throw new Error(`not an integer: ${value}`);
  return String(value);
}

const minuteOf = (ms: number) => Math.floor(ms / 60_000);

async function inChunks<T>(items: readonly T[], size: number, work: (chunk: T[]) => Promise<void>) {
  for (let i = 0; i < items.length; i += size) await work(items.slice(i, i + size));
}

/** Where a statement of the grouping runs: the transaction, its database, and on SQLite its connection. */
interface Statements {
  tx: Tx;
  provider: GroupingContext["provider"];
  sqlite: SqliteBulkWriter | null;
}

/**
 * Runs a statement and returns its rows as arrays, in column order. On SQLite straight on the transaction's
 * connection (lib/db.ts, sqliteBulkWriter): Prisma's client turns every row of a raw query into an object
 * through its adapter and prepares every text anew, which for the candidate lookups (thousands of rows per
 * feed) and the literal INSERTs was a third of the grouping's time at 100,000 articles. `values` are bound
 * on SQLite only (`?`); statements for both databases carry checked literals instead. `keep`: the text is
 * the same on every call (kept prepared).
 */
async function rowsOf(
  { tx, sqlite }: Statements,
  sql: string,
  { values = [], keep = false }: { values?: SqliteBindable[]; keep?: boolean } = {},
): Promise<unknown[][]> {
  if (sqlite) return sqlite(sql, values, keep);
  const rows = await tx.$queryRawUnsafe<Record<string, unknown>[]>(sql, ...values);
  return rows.map((row) => Object.values(row));
}

/** Runs a statement that returns no rows (see rowsOf). */
async function execute(statements: Statements, sql: string): Promise<void> {
  if (statements.sqlite) statements.sqlite(sql, [], false);
  else await statements.tx.$executeRawUnsafe(sql);
}

/**
 * `column IN (…)` for a list of integers, with what to run it with: on SQLite the list as one JSON parameter,
 * so that every call is the same statement text, prepared once; on PostgreSQL checked literals.
 */
function integersIn(statements: Statements, column: string, list: readonly number[]) {
  const literals = list.map(integer).join(", ");
  return statements.provider === "sqlite"
    ? { where: `${column} IN (SELECT "value" FROM json_each(?))`, values: [`[${literals}]`], keep: true }
    : { where: `${column} IN (${literals})`, values: [], keep: false };
}

/**
 * Document frequencies of these terms (and the article count, term 0) as stored: those the run wrote
 * (`known`, its `Written.df`) from memory, the others read.
 */
async function loadFrequencies(
  statements: Statements,
  terms: readonly number[],
  known: ReadonlyMap<number, number> | undefined,
): Promise<Map<number, number>> {
  const df = new Map<number, number>();
  const unknown: number[] = [];
  for (const term of [0, ...terms]) {
    const count = known?.get(term);
    if (count === undefined) unknown.push(term);
    else if (count > 0) df.set(term, count);
  }
  await inChunks(unknown, ROWS_PER_STATEMENT, async (chunk) => {
    const { where, ...run } = integersIn(statements, `"term"`, chunk);
    const rows = await rowsOf(statements, `SELECT "term", "df" FROM "StoryTerm" WHERE ${where}`, run);
    for (const [term, count] of rows) df.set(Number(term), Number(count));
  });
  return df;
}

/** What of an article grouping compares that is fixed when the article is stored. */
interface Fixed {
  sourceId: number;
  simhash: string | null;
  features: StoryFeatures;
}

/** An article's story, original and publication time (ms), as storyStates reads them. */
interface StoryState {
  storyId: number;
  duplicateOfId: number | null;
  publishedAt: number;
}

/**
 * What the run's own committed groupings wrote (SQLite only): the states of its articles, the stories it
 * merged, and the document frequencies as they now stand. It holds while nothing else has changed an
 * article or a story since: the `DataVersion` rows, which triggers bump on every such write by any
 * connection (this one included), still sum to `version`, read at the end of the last grouping. On
 * SQLite no other writer can commit between that read and the commit (one writer at a time); PostgreSQL's
 * writers can, so there the grouping always reads.
 */
interface Written {
  version: string;
  /**
   * The publication minutes of every article stored when this memory began, or null when there were none:
   * an arrival whose window lies outside it can only find the run's own articles, which `keys` holds.
   */
  base: { lo: number; hi: number } | null;
  states: Map<number, StoryState>;
  /** Stories merged by the run: from -> into (always an older, smaller id). */
  mergedInto: Map<number, number>;
  df: Map<number, number>;
  /** The candidate index rows the run wrote ("StoryKey"), by term: minutes and article ids. */
  keys: Map<number, KeyPostings>;
}

interface KeyPostings {
  minutes: number[];
  ids: number[];
  /** How many of the first rows are in minute order (rows are appended by feed, each feed spanning months). */
  sorted: number;
}

/** Puts a term's rows in minute order: the rows appended since the last time sorted, then merged in. */
function sortPostings(postings: KeyPostings): void {
  const { minutes, ids, sorted } = postings;
  if (sorted === minutes.length) return;
  const added = Array.from({ length: minutes.length - sorted }, (_, i) => sorted + i).sort(
    (x, y) => minutes[x]! - minutes[y]!,
  );
  const mergedMinutes: number[] = [];
  const mergedIds: number[] = [];
  let i = 0;
  let j = 0;
  while (i < sorted || j < added.length) {
    const k = j >= added.length || (i < sorted && minutes[i]! <= minutes[added[j]!]!) ? i++ : added[j++]!;
    mergedMinutes.push(minutes[k]!);
    mergedIds.push(ids[k]!);
  }
  postings.minutes = mergedMinutes;
  postings.ids = mergedIds;
  postings.sorted = mergedMinutes.length;
}

/** Counts, per article, the run's own candidate index rows of a term within [lo, hi] minutes. */
function countKeysWithin(
  postings: KeyPostings | undefined,
  lo: number,
  hi: number,
  counts: Map<number, number>,
): void {
  if (!postings) return;
  sortPostings(postings);
  const { minutes, ids } = postings;
  let first = 0;
  let last = minutes.length;
  while (first < last) {
    const mid = (first + last) >> 1;
    if (minutes[mid]! < lo) first = mid + 1;
    else last = mid;
  }
  for (let i = first; i < minutes.length && minutes[i]! <= hi; i++) {
    const id = ids[i]!;
    counts.set(id, (counts.get(id) ?? 0) + 1);
  }
}

/**
 * Grouping's memory over one import run: the features, SimHash and source of the stored articles it has
 * read as candidates, by id. An import writes those once, with the article, so a remembered candidate
 * costs one read of an index: its story, date and original, which other writers change, are read unless
 * the run itself wrote them and nothing has changed since (`written`). Reading and parsing every
 * candidate's features again for every feed was a fifth of a 100,000-article import. Only committed
 * articles are remembered (arrivals are not: a failed transaction's ids may be used again). A regrouping,
 * which rewrites features, takes a fresh memory per batch; one run by another process during an import
 * is seen by the next import. At most MEMO_SIZE articles (about 1 KB each).
 */
export class GroupingMemo extends Map<number, Fixed> {
  written: Written | null = null;
  /** Set by `checkWritten` in the current transaction, before it wrote anything; groupArticles clears it. */
  checked = false;
  /** What the last groupArticles wrote, for `rememberGrouped` to keep once its transaction has committed. */
  pending: {
    version: string;
    states: ReadonlyMap<number, StoryState>;
    merges: readonly [number, number][];
    df: ReadonlyMap<number, number>;
    keys: readonly (readonly [term: number, minute: number, id: number])[];
  } | null = null;
}

const MEMO_SIZE = 200_000;

export function groupingMemo(): GroupingMemo {
  return new GroupingMemo();
}

function memorize(memo: GroupingMemo, id: number, fixed: Fixed): void {
  if (memo.size >= MEMO_SIZE) memo.clear();
  memo.set(id, fixed);
}

/** The sum of the data-version rows (lib/search/cache.ts): it changes with every write to an article or story. */
async function dataVersion(statements: Statements): Promise<string> {
  const [row] = await rowsOf(statements, `SELECT CAST(sum("version") AS TEXT) FROM "DataVersion"`, {
    keep: true,
  });
  const version = row?.[0];
  return typeof version === "string" ? version : "";
}

/**
 * Call first in a transaction that will group articles with this memo, before it writes an article: on
 * SQLite, keeps what the run wrote only if nothing else has written since (see `Written`), and lets this
 * transaction's groupArticles use it. Elsewhere it does nothing, and the grouping reads.
 */
export async function checkWritten(
  tx: Tx,
  memo: GroupingMemo,
  { provider, sqlite = null }: Pick<GroupingContext, "provider" | "sqlite">,
): Promise<void> {
  memo.pending = null;
  memo.checked = false;
  if (provider !== "sqlite") return;
  const statements: Statements = { tx, provider, sqlite };
  const version = await dataVersion(statements);
  if (!memo.written || memo.written.version !== version) {
    const [[lo, hi] = []] = await rowsOf(
      statements,
      `SELECT CAST(unixepoch(min("publishedAt")) / 60 AS INTEGER), CAST(unixepoch(max("publishedAt")) / 60 AS INTEGER) FROM "Article"`,
      { keep: true },
    );
    memo.written = {
      version,
      base: lo === null || lo === undefined ? null : { lo: Number(lo), hi: Number(hi) },
      states: new Map(),
      mergedInto: new Map(),
      df: new Map(),
      keys: new Map(),
    };
  }
  memo.checked = true;
}

/**
 * Remembers articles that a committed transaction grouped (call it once the transaction has committed: a
 * failed one's ids may be used again): the next feeds of the run find them as candidates without reading
 * their features back (at 100,000 articles, nearly every candidate is an article of the same run).
 */
export function rememberGrouped(memo: GroupingMemo, articles: readonly ArrivingArticle[]): void {
  for (const a of articles)
    memorize(memo, a.id, { sourceId: a.sourceId, simhash: a.simhash, features: a.features });
  const { pending, written } = memo;
  memo.pending = null;
  if (!pending || !written) return;
  if (written.states.size + pending.states.size > MEMO_SIZE) {
    // Too much to hold: begin again, with everything stored so far as the base that is read.
    memo.written = null;
    return;
  }
  for (const [id, state] of pending.states) written.states.set(id, state);
  for (const [from, into] of pending.merges) written.mergedInto.set(from, into);
  if (written.df.size + pending.df.size > MEMO_SIZE * 5) written.df.clear();
  for (const [term, df] of pending.df) written.df.set(term, df);
  for (const [term, minute, id] of pending.keys) {
    let postings = written.keys.get(term);
    if (!postings) written.keys.set(term, (postings = { minutes: [], ids: [], sorted: 0 }));
    postings.minutes.push(minute);
    postings.ids.push(id);
  }
  written.version = pending.version;
}

/**
 * Where groupArticles runs: the database's provider, the run's memory, the time it writes and, on SQLite,
 * the transaction's connection (lib/db.ts, sqliteBulkWriter; without it, statements go through Prisma).
 */
export interface GroupingContext {
  provider: "sqlite" | "postgresql";
  memo?: GroupingMemo;
  now?: Date;
  sqlite?: SqliteBulkWriter | null;
}

/** Reads the fixed part of these articles into the memo (those grouped so far: with features). */
async function remember(tx: Tx, ids: readonly number[], memo: GroupingMemo): Promise<void> {
  await inChunks(ids, FIND_CHUNK, async (chunk) => {
    const rows = await tx.article.findMany({
      where: { id: { in: chunk }, storyFeatures: { not: null } },
      select: { id: true, sourceId: true, simhash: true, storyFeatures: true },
    });
    for (const r of rows) {
      const features = parseFeatures(r.storyFeatures);
      if (features) memorize(memo, r.id, { sourceId: r.sourceId, simhash: r.simhash, features });
    }
  });
}

/**
 * The story, original and publication time (ms) of articles by id, as rows [id, storyId, duplicateOfId,
 * publishedAt]. On SQLite from the index that holds them (the row would mean walking the texts' overflow
 * pages); PostgreSQL keeps long texts out of the row.
 */
function storyStates(statements: Statements, ids: readonly number[]) {
  const { where, ...run } = integersIn(statements, `"id"`, ids);
  return rowsOf(
    statements,
    statements.provider === "sqlite"
      ? `SELECT "id", "storyId", "duplicateOfId", CAST(round(unixepoch("publishedAt", 'subsec') * 1000) AS INTEGER) AS "publishedAt"
         FROM "Article" INDEXED BY "Article_id_storyId_publishedAt_duplicateOfId_idx" WHERE ${where}`
      : `SELECT "id", "storyId", "duplicateOfId", round(extract(epoch FROM "publishedAt") * 1000)::bigint AS "publishedAt"
         FROM "Article" WHERE ${where}`,
    run,
  );
}

/** Lookup rows (arrival, term, window) per statement: four literals each. */
const LOOKUPS_PER_STATEMENT = 2_000;

/**
 * The `limit` articles that share the most lookup terms with an arrival (`counts`: id -> terms shared; ties
 * go to the larger id), leaving out `excluded`, in no particular order. Counted into one list per count, so
 * that only the list at the limit is sorted: sorting every arrival's candidates (often a thousand) was a
 * tenth of the grouping's time at 100,000 articles.
 */
export function mostShared(
  counts: ReadonlyMap<number, number>,
  excluded: ReadonlySet<number>,
  limit: number,
): number[] {
  const byCount: number[][] = [];
  for (const [id, count] of counts) if (!excluded.has(id)) (byCount[count] ??= []).push(id);
  const chosen: number[] = [];
  for (let count = byCount.length - 1; count > 0 && chosen.length < limit; count--) {
    const ids = byCount[count];
    if (!ids) continue;
    if (chosen.length + ids.length > limit) ids.sort((x, y) => y - x);
    for (let i = 0; i < ids.length && chosen.length < limit; i++) chosen.push(ids[i]!);
  }
  return chosen;
}

/**
 * Earlier articles that share a lookup term with an arrival within that arrival's own time window: for
 * each arrival, the MAX_LOADED_PER_ARRIVAL sharing the most terms (common terms would otherwise load
 * thousands). A batch spanning months (a feed's first import) reads only what each of its articles could
 * join, not every article stored between its first and last date.
 */
async function loadCandidates(
  statements: Statements,
  arriving: readonly GroupingArticle[],
  vectors: ReadonlyMap<GroupingArticle, Vector>,
  memo: GroupingMemo,
  written: Written | null,
): Promise<KnownByArrival> {
  if (arriving.length === 0) return new Map();
  // Per arrival: candidate id -> number of its lookup terms the candidate shares.
  const shared = arriving.map(() => new Map<number, number>());
  const lookups: string[] = [];
  arriving.forEach((a, index) => {
    const lo = minuteOf(a.publishedAt - WINDOW_MS);
    const hi = minuteOf(a.publishedAt + WINDOW_MS);
    const base = written?.base;
    if (written && (!base || hi < base.lo || lo > base.hi)) {
      // Only the run's own articles lie within this window: its memory holds their index rows.
      const counts = shared[index]!;
      for (const term of keysOf(vectors.get(a)!)) countKeysWithin(written.keys.get(term), lo, hi, counts);
      return;
    }
    for (const term of keysOf(vectors.get(a)!))
      lookups.push(`(${index}, ${integer(term)}, ${integer(lo)}, ${integer(hi)})`);
  });
  await inChunks(lookups, LOOKUPS_PER_STATEMENT, async (chunk) => {
    const rows = await rowsOf(
      statements,
      `SELECT v.column1 AS arrival, k."articleId" AS id FROM (VALUES ${chunk.join(", ")}) AS v
        JOIN "StoryKey" k ON k."term" = v.column2 AND k."minute" BETWEEN v.column3 AND v.column4`,
    );
    for (const [arrival, candidate] of rows) {
      const counts = shared[Number(arrival)]!;
      const id = Number(candidate);
      counts.set(id, (counts.get(id) ?? 0) + 1);
    }
  });
  const arrivingIds = new Set(arriving.map((a) => a.id));
  const wanted = new Set<number>();
  const chosen = shared.map((counts) => {
    const ranked = mostShared(counts, arrivingIds, MAX_LOADED_PER_ARRIVAL);
    for (const id of ranked) wanted.add(id);
    return ranked;
  });
  const loaded = new Map<number, GroupingArticle>();
  const load = (
    id: number,
    state: { storyId: number; duplicateOfId: number | null; publishedAt: number },
  ) => {
    const fixed = memo.get(id);
    if (fixed) loaded.set(id, { id, ...fixed, ...state });
  };
  const ids = [...wanted].sort((x, y) => x - y);
  await remember(
    statements.tx,
    ids.filter((id) => !memo.has(id)),
    memo,
  );
  const unread: number[] = [];
  for (const id of ids) {
    if (!memo.has(id)) continue;
    const state = written?.states.get(id);
    if (!state) {
      unread.push(id);
      continue;
    }
    let storyId = state.storyId;
    for (
      let into = written!.mergedInto.get(storyId);
      into !== undefined;
      into = written!.mergedInto.get(storyId)
    )
      storyId = into;
    load(id, { storyId, duplicateOfId: state.duplicateOfId, publishedAt: state.publishedAt });
  }
  await inChunks(unread, FIND_CHUNK, async (chunk) => {
    for (const [stateId, storyId, duplicateOfId, publishedAt] of await storyStates(statements, chunk)) {
      const id = Number(stateId);
      load(id, {
        storyId: storyId === null ? id : Number(storyId),
        duplicateOfId: duplicateOfId === null ? null : Number(duplicateOfId),
        publishedAt: Number(publishedAt),
      });
    }
  });
  const known = new Map<GroupingArticle, GroupingArticle[]>();
  arriving.forEach((a, index) => {
    known.set(
      a,
      chosen[index]!.flatMap((id) => loaded.get(id) ?? []),
    );
  });
  return known;
}

/** Counts, dates and headline of stories, recomputed from their articles (rows created where missing). */
async function recount(tx: Tx, storyIds: readonly number[], now: Date): Promise<void> {
  await inChunks(storyIds, FIND_CHUNK, async (chunk) => {
    const rows = chunk.map((id) => `(${integer(id)}, '', ${integer(id)})`).join(", ");
    await tx.$executeRaw`INSERT INTO "Story" ("id", "headline", "firstArticleId", "firstPublishedAt", "lastPublishedAt", "updatedAt")
      SELECT v.column1, v.column2, v.column3, ${now}, ${now}, ${now} FROM (VALUES ${Prisma.raw(rows)}) AS v
      WHERE true ON CONFLICT ("id") DO NOTHING`;
    await tx.$executeRaw`UPDATE "Story" SET
      "articleCount" = (SELECT count(*) FROM "Article" a WHERE a."storyId" = "Story"."id"),
      "sourceCount" = (SELECT count(DISTINCT a."sourceId") FROM "Article" a WHERE a."storyId" = "Story"."id"),
      "firstPublishedAt" = coalesce((SELECT min(a."publishedAt") FROM "Article" a WHERE a."storyId" = "Story"."id"), "firstPublishedAt"),
      "lastPublishedAt" = coalesce((SELECT max(a."publishedAt") FROM "Article" a WHERE a."storyId" = "Story"."id"), "lastPublishedAt"),
      "firstArticleId" = coalesce((SELECT a."id" FROM "Article" a WHERE a."storyId" = "Story"."id" ORDER BY a."publishedAt", a."id" LIMIT 1), "firstArticleId"),
      "headline" = coalesce((SELECT a."title" FROM "Article" a WHERE a."storyId" = "Story"."id" ORDER BY a."publishedAt", a."id" LIMIT 1), "headline"),
      "updatedAt" = ${now}
      WHERE "id" IN (${Prisma.join(chunk)})`;
  });
}

/**
 * Groups articles that were just stored (in the caller's transaction): each joins or starts a story,
 * syndicated copies are marked, stories shown to be one are merged (the retired id redirects), and the
 * document frequencies and candidate index grow by these articles. Incremental: only the arrivals and the
 * earlier articles that share their distinctive terms within the time window are read.
 */
export async function groupArticles(
  tx: Tx,
  articles: readonly ArrivingArticle[],
  context: GroupingContext,
): Promise<void> {
  if (articles.length === 0) return;
  const { provider, memo = groupingMemo(), now = new Date(), sqlite = null } = context;
  const statements: Statements = { tx, provider, sqlite };
  // One grouping at a time per database: on PostgreSQL two imports grouping concurrently cannot see each
  // other's uncommitted articles (the same event from two feeds would start two stories) and could update
  // shared term counts in opposite orders (a deadlock). Locking the article-count row (term 0) first
  // queues them; under READ COMMITTED the next one's reads then see what the first committed. SQLite
  // already runs one writer at a time.
  await tx.$executeRawUnsafe(
    `INSERT INTO "StoryTerm" ("term", "df") VALUES (0, 0) ON CONFLICT ("term") DO UPDATE SET "df" = "StoryTerm"."df"`,
  );
  // What the run wrote holds while nothing else has written since (SQLite only: see `Written`).
  const remembers = memo.checked;
  memo.checked = false;
  memo.pending = null;
  const written = remembers ? memo.written : null;
  const arriving: GroupingArticle[] = articles.map((a) => ({
    id: a.id,
    sourceId: a.sourceId,
    publishedAt: a.publishedAt.getTime(),
    simhash: a.simhash,
    features: a.features,
    storyId: null,
    duplicateOfId: null,
  }));

  // Document frequencies as of this batch: the stored ones plus the arrivals' own.
  const terms = termsOf(arriving);
  const stored = await loadFrequencies(statements, terms, written?.df);
  const added = new Map<number, number>();
  for (const a of arriving)
    for (const t of new Set([...a.features.t, ...a.features.l])) added.set(t, (added.get(t) ?? 0) + 1);
  const freq: DocumentFrequencies = {
    total: (stored.get(0) ?? 0) + arriving.length,
    df: (t) => (stored.get(t) ?? 0) + (added.get(t) ?? 0),
  };
  const idfs = new IdfCache(freq);
  const vectors = new Map<GroupingArticle, Vector>(arriving.map((a) => [a, vectorOf(a.features, idfs)]));

  const known = await loadCandidates(statements, arriving, vectors, memo, written);
  const { merges } = assign(arriving, known, freq, vectors);

  // An article alone in its story keeps storyId null (its story's id is its own): only arrivals that
  // joined a story, copies, and the first articles of stories that just gained a second are written.
  const grown = new Set<number>();
  for (const a of arriving) if (a.storyId !== a.id) grown.add(a.storyId!);
  for (const [from, into] of merges) grown.add(from).add(into);
  const updates = arriving.filter((a) => grown.has(a.storyId!) || a.duplicateOfId !== null);
  await inChunks(updates, ROWS_PER_STATEMENT, async (chunk) => {
    const values = chunk
      .map(
        (a) =>
          `(${integer(a.id)}, ${integer(a.storyId!)}, ${a.duplicateOfId === null ? "CAST(NULL AS INTEGER)" : integer(a.duplicateOfId)})`,
      )
      .join(", ");
    await execute(
      statements,
      `UPDATE "Article" SET "storyId" = v.column2, "duplicateOfId" = v.column3 FROM (VALUES ${values}) AS v WHERE "Article"."id" = v.column1`,
    );
  });
  await inChunks([...grown], ROWS_PER_STATEMENT, async (chunk) => {
    await execute(
      statements,
      `UPDATE "Article" SET "storyId" = "id" WHERE "id" IN (${chunk.map(integer).join(", ")}) AND "storyId" IS NULL`,
    );
  });
  for (const [from, into] of merges) {
    await tx.$executeRaw`UPDATE "Article" SET "storyId" = ${into} WHERE "storyId" = ${from}`;
    await recount(tx, [from], now);
    await tx.$executeRaw`UPDATE "Story" SET "mergedIntoId" = ${into}, "articleCount" = 0, "sourceCount" = 0, "updatedAt" = ${now}
      WHERE "id" = ${from} OR "mergedIntoId" = ${from}`;
    grown.delete(from);
  }
  await recount(
    tx,
    [...grown].sort((x, y) => x - y),
    now,
  );

  // The candidate index and the document frequencies, for the articles that come next.
  const keyRows: [number, number, number][] = [];
  for (const a of arriving) {
    const minute = minuteOf(a.publishedAt);
    for (const term of keysOf(vectors.get(a)!).slice(0, KEYS_PER_ARTICLE)) keyRows.push([term, minute, a.id]);
  }
  // In the index's order: each B-tree page is then visited once, not once per row.
  keyRows.sort((x, y) => x[0] - y[0] || x[1] - y[1] || x[2] - y[2]);
  const keysInsert = `INSERT INTO "StoryKey" ("term", "minute", "articleId")`;
  if (sqlite) sqliteInsertRows(sqlite, keysInsert, keyRows, BOUND_ROWS, "ON CONFLICT DO NOTHING");
  else
    await inChunks(keyRows, ROWS_PER_STATEMENT, async (chunk) => {
      const values = chunk.map((row) => `(${row.map(integer).join(", ")})`).join(", ");
      await execute(statements, `${keysInsert} VALUES ${values} ON CONFLICT DO NOTHING`);
    });
  const dfRows = [...added.entries(), [0, arriving.length] as [number, number]].map(
    ([t, n]) => `(${integer(t)}, ${integer(n)})`,
  );
  await inChunks(dfRows, ROWS_PER_STATEMENT, async (chunk) => {
    await execute(
      statements,
      `INSERT INTO "StoryTerm" ("term", "df") VALUES ${chunk.join(", ")} ON CONFLICT ("term") DO UPDATE SET "df" = "StoryTerm"."df" + excluded."df"`,
    );
  });
  if (remembers)
    memo.pending = {
      version: await dataVersion(statements),
      states: new Map(
        arriving.map((a) => [
          a.id,
          { storyId: a.storyId!, duplicateOfId: a.duplicateOfId, publishedAt: a.publishedAt },
        ]),
      ),
      merges,
      keys: keyRows,
      df: new Map(
        [0, ...terms].map((t) => [t, t === 0 ? freq.total : (stored.get(t) ?? 0) + (added.get(t) ?? 0)]),
      ),
    };
}
