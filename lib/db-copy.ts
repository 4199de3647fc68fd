import "server-only";
import { existsSync } from "node:fs";
import pg from "pg";
import { sqlitePath, type Db } from "@/lib/db";
import { providerOf } from "@/lib/env";

/** Articles per transaction unless the caller says otherwise. */
export const DEFAULT_BATCH_SIZE = 1_000;
/** Rows per INSERT or IN list, well under SQLite's and PostgreSQL's bind-parameter limits. */
const CHUNK = 400;

/** What a copy did. "matched" sources and "skipped" articles were already in the target. */
export interface CopySummary {
  sources: { copied: number; matched: number };
  articles: { copied: number; skipped: number };
  countries: number;
  regions: number;
}

export interface CopyOptions {
  batchSize?: number;
  /** Called once the number of articles in the source database is known. */
  onStart?: (articles: number) => void;
  /** Called after each committed batch with the running totals and the number of articles read so far. */
  onBatch?: (summary: CopySummary, processed: number) => void;
}

/** A database that cannot be used for a copy: unreachable, missing, or without Dispatch's tables. */
export class DatabaseNotReadyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "DatabaseNotReadyError";
  }
}

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

/** A database URL fit for messages: the password, if any, is masked. */
export function redactUrl(url: string): string {
  // A regular expression rather than URL, so that a URL too broken to parse is masked as well.
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/[^:/@]*):[^/]*@/i, "$1:***@");
}

/** Why `url` cannot name a Dispatch database, or null when it can. */
export function databaseUrlProblem(url: string): string | null {
  if (url.startsWith("file:")) {
    const file = sqlitePath(url);
    if (url === "file:" || file.endsWith(":memory:"))
      return `"${url}" does not name a SQLite file (e.g. file:./data/dispatch.db)`;
    return null;
  }
  if (!/^postgres(ql)?:\/\//.test(url)) {
    return `"${redactUrl(url)}" is neither a SQLite URL (file:./data/dispatch.db) nor a PostgreSQL URL (postgresql://user:password@host:5432/dispatch)`;
  }
  if (!URL.canParse(url))
    return `"${redactUrl(url)}" is not a valid PostgreSQL URL (postgresql://user:password@host:5432/dispatch)`;
  const parsed = new URL(url);
  if (!parsed.hostname)
    return `"${redactUrl(url)}" names no host (postgresql://user:password@host:5432/dispatch)`;
  if (parsed.pathname.length <= 1)
    return `"${redactUrl(url)}" names no database (postgresql://user:password@host:5432/dispatch)`;
  return null;
}

/** True when two valid URLs name the same database (same SQLite file, or same host, port and database). */
export function sameDatabase(a: string, b: string): boolean {
  if (providerOf(a) !== providerOf(b)) return false;
  if (providerOf(a) === "sqlite") return sqlitePath(a) === sqlitePath(b);
  const [x, y] = [new URL(a), new URL(b)];
  return x.hostname === y.hostname && (x.port || "5432") === (y.port || "5432") && x.pathname === y.pathname;
}

function migrateHint(url: string): string {
  return `migrate it first: DATABASE_URL='${redactUrl(url)}' npx prisma migrate deploy`;
}

function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" ? code : undefined;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message.trim().split("\n").at(-1) || error.name : String(error);
}

/**
 * Checks that `db` (opened from `url`) can be read and has every Dispatch table and column; throws a
 * DatabaseNotReadyError that says what to do otherwise. `role` names the database in messages.
 */
