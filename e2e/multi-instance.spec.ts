import { execFile, spawn, type ChildProcess } from "node:child_process";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { promisify } from "node:util";
import { expect, test } from "@playwright/test";

// Several stateless app instances and several pollers against one database (SQLite or PostgreSQL,
// whichever E2E_DATABASE_URL names): no article is stored twice and no update is lost.

const run = promisify(execFile);
const W = `tallowmere${Date.now().toString(36)}`;
const FEEDS = 4;
const ITEMS = 25;
const SECOND_PORT = Number(process.env.E2E_PORT ?? 3107) + 1;

/** Per feed: a version (the ETag) and the titles it serves; per feed, how many full (200) responses went out. */
const state = Array.from({ length: FEEDS }, (_, f) => ({
  version: 1,
  titles: Array.from({ length: ITEMS }, (_, i) => `Port report ${f}-${i} (${W})`),
  full: 0,
}));
// Long ago, so these articles stay off the front page the other specs look at.
const published = Date.UTC(2001, 0, 1);

function rss(f: number): string {
  const feed = state[f]!;
  const items = feed.titles
    .map(
      (title, i) =>
        `<item><guid isPermaLink="false">${W}-${f}-${i}</guid><title>${title}</title><link>https://multi.example/${W}/${f}/${i}</link>` +
        `<pubDate>${new Date(published - (f * ITEMS + i) * 60_000).toUTCString()}</pubDate><description>Harbour notes ${W}, feed ${f}, item ${i}.</description></item>`,
    )
    .join("\n");
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>Multi Feed ${f}</title><link>https://multi.example/</link>${items}</channel></rss>`;
}

let server: Server;
let base: string;
let second: ChildProcess | undefined;

function env(): NodeJS.ProcessEnv {
  return {
    ...process.env,
    DATABASE_URL: process.env.E2E_DATABASE_URL,
    DISPATCH_ALLOW_PRIVATE_NETWORK: "1",
    LOG_LEVEL: "warn",
  };
}

