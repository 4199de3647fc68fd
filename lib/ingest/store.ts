import "server-only";
import { createHash } from "node:crypto";
import {
  providerOfDb,
  sqliteBulkWriter,
  sqliteInsertRows,
  sqliteValue,
  type Db,
  type SqliteBulkWriter,
} from "@/lib/db";
import { Prisma } from "@/lib/generated/sqlite/client";
import { detectLanguage } from "@/lib/language";
import { insertIndexedBatch } from "@/lib/search/index-batch";
import { forgetStemsAhead, indexStems, stemsAhead, type IndexStems } from "@/lib/search/stem";
import { deriveTextsAhead, forgetTextsAhead } from "@/lib/sqlite-functions";
import { regionsForTags, tagCountries, TAGGER_VERSION, type CountryTag } from "@/lib/regions";
import { storyFeatures, type StoryFeatures } from "@/lib/stories/features";
import { simhash } from "@/lib/stories/simhash";
import {
  checkWritten,
  groupArticles,
  rememberGrouped,
  type ArrivingArticle,
  type GroupingMemo,
} from "@/lib/stories/store";
import { normalizeLink } from "./normalize";
import { isSpaceCode } from "./paragraphs";
import type { ArticleInput } from "./types";

/** What storing a batch of items did. */
export interface StoreCounts {
  new: number;
  updated: number;
  unchanged: number;
}

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

const CHUNK = 400;
// Bound parameters per multi-row INSERT, under SQLite's 32,766 and PostgreSQL's 65,535.
const MAX_PARAMS = 30_000;
const WORDS_PER_MINUTE = 220;
const EXCERPT_CHARS = 320;

function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

/**
 * An item's identity within its source: its guid, else its normalized link, else its title and date
 * (title alone when the date was estimated, so a re-import on another day still matches).
 */
export function dedupKey(item: ArticleInput): string {
  if (item.guid) return `guid:${item.guid}`;
  if (item.url) return `url:${normalizeLink(item.url)}`;
  const date = item.dateEstimated ? "" : item.publishedAt.toISOString();
  return `td:${sha256(`${item.title.toLowerCase()}\u0000${date}`).slice(0, 32)}`;
}

/** Hash of what a reader sees; a changed hash means the item was edited at the source. */
export function contentHash(item: ArticleInput): string {
  return sha256(
    [item.title, item.summary ?? "", item.bodyText, item.url ?? "", item.author ?? ""].join("\u0000"),
  );
}

/** A plain-text excerpt for cards when the feed gave no summary: whole words, at most EXCERPT_CHARS. */
export function excerpt(text: string): string {
  // Only the start of a long body can end up in the excerpt; collapsing the rest would be wasted work.
  const head = text.length > EXCERPT_CHARS * 4 ? text.slice(0, EXCERPT_CHARS * 4) : text;
  const flat = head.replace(/\s+/g, " ").trim();
  if (head !== text && flat.length <= EXCERPT_CHARS) return excerptOf(text.replace(/\s+/g, " ").trim());
  return excerptOf(flat);
}