export async function checkDatabase(url: string, db: Db, role: "source" | "target"): Promise<void> {
  const shown = redactUrl(url);
  if (providerOf(url) === "sqlite") {
    if (!existsSync(sqlitePath(url))) {
      throw new DatabaseNotReadyError(
        role === "source"
          ? `the source database does not exist: no file at ${sqlitePath(url)}`
          : `the target database does not exist: no file at ${sqlitePath(url)}; create and ${migrateHint(url)}`,
      );
    }
  } else {
    // A short, explicit connection timeout: the pool's default would wait minutes for an unreachable host.
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
    try {
      await client.connect();
    } catch (error) {
      throw new DatabaseNotReadyError(`cannot connect to the ${role} database ${shown}: ${messageOf(error)}`);
    } finally {
      await client.end().catch(() => undefined);
    }
  }
  try {
    // findFirst selects every column, so a table or column that a migration would add is noticed here.
    await db.source.findFirst();
    await db.article.findFirst();
    await db.articleCountry.findFirst();
    await db.articleRegion.findFirst();
  } catch (error) {
    const code = errorCode(error);
    if (code === "P2021" || code === "P2022") {
      throw new DatabaseNotReadyError(
        `the ${role} database ${shown} lacks Dispatch's tables or columns (${messageOf(error)}); ${migrateHint(url)}`,
      );
    }
    throw new DatabaseNotReadyError(`cannot read the ${role} database ${shown}: ${messageOf(error)}`);
  }
}

const nameKey = (name: string, siteUrl: string | null) => JSON.stringify([name, siteUrl]);

/**
 * Finds or creates, in `to`, the counterpart of every source in `from`: by feed URL for feeds, by name and
 * site for sources without one (as ingest does). Returns source id in `from` -> source id in `to`.
 */
