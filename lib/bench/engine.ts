// The ceilings measured straight on the engines: a bare load of the benchmark's articles (the same
// facts the app keeps: text, HTML, date, source, country and region tags, plus the word index, nothing
// else) and the search mix as one top-20 ranked query each, with the same filters.
import "server-only";
import Database from "better-sqlite3";
import { statSync } from "node:fs";
import pg from "pg";
import { regionsForTags, tagCountries } from "@/lib/regions";
import { feedItem, itemHtml, itemKind, SOURCE_COUNT, type BenchCorpus } from "./corpus";
import { DATE_FROM, DATE_TO, REGION, type SearchCase } from "./cases";

/** One article as the bare load writes it. */
interface BareRow {
  id: number;
  sourceId: number;
  publishedAt: Date;
  url: string;
  title: string;
  summary: string;
  bodyHtml: string;
  bodyText: string;
  countries: string[];
  regions: string[];
}

/**
 * The corpus's distinct articles (repeated items left out, as the app's dedupe does) in batches, tagged
 * with the app's tagger. Source ids are 1-based feed indexes.
 */
function* bareBatches(corpus: BenchCorpus, batchSize: number): Generator<BareRow[]> {
  let batch: BareRow[] = [];
  let id = 0;
  for (let source = 0; source < SOURCE_COUNT; source++) {
    for (let position = 0; position < corpus.perFeed; position++) {
      if (itemKind(corpus, source, position).repeat) continue;
      const item = feedItem(corpus, source, position);
      const bodyText = item.paragraphs.join("\n\n");
      const tags = tagCountries({ title: item.title, body: bodyText });
      batch.push({
        id: ++id,
        sourceId: source + 1,
        publishedAt: item.publishedAt,
        url: item.link,
        title: item.title,
        summary: item.summary,
        bodyHtml: itemHtml(item).replace(/<script>.*<\/script>$/, ""),
        bodyText,
        countries: tags.map((t) => t.code),
        regions: regionsForTags(tags),
      });
      if (batch.length === batchSize) {
        yield batch;
        batch = [];
      }
    }
  }
  if (batch.length > 0) yield batch;
}

export interface BareLoad {
  articles: number;
  /** Time spent writing (generation and tagging excluded). */
  seconds: number;
  bytes: number;
}

const dayStart = (day: string) => Date.parse(`${day}T00:00:00Z`);
const DATE_LO = dayStart(DATE_FROM);
const DATE_HI = dayStart(DATE_TO) + 86_400_000;

// ---------------------------------------------------------------------------------------------------------
// SQLite + FTS5

const SQLITE_SCHEMA = `
CREATE TABLE article (id INTEGER PRIMARY KEY, source_id INTEGER NOT NULL, published_at INTEGER NOT NULL,
  url TEXT, title TEXT NOT NULL, summary TEXT, body_html TEXT NOT NULL, body_text TEXT NOT NULL);
CREATE INDEX article_published ON article (published_at);
CREATE INDEX article_source ON article (source_id, published_at);
CREATE TABLE article_country (article_id INTEGER NOT NULL, code TEXT NOT NULL, PRIMARY KEY (article_id, code)) WITHOUT ROWID;
CREATE TABLE article_region (region TEXT NOT NULL, article_id INTEGER NOT NULL, PRIMARY KEY (region, article_id)) WITHOUT ROWID;
CREATE VIRTUAL TABLE article_fts USING fts5(title, summary, body_text, content = 'article', content_rowid = 'id',
  tokenize = 'porter unicode61 remove_diacritics 2');`;

