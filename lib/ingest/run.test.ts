import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { describeEachProvider, useTestDatabase } from "@/lib/testing/databases";
import { runIngest } from "./run";
import { isUrlInput } from "./targets";

const dir = mkdtempSync(path.join(tmpdir(), "dispatch-run-test-"));
let server: Server;
let base: string;
const hits = new Map<string, number>();

const jsonFeed = (ids: string[]) =>
  JSON.stringify({
    version: "https://jsonfeed.org/version/1.1",
    title: "Json Desk",
    home_page_url: "https://json.example/",
    language: "en",
    items: ids.map((id, i) => ({
      id,
      url: `https://json.example/story/${id}?utm_campaign=feed`,
      title: `Drought deepens in Namibia (${id})`,
      content_html: `<p>Farmers near Windhoek, Namibia, sold cattle.</p><script>alert(${i})</script><p onclick="x()">Rain is not expected before March.</p>`,
      date_published: "2023-10-20T08:00:00Z",
      authors: [{ name: "Desk" }],
    })),
  });

const rssFeed = `<?xml version="1.0"?><rss version="2.0"><channel><title>Url Feed</title><link>https://url.example/</link>
<item><guid>u-1</guid><title>Port reopens in Mombasa</title><link>https://url.example/u-1</link><pubDate>Mon, 02 Oct 2023 10:00:00 GMT</pubDate><description>Ships docked in Mombasa, Kenya.</description></item>
<item><guid>u-2</guid><title>Rates held in Chile</title><link>https://url.example/u-2</link><pubDate>Mon, 02 Oct 2023 11:00:00 GMT</pubDate><description>The central bank of Chile held rates.</description></item>
</channel></rss>`;

const opml = (
  urls: string[],
) => `<?xml version="1.0"?><opml version="2.0"><head><title>Subscriptions</title></head><body>
<outline text="News">${urls.map((u, i) => `<outline type="rss" text="Feed ${i}" title="Feed ${i}" xmlUrl="${u}" htmlUrl="https://site${i}.example/"/>`).join("")}</outline>
<outline type="rss" text="Duplicate" xmlUrl="${urls[0] ?? ""}"/>
</body></opml>`;