async function copySources(from: Db, to: Db, summary: CopySummary): Promise<Map<number, number>> {
  const sources = await from.source.findMany({ orderBy: { id: "asc" } });
  const ids = new Map<number, number>();
  await to.$transaction(
    async (tx) => {
      const existing = await tx.source.findMany({
        select: { id: true, name: true, siteUrl: true, feedUrl: true },
      });
      const byFeed = new Map<string, number>();
      const byName = new Map<string, number>();
      for (const s of existing) {
        if (s.feedUrl !== null) byFeed.set(s.feedUrl, s.id);
        else if (!byName.has(nameKey(s.name, s.siteUrl))) byName.set(nameKey(s.name, s.siteUrl), s.id);
      }
      for (const { id, leaseOwner: _owner, leaseUntil: _until, ...data } of sources) {
        const index = data.feedUrl !== null ? byFeed : byName;
        const key = data.feedUrl ?? nameKey(data.name, data.siteUrl);
        const found = index.get(key);
        if (found !== undefined) {
          ids.set(id, found);
          summary.sources.matched++;
          continue;
        }
        // New ids come from the target's own sequence; leases are per-deployment state and start free.
        const created = await tx.source.create({ data, select: { id: true } });
        index.set(key, created.id);
        ids.set(id, created.id);
        summary.sources.copied++;
      }
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
  return ids;
}

type SourceArticle = Awaited<ReturnType<typeof readBatch>>[number];

function readBatch(from: Db, afterId: number, take: number) {
  return from.article.findMany({
    where: { id: { gt: afterId } },
    orderBy: { id: "asc" },
    take,
    include: { countries: true, regions: true },
  });
}

/** What one batch did; added to the summary once its transaction has committed. */
interface BatchCounts {
  copied: number;
  skipped: number;
  countries: number;
  regions: number;
}

/** Inserts the articles of one batch that the target lacks, with their tags, inside the caller's transaction. */
async function copyBatch(
  tx: Tx,
  batch: readonly SourceArticle[],
  sourceIds: Map<number, number>,
): Promise<BatchCounts> {
  const counts: BatchCounts = { copied: 0, skipped: 0, countries: 0, regions: 0 };
  const articleKey = (sourceId: number, dedupKey: string) => `${sourceId}\u0000${dedupKey}`;
  const wanted = new Map<string, SourceArticle & { targetSourceId: number }>();
  for (const article of batch) {
    const targetSourceId = sourceIds.get(article.sourceId);
    if (targetSourceId === undefined)
      throw new Error(`article ${article.id} belongs to source ${article.sourceId}, which was not copied`);
    const key = articleKey(targetSourceId, article.dedupKey);
    if (wanted.has(key))
      counts.skipped++; // two sources merged into one target source and share this item
    else wanted.set(key, { ...article, targetSourceId });
  }

  const bySource = new Map<number, string[]>();
  for (const a of wanted.values()) {
    const keys = bySource.get(a.targetSourceId);
    if (keys) keys.push(a.dedupKey);
    else bySource.set(a.targetSourceId, [a.dedupKey]);
  }
  for (const [sourceId, keys] of bySource) {
    for (let i = 0; i < keys.length; i += CHUNK) {
      const present = await tx.article.findMany({
        where: { sourceId, dedupKey: { in: keys.slice(i, i + CHUNK) } },
        select: { dedupKey: true },
      });
      for (const row of present) {
        if (wanted.delete(articleKey(sourceId, row.dedupKey))) counts.skipped++;
      }
    }
  }

  const fresh = [...wanted.values()];
  const countries: {
    articleId: number;
    code: string;
    salience: number;
    primary: boolean;
    mentions: number;
  }[] = [];
  const regions: { articleId: number; region: string }[] = [];
  for (let i = 0; i < fresh.length; i += CHUNK) {
    const data = fresh.slice(i, i + CHUNK).map(
      ({
        id: _id,
        sourceId: _sourceId,
        targetSourceId,
        countries: _countries,
        regions: _regions,
        // Story and copy links name article ids of the source database: regroup with `npm run restory`.
        storyId: _storyId,
        duplicateOfId: _duplicateOfId,
        ...article
      }) => ({
        ...article,
        sourceId: targetSourceId,
      }),
    );
    const created = await tx.article.createManyAndReturn({
      data,
      select: { id: true, sourceId: true, dedupKey: true },
    });
    for (const row of created) {
      const original = wanted.get(articleKey(row.sourceId, row.dedupKey));
      if (!original) continue;
      for (const { articleId: _articleId, ...tag } of original.countries)
        countries.push({ ...tag, articleId: row.id });
      for (const { region } of original.regions) regions.push({ articleId: row.id, region });
    }
    counts.copied += created.length;
  }
  for (let i = 0; i < countries.length; i += CHUNK)
    await tx.articleCountry.createMany({ data: countries.slice(i, i + CHUNK) });
  for (let i = 0; i < regions.length; i += CHUNK)
    await tx.articleRegion.createMany({ data: regions.slice(i, i + CHUNK) });
  counts.countries = countries.length;
  counts.regions = regions.length;
  return counts;
}

/**
 * Copies sources, articles and their country and region tags from one Dispatch database to another
 * (either provider, either direction). Idempotent: sources are matched by feed URL (else name and site),
 * articles by (source, dedupKey), and only what the target lacks is inserted, with new ids. Each batch of
 * articles is one transaction, so an interrupted copy resumes where it stopped when run again.
 * Both databases must be migrated; search indexes in the target are filled by its own triggers. Stories
 * are not copied: run `npm run restory` against the target afterwards.
 */
export async function copyDatabase(from: Db, to: Db, options: CopyOptions = {}): Promise<CopySummary> {
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  if (!Number.isInteger(batchSize) || batchSize < 1)
    throw new RangeError(`batchSize must be a positive integer (got ${batchSize})`);
  const summary: CopySummary = {
    sources: { copied: 0, matched: 0 },
    articles: { copied: 0, skipped: 0 },
    countries: 0,
    regions: 0,
  };

  const sourceIds = await copySources(from, to, summary);
  options.onStart?.(await from.article.count());

  let afterId = 0;
  let processed = 0;
  for (;;) {
    const batch = await readBatch(from, afterId, batchSize);
    const last = batch.at(-1);
    if (!last) break;
    const counts = await to.$transaction((tx) => copyBatch(tx, batch, sourceIds), {
      timeout: 300_000,
      maxWait: 30_000,
    });
    summary.articles.copied += counts.copied;
    summary.articles.skipped += counts.skipped;
    summary.countries += counts.countries;
    summary.regions += counts.regions;
    afterId = last.id;
    processed += batch.length;
    options.onBatch?.(summary, processed);
  }
  return summary;
}
