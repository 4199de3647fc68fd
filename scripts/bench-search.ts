/**
 * `npx tsx --conditions=react-server scripts/bench-search.ts [--provider sqlite|postgresql] [--articles N] [--runs N]
 *  [--postgres-url URL] [--no-write]`
 *
 * Measures search on a generated, deterministic corpus (default 100,000 articles: titles of 6-14 words,
 * ~40-word summaries, ~450-word bodies, 50 sources, two years of dates, 1-3 countries each, a few hundred
 * in Chinese). The corpus is written once into a temporary SQLite database (straight through better-sqlite3
 * for speed, with the real migrations and triggers) and reused by later runs. Every query then goes through
 * the code the app runs: `searchArticles` (the lib call) and the `GET /api/articles` route handler (the lib
 * call plus parameter parsing and JSON), in this process, without HTTP. Prints p50/p95 per query and
 * appends the results to docs/benchmarks.md.
 *
 * `--provider postgresql` measures the same corpus on PostgreSQL: the SQLite corpus is built (or reused) as
 * above, then copied with `copyDatabase` into a database on the server `--postgres-url` names (an admin URL,
 * default TEST_POSTGRES_URL or postgresql://postgres@127.0.0.1:5432/postgres; its user must be allowed to
 * CREATE DATABASE). That database is named after the corpus version, the article count and the PostgreSQL
 * migrations, migrated with `prisma migrate deploy`, and reused by later runs once it holds every article
 * (an interrupted copy resumes). DATABASE_URL then points at it, so `searchArticles` and the route handler
 * use it. `--runs` defaults to 20 there.
 */
import Database from "better-sqlite3";
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import {
  appendFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
} from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs, promisify } from "node:util";
import pg from "pg";
import { regionsForTags, type CountryTag } from "@/lib/regions";
import { registerSqliteFunctions } from "@/lib/sqlite-functions";
import { seededRandom } from "@/lib/regions/synthetic-news";

const CORPUS_VERSION = 3;
const root = process.cwd();
const { values: args } = parseArgs({
  options: {
    provider: { type: "string", default: "sqlite" },
    articles: { type: "string", default: "100000" },
    runs: { type: "string" },
    "postgres-url": {
      type: "string",
      default: process.env.TEST_POSTGRES_URL || "postgresql://postgres@127.0.0.1:5432/postgres",
    },
    "no-write": { type: "boolean", default: false },
  },
});
if (args.provider !== "sqlite" && args.provider !== "postgresql") {
  console.error(`--provider must be sqlite or postgresql (got ${args.provider})`);
  process.exit(2);
}
const PROVIDER: "sqlite" | "postgresql" = args.provider;
const ARTICLES = Number(args.articles);
const RUNS = Number(args.runs ?? (PROVIDER === "postgresql" ? "20" : "100"));
const WARMUP = 5;

// ---------------------------------------------------------------------------------------------------------
// Corpus

const COMMON =
  `the of and to in a for on that with as by at from is was said has have will be were are it its this an
their they not but after more over government year new also about than who which officials state week two told minister
could would city police percent million president country since market report last first public security health company
plan workers court law support during while under before talks group three national data water power region local growth
prices energy price trade bank policy service services official leaders meeting economy parliament campaign protest
military forces attack aid border agreement deal vote votes voters party parties budget tax taxes schools hospital doctors
patients rain storm fire fires crops farmers oil gas climate emissions industry factory jobs unemployment wages strike union
investors shares stocks bond bonds debt loans housing rent transport rail airport flights ship port exports imports tariffs
sanctions diplomats summit united nations council treaty troops soldiers civilians refugees camp relief food supplies
medicine vaccine outbreak disease research university students teachers science space launch satellite internet phone
technology software users privacy judge ruling appeal trial prison sentence charges investigation corruption scandal`
    .split(/\s+/)
    .filter(Boolean);