/** Loads the corpus into a new SQLite file (WAL, one transaction per 1,000 articles, FTS5 optimized at the end). */
export function bareLoadSqlite(
  corpus: BenchCorpus,
  file: string,
  onBatch: (articles: number) => void,
): BareLoad {
  const db = new Database(file);
  try {
    db.pragma("journal_mode = WAL");
    db.pragma("synchronous = NORMAL");
    db.exec(SQLITE_SCHEMA);
    const article = db.prepare(
      "INSERT INTO article (id, source_id, published_at, url, title, summary, body_html, body_text) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
    );
    const fts = db.prepare("INSERT INTO article_fts (rowid, title, summary, body_text) VALUES (?, ?, ?, ?)");
    const country = db.prepare("INSERT INTO article_country (article_id, code) VALUES (?, ?)");
    const region = db.prepare("INSERT INTO article_region (region, article_id) VALUES (?, ?)");
    const write = db.transaction((rows: BareRow[]) => {
      for (const r of rows) {
        article.run(
          r.id,
          r.sourceId,
          Math.floor(r.publishedAt.getTime() / 1000),
          r.url,
          r.title,
          r.summary,
          r.bodyHtml,
          r.bodyText,
        );
        fts.run(r.id, r.title, r.summary, r.bodyText);
        for (const c of r.countries) country.run(r.id, c);
        for (const g of r.regions) region.run(g, r.id);
      }
    });
    let articles = 0;
    let ms = 0;
    for (const rows of bareBatches(corpus, 1000)) {
      const t = performance.now();
      write(rows);
      ms += performance.now() - t;
      articles += rows.length;
      onBatch(articles);
    }
    const t = performance.now();
    db.exec("INSERT INTO article_fts (article_fts) VALUES ('optimize')");
    db.exec("ANALYZE");
    db.pragma("wal_checkpoint(TRUNCATE)");
    ms += performance.now() - t;
    return { articles, seconds: ms / 1000, bytes: sqliteBytes(file) };
  } finally {
    db.close();
  }
}

/** A SQLite database's size on disk: the file and its write-ahead log. */
export function sqliteBytes(file: string): number {
  let total = 0;
  for (const f of [file, `${file}-wal`]) {
    try {
      total += statSync(f).size;
    } catch {
      // No log: nothing to add.
    }
  }
  return total;
}

/** Opens the bare SQLite database for the search ceilings: `run(c)` answers one case's top 20. */
export function sqliteSearcher(file: string, sourceId: number) {
  const db = new Database(file, { readonly: true });
  const statements = new Map<string, Database.Statement>();
  const run = (c: SearchCase): number => {
    if (!c.engine) throw new Error(`${c.label}: no engine query`);
    const where = [
      c.filter === "date" ? "a.published_at >= @lo AND a.published_at < @hi" : "",
      c.filter === "source" ? "a.source_id = @source" : "",
      c.filter === "region" ? "a.id IN (SELECT article_id FROM article_region WHERE region = @region)" : "",
    ].filter(Boolean);
    const sql = `SELECT a.id FROM article_fts JOIN article a ON a.id = article_fts.rowid
      WHERE article_fts MATCH @match ${where.map((w) => `AND ${w}`).join(" ")}
      ORDER BY bm25(article_fts, 10, 4, 1) LIMIT 20 OFFSET @offset`;
    let statement = statements.get(sql);
    if (!statement) {
      statement = db.prepare(sql);
      statements.set(sql, statement);
    }
    return statement.all({
      match: c.engine.fts5,
      lo: DATE_LO / 1000,
      hi: DATE_HI / 1000,
      source: sourceId,
      region: REGION,
      offset: (c.page - 1) * 20,
    }).length;
  };
  return {
    run,
    close: () => db.close(),
    version: () => (db.prepare("SELECT sqlite_version() AS v").get() as { v: string }).v,
  };
}

// ---------------------------------------------------------------------------------------------------------
// PostgreSQL + GIN

const POSTGRES_SCHEMA = `
CREATE TABLE article (id integer PRIMARY KEY, source_id integer NOT NULL, published_at timestamptz NOT NULL,
  url text, title text NOT NULL, summary text, body_html text NOT NULL, body_text text NOT NULL,
  document tsvector GENERATED ALWAYS AS (setweight(to_tsvector('english', title), 'A')
    || setweight(to_tsvector('english', coalesce(summary, '')), 'B')
    || setweight(to_tsvector('english', body_text), 'C')) STORED);
CREATE INDEX article_document ON article USING gin (document);
CREATE INDEX article_published ON article (published_at);
CREATE INDEX article_source ON article (source_id, published_at);
CREATE TABLE article_country (article_id integer NOT NULL, code text NOT NULL, PRIMARY KEY (article_id, code));
CREATE TABLE article_region (region text NOT NULL, article_id integer NOT NULL, PRIMARY KEY (region, article_id));`;

