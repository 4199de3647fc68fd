/**
 * `npm run test:load [-- --provider sqlite|postgresql] [--duration 60] [--connections 64] [--port 3190]`
 * A mixed read workload (front page, searches with filters, article pages, JSON API, Atom feeds) with
 * autocannon against the production server, while a poller ingests new articles into the same database
 * from a local feed server that produces new items on every request. Passes with zero errors, zero
 * timeouts, zero non-2xx answers and no "database is locked" anywhere; prints throughput and p50/p99.
 * The database is a throwaway one (a temporary SQLite file, or a new database on TEST_POSTGRES_URL).
 */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import pg from "pg";
import { createDb } from "@/lib/db";
import { runIngest } from "@/lib/ingest/run";
import { addSource } from "@/lib/ingest/sources";
import { seededRandom, syntheticArticle } from "@/lib/regions/synthetic-news";

/**
 * Who ingests during the run. "in-process": the scheduler inside `npm start` (DISPATCH_POLL=on), as a
 * default installation runs. "separate": a `npm run poll` worker beside a server with DISPATCH_POLL=off.
 */
const POLLER = "in-process" as "separate" | "in-process";

const FEEDS = 40;
const ITEMS_PER_RESPONSE = 25;
/** Each feed answers this slowly, so that the poller's rounds spread its writes over the whole run. */
const FEED_DELAY_MS = 4_000;
const LOCKED = /database is locked|SQLITE_BUSY/i;

const say = (line: string) => console.log(`[load] ${line}`);
const root = process.cwd();

const { values: args } = parseArgs({
  options: {
    provider: { type: "string", default: "sqlite" },
    duration: { type: "string", default: "60" },
    connections: { type: "string", default: "64" },
    port: { type: "string", default: process.env.LOAD_PORT ?? "3190" },
  },
});
const provider = args.provider === "postgresql" ? "postgresql" : "sqlite";
const duration = Number(args.duration);
const connections = Number(args.connections);
const port = Number(args.port);

const escapeXml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

function rss(title: string, items: { guid: string; title: string; body: string; date: Date }[]): string {
  const entries = items
    .map(
      (i) =>
        `<item><guid isPermaLink="false">${i.guid}</guid><title>${escapeXml(i.title)}</title>` +
        `<link>https://load.example/${i.guid}</link><pubDate>${i.date.toUTCString()}</pubDate>` +
        `<description>${escapeXml(
          i.body
            .split("\n\n")
            .map((p) => `<p>${escapeXml(p)}</p>`)
            .join(""),
        )}</description></item>`,
    )
    .join("\n");
  return `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>${escapeXml(title)}</title><link>https://load.example/</link>${entries}</channel></rss>`;
}