/** Terms the benchmark queries rely on, with the share of articles containing them (as in search-ceilings.md). */
const TERMS: { text: string; share: number }[] = [
  { text: "people", share: 0.462 },
  { text: "ceasefire", share: 0.2 },
  { text: "interest rates", share: 0.1 },
  { text: "interest", share: 0.05 },
  { text: "rates", share: 0.08 },
  { text: "earthquake", share: 0.12 },
  { text: "flood", share: 0.13 },
  { text: "election", share: 0.2 },
  { text: "inflation", share: 0.13 },
  { text: "inflationary", share: 0.03 },
  { text: "inflated", share: 0.02 },
];
const RARE_WORD = "quixotically";
const CHINESE =
  "中国 经济 增长 政府 市场 北京 上海 银行 发展 国际 公司 人民 地震 选举 通胀 政策 贸易 合作 科技 城市".split(
    " ",
  );
const CODES =
  "US GB FR DE UA RU IL PS CN IN JP BR MX NG KE ZA EG SA IR TR IT ES PL CA AU KR PK ID AR CO SY LB IQ YE SD ET VE CL PE PH VN TH MY NL BE SE NO CH AT GR".split(
    " ",
  );
const START = Date.parse("2024-11-20T00:00:00Z");
const END = Date.parse("2026-11-20T00:00:00Z");

function generator() {
  const rnd = seededRandom(20261125);
  const syllables =
    "ka lo mi ne ru sa te vo zi pa do fe gu hi ja ke li mo nu po qu ri su ta vu wa xe yo za bre cla dri fro gla".split(
      " ",
    );
  const vocabulary = [...COMMON];
  for (let i = 0; i < 6000; i++) {
    let w = "";
    for (let j = 0; j < 2 + (i % 3); j++) w += syllables[Math.floor(rnd() * syllables.length)];
    vocabulary.push(w);
  }
  // Zipf-like word frequencies, drawn through a lookup table.
  const table = new Uint16Array(1 << 20);
  const weights = vocabulary.map((_, i) => 1 / Math.pow(i + 1, 0.95));
  const sum = weights.reduce((a, b) => a + b, 0);
  let at = 0;
  weights.forEach((w, i) => {
    const n = Math.round((w / sum) * table.length);
    table.fill(i, at, Math.min(table.length, at + n));
    at += n;
  });
  table.fill(vocabulary.length - 1, Math.min(at, table.length));
  const word = () => vocabulary[table[Math.floor(rnd() * table.length)]!]!;
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const rare = new Set<number>();
  const rareRnd = seededRandom(7);
  while (rare.size < Math.min(12, ARTICLES)) rare.add(Math.floor(rareRnd() * ARTICLES));

  const words = (n: number, inject: string[]) => {
    const out = Array.from({ length: Math.max(0, n) }, word);
    for (const t of inject) out.splice(Math.floor(rnd() * (out.length + 1)), 0, t);
    return out;
  };
  const sentence = (w: string[]) => (w.join(" ").charAt(0).toUpperCase() + w.join(" ").slice(1)).trim();

  return (i: number) => {
    const chinese = i % 300 === 150;
    const present = TERMS.filter((t) => rnd() < t.share).map((t) => t.text);
    if (present.includes("ceasefire") ? rnd() < 0.19 : rnd() < 0.03) present.push("gaza");
    if (rare.has(i)) present.push(RARE_WORD);
    const inTitle = present.filter(() => rnd() < 0.25);
    const inSummary = present.filter(() => rnd() < 0.35);
    const inBody = present.flatMap((t) => Array.from({ length: int(1, 3) }, () => t));
    let title = sentence(words(int(6, 14) - inTitle.length, inTitle));
    let summary = `${sentence(words(40, inSummary))}.`;
    const body = words(450, inBody);
    const paragraphs: string[] = [];
    for (let p = 0; p < body.length; p += 75) paragraphs.push(`${sentence(body.slice(p, p + 75))}.`);
    if (chinese) {
      const zh = (n: number) =>
        Array.from({ length: n }, () => CHINESE[Math.floor(rnd() * CHINESE.length)]).join("");
      title = `${zh(6)} ${title.split(" ").slice(0, 3).join(" ")}`;
      summary = `${zh(20)}。${summary}`;
      paragraphs.unshift(`${zh(60)}。`);
    }
    let time = START + ((END - START) * i) / ARTICLES + (rnd() - 0.5) * 6 * 86_400_000;
    if (rnd() < 0.03) time -= rnd() * 90 * 86_400_000;
    const tags: CountryTag[] = [];
    if (rnd() > 0.1) {
      const used = new Set<string>();
      for (let k = int(1, 3); k > 0; k--) {
        const code = CODES[Math.floor(Math.pow(rnd(), 1.5) * CODES.length)]!;
        if (used.has(code)) continue;
        used.add(code);
        tags.push({
          code,
          salience: 1 - used.size * 0.2,
          primary: used.size === 1 || rnd() < 0.3,
          mentions: int(1, 5),
        });
      }
    }
    return {
      title,
      summary,
      bodyHtml: paragraphs.map((p) => `<p>${p}</p>`).join(""),
      publishedAt: new Date(Math.min(time, END)).toISOString().replace("Z", "+00:00"),
      sourceId: 1 + Math.floor(Math.pow(rnd(), 1.6) * 50),
      tags,
    };
  };
}

