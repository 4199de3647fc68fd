import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, expect, it } from "vitest";
import { pollSources } from "@/lib/ingest/poll";
import { describeEachProvider, useTestDatabase } from "@/lib/testing/databases";
import {
  hasSubscriptions,
  pollNow,
  setPaused,
  sourcesOverview,
  subscribeToAddress,
  updateSource,
} from "./sources";

const day = 86_400_000;
let requests = 0;
let server: Server;
let base = "";

// One item today, yesterday and the day before (UTC), fixed once so every fetch serves the same feed: an
// hour before now, or half the time since midnight when the day is younger than two hours.
const loadedAt = Date.now();
const sinceMidnight = loadedAt % day;
const publishedAt = [0, 1, 2].map(
  (d) => new Date(loadedAt - d * day - Math.min(3600_000, sinceMidnight / 2)),
);

function rss(): string {
  const items = publishedAt
    .map(
      (date, d) =>
        `<item><guid>admin-${d}</guid><title>Admin story ${d}</title><link>https://a.example/${d}</link><pubDate>${date.toUTCString()}</pubDate></item>`,
    )
    .join("");
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>Admin Feed</title><link>https://a.example/</link>${items}</channel></rss>`;
}

beforeAll(async () => {
  server = createServer((req, res) => {
    requests++;
    if (req.url === "/site/") {
      res.writeHead(200, { "content-type": "text/html" });
      res.end(
        `<html><head><link rel="alternate" type="application/rss+xml" href="/site/feed.xml"></head></html>`,
      );
    } else if (req.url === "/site/feed.xml") {
      res.writeHead(200, { "content-type": "application/rss+xml" });
      res.end(rss());
    } else if (req.url === "/gone.xml") {
      res.writeHead(410).end();
    } else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

await describeEachProvider("admin sources", ({ provider }) => {
  const t = useTestDatabase(provider);
  const allow = { allowPrivateNetwork: true };

  it("subscribes to a site's address through its linked feed and fetches it at once", async () => {
    expect(await hasSubscriptions(t.db)).toBe(false);
    const outcome = await subscribeToAddress(t.db, `${base}/site/`, allow);
    expect(outcome).toMatchObject({
      status: "subscribed",
      name: "Admin Feed",
      feedUrl: `${base}/site/feed.xml`,
    });
    expect(outcome.status === "subscribed" && outcome.poll).toMatchObject({
      status: "fetched",
      counts: { new: 3 },
    });
    expect(await hasSubscriptions(t.db)).toBe(true);
    // The same address again is refused in words.
    expect(await subscribeToAddress(t.db, `${base}/site/feed.xml`, allow)).toMatchObject({
      status: "refused",
      reason: expect.stringMatching(/already subscribed/) as unknown,
    });
  });

  it("shows each source's figures: status, counts, articles per day, failures flagged after a day", async () => {
    const gone = await t.db.source.create({ data: { name: "Gone", feedUrl: `${base}/gone.xml` } });
    expect(await pollNow(t.db, gone.id, allow)).toMatchObject({ status: "failed" });
    // Pretend it has been failing for two days.
    await t.db.source.update({
      where: { id: gone.id },
      data: { failingSince: new Date(Date.now() - 2 * day) },
    });

    const overview = await sourcesOverview(t.db);
    const feed = overview.sources.find((s) => s.name === "Admin Feed");
    expect(feed).toMatchObject({
      articles: 3,
      articlesLastWeek: 3,
      lastStatus: 200,
      failureCount: 0,
      paused: false,
    });
    expect(feed?.perDay.slice(-3)).toEqual([1, 1, 1]);
    expect(feed?.perDay).toHaveLength(30);
    const failing = overview.sources.find((s) => s.id === gone.id);
    expect(failing).toMatchObject({
      lastStatus: 410,
      failureCount: 1,
      failingLong: true,
      lastError: "HTTP 410 Gone",
    });
    expect(overview.failingLong).toBe(1);
    await t.db.source.delete({ where: { id: gone.id } });
  });

  it("a paused source is skipped by pollers until resumed; edits change name and interval", async () => {
    const source = await t.db.source.findFirstOrThrow({ where: { name: "Admin Feed" } });
    await updateSource(t.db, source.id, { name: "Renamed Feed", pollInterval: 900 });
    await setPaused(t.db, source.id, true);
    const before = requests;
    const paused = await pollSources(t.db, { once: true, allowPrivateNetwork: true });
    expect(paused.polls).toBe(0);
    expect(requests).toBe(before);
    expect((await sourcesOverview(t.db)).sources[0]).toMatchObject({
      name: "Renamed Feed",
      pollInterval: 900,
      paused: true,
    });
    // "Poll now" still works on a paused source.
    expect(await pollNow(t.db, source.id, allow)).toMatchObject({
      status: "fetched",
      counts: { unchanged: 3 },
    });
    await setPaused(t.db, source.id, false);
    const resumed = await pollSources(t.db, { once: true, allowPrivateNetwork: true });
    expect(resumed.polls).toBe(1);
    await expect(updateSource(t.db, 999_999, { name: "x", pollInterval: 900 })).rejects.toThrow(/no source/);
  });
});
