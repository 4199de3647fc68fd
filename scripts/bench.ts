/**
 * `npm run bench [-- --size N | --quick] [--db sqlite|postgres] [--port 3600] [--duration S] [--shared-cpu]
 *  [--note TEXT] [--postgres-url URL] [--keep]`
 * `npm run bench -- --write-feeds DIR [--size N | --quick]` only writes the corpus's 50 RSS feeds to DIR (for
 * A/B runs of `npm run ingest -- DIR` against the same articles) and measures nothing.
 *
 * The one benchmark of issue #13, unattended: a seeded corpus served as local RSS feeds, ingested with
 * `npm run ingest`, served by `npm start`; the search mix through the HTTP API, page throughput with
 * autocannon, database size, server memory; and in the same run the ceilings (the same searches on the
 * bare engine, a bare load of the same articles, a trivial Next.js page). Writes
 * bench/results/<date>-<db>.json and regenerates BENCHMARKS.md from every results file.
 * What each figure means: docs/benchmarks.md.
 */
import { execFileSync, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import Database from "better-sqlite3";
import cliProgress from "cli-progress";
import pg from "pg";
import * as prettier from "prettier";
import { searchCases, type SearchCase } from "@/lib/bench/cases";
import { CEILING_WHAT, writeCeilingApp } from "@/lib/bench/ceiling-app";
import { createCorpus, itemKind, renderFeed, SOURCE_COUNT } from "@/lib/bench/corpus";
import {
  bareLoadPostgres,
  bareLoadSqlite,
  postgresBytes,
  postgresSearcher,
  sqliteBytes,
  sqliteSearcher,
} from "@/lib/bench/engine";
import { loadPage } from "@/lib/bench/load";
import {
  memorySampler,
  processTree,
  startFeedServer,
  startProcess,
  waitForHttp,
  type Started,
} from "@/lib/bench/processes";
import {
  renderBenchmarks,
  summaryRows,
  type BenchDb,
  type BenchResult,
  type PageResult,
  type SearchResultRow,
} from "@/lib/bench/results";
import { sample } from "@/lib/bench/stats";

const root = process.cwd();
const bin = (name: string) => path.join(root, "node_modules", ".bin", name);

const { values: args } = parseArgs({
  options: {
    size: { type: "string" },
    quick: { type: "boolean", default: false },
    db: { type: "string", default: "sqlite" },
    port: { type: "string", default: "3600" },
    duration: { type: "string" },
    "shared-cpu": { type: "boolean", default: false },
    note: { type: "string", multiple: true, default: [] },
    "postgres-url": {
      type: "string",
      default: process.env.TEST_POSTGRES_URL || "postgresql://postgres@127.0.0.1:5432/postgres",
    },
    keep: { type: "boolean", default: false },
    "write-feeds": { type: "string" },
    help: { type: "boolean", short: "h", default: false },
  },
});

function usage(message?: string): never {
  if (message) console.error(`bench: ${message}`);
  console.error(
    "Usage: npm run bench -- [--size N | --quick] [--db sqlite|postgres] [--port P] [--duration S] [--shared-cpu] [--note TEXT] [--postgres-url URL] [--keep] | [--size N | --quick] --write-feeds DIR",
  );
  process.exit(2);
}
if (args.help) usage();
const db: BenchDb = args.db === "postgres" || args.db === "postgresql" ? "postgres" : "sqlite";
if (args.db !== "sqlite" && db !== "postgres") usage(`--db must be sqlite or postgres (got ${args.db})`);
const SIZE = Number(args.size ?? (args.quick ? 10_000 : 100_000));
if (!Number.isInteger(SIZE) || SIZE < SOURCE_COUNT) usage(`--size must be a whole number ≥ ${SOURCE_COUNT}`);
const QUICK = args.quick || SIZE < 50_000;
const PORT = Number(args.port);
if (!Number.isInteger(PORT) || PORT < 1024 || PORT > 65_000) usage("--port must be a port number");
const DURATION = Number(args.duration ?? (QUICK ? 5 : 10));
const PORTS = { feeds: PORT, app: PORT + 1, ceiling: PORT + 2 };
/** The source whose id the source filter uses: a mid-sized feed. */
const SOURCE_PICK = 7;
const CONCURRENCY = [1, 16, 64];
const SEARCH = { warmup: 3, runs: QUICK ? 20 : 40, minRuns: 5, budgetMs: QUICK ? 4_000 : 10_000 };

// ---------------------------------------------------------------------------------------------------------
// Progress: one bar over weighted stages (a line per stage when stdout is not a terminal).

const STAGES = {
  "ceiling build": 4,
  migrate: 2,
  feeds: 4,
  ingest: 20,
  "bare load": 14,
  "server start": 6,
  search: 26,
  pages: 19,
  "ceiling pages": 5,
} as const;
type Stage = keyof typeof STAGES;
const stageStart = (stage: Stage) => {
  let at = 0;
  for (const [name, weight] of Object.entries(STAGES)) {
    if (name === stage) return at;
    at += weight;
  }
  return at;
};
const bar = process.stdout.isTTY
  ? new cliProgress.SingleBar(
      { format: "bench {bar} {percentage}% | {elapsed}s | {stage}", hideCursor: true, etaBuffer: 50 },
      cliProgress.Presets.shades_classic,
    )
  : null;
let lastStage = "";
function progress(stage: Stage, fraction: number, detail = ""): void {
  const value = Math.round((stageStart(stage) + STAGES[stage] * Math.min(1, fraction)) * 10);
  if (bar) bar.update(value, { stage: `${stage}${detail ? `: ${detail}` : ""}` });
  else if (stage !== lastStage) console.log(`[bench] ${stage}${detail ? `: ${detail}` : ""}`);
  lastStage = stage;
}
function stageLine(stage: Stage, text: string): void {
  if (bar) bar.update({ stage: `${stage}: ${text}` });
  else console.log(`[bench] ${stage}: ${text}`);
}

// ---------------------------------------------------------------------------------------------------------

/** Environment for the app's processes: this process's tsx options left out (as scripts/start.ts does). */
function childEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const { NODE_OPTIONS: _ignored, ...rest } = process.env;
  return { ...rest, NEXT_TELEMETRY_DISABLED: "1", ...extra };
}