function excerptOf(flat: string): string {
  if (flat.length <= EXCERPT_CHARS) return flat;
  const cut = flat.slice(0, EXCERPT_CHARS);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(" "), EXCERPT_CHARS - 40)).trimEnd()}…`;
}

/** Estimated reading time in whole minutes, at least one. */
export function readingMinutes(text: string): number {
  // Counts runs of non-space characters without building an array of words (this runs on every body).
  let words = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const space = isSpaceCode(text.charCodeAt(i));
    if (!space && !inWord) words++;
    inWord = !space;
  }
  return Math.max(1, Math.ceil(words / WORDS_PER_MINUTE));
}

/** What the tagger reads of a stored or incoming article. */
export interface TaggableArticle {
  id: number;
  title: string;
  bodyText: string;
  language: string | null;
  publishedAt: Date;
}

function articleData(item: ArticleInput, fetchedAt: Date, hash: string = contentHash(item)) {
  return {
    guid: item.guid,
    url: item.url,
    title: item.title,
    summary: item.summary ?? (excerpt(item.bodyText) || null),
    bodyHtml: item.bodyHtml,
    bodyText: item.bodyText,
    author: item.author,
    publishedAt: item.publishedAt,
    dateEstimated: item.dateEstimated,
    fetchedAt,
    language: detectLanguage({ title: item.title, body: item.bodyText, hint: item.language }),
    readingMinutes: readingMinutes(item.bodyText),
    contentHash: hash,
    taggerVersion: TAGGER_VERSION,
  };
}

/**
 * A country tag as its row stores it: the evidence that placed the country already the row's JSON. Made
 * where the article is tagged, so that a reading thread hands the writer one string per tag instead of
 * objects to copy (half of a feed's structured clone) and to serialize on the writer.
 */
interface StoredTag extends Omit<CountryTag, "evidence"> {
  evidence: string;
}
type Tags = StoredTag[];

const storedTag = ({ evidence, ...tag }: CountryTag): StoredTag => ({
  ...tag,
  evidence: JSON.stringify(evidence ?? []),
});

/** The country tags of an article, with the evidence that placed each country. */
function countryTagsOf(
  article: Pick<TaggableArticle, "title" | "bodyText" | "language" | "publishedAt">,
): CountryTag[] {
  return tagCountries({
    title: article.title,
    body: article.bodyText,
    language: article.language,
    date: article.publishedAt,
    evidence: true,
  });
}

const tagsOf = (article: Pick<TaggableArticle, "title" | "bodyText" | "language" | "publishedAt">): Tags =>
  countryTagsOf(article).map(storedTag);
type ArticleData = ReturnType<typeof articleData>;

type ArticleRow = ArticleData & {
  sourceId: number;
  dedupKey: string;
  simhash: string | null;
  storyFeatures: string;
};

/** What is computed from an item's text alone: the stored fields, its tags, story features and SimHash. */
interface Enriched {
  data: ArticleData;
  tags: Tags;
  features: StoryFeatures;
  simhash: string | null;
  /** The SQLite word index's stems, when computed while reading (`stems`); else the index stems them. */
  stems: IndexStems | null;
}

/**
 * One item of a feed, keyed and hashed, and enriched when it is likely to be written (new or changed):
 * enrichment (language, tagging, features) is most of an item's cost, and none of it needs the database.
 */
export type PreparedItem = { key: string; hash: string } & (
  { item: ArticleInput; enriched: null } | { item: null; enriched: Enriched }
);

/** A feed's items ready to store: one per dedup key (the first wins), with the time they were fetched. */
export interface PreparedFeed {
  fetchedAt: Date;
  items: PreparedItem[];
}

/** The texts of an article that the word index holds, in the order of its columns. */
function indexedTexts(data: ArticleData): (string | null)[] {
  return [data.title, data.summary, data.bodyText];
}

function enrich(item: ArticleInput, fetchedAt: Date, hash: string, stems = false): Enriched {
  const data = articleData(item, fetchedAt, hash);
  const tags = countryTagsOf(data);
  const features = storyFeatures({
    title: data.title,
    summary: data.summary,
    bodyText: data.bodyText,
    countries: tags.filter((t) => t.primary).map((t) => t.code),
    places: tags.flatMap((t) => t.evidence?.map((e) => e.phrase) ?? []),
  });
  return {
    data,
    tags: tags.map(storedTag),
    features,
    simhash: simhash(data.bodyText),
    stems: stems ? indexStems(data.language, indexedTexts(data)) : null,
  };
}

/**
 * Keys and hashes a feed's items (one per dedup key) and, when `enrichAll`, enriches every one: for a
 * reader that runs apart from the database (a worker thread), where most items are expected to be new.
 * With `stems` (a reader for a SQLite database), it also stems the texts for the word index.
 */
export function prepareItems(
  items: readonly ArticleInput[],
  fetchedAt: Date,
  { enrichAll = false, stems = false }: { enrichAll?: boolean; stems?: boolean } = {},
): PreparedFeed {
  const byKey = new Map<string, PreparedItem>();
  for (const item of items) {
    const key = dedupKey(item);
    if (byKey.has(key)) continue;
    const hash = contentHash(item);
    byKey.set(
      key,
      enrichAll
        ? { key, hash, item: null, enriched: enrich(item, fetchedAt, hash, stems) }
        : { key, hash, item, enriched: null },
    );
  }
  return { fetchedAt, items: [...byKey.values()] };
}

/** The stored id and content hash of a source's articles with these dedup keys. */
async function storedHashes(
  db: Db | Tx,
  sourceId: number,
  keys: readonly string[],
): Promise<Map<string, { id: number; contentHash: string }>> {
  const found = new Map<string, { id: number; contentHash: string }>();
  for (let i = 0; i < keys.length; i += CHUNK) {
    const rows = await db.article.findMany({
      where: { sourceId, dedupKey: { in: keys.slice(i, i + CHUNK) } },
      select: { id: true, dedupKey: true, contentHash: true },
    });
    for (const row of rows) found.set(row.dedupKey, row);
  }
  return found;
}

// Multi-row INSERTs in plain SQL: Prisma's createMany spent tens of microseconds per row in the client,
// most of an import's time. The statements are standard SQL (quoted identifiers, bound values, RETURNING)
// and Prisma.sql is provider-neutral, so they run unchanged on SQLite and PostgreSQL, with dates and
// booleans bound as each provider stores them.
// prettier-ignore
const ARTICLE_COLUMNS = [
  "sourceId", "dedupKey", "guid", "url", "title", "summary", "bodyHtml", "bodyText", "author", "publishedAt",
  "dateEstimated", "fetchedAt", "updatedAt", "language", "readingMinutes", "contentHash", "taggerVersion",
  "simhash", "storyFeatures",
] as const satisfies readonly (keyof ArticleRow | "updatedAt")[];

/** The article columns as SQL. */
const ARTICLE_COLUMN_LIST = ARTICLE_COLUMNS.map((c) => `"${c}"`).join(", ");
/** SQLite computes `bodyText` from `bodyHtml` (a generated column, lib/db.ts): it is not written there. */
const SQLITE_ARTICLE_COLUMNS = ARTICLE_COLUMNS.filter((c) => c !== "bodyText");

/**
 * Inserts new articles and returns their ids by dedup key. On SQLite `bulk` (lib/db.ts, sqliteBulkWriter)
 * binds the texts straight on the transaction's connection, as the adapter would (`sqliteValue`), without
 * Prisma's JSON round trip of the parameters.
 */
async function insertArticles(
  tx: Tx,
  rows: readonly ArticleRow[],
  bulk: SqliteBulkWriter | null,
): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  const perStatement = Math.min(CHUNK, Math.floor(MAX_PARAMS / ARTICLE_COLUMNS.length));
  const value = (r: ArticleRow, c: (typeof ARTICLE_COLUMNS)[number]) =>
    c === "updatedAt" ? r.fetchedAt : r[c];
  // RETURNING promises no order, so rows are matched back by their (per-source unique) dedup key.
  if (bulk) {
    const returned = sqliteInsertRows(
      bulk,
      `INSERT INTO "Article" (${SQLITE_ARTICLE_COLUMNS.map((c) => `"${c}"`).join(", ")})`,
      rows.map((r) => SQLITE_ARTICLE_COLUMNS.map((c) => sqliteValue(value(r, c)))),
      Math.min(CHUNK, Math.floor(MAX_PARAMS / SQLITE_ARTICLE_COLUMNS.length)),
      `RETURNING "id", "dedupKey"`,
    );
    for (const [id, dedupKey] of returned) ids.set(dedupKey as string, Number(id));
    return ids;
  }
  for (let i = 0; i < rows.length; i += perStatement) {
    const values = rows
      .slice(i, i + perStatement)
      .map((r) => Prisma.sql`(${Prisma.join(ARTICLE_COLUMNS.map((c) => value(r, c)))})`);
    const created = await tx.$queryRaw<{ id: number | bigint; dedupKey: string }[]>`
      INSERT INTO "Article" (${Prisma.raw(ARTICLE_COLUMN_LIST)}) VALUES ${Prisma.join(values)} RETURNING "id", "dedupKey"`;
    for (const row of created) ids.set(row.dedupKey, Number(row.id));
  }
  return ids;
}

const TAG_ROWS_PER_STATEMENT = 5_000;

function integer(value: number): string {
  if (!Number.isSafeInteger(value)) throw new Error(`not an integer: ${value}`);
  return String(value);
}

function matching(value: string, pattern: RegExp): string {
  if (!pattern.test(value)) throw new Error(`unexpected tag value: ${JSON.stringify(value)}`);
  return `'${value}'`;
}

const COUNTRY_INSERT = `INSERT INTO "ArticleCountry" ("articleId", "code", "salience", "primary", "mentions", "evidence")`;
const REGION_INSERT = `INSERT INTO "ArticleRegion" ("articleId", "region")`;
/** Tag rows per statement of bound values on SQLite (six values per country row, under its 32,766). */
const BOUND_TAG_ROWS = 1_000;

/**
 * Tags articles that have no tags yet, inside the caller's transaction. On SQLite with `bulk` (the
 * transaction's connection, lib/db.ts) every value is bound to a statement prepared once. Otherwise, as a
 * feed's articles carry many tags each (fifteen countries is common) and bound parameters cost about 1 µs
 * each in Prisma's client, the rows are written as literals: ids and counts checked to be integers, codes
 * and region slugs to match their fixed alphabets, saliences to be finite. The one value that comes from
 * the feed, the evidence (the phrases that placed a country), is a bound parameter: one per country row.
 */
async function insertTags(
  tx: Tx,
  articles: readonly (TaggableArticle & { tags?: Tags })[],
  bulk: SqliteBulkWriter | null = null,
): Promise<void> {
  const countries: { id: number; tag: Tags[number] }[] = [];
  const regions: [id: number, region: string][] = [];
  for (const article of articles) {
    const tags = article.tags ?? tagsOf(article);
    for (const tag of tags) countries.push({ id: article.id, tag });
    for (const region of regionsForTags(tags)) regions.push([article.id, region]);
  }
  if (bulk) {
    const rows = countries.map(({ id, tag: t }) => [
      id,
      t.code,
      t.salience,
      t.primary ? 1 : 0,
      t.mentions,
      t.evidence,
    ]);
    sqliteInsertRows(bulk, COUNTRY_INSERT, rows, BOUND_TAG_ROWS);
    sqliteInsertRows(bulk, REGION_INSERT, regions, BOUND_TAG_ROWS);
    return;
  }
  const countryRows = countries.map(({ id, tag: t }) => {
    if (!Number.isFinite(t.salience)) throw new Error(`salience is not a number: ${t.salience}`);
    const literals = `${integer(id)}, ${matching(t.code, /^[A-Z]{2}$/)}, ${t.salience}, ${t.primary ? "TRUE" : "FALSE"}, ${integer(t.mentions)}`;
    return Prisma.sql`(${Prisma.raw(literals)}, ${t.evidence})`;
  });
  const regionRows = regions.map(
    ([id, region]) => `(${integer(id)}, ${matching(region, /^[a-z0-9-]{1,64}$/)})`,
  );
  for (let i = 0; i < countryRows.length; i += TAG_ROWS_PER_STATEMENT)
    await tx.$executeRaw`${Prisma.raw(COUNTRY_INSERT)} VALUES ${Prisma.join(countryRows.slice(i, i + TAG_ROWS_PER_STATEMENT))}`;
  for (let i = 0; i < regionRows.length; i += TAG_ROWS_PER_STATEMENT)
    await tx.$executeRawUnsafe(
      `${REGION_INSERT} VALUES ${regionRows.slice(i, i + TAG_ROWS_PER_STATEMENT).join(", ")}`,
    );
}

/** Tags articles with countries and regions, replacing any earlier tags, inside the caller's transaction. */
export async function writeTags(tx: Tx, articles: TaggableArticle[]): Promise<void> {
  if (articles.length === 0) return;
  const ids = articles.map((a) => a.id);
  for (let i = 0; i < ids.length; i += CHUNK) {
    const chunk = ids.slice(i, i + CHUNK);
    await tx.articleCountry.deleteMany({ where: { articleId: { in: chunk } } });
    await tx.articleRegion.deleteMany({ where: { articleId: { in: chunk } } });
  }
  await insertTags(tx, articles);
}

/**
 * Stores one feed's items for a source in a single transaction: new items are inserted, changed items
 * are updated in place, identical ones are left alone. Killing the process mid-way leaves the database as
 * it was before the call, so running it again completes without duplicates. The items that look new or
 * changed are enriched before the transaction begins, so the write lock is not held while they are tagged.
 */
export async function storeItems(
  db: Db,
  sourceId: number,
  items: readonly ArticleInput[],
  fetchedAt: Date,
): Promise<StoreCounts> {
  return storeFeed(db, sourceId, prepareItems(items, fetchedAt));
}

/**
 * Stores a prepared feed as storeItems does, enriching first (outside the transaction) what looks new.
 * `memo`: the story grouping's memory of the run this feed belongs to (lib/stories/store.ts).
 */
export async function storeFeed(
  db: Db,
  sourceId: number,
  feed: PreparedFeed,
  memo?: GroupingMemo,
): Promise<StoreCounts> {
  if (feed.items.some((p) => p.item !== null)) {
    const stored = await storedHashes(
      db,
      sourceId,
      feed.items.map((p) => p.key),
    );
    feed = {
      fetchedAt: feed.fetchedAt,
      items: feed.items.map((p) =>
        p.item && stored.get(p.key)?.contentHash !== p.hash
          ? { key: p.key, hash: p.hash, item: null, enriched: enrich(p.item, feed.fetchedAt, p.hash) }
          : p,
      ),
    };
  }
  return storePrepared(db, sourceId, feed, memo);
}

/** Stores a prepared feed in one transaction; an item not enriched beforehand is enriched here if needed. */
async function storePrepared(
  db: Db,
  sourceId: number,
  feed: PreparedFeed,
  memo: GroupingMemo | undefined,
): Promise<StoreCounts> {
  const counts: StoreCounts = { new: 0, updated: 0, unchanged: 0 };
  if (feed.items.length === 0) return counts;
  stemsAhead(
    feed.items.flatMap((p) =>
      p.enriched?.stems
        ? [
            {
              texts: indexedTexts(p.enriched.data),
              bodyHtml: p.enriched.data.bodyHtml,
              stems: p.enriched.stems,
            },
          ]
        : [],
    ),
  );
  deriveTextsAhead(feed.items.flatMap((p) => (p.enriched ? [p.enriched.data] : [])));
  try {
    await storeInOneTransaction(db, sourceId, feed, counts, memo);
  } finally {
    forgetTextsAhead();
    forgetStemsAhead();
  }
  return counts;
}

async function storeInOneTransaction(
  db: Db,
  sourceId: number,
  feed: PreparedFeed,
  counts: StoreCounts,
  memo: GroupingMemo | undefined,
): Promise<void> {
  const provider = providerOfDb(db);
  // On SQLite, the transaction's own connection for the bulk statements (lib/db.ts); null on PostgreSQL.
  const bulk = sqliteBulkWriter(db);
  let grouped: ArrivingArticle[] = [];
  await db.$transaction(
    async (tx) => {
      // Write first: a SQLite transaction that reads before it writes cannot wait for a concurrent writer
      // (it fails with SQLITE_BUSY instead), and on PostgreSQL this row lock makes two imports of the same
      // source (two pollers, or a poller and `ingest <url>`) take turns instead of racing on the same items.
      await tx.source.update({
        where: { id: sourceId },
        data: { updatedAt: new Date() },
        select: { id: true },
      });
      if (memo) await checkWritten(tx, memo, { provider, sqlite: bulk });
      // Read again inside the transaction: another import may have stored some of these items meanwhile.
      const existing = await storedHashes(
        tx,
        sourceId,
        feed.items.map((p) => p.key),
      );

      const changed: (TaggableArticle & { tags: Tags })[] = [];
      const fresh: { row: ArticleRow; tags: Tags; features: StoryFeatures }[] = [];
      for (const prepared of feed.items) {
        const { key, hash } = prepared;
        const found = existing.get(key);
        if (found?.contentHash === hash) {
          counts.unchanged++;
          continue;
        }
        const { data, tags, features, simhash } =
          prepared.enriched ?? enrich(prepared.item, feed.fetchedAt, hash);
        if (!found) {
          fresh.push({
            row: { ...data, sourceId, dedupKey: key, simhash, storyFeatures: JSON.stringify(features) },
            tags,
            features,
          });
        } else {
          await tx.article.update({ where: { id: found.id }, data });
          changed.push({
            id: found.id,
            title: data.title,
            bodyText: data.bodyText,
            language: data.language,
            publishedAt: data.publishedAt,
            tags,
          });
          counts.updated++;
        }
      }
      await writeTags(tx, changed);

      const rows = new Map(fresh.map(({ row }) => [row.dedupKey, row]));
      const ids = await insertIndexedBatch(
        tx,
        provider,
        () => insertArticles(tx, [...rows.values()], bulk),
        (key: string) => {
          const row = rows.get(key);
          return [row?.title ?? null, row?.summary ?? null];
        },
      );
      const created = fresh.flatMap(({ row, tags, features }) => {
        const id = ids.get(row.dedupKey);
        return id === undefined ? [] : [{ id, row, tags, features }];
      });
      if (created.length !== fresh.length)
        throw new Error(`stored ${created.length} of ${fresh.length} new articles`);
      await insertTags(
        tx,
        created.map(({ id, row, tags }) => ({
          id,
          title: row.title,
          bodyText: row.bodyText,
          language: row.language,
          publishedAt: row.publishedAt,
          tags,
        })),
        bulk,
      );
      grouped = created.map(({ id, row, features }) => ({
        id,
        sourceId,
        title: row.title,
        publishedAt: row.publishedAt,
        simhash: row.simhash,
        features,
      }));
      await groupArticles(tx, grouped, { provider, memo, sqlite: bulk });
      counts.new += created.length;
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
  if (memo) rememberGrouped(memo, grouped);
}

/** Finds or creates the source an import belongs to: by feed URL when there is one, else by name and site. */
export async function ensureSource(
  db: Db,
  source: { name: string; siteUrl?: string | null; feedUrl?: string | null; country?: string | null },
): Promise<{ id: number; name: string }> {
  const name = source.name.trim() || "Untitled source";
  if (source.feedUrl) {
    return db.source.upsert({
      where: { feedUrl: source.feedUrl },
      update: {},
      create: {
        name,
        siteUrl: source.siteUrl ?? null,
        feedUrl: source.feedUrl,
        country: source.country ?? null,
      },
      select: { id: true, name: true },
    });
  }
  // No unique key names a source without a feed, so two imports at once (two processes, or two requests of
  // one) would each find none and create one. The lookup and the creation run in one transaction that first
  // takes the database's turn for such sources: on SQLite the write lock (a write that changes nothing), on
  // PostgreSQL a transaction-scoped advisory lock; the second import then finds the first one's source.
  const provider = providerOfDb(db);
  return db.$transaction(
    async (tx) => {
      if (provider === "sqlite") await tx.$executeRaw`UPDATE "Source" SET "name" = "name" WHERE 0`;
      else await tx.$executeRaw`SELECT pg_advisory_xact_lock(${SOURCE_CREATION_LOCK})`;
      const found = await tx.source.findFirst({
        where: { feedUrl: null, name, siteUrl: source.siteUrl ?? null },
        select: { id: true, name: true },
        orderBy: { id: "asc" },
      });
      return (
        found ??
        tx.source.create({
          data: { name, siteUrl: source.siteUrl ?? null, country: source.country ?? null },
          select: { id: true, name: true },
        })
      );
    },
    { maxWait: 30_000, timeout: 30_000 },
  );
}

/** The PostgreSQL advisory lock key that takes turns creating sources without a feed ("disp" in ASCII). */
const SOURCE_CREATION_LOCK = 0x64_69_73_70n;
