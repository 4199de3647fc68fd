import { execFile } from "node:child_process";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { promisify } from "node:util";
import { expect, test, type Page } from "@playwright/test";

const run = promisify(execFile);

// A word no other article contains, so the assertions only see this test's articles.
const W = `ferncastle${Date.now().toString(36)}`;

interface Item {
  guid: string;
  title: string;
  body: string;
  minutesAgo: number;
}

/** The local feed: its items, an ETag that changes with them, and what the poller asked for. */
const feed = {
  version: 1,
  items: [
    {
      guid: "f1",
      title: `Harbour cranes return to Valparaiso (${W})`,
      body: `Dock workers in Valparaiso, Chile, welcomed new cranes (${W}).`,
      minutesAgo: 1,
    },
    {
      guid: "f2",
      title: `Night trains revived across Austria (${W})`,
      body: `Austria's rail operator restored sleeper services to Vienna (${W}).`,
      minutesAgo: 2,
    },
    {
      guid: "f3",
      title: `Monsoon arrives early in Kerala (${W})`,
      body: `Rain reached Kerala, India, a week ahead of forecasts (${W}).`,
      minutesAgo: 3,
    },
  ] as Item[],
  requests: 0,
  notModified: 0,
};
const published = Date.now();

function rss(): string {
  const items = feed.items
    .map(
      (i) =>
        `<item><guid isPermaLink="false">${W}-${i.guid}</guid><title>${i.title}</title><link>https://local-feed.example/${W}/${i.guid}</link>` +
        `<pubDate>${new Date(published - i.minutesAgo * 60_000).toUTCString()}</pubDate><description><![CDATA[<p>${i.body}</p>]]></description></item>`,
    )
    .join("\n");
  return `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Local Test Feed</title><link>https://local-feed.example/</link>${items}</channel></rss>`;
}

let server: Server;
let feedUrl: string;

test.beforeAll(async () => {
  server = createServer((req, res) => {
    feed.requests++;
    const etag = `"${W}-v${feed.version}"`;
    if (req.headers["if-none-match"] === etag) {
      feed.notModified++;
      res.writeHead(304, { etag });
      res.end();
      return;
    }
    res.writeHead(200, { "content-type": "application/rss+xml; charset=utf-8", etag });
    res.end(rss());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  feedUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/feed.xml`;
});

test.afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** Runs an npm script against the end-to-end database without blocking this process (it serves the feed). */
async function npmRun(script: string, args: string[]): Promise<string> {
  const databaseUrl = process.env.E2E_DATABASE_URL;
  if (!databaseUrl) throw new Error("E2E_DATABASE_URL is not set (playwright.config.ts sets it)");
  const { stdout } = await run("npm", ["run", "--silent", script, "--", ...args], {
    env: { ...process.env, DATABASE_URL: databaseUrl, DISPATCH_ALLOW_PRIVATE_NETWORK: "1" },
    timeout: 90_000,
  });
  return stdout;
}

async function poll(): Promise<{
  polls: number;
  new: number;
  updated: number;
  notModified: number;
  failed: number;
}> {
  const lines = (await npmRun("poll", ["--once", "--json"])).trim().split("\n");
  return JSON.parse(lines[lines.length - 1] ?? "{}") as Awaited<ReturnType<typeof poll>>;
}

/** The front page's cards for this test's articles: title and the article's id (from its link). */
async function ourCards(page: Page): Promise<{ title: string; id: string }[]> {
  await page.goto("/");
  const cards = page.getByTestId("article-card").filter({ hasText: W });
  const out: { title: string; id: string }[] = [];
  for (const card of await cards.all()) {
    const link = card.locator("h2 a").first();
    const href = (await link.getAttribute("href")) ?? "";
    out.push({ title: (await link.innerText()).trim(), id: /\/articles\/(\d+)/.exec(href)?.[1] ?? "" });
  }
  return out;
}

test("a subscribed feed is polled onto the front page, revalidated with a 304, and updated in place", async ({
  page,
}) => {
  test.setTimeout(180_000);

  const added = await npmRun("sources", ["add", feedUrl, "--name", "Local Test Feed", "--interval", "15m"]);
  expect(added).toContain('"Local Test Feed"');

  const first = await poll();
  expect(first).toMatchObject({ new: 3, updated: 0, failed: 0 });
  expect(feed.requests).toBe(1);
  const cards = await ourCards(page);
  expect(cards.map((c) => c.title)).toEqual(feed.items.map((i) => i.title));
  await expect(page.getByTestId("article-card").filter({ hasText: W }).first()).toContainText(
    "Local Test Feed",
  );

  // Nothing changed at the source: the conditional request is answered 304 and nothing is new.
  const second = await poll();
  expect(feed.requests).toBe(2);
  expect(feed.notModified).toBe(1);
  expect(second).toMatchObject({ new: 0, updated: 0, notModified: 1 });

  // The source edits one story: a new ETag, a new title and body for the same guid.
  const edited = feed.items[0]!;
  const oldTitle = edited.title;
  edited.title = `Harbour cranes delayed in Valparaiso (${W})`;
  edited.body = `The cranes for Valparaiso, Chile, were held at customs (${W}).`;
  feed.version = 2;
  const third = await poll();
  expect(third).toMatchObject({ new: 0, updated: 1 });
  expect(feed.notModified).toBe(1);

  const after = await ourCards(page);
  expect(after.map((c) => c.title)).toEqual(feed.items.map((i) => i.title));
  expect(after.map((c) => c.id)).toEqual(cards.map((c) => c.id));
  await expect(page.getByText(oldTitle)).toHaveCount(0);

  await page.getByRole("link", { name: edited.title }).click();
  await expect(page).toHaveURL(new RegExp(`/articles/${cards[0]?.id}-`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(edited.title);
  await expect(page.getByTestId("article-body")).toContainText("held at customs");
});