function run(command: string, argv: string[], env: NodeJS.ProcessEnv): string {
  return execFileSync(command, argv, {
    cwd: root,
    env,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
    stdio: "pipe",
  });
}

async function withPostgres<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

function databaseUrl(name: string): string {
  const url = new URL(args["postgres-url"]);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Runs a child to the end, resolving with its stdout; rejects with its output when it fails. */
async function runAsync(
  command: string,
  argv: string[],
  env: NodeJS.ProcessEnv,
  cwd = root,
): Promise<string> {
  return (await runCapture(command, argv, env, cwd)).out;
}

function runCapture(
  command: string,
  argv: string[],
  env: NodeJS.ProcessEnv,
  cwd = root,
): Promise<{ out: string; err: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, argv, { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stdout.on("data", (c: Buffer) => (out += c.toString()));
    child.stderr.on("data", (c: Buffer) => (err = (err + c.toString()).slice(-20_000)));
    child.once("error", reject);
    child.once("exit", (code) =>
      code === 0
        ? resolve({ out, err })
        : reject(new Error(`${command} ${argv[0] ?? ""} exited ${code}:\n${out.slice(-5000)}${err}`)),
    );
  });
}

/**
 * The pid of the web server under a process tree (npm → sh → tsx → node → dispatch-serve → its workers),
 * whose tree's memory is the server's; or of a plain `next start` ("next-server").
 */
function nextServerPid(started: Started): number {
  const rootPid = started.child.pid ?? 0;
  for (const pid of processTree(rootPid)) {
    try {
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0");
      // scripts/serve.mjs names its primary "dispatch-serve"; `next start` renames itself "next-server (vX)".
      if (
        cmdline[0]?.startsWith("dispatch-serve") ||
        cmdline[0]?.startsWith("next-server") ||
        (cmdline.some((a) => a.endsWith("/next")) && cmdline.includes("start"))
      )
        return pid;
    } catch {
      // Gone.
    }
  }
  return rootPid;
}