test.beforeAll(async () => {
  server = createServer((req, res) => {
    const f = Number(/\/feed-(\d+)\.xml$/.exec(req.url ?? "")?.[1] ?? -1);
    const feed = state[f];
    if (!feed) {
      res.writeHead(404);
      res.end();
      return;
    }
    const etag = `"${W}-${f}-v${feed.version}"`;
    if (req.headers["if-none-match"] === etag) {
      res.writeHead(304, { etag });
      res.end();
      return;
    }
    feed.full++;
    res.writeHead(200, { "content-type": "application/rss+xml", etag });
    res.end(rss(f));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  // A second app instance on the same database and the same production build.
  second = spawn("node_modules/.bin/next", ["start", "-p", String(SECOND_PORT)], {
    env: env(),
    stdio: "ignore",
  });
  await expect
    .poll(
      async () =>
        (await fetch(`http://127.0.0.1:${SECOND_PORT}/api/articles?pageSize=1`).catch(() => null))?.status ??
        0,
      {
        timeout: 30_000,
      },
    )
    .toBe(200);
});

test.afterAll(async () => {
  second?.kill("SIGTERM");
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

/** Runs two pollers at the same time; returns their JSON summaries (for failure messages). */
async function pollTwiceAtOnce(): Promise<string> {
  const poll = () =>
    run("npm", ["run", "--silent", "poll", "--", "--once", "--json"], { env: env(), timeout: 90_000 });
  const outputs = await Promise.all([poll(), poll()]);
  return outputs.map((o) => o.stdout.trim()).join("\n");
}

async function titlesFrom(port: number): Promise<{ total: number; titles: string[] }> {
  const response = await fetch(`http://127.0.0.1:${port}/api/articles?q=${W}&sort=newest&pageSize=100`);
  expect(response.status).toBe(200);
  const body = (await response.json()) as { total: number; items: { title: string }[] };
  return { total: body.total, titles: body.items.map((i) => i.title) };
}

test("two app instances and two concurrent pollers: every item once, every update kept", async ({
  baseURL,
}) => {
  test.setTimeout(180_000);
  const firstPort = Number(new URL(baseURL ?? "http://127.0.0.1:3107").port);
  for (let f = 0; f < FEEDS; f++) {
    await run(
      "npm",
      ["run", "--silent", "sources", "--", "add", `${base}/feed-${f}.xml`, "--name", `Multi Feed ${f}`],
      { env: env() },
    );
  }

  await pollTwiceAtOnce();
  const expected = state.flatMap((s) => s.titles).sort();
  for (const port of [firstPort, SECOND_PORT]) {
    const { total, titles } = await titlesFrom(port);
    expect(total).toBe(FEEDS * ITEMS);
    expect(titles.sort()).toEqual(expected);
  }
  // The lease lets one poller at a time fetch a feed; the other finds it taken or, later, unchanged (304).
  expect(state.map((s) => s.full)).toEqual(Array(FEEDS).fill(1));

  // Every feed changes some items; both pollers run again at once; no edit may be lost.
  for (const [f, feed] of state.entries()) {
    feed.version++;
    for (let i = 0; i < ITEMS; i += 5) feed.titles[i] = `Port report ${f}-${i} revised (${W})`;
  }
  const summaries = await pollTwiceAtOnce();
  const revised = state.flatMap((s) => s.titles).sort();
  for (const port of [firstPort, SECOND_PORT]) {
    const { total, titles } = await titlesFrom(port);
    expect(total).toBe(FEEDS * ITEMS);
    expect(titles.sort(), summaries).toEqual(revised);
  }
});

/** Runs one statement against the end-to-end database (SQLite or PostgreSQL), with `$1`-style parameters. */
async function sql(statement: string, params: (string | number)[] = []): Promise<unknown[]> {
  const url = process.env.E2E_DATABASE_URL ?? "";
  if (url.startsWith("file:")) {
    const { default: Database } = await import("better-sqlite3");
    const db = new Database(url.slice("file:".length));
    try {
      const prepared = db.prepare(statement.replace(/\$\d+/g, "?"));
      return prepared.reader ? prepared.all(...params) : (prepared.run(...params), []);
    } finally {
      db.close();
    }
  }
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(statement, params)).rows as unknown[];
  } finally {
    await client.end();
  }
}

test("two instances with the in-process scheduler: the feed is fetched once per interval, and SIGTERM stops cleanly", async () => {
  test.setTimeout(180_000);
  const hits: number[] = [];
  let version = 1;
  const feedServer = createServer((req, res) => {
    hits.push(Date.now());
    const etag = `"sched-${W}-${version}"`;
    if (req.headers["if-none-match"] === etag) {
      res.writeHead(304, { etag }).end();
      return;
    }
    res.writeHead(200, { "content-type": "application/rss+xml", etag });
    res.end(
      `<?xml version="1.0"?><rss version="2.0"><channel><title>Scheduled ${W}</title><link>https://s.example/</link>` +
        `<item><guid>sched-${W}-${version}</guid><title>Tide table ${version} (${W})</title><link>https://s.example/${version}</link>` +
        `<pubDate>${new Date(published).toUTCString()}</pubDate></item></channel></rss>`,
    );
  });
  await new Promise<void>((resolve) => feedServer.listen(0, "127.0.0.1", resolve));
  const feedUrl = `http://127.0.0.1:${(feedServer.address() as AddressInfo).port}/sched.xml`;
  const INTERVAL = 6;
  await run("npm", ["run", "--silent", "sources", "--", "add", feedUrl, "--name", `Scheduled ${W}`], {
    env: env(),
  });
  // A user's shortest interval is one minute; the test shortens it in the database to keep the run short.
  await sql(`UPDATE "Source" SET "pollInterval" = $1 WHERE "feedUrl" = $2`, [INTERVAL, feedUrl]);

  // Two `npm start` instances (same build, same database), polling on, one after the other.
  const base = Number(process.env.E2E_PORT ?? 3107) + 4;
  const instances: { child: ChildProcess; log: string[]; exit: Promise<number | null> }[] = [];
  try {
    for (const port of [base, base + 1]) {
      const child = spawn("node_modules/.bin/tsx", ["--conditions=react-server", "scripts/start.ts"], {
        env: {
          ...env(),
          PORT: String(port),
          LOG_LEVEL: "info",
          DISPATCH_POLL: "on",
          DISPATCH_SAMPLE_CONTENT: "0",
        },
        stdio: ["ignore", "pipe", "pipe"],
      });
      const log: string[] = [];
      child.stdout?.on("data", (chunk: Buffer) => log.push(...String(chunk).split("\n").filter(Boolean)));
      child.stderr?.on("data", (chunk: Buffer) => log.push(...String(chunk).split("\n").filter(Boolean)));
      const exit = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
      instances.push({ child, log, exit });
      await expect
        .poll(
          async () =>
            (await fetch(`http://127.0.0.1:${port}/api/articles?pageSize=1`).catch(() => null))?.status ?? 0,
          {
            timeout: 60_000,
          },
        )
        .toBe(200);
    }
    for (const { log } of instances) expect(log.join("\n")).toContain("Polling due feeds in this process");

    // Watch five intervals from the first fetch; the feed changes once on the way.
    await expect.poll(() => hits.length, { timeout: 70_000 }).toBeGreaterThan(0);
    const start = hits[0] ?? Date.now();
    await new Promise((resolve) => setTimeout(resolve, (2 * INTERVAL + 1) * 1000));
    version = 2;
    await new Promise((resolve) => setTimeout(resolve, 3 * INTERVAL * 1000));
    const window = hits.filter((t) => t >= start && t <= start + 5 * INTERVAL * 1000);
    const gaps = window.slice(1).map((t, i) => t - (window[i] ?? 0));
    // Never two fetches within one interval, whichever instance made them; and it keeps polling.
    expect(
      Math.min(...gaps),
      `fetch times: ${window.map((t) => t - start).join(", ")} ms`,
    ).toBeGreaterThanOrEqual((INTERVAL - 1) * 1000);
    expect(window.length).toBeGreaterThanOrEqual(3);
    expect(window.length).toBeLessThanOrEqual(6);
    // Both versions were stored, each once.
    await expect
      .poll(async () => {
        const r = await fetch(
          `http://127.0.0.1:${base}/api/articles?q=${encodeURIComponent(`"Tide table" ${W}`)}&pageSize=10`,
        );
        return ((await r.json()) as { total: number }).total;
      })
      .toBe(2);
    // The server log has one line per poll: as many as the feed saw requests (busy polls are not logged at info).
    const pollLines = instances.flatMap((i) => i.log).filter((line) => line.includes('"msg":"poll: '));
    expect(pollLines.length).toBe(hits.length);
  } finally {
    // SIGTERM: the polls in progress finish, leases are released, each instance exits on its own.
    const started = Date.now();
    for (const { child } of instances) child.kill("SIGTERM");
    const codes = await Promise.all(instances.map((i) => i.exit));
    expect(Date.now() - started).toBeLessThan(20_000);
    const bad = instances.filter((_, n) => !(codes[n] === 0 || codes[n] === null || codes[n] === 143));
    expect(
      bad.map((i) => i.log.slice(-8).join("\n")),
      `exit codes ${codes.join(", ")}`,
    ).toEqual([]);
    await new Promise<void>((resolve) => feedServer.close(() => resolve()));
  }
  const leases = (await sql(`SELECT "leaseOwner" FROM "Source" WHERE "feedUrl" = $1`, [feedUrl])) as {
    leaseOwner: string | null;
  }[];
  expect(leases).toEqual([{ leaseOwner: null }]);
  await run("npm", ["run", "--silent", "sources", "--", "remove", String(await sourceId(feedUrl))], {
    env: env(),
  });
});

async function sourceId(feedUrl: string): Promise<number> {
  const rows = (await sql(`SELECT "id" FROM "Source" WHERE "feedUrl" = $1`, [feedUrl])) as { id: number }[];
  return Number(rows[0]?.id);
}
