import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { discoverFeeds, feedLinks } from "./discover";

const RSS = `<?xml version="1.0"?><rss version="2.0"><channel><title>Found Feed</title><link>https://x.example/</link>
<item><title>One</title><link>https://x.example/1</link></item></channel></rss>`;

describe("feedLinks", () => {
  it("reads <link rel=alternate> feeds, resolved against the page or its <base>, skipping other links", () => {
    const html = `<html><head><base href="https://cdn.example/news/">
      <link rel="stylesheet" href="/s.css"><link rel="alternate" type="text/html" hreflang="fr" href="/fr">
      <link rel="alternate" type="application/rss+xml" title="All news" href="rss.xml">
      <link rel="Alternate" type="application/atom+xml; charset=utf-8" href="https://site.example/atom">
      <link rel="alternate" type="application/rss+xml" href="javascript:alert(1)">
      <link rel="alternate" type="application/rss+xml" href="rss.xml"></head></html>`;
    expect(feedLinks(html, "https://site.example/page")).toEqual([
      { feedUrl: "https://cdn.example/news/rss.xml", title: "All news" },
      { feedUrl: "https://site.example/atom", title: null },
    ]);
  });
});

describe("discoverFeeds", () => {
  let server: Server;
  let base = "";
  beforeAll(async () => {
    server = createServer((req, res) => {
      const pages: Record<string, [string, string]> = {
        "/feed.xml": ["application/rss+xml", RSS],
        "/one/": ["text/html", `<link rel="alternate" type="application/rss+xml" href="/feed.xml">`],
        "/two/": [
          "text/html",
          `<link rel="alternate" type="application/rss+xml" title="A" href="/feed.xml"><link rel="alternate" type="application/atom+xml" title="B" href="/b.xml">`,
        ],
        "/none/": ["text/html", `<p>no feeds</p>`],
      };
      const page = pages[req.url ?? ""];
      if (!page) {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { "content-type": page[0] }).end(page[1]);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const allow = { allowPrivateNetwork: true, timeoutMs: 5000 };

  it("takes a feed address as it is", async () => {
    expect(await discoverFeeds(`${base}/feed.xml`, allow)).toEqual({
      status: "feed",
      feed: { feedUrl: `${base}/feed.xml`, title: "Found Feed" },
    });
  });

  it("finds the one feed a page links, offers several, and tries the usual paths", async () => {
    expect(await discoverFeeds(`${base}/one/`, allow)).toMatchObject({
      status: "feed",
      feed: { feedUrl: `${base}/feed.xml` },
    });
    const two = await discoverFeeds(`${base}/two/`, allow);
    expect(two.status === "choices" && two.feeds.map((f) => f.title)).toEqual(["A", "B"]);
    // /none/ links nothing, but the site has /feed.xml.
    expect(await discoverFeeds(`${base}/none/`, allow)).toMatchObject({
      status: "feed",
      feed: { feedUrl: `${base}/feed.xml` },
    });
  });

  it("keeps the SSRF guard: a loopback address is refused unless allowed", async () => {
    const refused = await discoverFeeds(`${base}/one/`, { allowPrivateNetwork: false });
    expect(refused).toMatchObject({ status: "none" });
    expect(refused.status === "none" && refused.reason).toMatch(/refused: 127\.0\.0\.1/);
  });
});