beforeAll(async () => {
  server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    hits.set(url.pathname, (hits.get(url.pathname) ?? 0) + 1);
    if (url.pathname === "/feed.xml") {
      res.writeHead(200, { "content-type": "application/rss+xml", etag: '"u1"' });
      res.end(rssFeed);
    } else if (url.pathname === "/feed.json") {
      res.writeHead(200, { "content-type": "application/feed+json" });
      res.end(jsonFeed(["j-1", "j-2"]));
    } else if (url.pathname === "/list.opml") {
      res.writeHead(200, { "content-type": "text/x-opml" });
      res.end(opml(["https://remote-a.example/rss", "https://remote-b.example/atom"]));
    } else if (url.pathname === "/old-feed") {
      res.writeHead(308, { location: "/feed.xml" });
      res.end();
    } else {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  rmSync(dir, { recursive: true, force: true });
});

it("tells URLs from file names", () => {
  expect(isUrlInput("https://example.com/feed")).toBe(true);
  expect(isUrlInput("HTTP://example.com/feed")).toBe(true);
  expect(isUrlInput("ftp://example.com/feed")).toBe(true);
  expect(isUrlInput("feeds/world.xml")).toBe(false);
  expect(isUrlInput("/tmp/http:/x")).toBe(false);
  expect(isUrlInput("C:\\feeds\\a.xml")).toBe(false);
});

await describeEachProvider("runIngest", ({ provider }) => {
  const t = useTestDatabase(provider);
  const allow = { allowPrivateNetwork: true };

  it("imports a feed URL under a source keyed by that URL, with its validators; again, nothing new", async () => {
    const url = `${base}/feed.xml`;
    const first = await runIngest(t.db, [url], allow);
    expect(first.counts).toEqual({ new: 2, updated: 0, unchanged: 0, failed: 0, subscribed: 0 });
    expect(first.reports[0]).toMatchObject({ file: url, status: "imported", source: "Url Feed" });
    const source = await t.db.source.findUniqueOrThrow({
      where: { feedUrl: url },
      include: { _count: { select: { articles: true } } },
    });
    expect(source).toMatchObject({
      name: "Url Feed",
      siteUrl: "https://url.example/",
      etag: '"u1"',
      failureCount: 0,
    });
    expect(source.lastFetchedAt).toBeInstanceOf(Date);
    expect(source._count.articles).toBe(2);

    const second = await runIngest(t.db, [url], allow);
    expect(second.counts).toEqual({ new: 0, updated: 0, unchanged: 2, failed: 0, subscribed: 0 });
    expect(await t.db.source.count({ where: { feedUrl: url } })).toBe(1);
  });

  it("stores a permanently redirected feed under its new address", async () => {
    const summary = await runIngest(t.db, [`${base}/old-feed`], allow);
    expect(summary.reports[0]).toMatchObject({ status: "imported" });
    expect(await t.db.source.count({ where: { feedUrl: `${base}/old-feed` } })).toBe(0);
    expect(await t.db.source.count({ where: { feedUrl: `${base}/feed.xml` } })).toBe(1);
  });

  it("refuses loopback URLs with the SSRF guard on, and other schemes, without stopping the run", async () => {
    const before = hits.get("/feed.xml") ?? 0;
    const file = path.join(dir, `${provider}-ok.json`);
    writeFileSync(file, jsonFeed([`${provider}-keep`]));
    const summary = await runIngest(
      t.db,
      [`${base}/feed.xml`, "ftp://files.example/feed.xml", `${base}/missing.xml`, file],
      {
        allowPrivateNetwork: false,
      },
    );
    expect(summary.reports.map((r) => r.status)).toEqual(["rejected", "rejected", "rejected", "imported"]);
    const refused = summary.reports[0];
    expect(refused?.status === "rejected" && refused.reason).toMatch(/DISPATCH_ALLOW_PRIVATE_NETWORK/);
    expect(summary.reports[1]).toMatchObject({ reason: "unsupported URL scheme ftp:" });
    expect(summary.counts).toMatchObject({ failed: 3, new: 1 });
    expect(hits.get("/feed.xml") ?? 0).toBe(before);
  });

  it("subscribes to the feeds of an OPML file once, idempotently", async () => {
    const file = path.join(dir, `${provider}-subs.opml`);
    writeFileSync(file, opml([`https://${provider}-a.example/feed`, `https://${provider}-b.example/feed`]));
    const first = await runIngest(t.db, [file]);
    expect(first.reports[0]).toEqual({ file, status: "subscribed", feeds: 2, added: 2 });
    expect(first.counts.subscribed).toBe(2);
    const sources = await t.db.source.findMany({
      where: { feedUrl: { startsWith: `https://${provider}-` } },
      orderBy: { feedUrl: "asc" },
    });
    expect(sources.map((s) => [s.name, s.feedUrl, s.siteUrl])).toEqual([
      ["Feed 0", `https://${provider}-a.example/feed`, "https://site0.example/"],
      ["Feed 1", `https://${provider}-b.example/feed`, "https://site1.example/"],
    ]);
    const second = await runIngest(t.db, [file]);
    expect(second.reports[0]).toEqual({ file, status: "subscribed", feeds: 2, added: 0 });
    expect(await t.db.source.count({ where: { feedUrl: { startsWith: `https://${provider}-` } } })).toBe(2);
  });

  it("subscribes to the feeds of an OPML list fetched from a URL", async () => {
    const summary = await runIngest(t.db, [`${base}/list.opml`], allow);
    expect(summary.reports[0]).toMatchObject({ status: "subscribed", feeds: 2, added: 2 });
    expect(
      await t.db.source.count({
        where: { feedUrl: { in: ["https://remote-a.example/rss", "https://remote-b.example/atom"] } },
      }),
    ).toBe(2);
    expect((await runIngest(t.db, [`${base}/list.opml`], allow)).reports[0]).toMatchObject({ added: 0 });
  });

  it("imports a JSON Feed end to end: sanitized, tagged, deduplicated by id", async () => {
    const file = path.join(dir, `${provider}-desk.json`);
    writeFileSync(file, jsonFeed(["a", "b", "a"]));
    const summary = await runIngest(t.db, [file]);
    expect(summary.counts).toMatchObject({ new: 2, failed: 0 });
    const article = await t.db.article.findFirstOrThrow({
      where: { guid: "a", source: { name: "Json Desk" } },
      include: { countries: true, regions: true, source: true },
    });
    expect(article).toMatchObject({
      title: "Drought deepens in Namibia (a)",
      url: "https://json.example/story/a",
      author: "Desk",
      language: "en",
    });
    expect(article.publishedAt.toISOString()).toBe("2023-10-20T08:00:00.000Z");
    expect(article.bodyHtml).not.toMatch(/script|alert|onclick/);
    expect(article.bodyText).toContain("Rain is not expected before March.");
    expect(article.countries.map((c) => c.code)).toEqual(["NA"]);
    expect(article.regions.length).toBeGreaterThan(0);
    expect(article.source).toMatchObject({ siteUrl: "https://json.example/", feedUrl: null });
    expect((await runIngest(t.db, [file])).counts).toMatchObject({ new: 0, unchanged: 2 });

    // The same feed over HTTP, recognised by its content.
    const fetched = await runIngest(t.db, [`${base}/feed.json`], allow);
    expect(fetched.counts).toMatchObject({ new: 2, failed: 0 });
  });
});