/** Bytes of the user tables of a PostgreSQL database, with their indexes and TOAST (no catalog). */
export async function postgresBytes(client: pg.Client): Promise<number> {
  const result = await client.query<{ bytes: string }>(
    `SELECT coalesce(sum(pg_total_relation_size(c.oid)), 0)::bigint AS bytes FROM pg_class c
     JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind IN ('r', 'm')`,
  );
  return Number(result.rows[0]?.bytes ?? 0);
}

/** Loads the corpus into an empty PostgreSQL database (GIN built as rows arrive, 500 per INSERT), then VACUUM (ANALYZE). */
export async function bareLoadPostgres(
  corpus: BenchCorpus,
  url: string,
  onBatch: (articles: number) => void,
): Promise<BareLoad> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(POSTGRES_SCHEMA);
    let articles = 0;
    let ms = 0;
    for (const rows of bareBatches(corpus, 500)) {
      const countries = rows.flatMap((r) => r.countries.map((c) => [r.id, c] as const));
      const regions = rows.flatMap((r) => r.regions.map((g) => [g, r.id] as const));
      const t = performance.now();
      await client.query("BEGIN");
      await client.query(
        `INSERT INTO article (id, source_id, published_at, url, title, summary, body_html, body_text)
         SELECT * FROM unnest($1::int[], $2::int[], $3::timestamptz[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[])`,
        [
          rows.map((r) => r.id),
          rows.map((r) => r.sourceId),
          rows.map((r) => r.publishedAt.toISOString()),
          rows.map((r) => r.url),
          rows.map((r) => r.title),
          rows.map((r) => r.summary),
          rows.map((r) => r.bodyHtml),
          rows.map((r) => r.bodyText),
        ],
      );
      await client.query("INSERT INTO article_country SELECT * FROM unnest($1::int[], $2::text[])", [
        countries.map((c) => c[0]),
        countries.map((c) => c[1]),
      ]);
      await client.query("INSERT INTO article_region SELECT * FROM unnest($1::text[], $2::int[])", [
        regions.map((g) => g[0]),
        regions.map((g) => g[1]),
      ]);
      await client.query("COMMIT");
      ms += performance.now() - t;
      articles += rows.length;
      onBatch(articles);
    }
    // What autovacuum does on a real server (it is off on the benchmark's): statistics, and the GIN
    // index's pending list merged into the index (until then every search reads the whole list). Not
    // timed, as for the app's database.
    await client.query("VACUUM (ANALYZE)");
    return { articles, seconds: ms / 1000, bytes: await postgresBytes(client) };
  } finally {
    await client.end();
  }
}

/** Connects to the bare PostgreSQL database for the search ceilings: `run(c)` answers one case's top 20. */
export async function postgresSearcher(url: string, sourceId: number) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const run = async (c: SearchCase): Promise<number> => {
    if (!c.engine) throw new Error(`${c.label}: no engine query`);
    const values: unknown[] = [c.engine.tsquery, (c.page - 1) * 20];
    const where: string[] = [];
    if (c.filter === "date") {
      values.push(new Date(DATE_LO).toISOString(), new Date(DATE_HI).toISOString());
      where.push(`a.published_at >= $3 AND a.published_at < $4`);
    } else if (c.filter === "source") {
      values.push(sourceId);
      where.push("a.source_id = $3");
    } else if (c.filter === "region") {
      values.push(REGION);
      where.push("a.id IN (SELECT article_id FROM article_region WHERE region = $3)");
    }
    // Unnamed, so planned for each query's own words: a named statement switches to a generic plan
    // after five runs, which does not know how rare the words are.
    const result = await client.query({
      text: `SELECT a.id FROM article a, to_tsquery('english', $1) q WHERE a.document @@ q
        ${where.map((w) => `AND ${w}`).join(" ")} ORDER BY ts_rank_cd(a.document, q) DESC LIMIT 20 OFFSET $2`,
      values,
    });
    return result.rowCount ?? 0;
  };
  const version = async () =>
    (await client.query<{ v: string }>("SELECT current_setting('server_version') AS v")).rows[0]?.v ?? "?";
  return { run, close: () => client.end(), version };
}
