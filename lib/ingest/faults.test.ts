import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createServer, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sqlitePath } from "@/lib/db";
import {
  createTestDatabase,
  describeEachProvider,
  useTestDatabase,
  type TestDatabase,
} from "@/lib/testing/databases";
import { pollSources } from "./poll";
import { runIngest } from "./run";
import { addSource } from "./sources";

// Faults while ingesting: a poller killed mid-feed, feeds that answer slowly, endlessly or with a
// gigabyte, and a disk that fills up while an import writes.

const root = fileURLToPath(new URL("../../", import.meta.url));
const dir = mkdtempSync(path.join(tmpdir(), "dispatch-faults-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const escapeXml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const PARAGRAPH =
  "Port authorities in Rotterdam and Antwerp reported longer queues as dock workers in Hamburg began a strike over pay. ";

/** An RSS feed of `count` items named `<prefix>-<i>`, each with a body of about `bodyBytes`. */
function bigFeed(prefix: string, count: number, bodyBytes = 1_500): string {
  const body = `<p>${escapeXml(PARAGRAPH.repeat(Math.ceil(bodyBytes / PARAGRAPH.length)))}</p>`;
  const start = Date.UTC(2020, 0, 1);
  const items = Array.from(
    { length: count },
    (_, i) =>
      `<item><guid isPermaLink="false">${prefix}-${i}</guid><title>Harbour report ${prefix} ${i}</title>` +
      `<link>https://faults.example/${prefix}/${i}</link><pubDate>${new Date(start + i * 60_000).toUTCString()}</pubDate>` +
      `<description><![CDATA[${body}]]></description></item>`,
  ).join("\n");
  return `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Faults ${prefix}</title><link>https://faults.example/</link>${items}</channel></rss>`;
}

type Route = (res: ServerResponse) => void;
const routes = new Map<string, Route>();
let server: Server;
let base: string;
/** Bytes each route has sent, to show that the fetcher stopped reading. */
const sent = new Map<string, number>();

beforeAll(async () => {
  server = createServer((req, res) => {
    const route = routes.get(req.url ?? "");
    if (!route) {
      res.writeHead(404);
      res.end();
      return;
    }
    route(res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  return new Promise<void>((resolve) => server.close(() => resolve()));
});

function serve(url: string, body: string): void {
  routes.set(url, (res) => {
    res.writeHead(200, { "content-type": "application/rss+xml; charset=utf-8" });
    res.end(body);
  });
}

/** Whether a write transaction is open: SQLite's write-ahead log has frames, or a PostgreSQL session is in one. */
async function writing(database: TestDatabase): Promise<boolean> {
  if (database.provider === "sqlite") {
    const wal = `${sqlitePath(database.url)}-wal`;
    return existsSync(wal) && statSync(wal).size > 0;
  }
  const name = new URL(database.url).pathname.slice(1);
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: string }>(
      `SELECT count(*) AS n FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid() AND xact_start IS NOT NULL AND query ILIKE '%Article%'`,
      [name],
    );
    return Number(rows[0]?.n ?? 0) > 0;
  } finally {
    await client.end();
  }
}

await describeEachProvider("a poller killed with SIGKILL mid-feed", ({ provider }) => {
  const ITEMS = 4_000;
  let database: TestDatabase;
  let sourceId: number;

  beforeAll(async () => {
    database = await createTestDatabase(provider);
    serve(`/killed-${provider}.xml`, bigFeed(`killed-${provider}`, ITEMS));
    sourceId = (await addSource(database.db, { feedUrl: `${base}/killed-${provider}.xml`, pollInterval: 60 }))
      .id;
    // The child must be the only writer, and SQLite's log must start empty to show its first write.
    await database.db.$disconnect();
  });
  afterAll(() => database.drop());

  it("leaves a consistent database, and a rerun stores every item once", { timeout: 180_000 }, async () => {
    const child = spawn(
      path.join(root, "node_modules/.bin/tsx"),
      ["--conditions=react-server", "scripts/poll.ts", "--once", "--json"],
      {
        cwd: root,
        env: { ...process.env, DATABASE_URL: database.url, DISPATCH_ALLOW_PRIVATE_NETWORK: "1" },
        stdio: "ignore",
      },
    );
    const exited = new Promise<NodeJS.Signals | number | null>((resolve) =>
      child.on("exit", (code, signal) => resolve(signal ?? code)),
    );
    let running = true;
    void exited.then(() => (running = false));
    const deadline = Date.now() + 90_000;
    let caught = false;
    while (running && Date.now() < deadline) {
      if (await writing(database)) {
        caught = true;
        break;
      }
      await new Promise((r) => setTimeout(r, 5));
    }
    if (running) child.kill("SIGKILL");
    expect(await exited).toBe("SIGKILL");
    expect(caught, "the kill landed inside the write transaction").toBe(true);

    const db = database.db;
    if (provider === "sqlite") {
      expect(await db.$queryRawUnsafe("PRAGMA integrity_check")).toEqual([{ integrity_check: "ok" }]);
      expect(await db.$queryRawUnsafe("PRAGMA foreign_key_check")).toEqual([]);
    }
    // All or nothing: the feed is stored in one transaction.
    expect([0, ITEMS]).toContain(await db.article.count({ where: { sourceId } }));
    expect(await db.article.count({ where: { regions: { none: {} } } })).toBe(0);

    // The killed poller's lease runs out; a poller that comes later finishes the job.
    const later = new Date(Date.now() + 11 * 60_000);
    const summary = await pollSources(db, { once: true, allowPrivateNetwork: true, now: () => later });
    expect(summary.errors).toBe(0);
    expect(summary.failed).toBe(0);
    expect(await db.article.count({ where: { sourceId } })).toBe(ITEMS);
    const distinct = await db.article.groupBy({ by: ["dedupKey"], where: { sourceId } });
    expect(distinct).toHaveLength(ITEMS);
    const source = await db.source.findUniqueOrThrow({ where: { id: sourceId } });
    expect(source.failureCount).toBe(0);
  });
});

describe("feeds that answer slowly, endlessly or with a gigabyte", () => {
  const t = useTestDatabase("sqlite");

  beforeAll(() => {
    // Headers at once, then a byte every 200 ms for ever.
    routes.set("/trickle.xml", (res) => {
      res.writeHead(200, { "content-type": "application/rss+xml" });
      res.write('<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>');
      const timer = setInterval(() => res.write(" "), 200);
      res.on("close", () => clearInterval(timer));
    });
    // Accepts the request and never answers.
    routes.set("/silent.xml", () => undefined);
    // An endless stream as fast as the socket takes it.
    routes.set("/endless.xml", (res) => {
      res.writeHead(200, { "content-type": "application/rss+xml" });
      res.write('<?xml version="1.0"?><rss version="2.0"><channel><title>e</title>');
      const chunk = `<item><title>${"x".repeat(8_000)}</title></item>`;
      let total = 0;
      const pump = () => {
        while (!res.destroyed && res.write(chunk)) total += chunk.length;
        sent.set("/endless.xml", total);
        if (!res.destroyed) res.once("drain", pump);
      };
      pump();
    });
    // A declared gigabyte.
    routes.set("/gigabyte.xml", (res) => {
      res.writeHead(200, { "content-type": "application/rss+xml", "content-length": String(1024 ** 3) });
      res.write("<rss>");
    });
    serve("/good.xml", bigFeed("good", 3, 200));
  });

  it(
    "time and size limits hold, each failure is recorded, and the poller moves on",
    { timeout: 60_000 },
    async () => {
      const names = ["trickle", "silent", "endless", "gigabyte", "good"];
      for (const name of names)
        await addSource(t.db, { feedUrl: `${base}/${name}.xml`, name, pollInterval: 60 });
      const started = Date.now();
      // One feed at a time, the good one last: it is reached only if every bad one let go.
      const summary = await pollSources(t.db, {
        once: true,
        allowPrivateNetwork: true,
        timeoutMs: 2_000,
        concurrency: 1,
      });
      const elapsed = Date.now() - started;
      expect(summary.failed).toBe(4);
      expect(summary.fetched).toBe(1);
      expect(elapsed).toBeLessThan(15_000);
      const sources = await t.db.source.findMany({ orderBy: { id: "asc" } });
      const error = (name: string) => sources.find((s) => s.name === name)?.lastError ?? "";
      expect(error("trickle")).toMatch(/timed out/);
      expect(error("silent")).toMatch(/timed out/);
      expect(error("endless")).toMatch(/larger than \d+ bytes/);
      expect(error("gigabyte")).toMatch(/larger than \d+ bytes/);
      expect(sent.get("/endless.xml") ?? 0).toBeLessThan(64 * 1024 * 1024);
      expect(await t.db.article.count({ where: { source: { name: "good" } } })).toBe(3);
      for (const s of sources.filter((s) => s.name !== "good")) expect(s.failureCount).toBe(1);
    },
  );
});

describe("a disk that fills up during an import (SQLite max_page_count)", () => {
  const t = useTestDatabase("sqlite");

  it(
    "fails cleanly, leaves nothing half-written, and a rerun with room completes",
    { timeout: 60_000 },
    async () => {
      const file = path.join(dir, "full.xml");
      writeFileSync(file, bigFeed("full", 300, 2_000));
      const before = await t.db.article.count();
      const [{ page_count: pages } = { page_count: 0n }] =
        await t.db.$queryRawUnsafe<{ page_count: bigint }[]>("PRAGMA page_count");
      // The connection may grow the file by a few pages only: a disk with almost no room left.
      await t.db.$queryRawUnsafe(`PRAGMA max_page_count = ${Number(pages) + 8}`);

      let failure = "";
      try {
        const summary = await runIngest(t.db, [file]);
        failure = summary.reports.map((r) => (r.status === "rejected" ? r.reason : "")).join(" ");
        expect(summary.counts.new).toBe(0);
      } catch (error) {
        failure = error instanceof Error ? error.message : String(error);
      }
      expect(failure).toMatch(/full/i);

      expect(await t.db.$queryRawUnsafe("PRAGMA integrity_check")).toEqual([{ integrity_check: "ok" }]);
      expect(await t.db.article.count()).toBe(before);
      expect(await t.db.articleRegion.count()).toBe(0);
      // The full-text index agrees with the (unchanged) articles.
      await t.db.$executeRawUnsafe(
        `INSERT INTO "ArticleSearch" ("ArticleSearch") VALUES ('integrity-check')`,
      );

      await t.db.$queryRawUnsafe("PRAGMA max_page_count = 1073741823");
      const summary = await runIngest(t.db, [file]);
      expect(summary.counts.new).toBe(300);
      expect(await t.db.article.count()).toBe(before + 300);
      await t.db.$executeRawUnsafe(
        `INSERT INTO "ArticleSearch" ("ArticleSearch") VALUES ('integrity-check')`,
      );
    },
  );
});