/** The throwaway database: its URL and how to remove it. */
async function createDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  if (provider === "sqlite") {
    const dir = mkdtempSync(path.join(tmpdir(), "dispatch-load-"));
    return {
      url: `file:${path.join(dir, "load.db")}`,
      drop: () => Promise.resolve(rmSync(dir, { recursive: true, force: true })),
    };
  }
  const admin = process.env.TEST_POSTGRES_URL || "postgresql://postgres@127.0.0.1:5432/postgres";
  const name = `dispatch_load_${randomBytes(4).toString("hex")}`;
  const query = async (sql: string) => {
    const client = new pg.Client({ connectionString: admin, connectionTimeoutMillis: 5_000 });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await query(`CREATE DATABASE ${name}`);
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

/** Starts a child in its own process group, collecting its output. */
function start(command: string, argv: string[], env: NodeJS.ProcessEnv) {
  const child = spawn(command, argv, { cwd: root, env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout?.on("data", (c: Buffer) => (output += c.toString()));
  child.stderr?.on("data", (c: Buffer) => (output += c.toString()));
  const exited = new Promise<void>((resolve) => child.on("exit", () => resolve()));
  return { child, exited, output: () => output };
}

async function stop(child: ChildProcess, exited: Promise<void>): Promise<void> {
  if (child.exitCode === null && child.pid !== undefined) {
    try {
      process.kill(-child.pid, "SIGTERM");
    } catch {
      // Already gone.
    }
  }
  await Promise.race([exited, new Promise((r) => setTimeout(r, 15_000))]);
  if (child.exitCode === null && child.pid !== undefined) process.kill(-child.pid, "SIGKILL");
}

async function getJson<T>(url: string): Promise<T> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return (await response.json()) as T;
}

async function main(): Promise<number> {
  const database = await createDatabase();
  const rand = seededRandom(20261129);
  let served = 0;
  const feedServer = createServer((req, res) => {
    const feed = /\/feed-(\d+)\.xml/.exec(req.url ?? "")?.[1] ?? "0";
    setTimeout(() => {
      const now = Date.now();
      const items = Array.from({ length: ITEMS_PER_RESPONSE }, () => {
        const article = syntheticArticle(rand, 250);
        const n = served++;
        return {
          guid: `load-${feed}-${n}`,
          title: article.title,
          body: article.body,
          date: new Date(now - n * 1000),
        };
      });
      res.writeHead(200, { "content-type": "application/rss+xml; charset=utf-8" });
      res.end(rss(`Load feed ${feed}`, items));
    }, FEED_DELAY_MS);
  });
  await new Promise<void>((resolve) => feedServer.listen(0, "127.0.0.1", resolve));
  const feedBase = `http://127.0.0.1:${(feedServer.address() as AddressInfo).port}`;
  const env = {
    ...process.env,
    DATABASE_URL: database.url,
    PORT: String(port),
    LOG_LEVEL: "warn",
    DISPATCH_ALLOW_PRIVATE_NETWORK: "1",
    NODE_OPTIONS: "",
  };
  const processes: { child: ChildProcess; exited: Promise<void>; output: () => string }[] = [];
  try {
    say(`${provider}: preparing the database (migrations, 2,000 articles, ${FEEDS} feeds)…`);
    execFileSync(path.join(root, "node_modules/.bin/prisma"), ["migrate", "deploy"], {
      env,
      stdio: "ignore",
    });
    const setupDb = createDb(database.url);
    const dir = mkdtempSync(path.join(tmpdir(), "dispatch-load-feed-"));
    const file = path.join(dir, "initial.xml");
    const start0 = Date.UTC(2023, 0, 1);
    writeFileSync(
      file,
      rss(
        "Initial Wire",
        Array.from({ length: 2_000 }, (_, i) => ({
          guid: `initial-${i}`,
          ...syntheticArticle(rand, 300),
          date: new Date(start0 + i * 3_600_000),
        })),
      ),
    );
    await runIngest(setupDb, [file]);
    rmSync(dir, { recursive: true, force: true });
    for (let f = 0; f < FEEDS; f++)
      await addSource(setupDb, { feedUrl: `${feedBase}/feed-${f}.xml`, name: `Load ${f}`, pollInterval: 60 });
    await setupDb.$disconnect();

    say(`${provider}: starting the production server on port ${port}…`);
    const app = start("npm", ["start"], {
      ...env,
      DISPATCH_POLL: POLLER === "in-process" ? "on" : "off",
    });
    processes.push(app);
    const base = `http://127.0.0.1:${port}`;
    const deadline = Date.now() + 600_000;
    for (;;) {
      const ok = await fetch(`${base}/api/articles?pageSize=1`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) break;
      if (app.child.exitCode !== null || Date.now() > deadline)
        throw new Error(`the server did not start:\n${app.output()}`);
      await new Promise((r) => setTimeout(r, 500));
    }
    const poller =
      POLLER === "separate" ? start("npm", ["run", "--silent", "poll", "--", "--json"], env) : null;
    if (poller) processes.push(poller);

    const list = await getJson<{ items: { id: number; path: string }[] }>(
      `${base}/api/articles?pageSize=100&sort=newest`,
    );
    const articles = list.items.slice(0, 40);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(Math.random() * xs.length)]!;
    const workload: string[][] = [
      ["/", "/?page=2", "/?page=5", "/?region=europe", "/?range=12m", "/?country=DE,FR"],
      [
        "/?q=harbour",
        "/?q=strike%20OR%20port&region=europe",
        "/?q=%22dock%20workers%22",
        "/?q=election&from=2023-01-01&to=2023-06-30&sort=newest",
        "/?q=government%20-war&range=12m",
        "/?q=minist*&region=asia,africa",
      ],
      articles.map((a) => a.path),
      [
        "/api/articles?q=port&pageSize=50",
        "/api/articles?region=europe&page=2",
        "/api/articles?q=talks&country=US",
        ...articles.slice(0, 10).map((a) => `/api/articles/${a.id}`),
      ],
      ["/feed.xml", "/feed.xml?q=harbour&region=europe", "/feed.xml?range=7d"],
    ];
    const before = (await getJson<{ total: number }>(`${base}/api/articles?pageSize=1`)).total;

    say(`${provider}: ${duration} s at ${connections} connections (${POLLER} poller ingesting)…`);
    const result = await autocannon({
      url: base,
      connections,
      duration,
      // Generous: on a busy machine a request may queue behind 63 others; slowness shows in p99, not as errors.
      timeout: 120,
      requests: [{ method: "GET", setupRequest: (request) => ({ ...request, path: pick(pick(workload)) }) }],
    });

    const after = (await getJson<{ total: number }>(`${base}/api/articles?pageSize=1`)).total;
    for (const p of [...processes].reverse()) await stop(p.child, p.exited);
    const logs = processes.map((p) => p.output()).join("\n");
    const locked = logs.split("\n").filter((line) => LOCKED.test(line));
    const pollSummary = poller ? /\{[^\n]*"polls"[^\n]*\}/.exec(poller.output())?.[0] : undefined;
    const polled = pollSummary
      ? (JSON.parse(pollSummary) as { polls: number; errors: number; failed: number })
      : null;

    const fivexx = result["5xx"];
    const statuses = Object.entries(result.statusCodeStats ?? {})
      .map(([code, { count }]) => `${count} × ${code}`)
      .join(", ");
    say(
      `${provider}: ${result.requests.total.toLocaleString("en")} requests in ${duration} s: ` +
        `${result.requests.average.toFixed(1)} req/s, latency p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, ` +
        `max ${result.latency.max} ms`,
    );
    say(
      `${provider}: ${result.errors} errors, ${result.timeouts} timeouts, ${result.non2xx} non-2xx (${fivexx} 5xx); statuses ${statuses}; ` +
        `${(after - before).toLocaleString("en")} articles ingested during the run` +
        (polled
          ? ` (${polled.polls} polls, ${polled.failed} failed, ${polled.errors} database errors)`
          : "") +
        `; "database is locked" ${locked.length} times`,
    );
    const problems: string[] = [];
    if (result.errors > 0) problems.push(`${result.errors} connection errors`);
    if (result.timeouts > 0) problems.push(`${result.timeouts} timeouts`);
    if (result.non2xx > 0) problems.push(`${result.non2xx} non-2xx answers`);
    if (locked.length > 0) problems.push(`database is locked: ${locked[0]}`);
    if (after <= before) problems.push("nothing was ingested during the run");
    if (polled && polled.errors > 0) problems.push(`${polled.errors} poller database errors`);
    if (problems.length > 0) {
      say(`${provider}: FAIL: ${problems.join("; ")}`);
      if (process.env.LOAD_VERBOSE) console.log(logs);
      return 1;
    }
    say(`${provider}: PASS`);
    return 0;
  } finally {
    for (const p of processes) await stop(p.child, p.exited);
    await new Promise<void>((resolve) => feedServer.close(() => resolve()));
    feedServer.closeAllConnections();
    await database.drop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    say(`${provider}: FAIL: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
