import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, expect, it } from "vitest";
import { describeEachProvider, useTestDatabase } from "@/lib/testing/databases";
import { backoffDelay } from "./fetch";
import { claimLease, pollSource, pollSources } from "./poll";
import { addSource } from "./sources";

interface FeedState {
  version: number;
  titles: string[];
}

const feeds = new Map<string, FeedState>();
let requests: { path: string; headers: IncomingHttpHeaders; status: number }[] = [];
let server: Server;
let base: string;

function rss(path: string, state: FeedState): string {
  const items = state.titles
    .map(
      (title, i) =>
        `<item><guid>${path}-${i}</guid><title>${title}</title><link>https://poll.example${path}/${i}</link>` +
        `<pubDate>Mon, 02 Oct 2023 1${i}:00:00 GMT</pubDate><description><![CDATA[<p>${title}, reported from Lisbon, Portugal.</p>]]></description></item>`,
    )
    .join("");
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>Feed ${path}</title><link>https://poll.example/</link>${items}</channel></rss>`;
}

beforeAll(async () => {
  server = createServer((req, res) => {
    const path = new URL(req.url ?? "/", "http://localhost").pathname;
    const answer = (status: number, headers: Record<string, string> = {}, body = "") => {
      requests.push({ path, headers: req.headers, status });
      res.writeHead(status, headers);
      res.end(body);
    };
    const feedPath = path.replace(/^\/slow/, "");
    const state = feeds.get(feedPath);
    if (path.startsWith("/moved/")) return answer(301, { location: path.replace("/moved/", "/") });
    if (path === "/broken.xml") return answer(500);
    if (path === "/busy.xml") return answer(503, { "retry-after": "7200" });
    if (path === "/page.html")
      return answer(200, { "content-type": "text/html" }, "<!doctype html><html><body>Hi</body></html>");
    if (!state) return answer(404);
    const etag = `"v${state.version}"`;
    const send = () => {
      if (req.headers["if-none-match"] === etag) return answer(304, { etag });
      answer(
        200,
        {
          "content-type": "application/rss+xml; charset=utf-8",
          etag,
          "last-modified": "Mon, 02 Oct 2023 12:00:00 GMT",
        },
        rss(feedPath, state),
      );
    };
    if (path.startsWith("/slow")) setTimeout(send, 300);
    else send();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

beforeEach(() => {
  requests = [];
});

const opts = { allowPrivateNetwork: true, timeoutMs: 5_000 };

await describeEachProvider("pollSource", ({ provider }) => {
  const t = useTestDatabase(provider);
  let n = 0;
  /** A feed of its own for each test, registered with the server and subscribed to. */
  async function subscribe(titles: string[], prefix = "") {
    const path = `/${provider}-${++n}.xml`;
    feeds.set(path, { version: 1, titles });
    const source = await addSource(t.db, { feedUrl: `${base}${prefix}${path}`, pollInterval: 900 });
    return { path, source };
  }

  it("fetches, stores and records validators; then a 304 writes nothing but the schedule", async () => {
    const { path, source } = await subscribe(["Storm nears Lisbon", "Ferry strike ends"]);
    const at = new Date();
    const first = await pollSource(t.db, source.id, { ...opts, now: () => at });
    expect(first).toMatchObject({ status: "fetched", counts: { new: 2, updated: 0, unchanged: 0 } });
    const stored = await t.db.source.findUniqueOrThrow({ where: { id: source.id } });
    expect(stored).toMatchObject({
      etag: '"v1"',
      lastModified: "Mon, 02 Oct 2023 12:00:00 GMT",
      failureCount: 0,
      lastError: null,
      leaseOwner: null,
      leaseUntil: null,
    });
    expect(stored.lastFetchedAt).toEqual(at);
    expect(stored.nextFetchAt).toEqual(new Date(at.getTime() + 900_000));
    const articles = await t.db.article.findMany({
      where: { sourceId: source.id },
      orderBy: { id: "asc" },
      include: { countries: true },
    });
    expect(articles.map((a) => a.title)).toEqual(["Storm nears Lisbon", "Ferry strike ends"]);
    expect(articles[0]?.countries.map((c) => c.code)).toEqual(["PT"]);

    const later = new Date(at.getTime() + 1_000_000);
    const second = await pollSource(t.db, source.id, { ...opts, now: () => later });
    expect(second).toMatchObject({ status: "not-modified" });
    expect(
      requests
        .filter((r) => r.path === path)
        .map((r) => [r.status, r.headers["if-none-match"], r.headers["if-modified-since"]]),
    ).toEqual([
      [200, undefined, undefined],
      [304, '"v1"', "Mon, 02 Oct 2023 12:00:00 GMT"],
    ]);
    const after304 = await t.db.source.findUniqueOrThrow({ where: { id: source.id } });
    expect(after304.lastFetchedAt).toEqual(later);
    expect(after304.nextFetchAt).toEqual(new Date(later.getTime() + 900_000));
    expect(after304.etag).toBe('"v1"');
    const unchanged = await t.db.article.findMany({ where: { sourceId: source.id }, orderBy: { id: "asc" } });
    expect(unchanged.map((a) => a.updatedAt)).toEqual(articles.map((a) => a.updatedAt));
  });

  it("updates a changed item in place when the feed changes", async () => {
    const { path, source } = await subscribe(["Bridge opens in Porto", "Harvest report"]);
    await pollSource(t.db, source.id, opts);
    const before = await t.db.article.findFirstOrThrow({
      where: { sourceId: source.id, title: "Bridge opens in Porto" },
    });
    feeds.set(path, { version: 2, titles: ["Bridge opening delayed in Porto", "Harvest report"] });
    const result = await pollSource(t.db, source.id, opts);
    expect(result).toMatchObject({ status: "fetched", counts: { new: 0, updated: 1, unchanged: 1 } });
    const after = await t.db.article.findUniqueOrThrow({ where: { id: before.id } });
    expect(after.title).toBe("Bridge opening delayed in Porto");
    expect(await t.db.article.count({ where: { sourceId: source.id } })).toBe(2);
    expect((await t.db.source.findUniqueOrThrow({ where: { id: source.id } })).etag).toBe('"v2"');
  });

  it("backs off after failures, honours Retry-After, and resets on success", async () => {
    const broken = await addSource(t.db, { feedUrl: `${base}/broken.xml?${provider}` });
    const at = new Date();
    const first = await pollSource(t.db, broken.id, { ...opts, now: () => at });
    expect(first).toMatchObject({ status: "failed", reason: "HTTP 500 Internal Server Error" });
    let row = await t.db.source.findUniqueOrThrow({ where: { id: broken.id } });
    expect(row).toMatchObject({
      failureCount: 1,
      lastError: "HTTP 500 Internal Server Error",
      lastFetchedAt: null,
      leaseOwner: null,
    });
    expect(row.nextFetchAt).toEqual(new Date(at.getTime() + backoffDelay(1) * 1000));
    await pollSource(t.db, broken.id, { ...opts, now: () => at });
    row = await t.db.source.findUniqueOrThrow({ where: { id: broken.id } });
    expect(row.failureCount).toBe(2);
    expect(row.nextFetchAt).toEqual(new Date(at.getTime() + backoffDelay(2) * 1000));

    const busy = await addSource(t.db, { feedUrl: `${base}/busy.xml?${provider}` });
    await pollSource(t.db, busy.id, { ...opts, now: () => at });
    row = await t.db.source.findUniqueOrThrow({ where: { id: busy.id } });
    expect(row.lastError).toBe("HTTP 503 Service Unavailable");
    expect(row.nextFetchAt).toEqual(new Date(at.getTime() + 7200 * 1000));

    const html = await addSource(t.db, { feedUrl: `${base}/page.html?${provider}` });
    expect(await pollSource(t.db, html.id, opts)).toMatchObject({
      status: "failed",
      reason: "not a feed: HTML page",
    });

    // A source that recovers has its failures and error cleared.
    const { source } = await subscribe(["Recovered"]);
    await t.db.source.update({
      where: { id: source.id },
      data: { failureCount: 3, lastError: "HTTP 502 Bad Gateway" },
    });
    expect(await pollSource(t.db, source.id, opts)).toMatchObject({ status: "fetched" });
    expect(await t.db.source.findUniqueOrThrow({ where: { id: source.id } })).toMatchObject({
      failureCount: 0,
      lastError: null,
    });
  });

  it("follows a permanent redirect by moving the feed's address", async () => {
    const { path, source } = await subscribe(["Moved story"], "/moved");
    const result = await pollSource(t.db, source.id, opts);
    expect(result).toMatchObject({ status: "fetched", movedTo: `${base}${path}` });
    expect((await t.db.source.findUniqueOrThrow({ where: { id: source.id } })).feedUrl).toBe(
      `${base}${path}`,
    );
  });

  it("refuses loopback addresses unless private networks are allowed", async () => {
    const { source } = await subscribe(["Private"]);
    const result = await pollSource(t.db, source.id, { allowPrivateNetwork: false });
    expect(result.status).toBe("failed");
    expect(result.status === "failed" && result.reason).toMatch(/DISPATCH_ALLOW_PRIVATE_NETWORK/);
    expect(requests).toEqual([]);
  });

  it("skips a source another poller holds, and takes over an expired lease", async () => {
    const { source } = await subscribe(["Leased"]);
    const now = new Date();
    expect(await claimLease(t.db, source.id, "other-poller", now, new Date(now.getTime() + 60_000))).toBe(
      true,
    );
    expect(await claimLease(t.db, source.id, "third-poller", now, new Date(now.getTime() + 60_000))).toBe(
      false,
    );
    expect(await pollSource(t.db, source.id, { ...opts, now: () => now })).toEqual({
      status: "busy",
      sourceId: source.id,
    });
    expect(requests).toEqual([]);
    const afterExpiry = new Date(now.getTime() + 61_000);
    expect(await pollSource(t.db, source.id, { ...opts, now: () => afterExpiry })).toMatchObject({
      status: "fetched",
    });
  });

  it("a scheduler's claim fails once another poller has fetched the source since it looked", async () => {
    const { source } = await subscribe(["Stale look"]);
    const now = new Date();
    // Poller A fetches the due source: its next fetch is now an interval away.
    const first = await pollSource(t.db, source.id, { ...opts, now: () => now, onlyIfDue: true });
    expect(["fetched", "not-modified"]).toContain(first.status);
    const before = requests.length;
    // Poller B saw the source as due before A finished; its claim must see that it no longer is.
    const later = new Date(now.getTime() + 50);
    expect(await pollSource(t.db, source.id, { ...opts, now: () => later, onlyIfDue: true })).toEqual({
      status: "busy",
      sourceId: source.id,
    });
    expect(requests.length).toBe(before);
    // "Poll now" and `poll --once` do not ask for due-ness.
    const forced = await pollSource(t.db, source.id, { ...opts, now: () => later });
    expect(["fetched", "not-modified"]).toContain(forced.status);
    expect(requests.length).toBe(before + 1);
  });

  it("lets only one of two concurrent pollers poll a source", async () => {
    const { path, source } = await subscribe(["Race"], "/slow");
    const results = await Promise.all([
      pollSource(t.db, source.id, { ...opts, owner: "poller-a" }),
      pollSource(t.db, source.id, { ...opts, owner: "poller-b" }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(["busy", "fetched"]);
    expect(requests.filter((r) => r.path === `/slow${path}`)).toHaveLength(1);
    expect(await t.db.article.count({ where: { sourceId: source.id } })).toBe(1);
  });
});

await describeEachProvider("pollSources", ({ provider }) => {
  const t = useTestDatabase(provider);

  it("polls every feed once with `once`, and only due feeds otherwise, until stopped", async () => {
    const paths = [`/${provider}-run-a.xml`, `/${provider}-run-b.xml`];
    feeds.set(paths[0]!, { version: 1, titles: ["Alpha one", "Alpha two"] });
    feeds.set(paths[1]!, { version: 1, titles: ["Beta one"] });
    for (const path of paths) await addSource(t.db, { feedUrl: `${base}${path}` });
    await addSource(t.db, { feedUrl: `${base}/broken.xml?run-${provider}` });
    // A source of imported files has no feed and is never polled.
    await t.db.source.create({ data: { name: "Imported files" } });

    const seen: string[] = [];
    const once = await pollSources(t.db, { ...opts, once: true, onResult: (r) => seen.push(r.status) });
    expect(once).toMatchObject({
      polls: 3,
      fetched: 2,
      failed: 1,
      notModified: 0,
      new: 3,
      rounds: 1,
      errors: 0,
    });
    expect(seen.sort()).toEqual(["failed", "fetched", "fetched"]);

    const again = await pollSources(t.db, { ...opts, once: true });
    expect(again).toMatchObject({ polls: 3, notModified: 2, failed: 1, new: 0 });

    // Continuous: nothing is due (just polled; the broken feed backs off), so no request is made until stopped.
    requests = [];
    const stop = new AbortController();
    const running = pollSources(t.db, { ...opts, signal: stop.signal, maxSleepMs: 50 });
    await new Promise((r) => setTimeout(r, 300));
    // A feed added meanwhile is due at once and picked up by the running poller.
    const added = `/${provider}-run-c.xml`;
    feeds.set(added, { version: 1, titles: ["Gamma one"] });
    await addSource(t.db, { feedUrl: `${base}${added}` });
    const deadline = Date.now() + 10_000;
    while (requests.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    stop.abort();
    const summary = await running;
    expect(requests.map((r) => r.path)).toEqual([added]);
    expect(summary).toMatchObject({ polls: 1, fetched: 1, new: 1 });
    expect(await t.db.source.count({ where: { leaseOwner: { not: null } } })).toBe(0);
  });

  it("throws when the database cannot be read at the start", async () => {
    const { createDb } = await import("@/lib/db");
    const broken = createDb(provider === "sqlite" ? "file:/nonexistent-dir/none.db" : `${t.url}_missing`);
    await expect(pollSources(broken, { ...opts, once: true })).rejects.toThrow();
    await broken.$disconnect().catch(() => undefined);
  });
});
