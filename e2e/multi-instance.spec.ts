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