async function fetchText(url: string, retry = true): Promise<{ status: number; text: string }> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(60_000) });
    return { status: response.status, text: await response.text() };
  } catch (error) {
    // A kept-alive connection that sat idle past the server's keep-alive timeout (5 s; the engine's own
    // timings of a common word at 100,000 articles take longer) can be closed as a request goes out on it
    // ("other side closed", or a reset when the close met the request: "read ECONNRESET"). A GET is safe
    // to send again, once, on a new connection.
    const code = (error as { cause?: { code?: string } }).cause?.code ?? "";
    if (retry && ["UND_ERR_SOCKET", "ECONNRESET", "EPIPE"].includes(code)) return fetchText(url, false);
    throw error;
  }
}

/** Measures one page at each concurrency after a short warm-up. */
async function measurePage(
  base: string,
  name: string,
  pagePath: string,
  stage: Stage,
  done: () => void,
): Promise<PageResult> {
  const first = await fetchText(`${base}${pagePath}`);
  if (first.status !== 200) throw new Error(`${name} ${pagePath}: HTTP ${first.status}`);
  for (let i = 0; i < 3; i++) await fetchText(`${base}${pagePath}`);
  const loads = [];
  for (const concurrency of CONCURRENCY) {
    stageLine(stage, `${name} at c=${concurrency}`);
    loads.push(await loadPage(`${base}${pagePath}`, concurrency, DURATION));
    done();
  }
  // The same page when no two readers ask for the same address: every answer rendered.
  stageLine(stage, `${name}, every request rendered, at c=16`);
  const rendered = await loadPage(`${base}${pagePath}`, 16, DURATION, { distinct: true });
  done();
  return { name, path: pagePath, bytes: Buffer.byteLength(first.text), loads, rendered };
}

/** Children's user + system seconds from the last line of bash's `times` ("0m4.032s 0m0.515s"). */
function cpuSecondsFromTimes(stderr: string): number | null {
  const line = stderr.trim().split("\n").at(-1) ?? "";
  const parts = [...line.matchAll(/(\d+)m([\d.]+)s/g)].map((m) => Number(m[1]) * 60 + Number(m[2]));
  return parts.length === 2 ? (parts[0] ?? 0) + (parts[1] ?? 0) : null;
}

/** Writes a file as Prettier would leave it, so that `npm test`'s `prettier --check` passes on results. */
async function writeFormatted(file: string, text: string): Promise<void> {
  const options = (await prettier.resolveConfig(file)) ?? {};
  writeFileSync(file, await prettier.format(text, { ...options, filepath: file }));
}

/** Writes the corpus's feeds as files (`--write-feeds`), one per source, named by source number. */
function writeFeeds(dir: string): void {
  const corpus = createCorpus(SIZE);
  mkdirSync(dir, { recursive: true });
  for (let s = 0; s < SOURCE_COUNT; s++)
    writeFileSync(path.join(dir, `feed-${String(s).padStart(2, "0")}.xml`), renderFeed(corpus, s));
  console.log(
    `Wrote ${SOURCE_COUNT} feeds of ${corpus.perFeed.toLocaleString("en-US")} items to ${dir}: npm run ingest -- ${dir}`,
  );
}