function migrationFiles(provider: "sqlite" | "postgresql" = "sqlite"): string[] {
  const dir = path.join(root, "prisma", provider, "migrations");
  return readdirSync(dir)
    .filter((d) => existsSync(path.join(dir, d, "migration.sql")))
    .sort()
    .map((d) => path.join(dir, d, "migration.sql"));
}

/** Builds the corpus database, or reuses the one built by an earlier run with the same migrations. */
function corpus(): string {
  const migrations = migrationFiles();
  const hash = createHash("sha256").update(`${CORPUS_VERSION}:${ARTICLES}`);
  for (const file of migrations) hash.update(readFileSync(file));
  const dir = path.join(os.tmpdir(), "dispatch-bench");
  const file = path.join(dir, `search-${hash.digest("hex").slice(0, 16)}.db`);
  if (existsSync(file)) {
    console.log(`Corpus: reusing ${file}`);
    return file;
  }
  mkdirSync(dir, { recursive: true });
  const building = `${file}.building`;
  rmSync(building, { force: true });
  const db = new Database(building);
  registerSqliteFunctions(db);
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = OFF");
  for (const migration of migrations) db.exec(readFileSync(migration, "utf8"));
  const stamp = new Date(END).toISOString().replace("Z", "+00:00");
  const insertSource = db.prepare(
    `INSERT INTO "Source" ("id", "name", "siteUrl", "updatedAt") VALUES (?, ?, ?, ?)`,
  );
  for (let s = 1; s <= 50; s++)
    insertSource.run(s, `Source ${String(s).padStart(2, "0")} Daily`, `https://source-${s}.example/`, stamp);
  const insertArticle =
    db.prepare(`INSERT INTO "Article" ("id", "sourceId", "dedupKey", "url", "title", "summary", "bodyHtml",
    "publishedAt", "fetchedAt", "updatedAt", "language", "readingMinutes", "contentHash")
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'en', 3, ?)`);
  const insertCountry = db.prepare(
    `INSERT INTO "ArticleCountry" ("articleId", "code", "salience", "primary", "mentions") VALUES (?, ?, ?, ?, ?)`,
  );
  const insertRegion = db.prepare(`INSERT INTO "ArticleRegion" ("articleId", "region") VALUES (?, ?)`);
  const next = generator();
  const started = Date.now();
  const batch = db.transaction((from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const a = next(i);
      const id = i + 1;
      insertArticle.run(
        id,
        a.sourceId,
        `guid:${id}`,
        `https://source-${a.sourceId}.example/story/${id}`,
        a.title,
        a.summary,
        a.bodyHtml,
        a.publishedAt,
        a.publishedAt,
        a.publishedAt,
        `h${id}`,
      );
      for (const t of a.tags) insertCountry.run(id, t.code, t.salience, t.primary ? 1 : 0, t.mentions);
      for (const region of regionsForTags(a.tags)) insertRegion.run(id, region);
    }
  });
  for (let i = 0; i < ARTICLES; i += 2000) {
    batch(i, Math.min(ARTICLES, i + 2000));
    process.stdout.write(
      `\rCorpus: ${Math.min(ARTICLES, i + 2000).toLocaleString("en")} articles, ${((Date.now() - started) / 1000).toFixed(0)} s`,
    );
  }
  db.pragma("journal_mode = DELETE");
  db.close();
  renameSync(building, file);
  console.log(
    `\nCorpus: built ${file} (${ARTICLES.toLocaleString("en")} articles, ${((Date.now() - started) / 1000).toFixed(0)} s)`,
  );
  return file;
}