async function main(): Promise<void> {
  if (args["write-feeds"]) return writeFeeds(args["write-feeds"]);
  const startedAt = new Date();
  const loadBefore = os.loadavg()[0] ?? 0;
  const commit = run("git", ["rev-parse", "HEAD"], process.env).trim();
  const dirty = run("git", ["status", "--porcelain"], process.env).trim() !== "";
  const tag = randomBytes(4).toString("hex");
  const tmp = mkdtempSync(path.join(os.tmpdir(), "dispatch-bench-"));
  const ceilingDir = path.join(root, `.tmp-bench-ceiling-${tag}`);
  const appDbName = `dispatch_bench_app_${tag}`;
  const bareDbName = `dispatch_bench_bare_${tag}`;
  const appUrl = db === "sqlite" ? `file:${path.join(tmp, "app.db")}` : databaseUrl(appDbName);
  const bareTarget = db === "sqlite" ? path.join(tmp, "bare.db") : databaseUrl(bareDbName);
  const corpus = createCorpus(SIZE);
  const notes: string[] = [...(args.note ?? [])];
  const cleanups: (() => Promise<void> | void)[] = [];
  const servers: Started[] = [];
  const stopAll = async () => {
    for (const s of servers.splice(0)) await s.stop();
  };
  const cleanUp = async () => {
    bar?.stop();
    await stopAll();
    for (const cleanup of cleanups.splice(0).reverse()) {
      try {
        await cleanup();
      } catch (error) {
        console.error(`bench: cleanup: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  };
  // Ctrl-C stops the servers and removes the databases too.
  for (const signal of ["SIGINT", "SIGTERM"] as const)
    process.on(signal, () => void cleanUp().finally(() => process.exit(130)));

  bar?.start(1000, 0, { stage: "starting" });
  try {
    // 1. The ceiling app is built first, so its build does not overlap anything measured.
    progress("ceiling build", 0, "next build of the trivial app");
    writeCeilingApp(ceilingDir);
    cleanups.push(() => rmSync(ceilingDir, { recursive: true, force: true }));
    await runAsync(bin("next"), ["build"], childEnv({}), ceilingDir);

    // 2. An empty database with the app's migrations.
    progress("migrate", 0, "prisma migrate deploy");
    if (db === "postgres") {
      await withPostgres(args["postgres-url"], async (c) => {
        await c.query(`CREATE DATABASE "${appDbName}"`);
        await c.query(`CREATE DATABASE "${bareDbName}"`);
      });
      if (!args.keep)
        cleanups.push(() =>
          withPostgres(args["postgres-url"], async (c) => {
            await c.query(`DROP DATABASE IF EXISTS "${appDbName}" WITH (FORCE)`);
            await c.query(`DROP DATABASE IF EXISTS "${bareDbName}" WITH (FORCE)`);
          }),
        );
    }
    if (!args.keep) cleanups.push(() => rmSync(tmp, { recursive: true, force: true }));
    run(bin("prisma"), ["migrate", "deploy"], childEnv({ DATABASE_URL: appUrl }));

    // 3. Ingest through the real path: `npm run ingest` of the feed URLs, timed from process start to exit.
    const feeds = await startFeedServer(corpus, PORTS.feeds, (n) =>
      progress("feeds", n / SOURCE_COUNT, `rendering ${n} / ${SOURCE_COUNT} feeds`),
    );
    cleanups.push(() => feeds.close());
    progress("ingest", 0, `${SOURCE_COUNT} feeds, ${corpus.size.toLocaleString("en-US")} items`);
    const ticker = setInterval(
      () =>
        progress(
          "ingest",
          feeds.served() / SOURCE_COUNT,
          `${feeds.served()} / ${SOURCE_COUNT} feeds fetched`,
        ),
      250,
    );
    const ingestStarted = performance.now();
    let ingestOut: string;
    let ingestErr: string;
    try {
      // bash's `times` reports the CPU the ingest's process tree used: a figure that other work on the
      // machine does not inflate as much as the wall clock.
      ({ out: ingestOut, err: ingestErr } = await runCapture(
        "bash",
        ["-c", 'npm run --silent ingest -- --json "$@"; rc=$?; times >&2; exit $rc', "bash", ...feeds.urls],
        childEnv({ DATABASE_URL: appUrl, DISPATCH_ALLOW_PRIVATE_NETWORK: "1", LOG_LEVEL: "warn" }),
      ));
    } finally {
      clearInterval(ticker);
    }
    const ingestSeconds = (performance.now() - ingestStarted) / 1000;
    const ingestCpu = cpuSecondsFromTimes(ingestErr);
    const summaryLine = ingestOut
      .trim()
      .split("\n")
      .reverse()
      .find((l) => l.startsWith("{"));
    const summary = JSON.parse(summaryLine ?? "null") as {
      counts: { new: number; failed: number };
      reports: { status: string; reason?: string }[];
    } | null;
    if (!summary) throw new Error(`npm run ingest printed no summary:\n${ingestOut.slice(-3000)}`);
    if (summary.counts.failed > 0)
      throw new Error(
        `ingest failed for ${summary.counts.failed} feeds: ${summary.reports.find((r) => r.reason)?.reason}`,
      );
    const stored = summary.counts.new;
    if (ingestCpu !== null)
      notes.push(
        `The ingest's process tree used ${ingestCpu.toFixed(1)} s of CPU (user + system${db === "postgres" ? ", the PostgreSQL server's own work not included" : ""}): ${Math.round(stored / ingestCpu).toLocaleString("en-US")} articles per CPU second, against ${ingestSeconds.toFixed(1)} s of wall time.`,
      );
    const corpusBytes = feeds.bytes;
    await feeds.close();
    cleanups.pop();

    // Size on disk after the ingest. PostgreSQL: VACUUM (ANALYZE) first, as autovacuum would do on a real
    // server (statistics for the planner, GIN pending lists merged); the bare load gets the same.
    let appBytes: number;
    if (db === "sqlite") appBytes = sqliteBytes(appUrl.slice("file:".length));
    else
      appBytes = await withPostgres(appUrl, async (c) => {
        await c.query("VACUUM (ANALYZE)");
        return postgresBytes(c);
      });

    // 4. The bare engine load of the same articles.
    progress("bare load", 0);
    const onBatch = (n: number) => progress("bare load", n / stored, `${n.toLocaleString("en-US")} articles`);
    const bare =
      db === "sqlite"
        ? bareLoadSqlite(corpus, bareTarget, onBatch)
        : await bareLoadPostgres(corpus, bareTarget, onBatch);

    // 5. The production server, as a reader runs it.
    progress("server start", 0, "npm start (builds when the sources changed)");
    const app = startProcess("npm", ["start"], {
      cwd: root,
      env: childEnv({
        DATABASE_URL: appUrl,
        PORT: String(PORTS.app),
        DISPATCH_SAMPLE_CONTENT: "0",
        LOG_LEVEL: "warn",
      }),
    });
    servers.push(app);
    const base = `http://127.0.0.1:${PORTS.app}`;
    await waitForHttp(`${base}/api/articles?pageSize=1`, app, 30 * 60_000);
    const memory = memorySampler(nextServerPid(app));

    // 6. The search mix through the HTTP API, each request then straight on the engine.
    const feedUrl = `http://127.0.0.1:${PORTS.feeds}/feeds/${SOURCE_PICK}.xml`;
    let appSourceId: number;
    if (db === "sqlite") {
      const handle = new Database(appUrl.slice("file:".length), { readonly: true });
      appSourceId = (
        handle.prepare(`SELECT "id" FROM "Source" WHERE "feedUrl" = ?`).get(feedUrl) as { id: number }
      ).id;
      handle.close();
    } else {
      appSourceId = await withPostgres(appUrl, async (c) => {
        const r = await c.query<{ id: number }>(`SELECT "id" FROM "Source" WHERE "feedUrl" = $1`, [feedUrl]);
        return r.rows[0]?.id ?? 0;
      });
    }
    if (!appSourceId) throw new Error(`no source for ${feedUrl}`);
    const cases = searchCases(appSourceId);
    const engine =
      db === "sqlite"
        ? sqliteSearcher(bareTarget, SOURCE_PICK + 1)
        : await postgresSearcher(bareTarget, SOURCE_PICK + 1);
    const engineVersion =
      db === "sqlite"
        ? `SQLite ${await engine.version()} (better-sqlite3)`
        : `PostgreSQL ${await engine.version()}`;
    const search: SearchResultRow[] = [];
    for (const [i, c] of cases.entries()) {
      progress("search", i / cases.length, c.label);
      const url = `${base}/api/${c.endpoint ?? "articles"}?${c.search}`;
      const probe = await fetchText(url).catch((error: unknown) => {
        // Say why: a server that died or stopped answering leaves its last words in its output.
        const state = app.child.exitCode === null ? "still running" : `exited with ${app.child.exitCode}`;
        throw new Error(
          `${url}: ${String(error)} (cause: ${String((error as { cause?: unknown }).cause)}); server ${state}:\n${app.output().slice(-4000)}`,
        );
      });
      if (probe.status !== 200) throw new Error(`${url}: HTTP ${probe.status} ${probe.text.slice(0, 300)}`);
      const body = JSON.parse(probe.text) as { total: number; totalApproximate?: boolean };
      const api = await sample(async () => {
        const r = await fetchText(url);
        if (r.status !== 200) throw new Error(`${url}: HTTP ${r.status}`);
      }, SEARCH);
      const engineCase: SearchCase = c;
      const engineTiming = c.engine ? await sample(() => engine.run(engineCase), SEARCH) : null;
      search.push({
        label: c.label,
        type: c.type,
        filter: c.filter,
        page: c.page,
        matches: `${body.totalApproximate ? "≈" : ""}${body.total.toLocaleString("en-US")}`,
        api,
        engine: engineTiming,
      });
    }
    await engine.close();

    // 7. Page throughput.
    const articleJson = JSON.parse((await fetchText(`${base}/api/articles?q=ceasefire&pageSize=1`)).text) as {
      items: { path: string }[];
    };
    const articlePath = articleJson.items[0]?.path;
    if (!articlePath) throw new Error("no article to load");
    const pageList: [string, string][] = [
      ["front page", "/"],
      ["filtered list", "/?region=europe"],
      ["search page", "/?q=ceasefire&region=europe"],
      ["article page", articlePath],
    ];
    let loadsDone = 0;
    const pages: PageResult[] = [];
    for (const [name, pagePath] of pageList)
      pages.push(
        await measurePage(base, name, pagePath, "pages", () =>
          progress("pages", ++loadsDone / (pageList.length * (CONCURRENCY.length + 1))),
        ),
      );
    const serverPeakRssBytes = memory.stop();
    await app.stop();
    servers.pop();
    if (db === "sqlite") {
      const after = sqliteBytes(appUrl.slice("file:".length));
      if (after !== appBytes)
        notes.push(
          `SQLite file after the server stopped: ${(after / 1e6).toFixed(1)} MB (after ingest: ${(appBytes / 1e6).toFixed(1)} MB).`,
        );
    }

    // 8. The ceiling page, alone on the machine.
    // Served the way `npm start` serves Dispatch: scripts/serve.mjs, the same number of processes.
    progress("ceiling pages", 0, "the trivial app, served like Dispatch");
    const ceiling = startProcess(process.execPath, [path.join(root, "scripts", "serve.mjs")], {
      cwd: ceilingDir,
      env: childEnv({ PORT: String(PORTS.ceiling) }),
    });
    servers.push(ceiling);
    const ceilingBase = `http://127.0.0.1:${PORTS.ceiling}`;
    await waitForHttp(`${ceilingBase}/`, ceiling, 120_000);
    const ceilingMemory = memorySampler(ceiling.child.pid ?? 0);
    let ceilingDone = 0;
    const ceilingPage = await measurePage(ceilingBase, "trivial Next.js page", "/", "ceiling pages", () =>
      progress("ceiling pages", ++ceilingDone / (CONCURRENCY.length + 1)),
    );
    const ceilingPeakRssBytes = ceilingMemory.stop();
    await stopAll();
    progress("ceiling pages", 1, "writing results");
    bar?.stop();

    const loadAfter = os.loadavg()[0] ?? 0;
    const cpus = os.cpus();
    const sharedCpu = args["shared-cpu"] || loadBefore >= 1;
    let repeats = 0;
    let wireCopies = 0;
    for (let source = 0; source < SOURCE_COUNT; source++)
      for (let position = 0; position < corpus.perFeed; position++) {
        const kind = itemKind(corpus, source, position);
        if (kind.repeat) repeats++;
        if (kind.wireCopy) wireCopies++;
      }
    const argv = process.argv.slice(2);
    const result: BenchResult = {
      version: 1,
      startedAt: startedAt.toISOString(),
      durationSeconds: Math.round((Date.now() - startedAt.getTime()) / 1000),
      db,
      size: corpus.size,
      quick: QUICK,
      command: `npm run bench${argv.length ? ` -- ${argv.join(" ")}` : ""}`,
      commit,
      dirty,
      machine: {
        cpu: cpus[0]?.model.trim() ?? "unknown CPU",
        cores: cpus.length,
        memoryGb: Math.round(os.totalmem() / 2 ** 30),
        node: process.version,
        os: `${os.platform()} ${os.release()}`,
        engine: engineVersion,
        loadAverage: { before: loadBefore, after: loadAfter },
      },
      sharedCpu,
      notes,
      corpus: { items: corpus.size, sources: SOURCE_COUNT, repeats, wireCopies, feedBytes: corpusBytes },
      ingest: {
        articles: stored,
        seconds: ingestSeconds,
        perSecond: stored / ingestSeconds,
        command: `DISPATCH_ALLOW_PRIVATE_NETWORK=1 npm run ingest -- --json <${SOURCE_COUNT} feed URLs on 127.0.0.1>`,
      },
      bareLoad: {
        articles: bare.articles,
        seconds: bare.seconds,
        perSecond: bare.articles / bare.seconds,
        what:
          db === "sqlite"
            ? "SQLite (WAL) table + FTS5 external-content index (porter unicode61) + country and region tables, 1,000 rows per transaction, FTS5 optimize and ANALYZE at the end; tagging and text generation not timed"
            : "PostgreSQL table with a stored weighted tsvector + GIN (built as rows arrive) + country and region tables, 500 rows per INSERT … unnest; VACUUM (ANALYZE) afterwards, not timed; tagging and text generation not timed",
      },
      storage: {
        articles: stored,
        appBytes,
        bareBytes: bare.bytes,
        how:
          db === "sqlite"
            ? "SQLite file plus its -wal after the ingest, against the bare load's file after a WAL checkpoint"
            : "sum of pg_total_relation_size over the public tables (catalog excluded) after VACUUM (ANALYZE), app against bare load",
      },
      search,
      pages,
      ceilingPage: { ...ceilingPage, what: CEILING_WHAT },
      memory: { serverPeakRssBytes, ceilingPeakRssBytes },
    };

    const resultsDir = path.join(root, "bench", "results");
    mkdirSync(resultsDir, { recursive: true });
    const file = path.join(resultsDir, `${result.startedAt.slice(0, 10)}-${db}.json`);
    await writeFormatted(file, JSON.stringify(result, null, 2));
    const all = readdirSync(resultsDir)
      .filter((f) => f.endsWith(".json"))
      .map((f) => JSON.parse(readFileSync(path.join(resultsDir, f), "utf8")) as BenchResult);
    await writeFormatted(path.join(root, "BENCHMARKS.md"), renderBenchmarks(all));
    for (const row of summaryRows(result))
      console.log(
        `${row.status === "missed" ? "MISSED" : row.status === "met" ? "met   " : "      "} ${row.figure}: ${row.value} | ceiling ${row.ceiling} | ${row.ratio}`,
      );
    console.log(`Wrote ${path.relative(root, file)} and BENCHMARKS.md (${result.durationSeconds} s).`);
    if (existsSync(ceilingDir)) rmSync(ceilingDir, { recursive: true, force: true });
  } finally {
    await cleanUp();
    if (args.keep) console.log(`Kept ${tmp}${db === "postgres" ? `, ${appDbName} and ${bareDbName}` : ""}`);
  }
}

main().catch((error: unknown) => {
  console.error(`bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exit(1);
});