// ---------------------------------------------------------------------------------------------------------
// The same corpus on PostgreSQL

interface PostgresTarget {
  name: string;
  url: string;
}

/** The database the PostgreSQL run uses: named after the corpus and the PostgreSQL migrations. */
function postgresTarget(): PostgresTarget {
  const hash = createHash("sha256");
  for (const file of migrationFiles("postgresql")) hash.update(readFileSync(file));
  const name = `dispatch_bench_search_v${CORPUS_VERSION}_${ARTICLES}_${hash.digest("hex").slice(0, 8)}`;
  const url = new URL(args["postgres-url"]);
  url.pathname = `/${name}`;
  return { name, url: url.toString() };
}

/** Written as the database's comment once the copy is complete (and vacuumed): what later runs look for. */
const completeMarker = () =>
  `dispatch bench-search corpus v${CORPUS_VERSION}, ${ARTICLES} articles, complete`;

async function withPostgres<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * Creates, migrates and fills the PostgreSQL database from the SQLite corpus, or reuses it when an earlier
 * run completed it. Call after DATABASE_URL names it (lib/db is imported here). Returns the server version.
 */
async function fillPostgres(file: string, target: PostgresTarget): Promise<string> {
  const admin = args["postgres-url"];
  const { version, complete } = await withPostgres(admin, async (client) => {
    const shown = await client.query<{ server_version: string }>("SHOW server_version");
    const version = shown.rows[0]?.server_version.split(" ")[0] ?? "?";
    const found = await client.query<{ comment: string | null }>(
      "SELECT shobj_description(oid, 'pg_database') AS comment FROM pg_database WHERE datname = $1",
      [target.name],
    );
    if (found.rowCount === 0) {
      await client.query(`CREATE DATABASE "${target.name}"`);
      console.log(`PostgreSQL: created database ${target.name}`);
    }
    return { version, complete: found.rows[0]?.comment === completeMarker() };
  });
  if (complete) {
    console.log(`PostgreSQL: reusing database ${target.name}`);
    return version;
  }

  let started = Date.now();
  try {
    await promisify(execFile)(path.join(root, "node_modules/.bin/prisma"), ["migrate", "deploy"], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: target.url },
      maxBuffer: 16 * 1024 * 1024,
    });
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string };
    throw new Error(`prisma migrate deploy failed for ${target.name}:\n${e.stdout ?? ""}${e.stderr ?? ""}`, {
      cause: error,
    });
  }
  console.log(`PostgreSQL: migrated ${target.name} (${((Date.now() - started) / 1000).toFixed(0)} s)`);

  const { createDb } = await import("@/lib/db");
  const { copyDatabase } = await import("@/lib/db-copy");
  const from = createDb(`file:${file}`);
  const to = createDb(target.url);
  started = Date.now();
  let total = 0;
  try {
    const summary = await copyDatabase(from, to, {
      onStart: (n) => (total = n),
      onBatch: (s, processed) => {
        const seconds = (Date.now() - started) / 1000;
        process.stdout.write(
          `\rCopy: ${processed.toLocaleString("en")} / ${total.toLocaleString("en")} articles read, ${s.articles.copied.toLocaleString("en")} copied, ${seconds.toFixed(0)} s (${(processed / seconds).toFixed(0)}/s)`,
        );
      },
    });
    console.log(
      `\nCopy: done in ${((Date.now() - started) / 1000).toFixed(0)} s (${summary.articles.copied.toLocaleString("en")} articles copied, ${summary.articles.skipped.toLocaleString("en")} already there, ${summary.countries.toLocaleString("en")} country and ${summary.regions.toLocaleString("en")} region tags)`,
    );
  } finally {
    await Promise.all([from.$disconnect(), to.$disconnect()]);
  }

  // A freshly bulk-loaded table has no planner statistics until autovacuum gets to it; a live database has them.
  started = Date.now();
  await withPostgres(target.url, async (client) => {
    await client.query("VACUUM (ANALYZE)");
    const n = Number((await client.query<{ n: string }>(`SELECT count(*) AS n FROM "Article"`)).rows[0]?.n);
    if (n !== ARTICLES) throw new Error(`${target.name} holds ${n} articles, expected ${ARTICLES}`);
    await client.query(`COMMENT ON DATABASE "${target.name}" IS '${completeMarker()}'`);
  });
  console.log(`PostgreSQL: VACUUM (ANALYZE) in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  return version;
}

/** The database's size on disk, for the record. */
function databaseSize(target: PostgresTarget): Promise<string> {
  return withPostgres(target.url, async (client) => {
    const rows = await client.query<{ size: string }>(
      "SELECT pg_size_pretty(pg_database_size(current_database())) AS size",
    );
    return `${rows.rows[0]?.size ?? "?"} on disk`;
  });
}

// ---------------------------------------------------------------------------------------------------------
// Measurements

const QUERIES = [
  "people",
  "ceasefire",
  RARE_WORD,
  "gaza ceasefire",
  '"interest rates"',
  "earthquake OR flood",
  "election -inflation",
  "infla*",
];
const REGION = "region=europe";
const SIX_MONTHS = "from=2026-05-01&to=2026-10-31";

function cases(): { label: string; search: string; kind: "search" | "browse" }[] {
  const list: { label: string; search: string; kind: "search" | "browse" }[] = [];
  for (const q of QUERIES) {
    const base = `q=${encodeURIComponent(q)}`;
    list.push({ label: q, search: base, kind: "search" });
    list.push({ label: `${q} + region`, search: `${base}&${REGION}`, kind: "search" });
    list.push({ label: `${q} + 6 months`, search: `${base}&${SIX_MONTHS}`, kind: "search" });
    list.push({
      label: `${q} + region + 6 months`,
      search: `${base}&${REGION}&${SIX_MONTHS}`,
      kind: "search",
    });
  }
  list.push({ label: "中国经济 (trigram)", search: `q=${encodeURIComponent("中国经济")}`, kind: "search" });
  list.push({ label: "browse page 1", search: "", kind: "browse" });
  list.push({ label: "browse page 50", search: "page=50", kind: "browse" });
  list.push({ label: "browse + region", search: REGION, kind: "browse" });
  list.push({ label: "browse + 6 months", search: SIX_MONTHS, kind: "browse" });
  list.push({ label: "browse + region + 6 months", search: `${REGION}&${SIX_MONTHS}`, kind: "browse" });
  list.push({ label: "browse + past 7 days", search: "range=7d", kind: "browse" });
  return list;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

async function time(fn: () => Promise<unknown>): Promise<{ p50: number; p95: number }> {
  for (let i = 0; i < WARMUP; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await fn();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return { p50: percentile(samples, 50), p95: percentile(samples, 95) };
}

async function main(): Promise<void> {
  const file = corpus();
  const target = PROVIDER === "postgresql" ? postgresTarget() : null;
  process.env.DATABASE_URL = target ? target.url : `file:${file}`;
  const serverVersion = target ? await fillPostgres(file, target) : null;
  // Imported only now: lib/db opens the database DATABASE_URL names when it loads.
  const { parseListParams } = await import("@/lib/articles/params");
  const { searchArticles } = await import("@/lib/search");
  const { GET } = await import("@/app/api/articles/route");
  const { NextRequest } = await import("next/server");

  const rows: {
    label: string;
    kind: string;
    matches: string;
    lib: { p50: number; p95: number };
    api: { p50: number; p95: number };
  }[] = [];
  for (const c of cases()) {
    const { params } = parseListParams(new URLSearchParams(c.search));
    const probe = await searchArticles(params);
    const lib = await time(() => searchArticles(parseListParams(new URLSearchParams(c.search)).params));
    const api = await time(async () => {
      const response = await GET(new NextRequest(`http://bench.local/api/articles?${c.search}`));
      if (response.status !== 200) throw new Error(`${c.search}: HTTP ${response.status}`);
      await response.text();
    });
    const matches = `${probe.totalApproximate ? "≈" : ""}${probe.total.toLocaleString("en")}`;
    rows.push({ label: c.label, kind: c.kind, matches, lib, api });
    console.log(
      `${c.label.padEnd(44)} ${matches.padStart(9)}  lib ${lib.p50.toFixed(1).padStart(6)} / ${lib.p95.toFixed(1).padStart(6)}  api ${api.p50.toFixed(1).padStart(6)} / ${api.p95.toFixed(1).padStart(6)} ms`,
    );
  }

  const limit = (kind: string) => (kind === "browse" ? 100 : 50);
  const failures = rows.filter((r) => r.api.p95 > limit(r.kind));
  const cpu = os.cpus()[0]?.model ?? "unknown CPU";
  const table = [
    "| Query | Matches | lib p50 | lib p95 | API p50 | API p95 | Target (API p95) |",
    "|---|---:|---:|---:|---:|---:|---:|",
    ...rows.map(
      (r) =>
        `| ${r.label.replaceAll("|", "\\|")} | ${r.matches} | ${r.lib.p50.toFixed(1)} | ${r.lib.p95.toFixed(1)} | ${r.api.p50.toFixed(1)} | ${r.api.p95.toFixed(1)} | ${r.api.p95 > limit(r.kind) ? "**over** " : ""}≤ ${limit(r.kind)} |`,
    ),
  ].join("\n");
  const command = [
    "npx tsx --conditions=react-server scripts/bench-search.ts",
    ...process.argv.slice(2),
  ].join(" ");
  const engine = target
    ? `PostgreSQL ${serverVersion}, tsvector + GIN; copied from the SQLite corpus with \`copyDatabase\` into the database
\`${target.name}\`, ${await databaseSize(target)}, then \`VACUUM (ANALYZE)\`; exact counts`
    : "SQLite, FTS5";
  const section = `
## Search${target ? " (PostgreSQL)" : ""}, ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC

\`${command}\` on ${os.cpus().length} × ${cpu}, ${Math.round(os.totalmem() / 2 ** 30)} GB RAM,
Node.js ${process.version}, ${os.platform()} ${os.release()}, load average ${os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(" ")} at the end.
Corpus: ${ARTICLES.toLocaleString("en")} generated articles (${engine}). ${RUNS} timed runs per query after ${WARMUP} warm-up runs, in
milliseconds. "lib" is \`searchArticles\`; "API" is the \`GET /api/articles\` route handler called in-process (parsing,
search, JSON), without HTTP. "≈" marks estimated totals (docs/search.md). "+ region" is \`${REGION}\`; "+ 6 months" is
\`${SIX_MONTHS}\`.

${table}

${failures.length ? `Over target: ${failures.map((f) => f.label).join(", ")}.` : "Every query is within its target (search ≤ 50 ms, browse ≤ 100 ms at p95)."}
`;
  console.log(section);
  if (!args["no-write"]) {
    const out = path.join(root, "docs/benchmarks.md");
    if (!existsSync(out))
      appendFileSync(
        out,
        "# Benchmarks\n\nDated results, newest last. Each section says how it was produced.\n",
      );
    appendFileSync(out, section);
    console.log(`Appended to ${path.relative(root, out)}`);
  }
  process.exit(failures.length ? 1 : 0);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(2);
});
